//! Training of the built-in taggers: greedy averaged perceptrons.
//!
//! Used by `examples/train_ner.rs`. Training is deterministic: sentences
//! are shuffled with a seeded generator and nothing depends on the
//! iteration order of a hash map (rows are written most frequent feature
//! first, ties by key; gazetteer entries by key).
//!
//! * POS: trained on the train POS column; the epoch with the best dev
//!   accuracy is kept.
//! * NER: trained on BILOU labels converted from the train IOB1 column.
//!   The POS features of train sentences come from POS taggers trained on
//!   the other folds (jackknifing), and their gazetteer features from a
//!   gazetteer and word-casing lexicon built from the other folds, so that
//!   the tagger learns how far to trust them as they behave on unseen text.
//!   The epoch with the best dev F1 (all types) is kept; the shipped
//!   gazetteer and lexicon hold all of train.

use std::borrow::Cow;

use super::conll::{Chunk, Sentence};
use super::features::{self, SentCtx, TAG_START, Tok};
use super::gazetteer;
use super::model::{self, IdMap, Model, ModelParts, Scorer, Scores, Scratch, Task};
use super::{EntityKind, NerCounts, NerError, PosTag};

/// Settings of [`train`].
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data for the POS tagger.
    pub pos_epochs: usize,
    /// Passes over the training data for the NER tagger.
    pub ner_epochs: usize,
    /// Folds (by document) for jackknifed POS tags and gazetteer features.
    pub folds: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// POS feature rows whose largest absolute averaged weight is below
    /// this are dropped from the model file.
    pub pos_min_weight: f32,
    /// Same for the NER model.
    pub ner_min_weight: f32,
    /// NER perceptrons trained with different shuffling whose weights are
    /// averaged into the model (1 = a single perceptron).
    pub ner_runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            pos_epochs: 8,
            ner_epochs: 12,
            folds: 5,
            seed: 0x5eed_2003,
            pos_min_weight: 1.0,
            ner_min_weight: 0.5,
            ner_runs: 5,
        }
    }
}

/// Model files produced by [`train`], with their dev scores.
#[derive(Clone, Debug)]
pub struct Trained {
    /// Bytes of the POS model file.
    pub pos_model: Vec<u8>,
    /// Bytes of the NER model file.
    pub ner_model: Vec<u8>,
    /// POS accuracy of the kept POS model on dev.
    pub pos_dev_accuracy: f64,
    /// Entity scores of the kept NER model on dev.
    pub ner_dev: NerCounts,
}

/// Deterministic pseudo-random numbers (SplitMix64).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        features::mix(self.0)
    }
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Averaged perceptron with lazily created feature rows.
pub(crate) struct Perceptron {
    n: usize,
    index: IdMap<u32>,
    keys: Vec<u64>,
    w: Vec<f32>,
    /// Sum of `step * delta` for the averaging trick.
    acc: Vec<f64>,
    step: f64,
}

impl Perceptron {
    pub(crate) fn new(n: usize) -> Self {
        Perceptron {
            n,
            index: IdMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            acc: Vec::new(),
            step: 1.0,
        }
    }

    fn row(&mut self, h: u64) -> usize {
        let next = self.keys.len() as u32;
        let r = *self.index.entry(h).or_insert(next);
        if r == next {
            self.keys.push(h);
            self.w.resize(self.w.len() + self.n, 0.0);
            self.acc.resize(self.acc.len() + self.n, 0.0);
        }
        r as usize * self.n
    }

    /// Counts one decision (for the averaging).
    pub(crate) fn tick(&mut self) {
        self.step += 1.0;
    }

    pub(crate) fn update(&mut self, feats: &[u64], gold: u8, guess: u8) {
        let (g, p) = (gold as usize, guess as usize);
        for &h in feats {
            let r = self.row(h);
            self.w[r + g] += 1.0;
            self.acc[r + g] += self.step;
            self.w[r + p] -= 1.0;
            self.acc[r + p] -= self.step;
        }
    }

