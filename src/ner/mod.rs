//! Learned part-of-speech and named-entity taggers for English news.
//!
//! Two greedy left-to-right averaged-perceptron taggers, trained on the
//! CoNLL-2003 English training set and shipped inside the crate:
//!
//! * [`PosTagger`]: Penn Treebank POS tags (as in the CoNLL POS column);
//! * [`NerTagger`]: PER / ORG / LOC / MISC entities (BILOU labels inside,
//!   decoded into [`EntitySpan`]s), using the POS tags as features.
//!
//! Features are hashed (word, lower-cased word, word shape, prefixes and
//! suffixes, neighbouring words and shapes, a "headline in capitals" flag,
//! the previous two predicted labels, and for NER the POS tags, a
//! gazetteer of entity phrases seen in training and a lexicon of how each
//! training word is usually written: lower case, capitalised, capitals). Weights are quantised
//! to `i8` per feature row; the file format is described in `model.rs`.
//! The models are embedded with `include_bytes!` and parsed on first use.
//!
//! # Accuracy and speed (CoNLL-2003 English, models as shipped)
//!
//! | set  | PER F1 | ORG F1 | LOC F1 | MISC F1 | all F1 | actor F1 | POS acc. |
//! |------|--------|--------|--------|---------|--------|----------|----------|
//! | dev  | 91.40  | 84.23  | 94.14  | 86.81   | 89.95  | 95.00    | 95.61 %  |
//! | test | 86.86  | 77.67  | 87.95  | 79.31   | 83.58  | 91.23    | 95.21 %  |
//!
//! "Actor" merges PER, ORG and LOC into one type and drops MISC (exact
//! spans). One thread tags about 1.2 million words/s (POS + NER, CPU time,
//! 2-core AMD EPYC VM), POS alone about 2.9 million; both models take
//! 2.6 MB and parse in about 5 ms. Known weak spots: names unseen in 1996
//! news without a title or role word next to them are sometimes typed LOC
//! or ORG, and single unknown capitalised words default to PER.
//!
//! # Training
//!
//! ```text
//! cargo run --release --example train_ner -- \
//!     --train ../shared/eval/conll2003/train.txt \
//!     --dev ../shared/eval/conll2003/dev.txt --out data/ner/
//! ```
//!
//! writes `data/ner/pos.bin` and `data/ner/ner.bin` (deterministic: fixed
//! shuffling seed), printing dev scores per epoch; rebuild the crate
//! afterwards to embed the new files. `test.txt` is never used to train
//! or tune. Evaluate with [`evaluate`] (`cargo test --release --test
//! ner_conll` runs it on the CoNLL test set).

pub mod conll;
pub(crate) mod features;
mod gazetteer;
pub(crate) mod model;
pub mod train;

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use features::{SentCtx, Tok};
use model::{Model, Scratch, Task};

static POS_MODEL: &[u8] = include_bytes!("../../data/ner/pos.bin");
static NER_MODEL: &[u8] = include_bytes!("../../data/ner/ner.bin");

// ---------------------------------------------------------------- types

/// Entity type of the CoNLL-2003 scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location (including countries and cities).
    Loc,
    /// Miscellaneous names (nationalities, events, products, ...).
    Misc,
}

