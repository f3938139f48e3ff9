//! Trains the built-in POS and NER taggers on CoNLL-2003 and writes
//! `pos.bin` and `ner.bin` into the output folder.
//!
//! ```text
//! cargo run --release --example train_ner -- \
//!     --train ../shared/eval/conll2003/train.txt \
//!     --dev ../shared/eval/conll2003/dev.txt --out data/ner/
//! ```
//!
//! Options: `--pos-epochs N`, `--ner-epochs N`, `--folds N`, `--seed N`,
//! `--pos-min-weight X`, `--ner-min-weight X`, `--ner-runs N`,
//! `--show-dev-errors N` (list dev sentences the kept models get wrong) (see `ner::train::TrainOptions`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use actorgraph::ner::{conll, train};

fn run() -> Result<(), String> {
    let mut train_path = None;
    let mut dev_path = None;
    let mut out = PathBuf::from("data/ner");
    let mut opts = train::TrainOptions::default();
    let mut show_errors = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = Some(PathBuf::from(val()?)),
            "--dev" => dev_path = Some(PathBuf::from(val()?)),
            "--out" => out = PathBuf::from(val()?),
            "--pos-epochs" => opts.pos_epochs = num(&val()?)?,
            "--ner-epochs" => opts.ner_epochs = num(&val()?)?,
            "--folds" => opts.folds = num(&val()?)?,
            "--seed" => opts.seed = num(&val()?)?,
            "--pos-min-weight" => opts.pos_min_weight = num(&val()?)?,
            "--ner-min-weight" => opts.ner_min_weight = num(&val()?)?,
            "--ner-runs" => opts.ner_runs = num(&val()?)?,
            "--show-dev-errors" => show_errors = num(&val()?)?,
            "-h" | "--help" => {
                println!(
                    "usage: train_ner --train TRAIN --dev DEV [--out DIR] [--pos-epochs N] [--ner-epochs N] [--folds N] [--seed N] [--pos-min-weight X] [--ner-min-weight X] [--ner-runs N] [--show-dev-errors N]"
                );
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a:?} (try --help)")),
        }
    }
    let train_path = train_path.ok_or("--train FILE is required")?;
    let dev_path = dev_path.ok_or("--dev FILE is required")?;
    let t0 = Instant::now();
    let train_s = conll::read(&train_path).map_err(|e| e.to_string())?;
    let dev_s = conll::read(&dev_path).map_err(|e| e.to_string())?;
    println!(
        "train: {} sentences, dev: {} sentences",
        train_s.len(),
        dev_s.len()
    );
    let trained = train::train(&train_s, &dev_s, &opts, &mut |line| {
        println!("[{:>6.1}s] {line}", t0.elapsed().as_secs_f64());
    })
    .map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, bytes) in [
        ("pos.bin", &trained.pos_model),
        ("ner.bin", &trained.ner_model),
    ] {
        let p = out.join(name);
        std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))?;
        println!("wrote {} ({} bytes)", p.display(), bytes.len());
    }
    println!(
        "kept models: POS dev accuracy {:.2}%, NER dev F1 {:.2}, actor F1 {:.2}, PER F1 {:.2}; {:.1}s",
        100.0 * trained.pos_dev_accuracy,
        100.0 * trained.ner_dev.overall.f1(),
        100.0 * trained.ner_dev.actor.f1(),
        100.0 * trained.ner_dev.kind(actorgraph::ner::EntityKind::Per).f1(),
        t0.elapsed().as_secs_f64()
    );
    if show_errors > 0 {
        print_dev_errors(&trained, &dev_s, show_errors)?;
    }
    println!("rebuild the crate to embed the new model files");
    Ok(())
}

/// Prints up to `limit` dev sentences whose entities differ from gold.
fn print_dev_errors(
    trained: &train::Trained,
    dev: &[conll::Sentence],
    limit: usize,
) -> Result<(), String> {
    use actorgraph::ner::{NerTagger, PosTagger};
    use std::borrow::Cow;
    let pos =
        PosTagger::from_bytes(Cow::Owned(trained.pos_model.clone())).map_err(|e| e.to_string())?;
    let ner =
        NerTagger::from_bytes(Cow::Owned(trained.ner_model.clone())).map_err(|e| e.to_string())?;
    let mut shown = 0;
    for s in dev {
        let w = s.word_refs();
        let tags = pos.tag(&w);
        let pred: Vec<(usize, usize, &str)> = ner
            .entities(&w, &tags)
            .iter()
            .map(|e| (e.start, e.end, e.kind.as_str()))
            .collect();
        let gold: Vec<(usize, usize, &str)> = s
            .entities()
            .iter()
            .map(|c| (c.start, c.end, c.kind.as_str()))
            .collect();
        if pred == gold {
            continue;
        }
        let show = |v: &[(usize, usize, &str)], other: &[(usize, usize, &str)]| {
            v.iter()
                .filter(|x| !other.contains(x))
                .map(|&(a, b, k)| format!("[{} {k}]", w[a..b].join(" ")))
                .collect::<Vec<_>>()
                .join(" ")
        };
        println!("line {}: {}", s.line, w.join(" "));
        println!(
            "   missed: {}   wrong: {}",
            show(&gold, &pred),
            show(&pred, &gold)
        );
        shown += 1;
        if shown >= limit {
            break;
        }
    }
    Ok(())
}

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a number: {s:?}"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}