    /// Averaged rows, in no particular order, without rows below `min_weight`.
    fn averaged(&self, min_weight: f32) -> Vec<(u64, Vec<f32>)> {
        let rows: Vec<(u64, Vec<f32>)> = self
            .keys
            .iter()
            .enumerate()
            .filter_map(|(i, &k)| {
                let r = i * self.n;
                let avg: Vec<f32> = (0..self.n)
                    .map(|l| (f64::from(self.w[r + l]) - self.acc[r + l] / self.step) as f32)
                    .collect();
                let max = avg.iter().fold(0f32, |m, x| m.max(x.abs()));
                (max >= min_weight).then_some((k, avg))
            })
            .collect();
        rows
    }
}

impl Scorer for Perceptron {
    fn n_labels(&self) -> usize {
        self.n
    }
    fn add(&self, h: u64, scores: &mut Scores) {
        if let Some(&r) = self.index.get(&h) {
            let r = r as usize * self.n;
            for (x, w) in scores[..self.n].iter_mut().zip(&self.w[r..r + self.n]) {
                *x += w;
            }
        }
    }
}

/// A sentence prepared for one tagger.
struct Sample {
    toks: Vec<Tok>,
    /// Padded POS ids (NER only).
    pos: Vec<u8>,
    /// Gazetteer bits (NER only).
    gaz: Vec<u32>,
    /// Casing classes from the word lexicon (NER only).
    lex: Vec<u8>,
    caps: bool,
    gold: Vec<u8>,
    doc: usize,
}

impl Sample {
    fn new(words: &[String], gold: Vec<u8>, doc: usize) -> Sample {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut toks = Vec::new();
        features::padded_toks(&refs, &mut toks);
        let caps = features::caps_sentence(features::unpad(&toks));
        Sample {
            toks,
            pos: Vec::new(),
            gaz: Vec::new(),
            lex: Vec::new(),
            caps,
            gold,
            doc,
        }
    }

    fn ctx(&self) -> SentCtx<'_> {
        SentCtx {
            toks: &self.toks,
            pos: &self.pos,
            gaz: &self.gaz,
            lex: &self.lex,
            caps: self.caps,
        }
    }

    /// Gazetteer bits and casing classes of the tokens.
    fn set_lookups(&mut self, gaz: &IdMap<u8>, lex: &IdMap<u8>) {
        gazetteer::match_bits(gaz, &self.toks, &mut self.gaz);
        gazetteer::word_bits(lex, &self.toks, &mut self.lex);
    }

    fn set_pos(&mut self, tags: &[PosTag]) {
        features::padded_pos(tags.iter().map(|t| t.0), &mut self.pos);
    }
}

/// One online pass over a sentence; returns the number of wrong guesses.
fn train_sentence(
    p: &mut Perceptron,
    task: Task,
    ctx: &SentCtx,
    gold: &[u8],
    feats: &mut Vec<u64>,
) -> usize {
    let mut scores: Scores = [0.0; 256];
    let n = ctx.len();
    let (mut prev, mut prev2) = (TAG_START, TAG_START);
    let mut errors = 0;
    for (i, &want) in gold.iter().enumerate().take(n) {
        feats.clear();
        let mut d = [0u64; 4];
        match task {
            Task::Pos => {
                features::pos_static(ctx, i, feats);
                features::pos_dynamic(ctx, i, prev, prev2, &mut d);
            }
            Task::Ner => {
                features::ner_static(ctx, i, feats);
                features::ner_dynamic(ctx, i, prev, prev2, &mut d);
            }
            Task::Parser => unreachable!("the parser is trained by parse::train"),
        }
        feats.extend_from_slice(&d);
        scores[..p.n].fill(0.0);
        for &h in feats.iter() {
            p.add(h, &mut scores);
        }
        let last = i + 1 == n;
        let (guess, _) = model::best_label(&scores[..p.n], |l| {
            task == Task::Pos || model::ner_allowed(prev, l, last)
        });
        p.step += 1.0;
        if guess != want {
            p.update(feats, want, guess);
            errors += 1;
        }
        prev2 = prev;
        prev = guess;
    }
    errors
}