impl EntityKind {
    /// All kinds, in the order used by reports.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Per,
        EntityKind::Org,
        EntityKind::Loc,
        EntityKind::Misc,
    ];

    /// CoNLL name: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        model::NER_TYPES[self.index()]
    }

    /// Kind from its CoNLL name.
    pub fn from_conll(s: &str) -> Option<EntityKind> {
        model::NER_TYPES
            .iter()
            .position(|&t| t == s)
            .map(|i| EntityKind::ALL[i])
    }

    /// True for the "actor" kinds PER, ORG and LOC.
    pub fn is_actor(self) -> bool {
        self != EntityKind::Misc
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity found by [`NerTagger::entities`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntitySpan {
    /// Index of the first token.
    pub start: usize,
    /// One past the index of the last token.
    pub end: usize,
    /// Entity type.
    pub kind: EntityKind,
    /// Confidence in `0..=1`: `1 - exp(-m / 8)` where `m` is the smallest,
    /// over the span's tokens, score margin between the chosen label and the
    /// best other allowed label (perceptron units). Not a calibrated
    /// probability, but monotone in how clearly the tagger preferred this
    /// span: on CoNLL dev, spans scoring below about 0.6 are wrong roughly
    /// half of the time, while nine in ten correct spans score above 0.8.
    /// Forced continuations (only one label allowed) count as certain.
    pub score: f32,
}

const POS_TAGS: [&str; 47] = [
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
    "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG",
    "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "#", "$", ".", ",", ":", "(", ")", "\"", "''",
    "``", "NN|SYM",
];

/// A Penn Treebank part-of-speech tag, as used in CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PosTag(u8);

impl PosTag {
    /// The tag as written in the Penn Treebank (`NNP`, `VBD`, `,`, ...).
    pub fn as_str(&self) -> &'static str {
        POS_TAGS[self.0 as usize]
    }

    /// Tag from its Penn Treebank spelling.
    pub fn from_ptb(s: &str) -> Option<PosTag> {
        POS_TAGS
            .iter()
            .position(|&t| t == s)
            .map(|i| PosTag(i as u8))
    }

    /// Verb forms: `VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ` (not modal `MD`).
    pub fn is_verb(&self) -> bool {
        self.as_str().starts_with("VB")
    }

    /// Nouns, common or proper: `NN`, `NNS`, `NNP`, `NNPS`.
    pub fn is_noun(&self) -> bool {
        matches!(self.as_str(), "NN" | "NNS" | "NNP" | "NNPS" | "NN|SYM")
    }

    /// Index of the tag in the crate's tag table (stable within a build).
    pub(crate) fn id(self) -> u8 {
        self.0
    }

    /// Proper nouns: `NNP`, `NNPS`.
    pub fn is_proper_noun(&self) -> bool {
        matches!(self.as_str(), "NNP" | "NNPS")
    }
}

impl fmt::Display for PosTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Errors of this module.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a CoNLL file is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file is invalid.
    #[error("invalid model: {0}")]
    Model(String),
}

// ---------------------------------------------------------------- taggers

/// Time spent parsing the built-in models (sum of both, once loaded).
static LOAD_NANOS: [std::sync::atomic::AtomicU64; 2] = [
    std::sync::atomic::AtomicU64::new(0),
    std::sync::atomic::AtomicU64::new(0),
];

/// Time it took to parse the built-in models that have been loaded so far.
pub fn builtin_load_time() -> Duration {
    let n: u64 = LOAD_NANOS
        .iter()
        .map(|a| a.load(std::sync::atomic::Ordering::Relaxed))
        .sum();
    Duration::from_nanos(n)
}

