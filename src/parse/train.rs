//! Training of the parser: an averaged perceptron over the transitions,
//! trained with a dynamic oracle and exploration (Goldberg & Nivre 2012).
//!
//! Used by `examples/train_parser.rs`. Each sentence is parsed with the
//! current weights; the update moves towards the best-scoring transition
//! of zero cost (one that keeps every still reachable gold arc reachable)
//! whenever the predicted one has a cost. From epoch `explore_from` on,
//! the predicted transition is followed even when wrong (with probability
//! `explore`), so the parser learns to continue well after a mistake.
//! Non-projective trees are left out. The POS features come from the
//! crate's own tagger, as at run time. Deterministic (seeded shuffling).

use std::borrow::Cow;

use crate::ner::model::{IdMap, Model, ModelParts, Scorer, Scores, Task};
use crate::ner::train::{Perceptron, Rng, merge_runs};
use crate::ner::{PosTag, PosTagger};

use super::conllu::TreeSentence;
use super::features::{self, N_FEATS, Sent};
use super::system::{self, State};
use super::{DepLabel, NL, ParseError, Parser, best_valid, class_names};

/// Settings of [`train`].
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// First epoch (1-based) that follows predicted transitions.
    pub explore_from: usize,
    /// Probability of following a wrong predicted transition.
    pub explore: f64,
    /// Seed of the shuffling and the exploration.
    pub seed: u64,
    /// Feature rows whose largest absolute averaged weight is below this
    /// are dropped from the model file.
    pub min_weight: f32,
    /// Features seen fewer times than this along the gold transitions of
    /// the training data are never learned.
    pub min_count: u32,
    /// Keep the model of the last epoch instead of the one with the best
    /// dev UAS (for training on train and dev together).
    pub keep_last: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            explore_from: 2,
            explore: 0.9,
            seed: 0x5eed_0dec,
            min_weight: 2.0,
            min_count: 1,
            keep_last: false,
        }
    }
}

/// Result of [`train`].
#[derive(Clone, Debug)]
pub struct TrainedParser {
    /// Bytes of the model file.
    pub model: Vec<u8>,
    /// Epoch of the kept model.
    pub epoch: usize,
    /// UAS of the kept model on dev.
    pub dev_uas: f64,
    /// LAS of the kept model on dev.
    pub dev_las: f64,
}

/// A training or dev sentence: features and gold tree.
struct Sample {
    sent: Sent,
    /// Gold heads, the root as `n`.
    heads: Vec<u32>,
    /// Gold label ids.
    labels: Vec<u8>,
}

/// Samples of `sents`, with the POS tags `tags` (one list per sentence)
/// or else those of the built-in tagger.
fn samples(sents: &[TreeSentence], tags: Option<&[Vec<PosTag>]>) -> Vec<Sample> {
    let tagger = PosTagger::builtin();
    sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let words = s.word_refs();
            let tags = match tags {
                Some(t) => Cow::Borrowed(&t[i][..]),
                None => Cow::Owned(tagger.tag(&words)),
            };
            let mut sent = Sent::default();
            sent.prepare(&words, tags.iter().map(|t| t.id()));
            let n = words.len() as u32;
            Sample {
                sent,
                heads: s.heads.iter().map(|h| h.unwrap_or(n)).collect(),
                labels: s.labels.iter().map(|l| l.0).collect(),
            }
        })
        .collect()
}

/// Runs the zero-cost oracle on a sample, calling `f` with each
/// configuration's features and the chosen class; false if it fails to
/// rebuild the gold tree (never for projective trees).
fn oracle_walk(s: &Sample, st: &mut State, mut f: impl FnMut(&[u64; N_FEATS], u8)) -> bool {
    st.reset(s.heads.len(), NL, DepLabel::ROOT.0);
    let mut costs = Vec::new();
    let mut feats = [0u64; N_FEATS];
    while !st.is_final() {
        st.costs(&s.heads, &s.labels, &mut costs);
        let Some(c) = costs.iter().position(|&c| c == 0) else {
            return false;
        };
        features::extract(st, &s.sent, &mut feats);
        f(&feats, c as u8);
        st.apply(c as u8);
    }
    st.heads[..s.heads.len()] == s.heads[..] && st.labels[..s.heads.len()] == s.labels[..]
}

/// UAS and LAS of `parser` on `data`.
fn scores_on(parser: &Parser, data: &[Sample]) -> (f64, f64) {
    let mut st = State::default();
    let (mut all, mut uas, mut las) = (0usize, 0usize, 0usize);
    for s in data {
        parser.run(&s.sent, &mut st);
        for (i, (&h, &l)) in s.heads.iter().zip(&s.labels).enumerate() {
            all += 1;
            if st.heads[i] == h {
                uas += 1;
                las += usize::from(st.labels[i] == l);
            }
        }
    }
    (
        uas as f64 / all.max(1) as f64,
        las as f64 / all.max(1) as f64,
    )
}