/// Scores a model on dev after an epoch (higher is better).
type DevScore<'a> = dyn FnMut(&Model, usize) -> f64 + 'a;

/// What [`train_tagger`] trains.
struct Spec<'a> {
    task: Task,
    labels: &'a [String],
    epochs: usize,
    /// Independent perceptrons (different shuffling) whose averaged
    /// weights are averaged again into the model.
    runs: usize,
    seed: u64,
    min_weight: f32,
    gaz: &'a [(u64, u8)],
}

/// How often each feature occurs in `data` (history features with the gold
/// labels as history).
fn feature_counts(task: Task, data: &[Sample]) -> IdMap<u32> {
    let mut counts: IdMap<u32> = IdMap::default();
    let mut feats = Vec::new();
    for s in data {
        let ctx = s.ctx();
        let (mut prev, mut prev2) = (TAG_START, TAG_START);
        for (i, &gold) in s.gold.iter().enumerate() {
            feats.clear();
            let mut d = [0u64; 4];
            match task {
                Task::Pos => {
                    features::pos_static(&ctx, i, &mut feats);
                    features::pos_dynamic(&ctx, i, prev, prev2, &mut d);
                }
                Task::Ner => {
                    features::ner_static(&ctx, i, &mut feats);
                    features::ner_dynamic(&ctx, i, prev, prev2, &mut d);
                }
                Task::Parser => unreachable!("the parser is trained by parse::train"),
            }
            for &h in feats.iter().chain(&d) {
                *counts.entry(h).or_insert(0) += 1;
            }
            prev2 = prev;
            prev = gold;
        }
    }
    counts
}

/// Mean of the averaged weights of several perceptrons, pruned, most
/// frequent features first (so the rows used most share cache lines).
pub(crate) fn merge_runs<'a>(
    runs: impl ExactSizeIterator<Item = &'a Perceptron>,
    min_weight: f32,
    counts: &IdMap<u32>,
) -> Vec<(u64, Vec<f32>)> {
    let k = runs.len() as f32;
    let mut index: IdMap<usize> = IdMap::default();
    let mut rows: Vec<(u64, Vec<f32>)> = Vec::new();
    for p in runs {
        for (key, w) in p.averaged(0.0) {
            let next = rows.len();
            let r = *index.entry(key).or_insert(next);
            if r == next {
                rows.push((key, vec![0.0; w.len()]));
            }
            for (a, b) in rows[r].1.iter_mut().zip(&w) {
                *a += b / k;
            }
        }
    }
    rows.retain(|(_, w)| w.iter().any(|x| x.abs() >= min_weight));
    rows.sort_unstable_by_key(|r| {
        (
            std::cmp::Reverse(counts.get(&r.0).copied().unwrap_or(0)),
            r.0,
        )
    });
    rows
}

/// Trains one tagger for `spec.epochs` passes; after each pass the averaged,
/// quantised model is scored with `dev` (higher is better) and the best
/// model file is returned with its score. Without `dev`, the last pass wins.
fn train_tagger(spec: &Spec, data: &[Sample], mut dev: Option<&mut DevScore>) -> (Vec<u8>, f64) {
    let mut runs: Vec<(Perceptron, Rng, Vec<usize>)> = (0..spec.runs.max(1))
        .map(|r| {
            (
                Perceptron::new(spec.labels.len()),
                Rng(spec.seed ^ features::mix(r as u64)),
                (0..data.len()).collect(),
            )
        })
        .collect();
    let mut feats = Vec::new();
    let counts = feature_counts(spec.task, data);
    let mut best: (Vec<u8>, f64) = (Vec::new(), f64::NEG_INFINITY);
    for epoch in 1..=spec.epochs {
        for (p, rng, order) in &mut runs {
            rng.shuffle(order);
            for &i in order.iter() {
                let s = &data[i];
                train_sentence(p, spec.task, &s.ctx(), &s.gold, &mut feats);
            }
        }
        if dev.is_none() && epoch < spec.epochs {
            continue;
        }
        let rows = merge_runs(runs.iter().map(|r| &r.0), spec.min_weight, &counts);
        let bytes = Model::to_bytes(&ModelParts {
            task: spec.task,
            labels: spec.labels,
            rows: &rows,
            gazetteer: spec.gaz,
        });
        let score = match dev.as_deref_mut() {
            Some(f) => {
                let m = Model::from_bytes(Cow::Owned(bytes.clone()))
                    .expect("a model just written must parse");
                f(&m, epoch)
            }
            None => 0.0,
        };
        if score > best.1 {
            best = (bytes, score);
        }
    }
    best
}