fn timed_load<T>(slot: usize, f: impl FnOnce() -> T) -> T {
    let t0 = Instant::now();
    let v = f();
    LOAD_NANOS[slot].store(
        t0.elapsed().as_nanos() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
    v
}

/// Per-thread buffers so that tagging allocates only its result.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    pos: Vec<u8>,
    gaz: Vec<u32>,
    lex: Vec<u8>,
    tags: Vec<u8>,
    margins: Vec<f32>,
    chunks: Vec<(usize, usize, u8)>,
    scratch: Scratch,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Part-of-speech tagger (Penn Treebank tags).
#[derive(Debug)]
pub struct PosTagger {
    model: Model,
    /// POS tag of each model label.
    tags: Vec<PosTag>,
}

impl PosTagger {
    /// The tagger embedded in the crate, parsed on first use.
    ///
    /// # Panics
    /// If the embedded model file is invalid (a build without trained
    /// models); see the module docs for the training command.
    pub fn builtin() -> &'static PosTagger {
        static CELL: OnceLock<PosTagger> = OnceLock::new();
        CELL.get_or_init(|| {
            timed_load(0, || {
                PosTagger::from_bytes(Cow::Borrowed(POS_MODEL))
                    .unwrap_or_else(|e| panic!("built-in POS model (data/ner/pos.bin): {e}"))
            })
        })
    }

    /// Loads a POS model from the bytes of a model file.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<PosTagger, NerError> {
        let model = Model::from_bytes(bytes).map_err(|e| NerError::Model(e.0))?;
        if model.task != Task::Pos {
            return Err(NerError::Model("not a POS model".into()));
        }
        let tags = model
            .labels
            .iter()
            .map(|l| {
                PosTag::from_ptb(l).ok_or_else(|| NerError::Model(format!("unknown POS tag {l:?}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(PosTagger { model, tags })
    }

    /// Tags a tokenised sentence; returns one tag per word.
    pub fn tag(&self, words: &[&str]) -> Vec<PosTag> {
        BUFFERS.with(|b| {
            let b = &mut *b.borrow_mut();
            features::padded_toks(words, &mut b.toks);
            self.tag_prepared(b)
        })
    }

    /// Tags the sentence whose tokens are in `b.toks`.
    fn tag_prepared(&self, b: &mut Buffers) -> Vec<PosTag> {
        let ctx = SentCtx {
            toks: &b.toks,
            pos: &[],
            gaz: &[],
            lex: &[],
            caps: features::caps_sentence(features::unpad(&b.toks)),
        };
        model::decode(
            &self.model,
            Task::Pos,
            &ctx,
            &mut b.scratch,
            &mut b.tags,
            None,
        );
        b.tags.iter().map(|&l| self.tags[l as usize]).collect()
    }
}

/// Named-entity tagger (PER, ORG, LOC, MISC).
#[derive(Debug)]
pub struct NerTagger {
    model: Model,
}

/// Margin (perceptron units) that maps to a score of `1 - 1/e` (see
/// [`EntitySpan::score`]).
const MARGIN_SCALE: f32 = 8.0;

/// POS id used for a token whose POS tag was not given.
const POS_MISSING: u8 = 253;

impl NerTagger {
    /// The tagger embedded in the crate, parsed on first use.
    ///
    /// # Panics
    /// If the embedded model file is invalid (a build without trained
    /// models); see the module docs for the training command.
    pub fn builtin() -> &'static NerTagger {
        static CELL: OnceLock<NerTagger> = OnceLock::new();
        CELL.get_or_init(|| {
            timed_load(1, || {
                NerTagger::from_bytes(Cow::Borrowed(NER_MODEL))
                    .unwrap_or_else(|e| panic!("built-in NER model (data/ner/ner.bin): {e}"))
            })
        })
    }

    /// Loads a NER model from the bytes of a model file.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<NerTagger, NerError> {
        let model = Model::from_bytes(bytes).map_err(|e| NerError::Model(e.0))?;
        if model.task != Task::Ner || model.labels != model::ner_labels() {
            return Err(NerError::Model("not a BILOU NER model".into()));
        }
        Ok(NerTagger { model })
    }

    /// Entities of a tokenised sentence, in order, never overlapping.
    ///
    /// `pos` should hold the tags of [`PosTagger::tag`] for the same words;
    /// if its length differs, the POS features of the missing tokens are
    /// left out (accuracy drops, nothing fails).
    pub fn entities(&self, words: &[&str], pos: &[PosTag]) -> Vec<EntitySpan> {
        BUFFERS.with(|b| {
            let b = &mut *b.borrow_mut();
            features::padded_toks(words, &mut b.toks);
            self.entities_prepared(b, pos)
        })
    }

    /// Entities of the sentence whose tokens are in `b.toks`.
    fn entities_prepared(&self, b: &mut Buffers, pos: &[PosTag]) -> Vec<EntitySpan> {
        let n = features::unpad(&b.toks).len();
        features::padded_pos(
            (0..n).map(|i| pos.get(i).map_or(POS_MISSING, |p| p.0)),
            &mut b.pos,
        );
        gazetteer::match_bits(&self.model.gazetteer, &b.toks, &mut b.gaz);
        gazetteer::word_bits(&self.model.gazetteer, &b.toks, &mut b.lex);
        let ctx = SentCtx {
            toks: &b.toks,
            pos: &b.pos,
            gaz: &b.gaz,
            lex: &b.lex,
            caps: features::caps_sentence(features::unpad(&b.toks)),
        };
        model::decode(
            &self.model,
            Task::Ner,
            &ctx,
            &mut b.scratch,
            &mut b.tags,
            Some(&mut b.margins),
        );
        model::bilou_chunks(&b.tags, &mut b.chunks);
        b.chunks
            .iter()
            .map(|&(start, end, k)| {
                let m = b.margins[start..end]
                    .iter()
                    .fold(f32::INFINITY, |a, &x| a.min(x));
                EntitySpan {
                    start,
                    end,
                    kind: EntityKind::ALL[k as usize],
                    score: 1.0 - (-m / MARGIN_SCALE).exp(),
                }
            })
            .collect()
    }
}

/// POS tags and entities of a tokenised sentence with the built-in taggers.
///
/// Same result as [`PosTagger::tag`] followed by [`NerTagger::entities`],
/// but the per-token work (hashing the words) is done once for both.
pub fn tag_sentence(words: &[&str]) -> (Vec<PosTag>, Vec<EntitySpan>) {
    let (pos_tagger, ner_tagger) = (PosTagger::builtin(), NerTagger::builtin());
    BUFFERS.with(|b| {
        let b = &mut *b.borrow_mut();
        features::padded_toks(words, &mut b.toks);
        let pos = pos_tagger.tag_prepared(b);
        let entities = ner_tagger.entities_prepared(b, &pos);
        (pos, entities)
    })
}

// ---------------------------------------------------------------- evaluation

/// Counts behind precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub pred: usize,
    /// Predicted entities equal to a gold one.
    pub correct: usize,
}

impl Prf {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.pred)
    }
    /// Recall (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Entity-level scores of predictions against gold chunks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NerCounts {
    /// Per type, in [`EntityKind::ALL`] order (exact span and type).
    pub per_type: [Prf; 4],
    /// All types (exact span and type).
    pub overall: Prf,
    /// PER, ORG and LOC merged into one type, MISC dropped from both sides.
    pub actor: Prf,
}

