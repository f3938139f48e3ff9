//! Labelled dependency parser for English news.
//!
//! A greedy transition-based parser (arc-eager, projective, the root at the
//! end of the buffer) scored by an averaged perceptron over hashed sparse
//! features in the style of Zhang & Nivre (2011): words, lower-cased forms,
//! suffixes and POS tags of the stack and buffer words, of heads and of
//! leftmost / rightmost children, their labels, distance, valency and label
//! sets. It was trained with a dynamic oracle and exploration (Goldberg &
//! Nivre 2012) on silver trees: spaCy `en_core_web_sm` parses of the
//! CoNLL-2003 English training sentences, with POS tags from this crate's
//! own [`PosTagger`](crate::ner::PosTagger) as input (as at run time).
//! Labels are spaCy's English labels, the root's written `root`.
//!
//! ```
//! use actorgraph::ner::PosTagger;
//! use actorgraph::parse::Parser;
//! let words = ["Egypt", "accused", "Qatar", "of", "funding", "militants", "."];
//! let tags = PosTagger::builtin().tag(&words);
//! let tree = Parser::builtin().parse(&words, &tags);
//! assert_eq!(tree.root(), Some(1));
//! assert_eq!(tree.label(0).as_str(), "nsubj");
//! assert_eq!(tree.head(0), Some(1));
//! ```
//!
//! The weights (quantised like the taggers', see `ner/model.rs`) are
//! embedded with `include_bytes!` from `data/parse/parser.bin` and parsed
//! on first use. Train with `cargo run --release --example train_parser`;
//! measure with [`evaluate`] or `actorgraph eval-parse FILE.conllu`.

pub mod conllu;
pub(crate) mod features;
mod system;
pub mod train;

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::ner::PosTag;
use crate::ner::model::{Model, Scores, Task};

use features::{N_FEATS, Sent};
use system::{NONE, REDUCE, SHIFT, State};

static PARSER_MODEL: &[u8] = include_bytes!("../../data/parse/parser.bin");

// ---------------------------------------------------------------- labels

const LABELS: [&str; 45] = [
    "root",
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "nummod",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "xcomp",
];

/// A dependency label: one of spaCy's English labels (`nsubj`, `dobj`,
/// `prep`, `pobj`, `pcomp`, `agent`, ...; `root` for the root word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepLabel(u8);

impl DepLabel {
    /// The label of the sentence's root word (`root`).
    pub const ROOT: DepLabel = DepLabel(0);

    /// Every label, in id order.
    pub fn all() -> impl Iterator<Item = DepLabel> {
        (0..LABELS.len() as u8).map(DepLabel)
    }

    /// The label as spaCy writes it (lower case), e.g. `nsubj`, `root`.
    pub fn as_str(self) -> &'static str {
        LABELS[self.0 as usize]
    }

    /// Label from its name; `ROOT` is read as `root`.
    pub fn from_name(s: &str) -> Option<DepLabel> {
        let s = if s == "ROOT" { "root" } else { s };
        LABELS
            .iter()
            .position(|&l| l == s)
            .map(|i| DepLabel(i as u8))
    }
}

impl fmt::Display for DepLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Names of the model's classes (transitions), in class order.
fn class_names() -> Vec<String> {
    let mut v = vec!["SHIFT".to_string(), "REDUCE".to_string()];
    v.extend(LABELS.iter().map(|l| format!("L-{l}")));
    v.extend(LABELS.iter().map(|l| format!("R-{l}")));
    v
}

// ---------------------------------------------------------------- trees

/// A labelled dependency tree over the words of one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DepTree {
    /// Head of each word (index into the sentence), `None` for the root.
    pub heads: Vec<Option<u32>>,
    /// Label of each word's arc to its head ([`DepLabel::ROOT`] for the root).
    pub labels: Vec<DepLabel>,
}

impl DepTree {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True for the tree of an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Head of word `i`, `None` for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i].map(|h| h as usize)
    }

    /// Label of word `i`'s arc.
    pub fn label(&self, i: usize) -> DepLabel {
        self.labels[i]
    }

    /// The root word (the parser always produces exactly one for a
    /// non-empty sentence).
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// Dependents of word `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.heads
            .iter()
            .enumerate()
            .filter(move |&(_, &h)| h == Some(i as u32))
            .map(|(d, _)| d)
    }

    /// Dependents of word `i` with label `label`, left to right.
    pub fn children_with(&self, i: usize, label: &str) -> impl Iterator<Item = usize> + '_ {
        let label = DepLabel::from_name(label);
        self.children(i)
            .filter(move |&d| Some(self.labels[d]) == label)
    }
}