fn pos_labels(train: &[Sentence]) -> Result<Vec<PosTag>, NerError> {
    let mut seen = Vec::new();
    for s in train {
        for (i, t) in s.pos.iter().enumerate() {
            let tag = PosTag::from_ptb(t).ok_or_else(|| NerError::Parse {
                path: "train".into(),
                line: s.line + i,
                message: format!("unknown POS tag {t:?}"),
            })?;
            if !seen.contains(&tag) {
                seen.push(tag);
            }
        }
    }
    seen.sort();
    Ok(seen)
}

fn pos_samples(sents: &[Sentence], tags: &[PosTag]) -> Vec<Sample> {
    sents
        .iter()
        .map(|s| {
            let gold = s
                .pos
                .iter()
                .map(|t| {
                    PosTag::from_ptb(t)
                        .and_then(|p| tags.iter().position(|&x| x == p))
                        .map_or(u8::MAX, |i| i as u8)
                })
                .collect();
            Sample::new(&s.words, gold, s.doc)
        })
        .collect()
}

fn tag_pos(m: &Model, tags: &[PosTag], s: &Sample, scratch: &mut Scratch) -> Vec<PosTag> {
    let mut out = Vec::new();
    model::decode(m, Task::Pos, &s.ctx(), scratch, &mut out, None);
    out.iter().map(|&l| tags[l as usize]).collect()
}

/// Phrase gazetteer and word-casing lexicon of the samples `keep` accepts
/// (`chunks[i]` are the entities of `samples[i]`).
fn lookups_of(
    samples: &[Sample],
    chunks: &[Vec<Chunk>],
    keep: impl Fn(&Sample) -> bool,
) -> (IdMap<u8>, IdMap<u8>) {
    let mut gaz = IdMap::default();
    let mut counts = IdMap::default();
    for (s, chunks) in samples.iter().zip(chunks).filter(|(s, _)| keep(s)) {
        let toks = features::unpad(&s.toks);
        for c in chunks {
            let norms: Vec<u64> = toks[c.start..c.end].iter().map(|t| t.norm).collect();
            gazetteer::add_phrase(&mut gaz, &norms, c.kind as u8);
        }
        gazetteer::count_words(&mut counts, &s.toks, s.caps);
    }
    (gaz, gazetteer::lexicon_entries(&counts).collect())
}

fn ner_scores(m: &Model, samples: &[Sample], gold: &[Vec<Chunk>]) -> NerCounts {
    let mut counts = NerCounts::default();
    let mut scratch = Scratch::default();
    let (mut tags, mut chunks) = (Vec::new(), Vec::new());
    for (s, g) in samples.iter().zip(gold) {
        model::decode(m, Task::Ner, &s.ctx(), &mut scratch, &mut tags, None);
        model::bilou_chunks(&tags, &mut chunks);
        let pred: Vec<Chunk> = chunks
            .iter()
            .map(|&(start, end, k)| Chunk {
                start,
                end,
                kind: EntityKind::ALL[k as usize],
            })
            .collect();
        counts.add(g, &pred);
    }
    counts
}