/// Trains the parser on `train`, keeping the epoch with the best dev UAS
/// (or the last one, see [`TrainOptions::keep_last`]).
///
/// `train_tags` are the POS tags of the training sentences (one list per
/// sentence, e.g. from [`crate::ner::train::jackknifed_pos_tags`]); when
/// `None`, the built-in tagger tags them (it has seen the CoNLL-2003
/// training sentences, so its tags are better there than at run time).
/// Dev sentences are always tagged by the built-in tagger. `log` receives
/// one line per epoch.
pub fn train(
    train: &[TreeSentence],
    train_tags: Option<&[Vec<PosTag>]>,
    dev: &[TreeSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<TrainedParser, ParseError> {
    if train_tags.is_some_and(|t| t.len() != train.len()) {
        return Err(ParseError::Model(
            "train_tags must hold one tag list per training sentence".into(),
        ));
    }
    let mut data = samples(train, train_tags);
    let before = data.len();
    data.retain(|s| system::is_projective(&s.heads));
    let dev_data = samples(dev, None);
    let labels = class_names();
    let nc = labels.len();

    // Feature counts along the gold transitions; they order the rows of
    // the file (frequent first) and implement `min_count`.
    let mut st = State::default();
    let mut counts: IdMap<u32> = IdMap::default();
    let mut failed = 0usize;
    for s in &data {
        let ok = oracle_walk(s, &mut st, |feats, _| {
            for &h in feats {
                *counts.entry(h).or_insert(0) += 1;
            }
        });
        failed += usize::from(!ok);
    }
    log(&format!(
        "{} training sentences ({} non-projective left out), {} dev; {} features on gold paths; oracle failures: {failed}",
        data.len(),
        before - data.len(),
        dev_data.len(),
        counts.len()
    ));
    if failed > 0 {
        return Err(ParseError::Model(format!(
            "the oracle failed to rebuild {failed} projective training trees"
        )));
    }

    let mut p = Perceptron::new(nc);
    let mut rng = Rng(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = [0u64; N_FEATS];
    let mut kept: Vec<u64> = Vec::with_capacity(N_FEATS);
    let mut costs = Vec::new();
    let mut scores: Scores = [0.0; 256];
    let mut best: Option<TrainedParser> = None;
    let threshold = (opts.explore * u32::MAX as f64) as u64;
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let (mut steps, mut errors) = (0usize, 0usize);
        for &i in &order {
            let s = &data[i];
            st.reset(s.heads.len(), NL, DepLabel::ROOT.0);
            while !st.is_final() {
                features::extract(&st, &s.sent, &mut feats);
                scores[..nc].fill(0.0);
                for &h in &feats {
                    p.add(h, &mut scores);
                }
                let guess = best_valid(&st, &scores[..nc]);
                st.costs(&s.heads, &s.labels, &mut costs);
                let mut gold = u8::MAX;
                for (c, &cost) in costs.iter().enumerate() {
                    if cost == 0 && (gold == u8::MAX || scores[c] > scores[gold as usize]) {
                        gold = c as u8;
                    }
                }
                p.tick();
                steps += 1;
                let next = if costs[guess as usize] > 0 {
                    errors += 1;
                    kept.clear();
                    kept.extend(
                        feats
                            .iter()
                            .copied()
                            .filter(|h| counts.get(h).is_some_and(|&c| c >= opts.min_count)),
                    );
                    p.update(&kept, gold, guess);
                    let explore =
                        epoch >= opts.explore_from && (rng.next() & 0xffff_ffff) < threshold;
                    if explore { guess } else { gold }
                } else {
                    guess
                };
                st.apply(next);
            }
        }
        let rows = merge_runs(std::iter::once(&p), opts.min_weight, &counts);
        let bytes = Model::to_bytes(&ModelParts {
            task: Task::Parser,
            labels: &labels,
            rows: &rows,
            gazetteer: &[],
        });
        let parser = Parser::from_bytes(Cow::Owned(bytes.clone()))?;
        let (uas, las) = scores_on(&parser, &dev_data);
        log(&format!(
            "epoch {epoch:>2}: train errors {:.2}% | dev UAS {:.2} LAS {:.2} | {} rows, {:.1} MB",
            100.0 * errors as f64 / steps.max(1) as f64,
            100.0 * uas,
            100.0 * las,
            parser.n_rows(),
            bytes.len() as f64 / 1e6
        ));
        if opts.keep_last || best.as_ref().is_none_or(|b| uas > b.dev_uas) {
            best = Some(TrainedParser {
                model: bytes,
                epoch,
                dev_uas: uas,
                dev_las: las,
            });
        }
    }
    best.ok_or_else(|| ParseError::Model("no epoch was trained".into()))
}