// ---------------------------------------------------------------- errors

/// Errors of this module.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a CoNLL-U file is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model file is invalid.
    #[error("invalid parser model: {0}")]
    Model(String),
}

// ---------------------------------------------------------------- parser

/// Per-thread buffers so that parsing allocates only its result.
#[derive(Default)]
struct Buffers {
    sent: Sent,
    state: State,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Nanoseconds it took to parse the built-in model.
static LOAD_NANOS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The dependency parser.
#[derive(Debug)]
pub struct Parser {
    model: Model,
}

/// Number of labels.
const NL: usize = LABELS.len();

/// The only valid class of `st`, if there is one: SHIFT on an empty stack,
/// and once only the root is left in the buffer, REDUCE or the left arc to
/// the root. Such moves need no scoring.
#[inline]
fn forced(st: &State) -> Option<u8> {
    let s = st.s0();
    if s == NONE {
        Some(SHIFT)
    } else if st.b as usize == st.n {
        Some(if st.heads[s as usize] != NONE {
            REDUCE
        } else {
            system::left(DepLabel::ROOT.0)
        })
    } else {
        None
    }
}

/// Highest-scoring class valid in `st`.
#[inline]
pub(crate) fn best_valid(st: &State, scores: &[f32]) -> u8 {
    let s = st.s0();
    let at_root = st.b as usize == st.n;
    let has_s = s != NONE;
    let s_headed = has_s && st.heads[s as usize] != NONE;
    let mut best = u8::MAX;
    let mut bs = f32::NEG_INFINITY;
    let mut consider = |c: u8| {
        let x = scores[c as usize];
        if x > bs || best == u8::MAX {
            bs = x;
            best = c;
        }
    };
    if !at_root {
        consider(SHIFT);
    }
    if s_headed {
        consider(REDUCE);
    }
    if has_s && !s_headed {
        if at_root {
            consider(system::left(DepLabel::ROOT.0));
        } else {
            for l in 1..NL as u8 {
                consider(system::left(l));
            }
        }
    }
    if has_s && !at_root {
        for l in 1..NL as u8 {
            consider(system::right(l, NL));
        }
    }
    debug_assert!(best != u8::MAX && st.valid(best));
    best
}

impl Parser {
    /// The parser embedded in the crate, parsed on first use.
    ///
    /// # Panics
    /// If the embedded model file is invalid (see the module docs for the
    /// training command).
    pub fn builtin() -> &'static Parser {
        static CELL: OnceLock<Parser> = OnceLock::new();
        CELL.get_or_init(|| {
            let t0 = Instant::now();
            let p = Parser::from_bytes(Cow::Borrowed(PARSER_MODEL))
                .unwrap_or_else(|e| panic!("built-in parser model (data/parse/parser.bin): {e}"));
            LOAD_NANOS.store(
                t0.elapsed().as_nanos() as u64,
                std::sync::atomic::Ordering::Relaxed,
            );
            p
        })
    }

    /// Loads a parser from the bytes of a model file.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<Parser, ParseError> {
        let model = Model::from_bytes(bytes).map_err(|e| ParseError::Model(e.0))?;
        if model.task != Task::Parser || model.labels != class_names() {
            return Err(ParseError::Model(
                "not a parser model for this label set".into(),
            ));
        }
        Ok(Parser { model })
    }

    /// Number of weight rows of the model.
    pub fn n_rows(&self) -> usize {
        self.model.n_rows()
    }

    /// Parses a tokenised sentence. `tags` should be the tags of
    /// [`PosTagger::tag`](crate::ner::PosTagger::tag) for the same words;
    /// missing tags (a shorter slice) lower accuracy but never fail.
    pub fn parse(&self, words: &[&str], tags: &[PosTag]) -> DepTree {
        BUFFERS.with(|b| {
            let b = &mut *b.borrow_mut();
            b.sent.prepare(words, tags.iter().map(|t| t.id()));
            self.run(&b.sent, &mut b.state);
            tree_of(&b.state, &b.sent)
        })
    }

    /// Parses the prepared sentence `x`, leaving the arcs in `st`.
    fn run(&self, x: &Sent, st: &mut State) {
        let n = x.toks.len() - 2;
        st.reset(n, NL, DepLabel::ROOT.0);
        let mut feats = [0u64; N_FEATS];
        let mut scores: Scores = [0.0; 256];
        let nc = system::n_classes(NL);
        while !st.is_final() {
            if let Some(c) = forced(st) {
                st.apply(c);
                continue;
            }
            features::extract(st, x, &mut feats);
            scores[..nc].fill(0.0);
            self.model.add_all(&feats, &mut scores);
            st.apply(best_valid(st, &scores[..nc]));
        }
    }
}