/// Settings of the POS tagger training.
fn pos_spec<'a>(labels: &'a [String], opts: &TrainOptions) -> Spec<'a> {
    Spec {
        task: Task::Pos,
        labels,
        epochs: opts.pos_epochs,
        runs: 1,
        seed: opts.seed,
        min_weight: opts.pos_min_weight,
        gaz: &[],
    }
}

/// POS tags of each training sentence from a tagger trained on the other
/// folds (by document).
fn jackknife_tags(
    train: &[Sentence],
    tags: &[PosTag],
    train_pos: &[Sample],
    pos_spec: &Spec,
    folds: usize,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Vec<PosTag>>, NerError> {
    let mut scratch = Scratch::default();
    let mut train_tags: Vec<Vec<PosTag>> = vec![Vec::new(); train.len()];
    for k in 0..folds {
        let part: Vec<Sample> = pos_samples(
            &train
                .iter()
                .filter(|s| s.doc % folds != k)
                .cloned()
                .collect::<Vec<_>>(),
            tags,
        );
        let spec = Spec {
            seed: pos_spec.seed ^ (k as u64 + 1),
            ..*pos_spec
        };
        let (bytes, _) = train_tagger(&spec, &part, None);
        let m = Model::from_bytes(Cow::Owned(bytes)).map_err(|e| NerError::Model(e.0))?;
        let (mut ok, mut all) = (0usize, 0usize);
        for (i, s) in train_pos.iter().enumerate() {
            if s.doc % folds == k {
                train_tags[i] = tag_pos(&m, tags, s, &mut scratch);
                ok += train_tags[i]
                    .iter()
                    .zip(&train[i].pos)
                    .filter(|(a, b)| a.as_str() == b.as_str())
                    .count();
                all += s.gold.len();
            }
        }
        log(&format!(
            "pos fold {}/{folds}: held-out accuracy {:.2}%",
            k + 1,
            100.0 * ok as f64 / all.max(1) as f64
        ));
    }
    Ok(train_tags)
}

/// POS tags of every sentence of `train` as the built-in tagger would
/// tag unseen text: each fold (by document, `opts.folds` of them) is
/// tagged by a POS tagger trained like the built-in one on the other
/// folds. Used to train models that take POS tags as input (the NER
/// tagger, the dependency parser) on tags as noisy as at run time.
pub fn jackknifed_pos_tags(
    train: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Vec<PosTag>>, NerError> {
    let tags = pos_labels(train)?;
    let labels: Vec<String> = tags.iter().map(|t| t.as_str().to_string()).collect();
    let train_pos = pos_samples(train, &tags);
    let spec = pos_spec(&labels, opts);
    jackknife_tags(train, &tags, &train_pos, &spec, opts.folds.max(2), log)
}

/// Trains the POS and NER taggers on `train`, choosing epochs on `dev`.
/// `log` receives one line per epoch and per stage.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Trained, NerError> {
    let folds = opts.folds.max(2);
    // ---- POS
    let tags = pos_labels(train)?;
    let labels: Vec<String> = tags.iter().map(|t| t.as_str().to_string()).collect();
    let train_pos = pos_samples(train, &tags);
    let dev_pos = pos_samples(dev, &tags);
    let mut scratch = Scratch::default();
    let mut pos_eval = |m: &Model, epoch: usize| {
        let (mut ok, mut all) = (0usize, 0usize);
        let mut out = Vec::new();
        for s in &dev_pos {
            model::decode(m, Task::Pos, &s.ctx(), &mut scratch, &mut out, None);
            ok += out.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
            all += out.len();
        }
        let acc = ok as f64 / all.max(1) as f64;
        log(&format!(
            "pos epoch {epoch:>2}: dev accuracy {:.2}% ({} rows)",
            100.0 * acc,
            m.n_rows()
        ));
        acc
    };
    let pos_spec = pos_spec(&labels, opts);
    let (pos_model, pos_dev_accuracy) = train_tagger(&pos_spec, &train_pos, Some(&mut pos_eval));
    let pos_final =
        Model::from_bytes(Cow::Owned(pos_model.clone())).map_err(|e| NerError::Model(e.0))?;

    // Jackknifed POS tags for the NER training sentences.
    let train_tags = jackknife_tags(train, &tags, &train_pos, &pos_spec, folds, log)?;

    // ---- NER
    let ner_labels = model::ner_labels();
    let train_chunks: Vec<Vec<Chunk>> = train.iter().map(Sentence::entities).collect();
    let dev_gold: Vec<Vec<Chunk>> = dev.iter().map(Sentence::entities).collect();
    let make = |sents: &[Sentence], chunks: &[Vec<Chunk>]| -> Vec<Sample> {
        sents
            .iter()
            .zip(chunks)
            .map(|(s, c)| {
                let spans: Vec<(usize, usize, u8)> =
                    c.iter().map(|c| (c.start, c.end, c.kind as u8)).collect();
                Sample::new(
                    &s.words,
                    model::chunks_to_bilou(s.words.len(), &spans),
                    s.doc,
                )
            })
            .collect()
    };
    let mut train_ner = make(train, &train_chunks);
    let mut dev_ner = make(dev, &dev_gold);
    for (s, t) in train_ner.iter_mut().zip(&train_tags) {
        s.set_pos(t);
    }
    let pos_dev_tags: Vec<Vec<PosTag>> = dev_pos
        .iter()
        .map(|s| tag_pos(&pos_final, &tags, s, &mut scratch))
        .collect();
    for (s, t) in dev_ner.iter_mut().zip(&pos_dev_tags) {
        s.set_pos(t);
    }
    // Gazetteer and casing lexicon: other folds for train, all of train for dev.
    let fold_lookups: Vec<(IdMap<u8>, IdMap<u8>)> = (0..folds)
        .map(|k| lookups_of(&train_ner, &train_chunks, |s| s.doc % folds != k))
        .collect();
    let (full_gaz, full_lex) = lookups_of(&train_ner, &train_chunks, |_| true);
    for s in train_ner.iter_mut() {
        let (gaz, lex) = &fold_lookups[s.doc % folds];
        s.set_lookups(gaz, lex);
    }
    for s in dev_ner.iter_mut() {
        s.set_lookups(&full_gaz, &full_lex);
    }
    let mut gaz_rows: Vec<(u64, u8)> = full_gaz
        .iter()
        .chain(&full_lex)
        .map(|(&k, &v)| (k, v))
        .collect();
    gaz_rows.sort_unstable();
    log(&format!(
        "gazetteer: {} phrase keys, {} words",
        full_gaz.len(),
        full_lex.len()
    ));

    let mut best_counts = NerCounts::default();
    let mut ner_eval = |m: &Model, epoch: usize| {
        let c = ner_scores(m, &dev_ner, &dev_gold);
        log(&format!(
            "ner epoch {epoch:>2}: dev F1 {:.2} | PER {:.2} ORG {:.2} LOC {:.2} MISC {:.2} | actor {:.2} ({} rows)",
            100.0 * c.overall.f1(),
            100.0 * c.kind(EntityKind::Per).f1(),
            100.0 * c.kind(EntityKind::Org).f1(),
            100.0 * c.kind(EntityKind::Loc).f1(),
            100.0 * c.kind(EntityKind::Misc).f1(),
            100.0 * c.actor.f1(),
            m.n_rows()
        ));
        let f = c.overall.f1();
        if f > best_counts.overall.f1() || best_counts.overall.gold == 0 {
            best_counts = c;
        }
        f
    };
    let spec = Spec {
        task: Task::Ner,
        labels: &ner_labels,
        epochs: opts.ner_epochs,
        runs: opts.ner_runs,
        seed: opts.seed,
        min_weight: opts.ner_min_weight,
        gaz: &gaz_rows,
    };
    let (ner_model, _) = train_tagger(&spec, &train_ner, Some(&mut ner_eval));
    Ok(Trained {
        pos_model,
        ner_model,
        pos_dev_accuracy,
        ner_dev: best_counts,
    })
}