impl NerCounts {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[conll::Chunk], pred: &[conll::Chunk]) {
        for g in gold {
            self.per_type[g.kind.index()].gold += 1;
            self.overall.gold += 1;
            self.actor.gold += usize::from(g.kind.is_actor());
        }
        for p in pred {
            self.per_type[p.kind.index()].pred += 1;
            self.overall.pred += 1;
            if p.kind.is_actor() {
                self.actor.pred += 1;
                let hit = gold
                    .iter()
                    .any(|g| g.kind.is_actor() && g.start == p.start && g.end == p.end);
                self.actor.correct += usize::from(hit);
            }
            if gold.contains(p) {
                self.per_type[p.kind.index()].correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// Scores for one kind.
    pub fn kind(&self, k: EntityKind) -> Prf {
        self.per_type[k.index()]
    }
}

/// Result of [`evaluate`].
#[derive(Clone, Debug)]
pub struct NerReport {
    /// The evaluated file.
    pub path: PathBuf,
    /// Sentences in the file.
    pub sentences: usize,
    /// Tokens in the file.
    pub words: usize,
    /// Entity scores.
    pub ner: NerCounts,
    /// Tokens whose predicted POS tag equals the file's.
    pub pos_correct: usize,
    /// NER throughput, POS tagging included (median of 3 timed runs,
    /// wall-clock time).
    pub ner_words_per_sec: f64,
    /// The same runs timed by the CPU time of the tagging thread (Linux;
    /// elsewhere equal to `ner_words_per_sec`). It matches the wall-clock
    /// figure on an idle machine and, unlike it, does not drop when other
    /// processes keep the thread waiting for a core.
    pub ner_cpu_words_per_sec: f64,
    /// POS-only throughput (median of 3 timed runs, wall-clock time).
    pub pos_words_per_sec: f64,
    /// Seconds of each timed NER (incl. POS) run.
    pub ner_runs: Vec<f64>,
    /// Time it took to parse the embedded models.
    pub load_time: Duration,
}

impl NerReport {
    /// POS accuracy (0..1).
    pub fn pos_accuracy(&self) -> f64 {
        ratio(self.pos_correct, self.words)
    }
    /// F1 of PER, ORG and LOC merged (MISC dropped), exact span.
    pub fn actor_f1(&self) -> f64 {
        self.ner.actor.f1()
    }
    /// Typed F1 of PER.
    pub fn per_f1(&self) -> f64 {
        self.ner.kind(EntityKind::Per).f1()
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "NER evaluation of {}: {} sentences, {} words",
            self.path.display(),
            self.sentences,
            self.words
        )?;
        writeln!(
            f,
            "{:<8}{:>7}{:>7}{:>7}{:>8}{:>8}{:>8}",
            "type", "gold", "pred", "corr", "P", "R", "F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Prf, note: &str| {
            writeln!(
                f,
                "{:<8}{:>7}{:>7}{:>7}{:>8.2}{:>8.2}{:>8.2}{note}",
                name,
                c.gold,
                c.pred,
                c.correct,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            )
        };
        for k in EntityKind::ALL {
            row(f, k.as_str(), &self.ner.kind(k), "")?;
        }
        row(f, "overall", &self.ner.overall, "")?;
        row(
            f,
            "ACTOR",
            &self.ner.actor,
            "   (PER+ORG+LOC merged, MISC dropped, exact span)",
        )?;
        writeln!(f, "PER-only F1: {:.2}", 100.0 * self.per_f1())?;
        writeln!(
            f,
            "POS accuracy: {:.2}% ({}/{})",
            100.0 * self.pos_accuracy(),
            self.pos_correct,
            self.words
        )?;
        let runs: Vec<String> = self.ner_runs.iter().map(|s| format!("{s:.4}")).collect();
        writeln!(
            f,
            "speed: NER incl. POS {:.0} words/s (wall clock, runs_s=[{}], median of 3, 1 thread; \
             {:.0} words/s by thread CPU time); POS only {:.0} words/s",
            self.ner_words_per_sec,
            runs.join(", "),
            self.ner_cpu_words_per_sec,
            self.pos_words_per_sec
        )?;
        write!(
            f,
            "model load: {:.2} ms",
            self.load_time.as_secs_f64() * 1e3
        )
    }
}

/// CPU time consumed so far by the calling thread (Linux), so that speed
/// can be measured apart from time the thread spent waiting for a core.
pub(crate) fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

pub(crate) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Tags every sentence of a CoNLL-2003 file with the built-in taggers and
/// scores the result (entities: exact span match, conlleval chunking).
///
/// Speed: after a warm-up pass (which also gives the scores), three timed
/// passes of POS + NER tagging ([`tag_sentence`]) over all sentences on the
/// calling thread; the median is reported. POS-only speed
/// ([`PosTagger::tag`]) is measured the same way.
pub fn evaluate(path: &Path) -> Result<NerReport, NerError> {
    let sentences = conll::read(path)?;
    let pos_tagger = PosTagger::builtin();
    NerTagger::builtin(); // load (and time) both models before tagging
    let refs: Vec<Vec<&str>> = sentences.iter().map(|s| s.word_refs()).collect();
    let words: usize = refs.iter().map(Vec::len).sum();

    let mut counts = NerCounts::default();
    let mut pos_correct = 0;
    for (s, w) in sentences.iter().zip(&refs) {
        let (pos, entities) = tag_sentence(w);
        pos_correct += pos
            .iter()
            .zip(&s.pos)
            .filter(|(p, g)| p.as_str() == g.as_str())
            .count();
        let pred: Vec<conll::Chunk> = entities
            .iter()
            .map(|e| conll::Chunk {
                start: e.start,
                end: e.end,
                kind: e.kind,
            })
            .collect();
        counts.add(&s.entities(), &pred);
    }

    // (wall-clock seconds, CPU seconds of this thread) of 3 timed passes
    let time = |f: &dyn Fn(&[&str]) -> usize| -> (Vec<f64>, Option<Vec<f64>>) {
        let mut wall = Vec::new();
        let mut cpu = Some(Vec::new());
        for _ in 0..3 {
            let c0 = thread_cpu_time();
            let t0 = Instant::now();
            let mut sink = 0usize;
            for w in &refs {
                sink = sink.wrapping_add(f(w));
            }
            std::hint::black_box(sink);
            wall.push(t0.elapsed().as_secs_f64());
            match (c0, thread_cpu_time(), cpu.as_mut()) {
                (Some(a), Some(b), Some(v)) => v.push((b - a).as_secs_f64()),
                _ => cpu = None,
            }
        }
        (wall, cpu)
    };
    let (ner_runs, ner_cpu) = time(&|w| tag_sentence(w).1.len());
    let (pos_runs, _) = time(&|w| pos_tagger.tag(w).len());
    let ner_words_per_sec = words as f64 / median(ner_runs.clone());
    Ok(NerReport {
        path: path.to_path_buf(),
        sentences: sentences.len(),
        words,
        ner: counts,
        pos_correct,
        ner_words_per_sec,
        ner_cpu_words_per_sec: ner_cpu.map_or(ner_words_per_sec, |v| words as f64 / median(v)),
        pos_words_per_sec: words as f64 / median(pos_runs),
        ner_runs,
        load_time: builtin_load_time(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    fn ents(sentence: &str) -> Vec<(String, EntityKind)> {
        let w = split(sentence);
        let pos = PosTagger::builtin().tag(&w);
        NerTagger::builtin()
            .entities(&w, &pos)
            .iter()
            .map(|e| (w[e.start..e.end].join(" "), e.kind))
            .collect()
    }

    #[test]
    fn pos_tag_helpers() {
        let t = PosTag::from_ptb("VBD").unwrap();
        assert!(t.is_verb() && !t.is_noun());
        assert_eq!(t.as_str(), "VBD");
        let n = PosTag::from_ptb("NNP").unwrap();
        assert!(n.is_noun() && n.is_proper_noun() && !n.is_verb());
        assert!(!PosTag::from_ptb("MD").unwrap().is_verb());
        assert!(PosTag::from_ptb("XYZ").is_none());
        for t in POS_TAGS {
            assert_eq!(PosTag::from_ptb(t).unwrap().as_str(), t);
        }
    }

    #[test]
    fn kinds_round_trip() {
        for k in EntityKind::ALL {
            assert_eq!(EntityKind::from_conll(k.as_str()), Some(k));
        }
        assert!(!EntityKind::Misc.is_actor());
    }

    #[test]
    fn counts_merge_actor_types() {
        use conll::Chunk;
        let c = |s, e, k| Chunk {
            start: s,
            end: e,
            kind: k,
        };
        let gold = [
            c(0, 2, EntityKind::Per),
            c(3, 4, EntityKind::Org),
            c(5, 6, EntityKind::Misc),
        ];
        let pred = [
            c(0, 2, EntityKind::Per),
            c(3, 4, EntityKind::Loc),
            c(5, 6, EntityKind::Org),
        ];
        let mut n = NerCounts::default();
        n.add(&gold, &pred);
        assert_eq!(n.overall.correct, 1);
        assert_eq!(
            n.actor,
            Prf {
                gold: 2,
                pred: 3,
                correct: 2
            }
        );
        assert_eq!(n.kind(EntityKind::Misc).gold, 1);
        assert!((n.kind(EntityKind::Per).f1() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn builtin_models_load_fast() {
        let t0 = Instant::now();
        let _ = PosTagger::builtin();
        let _ = NerTagger::builtin();
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        // generous in debug builds; the release figure is far lower
        assert!(ms < 1000.0, "loading took {ms} ms");
    }

    #[test]
    fn tags_verbs_and_proper_nouns_in_news_prose() {
        let w = split("Russian President Vladimir Putin met the envoy in Moscow on Tuesday .");
        let pos = PosTagger::builtin().tag(&w);
        assert_eq!(pos.len(), w.len());
        assert!(pos[4].is_verb(), "{:?}", pos[4]);
        assert!(pos[3].is_proper_noun());
        assert!(pos[8].is_proper_noun());
        assert_eq!(pos[11].as_str(), ".");
        assert!(PosTagger::builtin().tag(&[]).is_empty());
    }

    #[test]
    fn finds_entities_in_mixed_case_news() {
        let e = ents(
            "Kremlin spokesman Dmitry Peskov said on Monday that Russian President Vladimir Putin would meet Steve Witkoff .",
        );
        assert!(
            e.contains(&("Dmitry Peskov".into(), EntityKind::Per)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Vladimir Putin".into(), EntityKind::Per)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Steve Witkoff".into(), EntityKind::Per)),
            "{e:?}"
        );
        assert!(
            !e.iter()
                .any(|(s, _)| s.contains("said") || s.contains("Monday"))
        );

        let e = ents(
            "The European Union and NATO urged Germany to send more troops to Lithuania , Angela Merkel said in Berlin .",
        );
        assert!(
            e.contains(&("European Union".into(), EntityKind::Org)),
            "{e:?}"
        );
        assert!(e.contains(&("NATO".into(), EntityKind::Org)), "{e:?}");
        assert!(e.contains(&("Germany".into(), EntityKind::Loc)), "{e:?}");
        assert!(e.contains(&("Lithuania".into(), EntityKind::Loc)), "{e:?}");
        assert!(
            e.contains(&("Angela Merkel".into(), EntityKind::Per)),
            "{e:?}"
        );
        assert!(e.contains(&("Berlin".into(), EntityKind::Loc)), "{e:?}");

        let e = ents(
            "Microsoft chief executive Satya Nadella said on Tuesday that shares rose 3 percent in New York .",
        );
        assert!(e.contains(&("Microsoft".into(), EntityKind::Org)), "{e:?}");
        assert!(e.contains(&("New York".into(), EntityKind::Loc)), "{e:?}");
        assert!(
            e.contains(&("Satya Nadella".into(), EntityKind::Per)),
            "{e:?}"
        );
    }

    #[test]
    fn tag_sentence_equals_separate_calls() {
        let w = split("Prime Minister Keir Starmer spoke to Emmanuel Macron in Paris on Friday .");
        let pos = PosTagger::builtin().tag(&w);
        let ents = NerTagger::builtin().entities(&w, &pos);
        assert_eq!(tag_sentence(&w), (pos, ents));
    }

    #[test]
    fn handles_headlines_in_capitals() {
        let e = ents("PUTIN MEETS WITKOFF IN MOSCOW");
        assert!(
            e.iter()
                .any(|(s, k)| s == "MOSCOW" && *k == EntityKind::Loc),
            "{e:?}"
        );
    }

    #[test]
    fn spans_are_ordered_scored_and_tolerate_bad_input() {
        let w = split("Angela Merkel visited Paris and London .");
        let pos = PosTagger::builtin().tag(&w);
        let e = NerTagger::builtin().entities(&w, &pos);
        assert!(e.windows(2).all(|p| p[0].end <= p[1].start));
        assert!(
            e.iter()
                .all(|s| (0.0..=1.0).contains(&s.score) && s.start < s.end)
        );
        // missing POS tags and empty input never panic
        assert!(NerTagger::builtin().entities(&w, &[]).len() <= w.len());
        assert!(NerTagger::builtin().entities(&[], &[]).is_empty());
        // odd tokens: empty, very long, non-Latin, emoji, lone combining mark
        let long = "x".repeat(10_000);
        let odd = [
            "",
            &long,
            "Владимир",
            "Путин",
            "🙂",
            "\u{301}",
            "Zürich",
            ".",
        ];
        let (pos, ents) = tag_sentence(&odd);
        assert_eq!(pos.len(), odd.len());
        assert!(ents.iter().all(|e| e.end <= odd.len()));
    }
}