/// The tree in `st`, with a single root: when several words were left
/// attached to the root, the one with most dependents stays the root and
/// the others become its `dep` (`punct` for punctuation) dependents.
fn tree_of(st: &State, x: &Sent) -> DepTree {
    let n = st.n;
    let mut heads: Vec<Option<u32>> = st.heads[..n]
        .iter()
        .map(|&h| if h as usize == n { None } else { Some(h) })
        .collect();
    let mut labels: Vec<DepLabel> = st.labels[..n].iter().map(|&l| DepLabel(l)).collect();
    let roots: Vec<usize> = (0..n).filter(|&i| heads[i].is_none()).collect();
    if roots.len() > 1 {
        let size = |i: usize| u32::from(st.val[i][0]) + u32::from(st.val[i][1]);
        let main = roots
            .iter()
            .copied()
            .max_by_key(|&i| (size(i), std::cmp::Reverse(i)))
            .unwrap_or(roots[0]);
        let punct = DepLabel::from_name("punct").unwrap_or(DepLabel::ROOT);
        let dep = DepLabel::from_name("dep").unwrap_or(DepLabel::ROOT);
        for &r in roots.iter().filter(|&&r| r != main) {
            heads[r] = Some(main as u32);
            let is_punct = x.toks[r].flags & crate::ner::features::flag::HAS_LETTER == 0
                && x.toks[r].flags & crate::ner::features::flag::HAS_DIGIT == 0;
            labels[r] = if is_punct { punct } else { dep };
        }
    }
    DepTree { heads, labels }
}

// ---------------------------------------------------------------- evaluation

/// Result of [`evaluate`].
#[derive(Clone, Debug)]
pub struct ParseReport {
    /// The evaluated file.
    pub path: PathBuf,
    /// Sentences in the file.
    pub sentences: usize,
    /// Words in the file.
    pub words: usize,
    /// Unlabelled attachment score: share of words with the file's head
    /// (punctuation included).
    pub uas: f64,
    /// Labelled attachment score: share of words with the file's head and
    /// label.
    pub las: f64,
    /// UAS without the words the file labels `punct`.
    pub uas_no_punct: f64,
    /// Parsing throughput on the calling thread, POS tags given (median of
    /// 3 timed passes, wall-clock time).
    pub words_per_sec: f64,
    /// The same passes timed by the thread's CPU time (Linux; elsewhere
    /// equal to `words_per_sec`): unaffected by waiting for a busy core.
    pub cpu_words_per_sec: f64,
    /// Throughput of POS tagging plus parsing (median of 3, wall clock).
    pub with_pos_words_per_sec: f64,
    /// Time it took to parse the embedded model.
    pub load_time: Duration,
}

impl fmt::Display for ParseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "parser evaluation of {}: {} sentences, {} words",
            self.path.display(),
            self.sentences,
            self.words
        )?;
        writeln!(
            f,
            "UAS {:.2}  LAS {:.2}  (UAS without punct {:.2})",
            100.0 * self.uas,
            100.0 * self.las,
            100.0 * self.uas_no_punct
        )?;
        writeln!(
            f,
            "speed: {:.0} words/s parsing (wall clock, median of 3, 1 thread; {:.0} words/s by \
             thread CPU time); {:.0} words/s POS tagging + parsing",
            self.words_per_sec, self.cpu_words_per_sec, self.with_pos_words_per_sec
        )?;
        write!(
            f,
            "model load: {:.2} ms",
            self.load_time.as_secs_f64() * 1e3
        )
    }
}

/// Attachment counts `(words, head correct, head and label correct,
/// non-punct words, non-punct head correct)` of a predicted tree.
fn attachment(gold: &conllu::TreeSentence, pred: &DepTree) -> [usize; 5] {
    let punct = DepLabel::from_name("punct");
    let mut c = [0usize; 5];
    for i in 0..gold.heads.len() {
        let head_ok = pred.heads.get(i) == Some(&gold.heads[i]);
        let label_ok = pred.labels.get(i) == Some(&gold.labels[i]);
        let is_punct = Some(gold.labels[i]) == punct;
        c[0] += 1;
        c[1] += usize::from(head_ok);
        c[2] += usize::from(head_ok && label_ok);
        c[3] += usize::from(!is_punct);
        c[4] += usize::from(head_ok && !is_punct);
    }
    c
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// UAS and LAS of `parser` on `sentences`, tagged by the built-in POS
/// tagger (for scoring a model that is not the built-in one).
pub fn attachment_scores(parser: &Parser, sentences: &[conllu::TreeSentence]) -> (f64, f64) {
    let tagger = crate::ner::PosTagger::builtin();
    let mut c = [0usize; 5];
    for s in sentences {
        let w = s.word_refs();
        let tree = parser.parse(&w, &tagger.tag(&w));
        for (a, b) in c.iter_mut().zip(attachment(s, &tree)) {
            *a += b;
        }
    }
    (ratio(c[1], c[0]), ratio(c[2], c[0]))
}

/// Parses every sentence of a CoNLL-U file with the built-in POS tagger
/// and parser and scores the trees against the file's (UAS, LAS).
///
/// Speed: after the scored pass, three timed passes of [`Parser::parse`]
/// over all sentences (POS tags computed beforehand) on the calling
/// thread; the median is reported, and likewise for tagging plus parsing.
pub fn evaluate(path: &Path) -> Result<ParseReport, ParseError> {
    let sentences = conllu::read(path)?;
    let tagger = crate::ner::PosTagger::builtin();
    let parser = Parser::builtin();
    let refs: Vec<Vec<&str>> = sentences.iter().map(|s| s.word_refs()).collect();
    let tags: Vec<Vec<PosTag>> = refs.iter().map(|w| tagger.tag(w)).collect();
    let mut c = [0usize; 5];
    for ((s, w), t) in sentences.iter().zip(&refs).zip(&tags) {
        let tree = parser.parse(w, t);
        for (a, b) in c.iter_mut().zip(attachment(s, &tree)) {
            *a += b;
        }
    }
    let words = c[0];
    let time = |f: &dyn Fn(usize) -> usize| -> (f64, Option<f64>) {
        let mut wall = Vec::new();
        let mut cpu = Some(Vec::new());
        for _ in 0..3 {
            let c0 = crate::ner::thread_cpu_time();
            let t0 = Instant::now();
            let mut sink = 0usize;
            for i in 0..refs.len() {
                sink = sink.wrapping_add(f(i));
            }
            std::hint::black_box(sink);
            wall.push(t0.elapsed().as_secs_f64());
            match (c0, crate::ner::thread_cpu_time(), cpu.as_mut()) {
                (Some(a), Some(b), Some(v)) => v.push((b - a).as_secs_f64()),
                _ => cpu = None,
            }
        }
        (crate::ner::median(wall), cpu.map(crate::ner::median))
    };
    let (wall, cpu) = time(&|i| parser.parse(&refs[i], &tags[i]).len());
    let (with_pos, _) = time(&|i| parser.parse(&refs[i], &tagger.tag(&refs[i])).len());
    let words_per_sec = words as f64 / wall;
    Ok(ParseReport {
        path: path.to_path_buf(),
        sentences: sentences.len(),
        words,
        uas: ratio(c[1], c[0]),
        las: ratio(c[2], c[0]),
        uas_no_punct: ratio(c[4], c[3]),
        words_per_sec,
        cpu_words_per_sec: cpu.map_or(words_per_sec, |s| words as f64 / s),
        with_pos_words_per_sec: words as f64 / with_pos,
        load_time: Duration::from_nanos(LOAD_NANOS.load(std::sync::atomic::Ordering::Relaxed)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::PosTagger;

    fn parse(sentence: &str) -> (Vec<&str>, DepTree) {
        let w: Vec<&str> = sentence.split_whitespace().collect();
        let tags = PosTagger::builtin().tag(&w);
        let tree = Parser::builtin().parse(&w, &tags);
        (w, tree)
    }

    fn arcs(w: &[&str], t: &DepTree) -> Vec<String> {
        (0..w.len())
            .map(|i| match t.head(i) {
                Some(h) => format!("{}-{}->{}", w[h], t.label(i), w[i]),
                None => format!("root->{}", w[i]),
            })
            .collect()
    }

    #[test]
    fn labels_round_trip() {
        assert_eq!(DepLabel::all().count(), 45);
        for l in DepLabel::all() {
            assert_eq!(DepLabel::from_name(l.as_str()), Some(l));
        }
        assert_eq!(DepLabel::from_name("ROOT"), Some(DepLabel::ROOT));
        assert_eq!(DepLabel::ROOT.as_str(), "root");
        assert!(DepLabel::from_name("subject").is_none());
        assert_eq!(class_names().len(), system::n_classes(NL));
    }

    #[test]
    fn builtin_parses_an_accusation() {
        let (w, t) = parse("Egypt accused Qatar of funding militants .");
        let a = arcs(&w, &t);
        for want in [
            "root->accused",
            "accused-nsubj->Egypt",
            "accused-dobj->Qatar",
            "funding-dobj->militants",
            "accused-punct->.",
        ] {
            assert!(a.contains(&want.to_string()), "{want} missing from {a:?}");
        }
        // "of funding" attaches as prep + pcomp (to the verb or its object)
        let of = t.head(3).expect("'of' has a head");
        assert!(of == 1 || of == 2, "{a:?}");
        assert_eq!(t.label(3).as_str(), "prep", "{a:?}");
        assert_eq!(t.head(4), Some(3), "{a:?}");
        assert_eq!(t.label(4).as_str(), "pcomp", "{a:?}");
        assert_eq!(t.children(1).collect::<Vec<_>>().first(), Some(&0));
        assert_eq!(t.children_with(1, "nsubj").collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn builtin_parses_passives_and_single_roots() {
        let (w, t) = parse("The convoy was attacked by rebels near the border on Monday .");
        let a = arcs(&w, &t);
        assert!(
            a.contains(&"attacked-nsubjpass->convoy".to_string()),
            "{a:?}"
        );
        assert!(a.contains(&"attacked-agent->by".to_string()), "{a:?}");
        assert!(a.contains(&"by-pobj->rebels".to_string()), "{a:?}");
        for s in [
            "",
            "Reuters",
            "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
            ". , ; : ( )",
        ] {
            let (w, t) = parse(s);
            assert_eq!(t.len(), w.len());
            if !w.is_empty() {
                assert_eq!(t.heads.iter().filter(|h| h.is_none()).count(), 1, "{s}");
            }
        }
        // missing tags never panic
        let w = ["Kyiv", "denied", "it"];
        assert_eq!(Parser::builtin().parse(&w, &[]).len(), 3);
    }

    #[test]
    fn forced_moves_are_the_only_valid_ones() {
        let mut st = State::default();
        st.reset(4, NL, DepLabel::ROOT.0);
        let nc = system::n_classes(NL) as u8;
        // walk through a parse by always taking the last valid class
        while !st.is_final() {
            let valid: Vec<u8> = (0..nc).filter(|&c| st.valid(c)).collect();
            match forced(&st) {
                Some(c) => assert_eq!(valid, vec![c]),
                None => assert!(valid.len() > 1),
            }
            st.apply(*valid.last().unwrap());
        }
    }

    #[test]
    fn model_file_round_trip() {
        let rows = vec![(7u64, vec![0.5; system::n_classes(NL)])];
        let bytes = Model::to_bytes(&crate::ner::model::ModelParts {
            task: Task::Parser,
            labels: &class_names(),
            rows: &rows,
            gazetteer: &[],
        });
        let p = Parser::from_bytes(Cow::Owned(bytes.clone())).unwrap();
        assert_eq!(p.n_rows(), 1);
        // a tagger cannot load it, and a tagger model is not a parser
        assert!(crate::ner::PosTagger::from_bytes(Cow::Owned(bytes.clone())).is_err());
        let mut bad = bytes;
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(Parser::from_bytes(Cow::Owned(bad)).is_err());
        let w = ["a", "b"];
        let t = p.parse(&w, &[]);
        assert_eq!(t.len(), 2);
        assert_eq!(t.root().into_iter().count(), 1);
    }
}
