//! Trains the built-in dependency parser on the silver CoNLL-2003 trees,
//! writes `parser.bin` into the output folder and scores it on the test
//! trees (never used to train or tune).
//!
//! ```text
//! cargo run --release --example train_parser
//! ```
//!
//! Options: `--train FILE`, `--dev FILE`, `--test FILE` (defaults: the
//! `conll2003_*.spacy.conllu` files of `../shared/eval/silver`),
//! `--out DIR` (default `data/parse`), `--jackknife CONLL_TRAIN` (the
//! CoNLL-2003 training file whose sentences the silver train trees are:
//! POS taggers trained on four fifths of it tag the other fifth, so that
//! training sees tags as noisy as at run time; by default the built-in
//! tagger tags them, which measured slightly better on dev),
//! `--with-dev` (train on train and dev, keep the last epoch), `--epochs N`, `--explore-from N`,
//! `--explore P`, `--seed N`, `--min-weight X`, `--min-count N` (see
//! `parse::train::TrainOptions`). Rebuild the crate afterwards to embed
//! the new model; the test score printed here uses the new file directly.

use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use actorgraph::ner::{PosTag, PosTagger};
use actorgraph::parse::{self, Parser, conllu, train};

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("bad number {s:?}"))
}

fn run() -> Result<(), String> {
    let silver = PathBuf::from("../shared/eval/silver");
    let mut train_path = silver.join("conll2003_train.spacy.conllu");
    let mut dev_path = silver.join("conll2003_dev.spacy.conllu");
    let mut test_path = silver.join("conll2003_test.spacy.conllu");
    let mut conll_train: Option<PathBuf> = None;
    let mut with_dev = false;
    let mut out = PathBuf::from("data/parse");
    let mut opts = train::TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = PathBuf::from(val()?),
            "--dev" => dev_path = PathBuf::from(val()?),
            "--test" => test_path = PathBuf::from(val()?),
            "--out" => out = PathBuf::from(val()?),
            "--jackknife" => conll_train = Some(PathBuf::from(val()?)),
            "--with-dev" => {
                with_dev = true;
                opts.keep_last = true;
            }
            "--epochs" => opts.epochs = num(&val()?)?,
            "--explore-from" => opts.explore_from = num(&val()?)?,
            "--explore" => opts.explore = num(&val()?)?,
            "--seed" => opts.seed = num(&val()?)?,
            "--min-weight" => opts.min_weight = num(&val()?)?,
            "--min-count" => opts.min_count = num(&val()?)?,
            "-h" | "--help" => {
                println!(
                    "usage: train_parser [--train FILE] [--dev FILE] [--test FILE] [--out DIR] [--jackknife CONLL_TRAIN] [--with-dev] [--epochs N] [--explore-from N] [--explore P] [--seed N] [--min-weight X] [--min-count N]"
                );
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a:?} (try --help)")),
        }
    }
    let t0 = Instant::now();
    let read = |p: &PathBuf| conllu::read(p).map_err(|e| e.to_string());
    let (mut train_s, dev_s, test_s) = (read(&train_path)?, read(&dev_path)?, read(&test_path)?);
    let mut log = |line: &str| println!("[{:>6.1}s] {line}", t0.elapsed().as_secs_f64());
    // Jackknifed POS tags: the built-in tagger was trained on these
    // sentences, so its tags on them are better than on new text.
    let mut tags: Option<Vec<Vec<PosTag>>> = match &conll_train {
        Some(p) => {
            let conll = actorgraph::ner::conll::read(p).map_err(|e| e.to_string())?;
            let aligned = conll.len() == train_s.len()
                && conll.iter().zip(&train_s).all(|(c, s)| c.words == s.words);
            if !aligned {
                return Err(format!(
                    "{} does not hold the sentences of {} in order",
                    p.display(),
                    train_path.display()
                ));
            }
            let o = actorgraph::ner::train::TrainOptions::default();
            Some(
                actorgraph::ner::train::jackknifed_pos_tags(&conll, &o, &mut log)
                    .map_err(|e| e.to_string())?,
            )
        }
        None => None,
    };
    if with_dev {
        // dev is unseen by the built-in tagger: its tags are honest
        let tagger = PosTagger::builtin();
        if let Some(t) = tags.as_mut() {
            t.extend(dev_s.iter().map(|s| tagger.tag(&s.word_refs())));
        }
        train_s.extend(dev_s.iter().cloned());
        log("training on train + dev; the dev scores below are not held out");
    }
    let trained = train::train(&train_s, tags.as_deref(), &dev_s, &opts, &mut log)
        .map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let p = out.join("parser.bin");
    std::fs::write(&p, &trained.model).map_err(|e| format!("{}: {e}", p.display()))?;
    println!(
        "wrote {} ({:.2} MB); kept epoch {}: dev UAS {:.2} LAS {:.2}",
        p.display(),
        trained.model.len() as f64 / 1e6,
        trained.epoch,
        100.0 * trained.dev_uas,
        100.0 * trained.dev_las
    );
    // Score the new file on test (the embedded one may be older).
    let parser = Parser::from_bytes(Cow::Owned(trained.model)).map_err(|e| e.to_string())?;
    let t1 = Instant::now();
    let (uas, las) = parse::attachment_scores(&parser, &test_s);
    let words: usize = test_s.iter().map(|s| s.words.len()).sum();
    println!(
        "test ({}): UAS {:.2} LAS {:.2} over {words} words ({:.0} words/s incl. POS tagging); {:.1}s in all",
        test_path.display(),
        100.0 * uas,
        100.0 * las,
        words as f64 / t1.elapsed().as_secs_f64(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Err(e) => {
            eprintln!("train_parser: {e}");
            ExitCode::FAILURE
        }
        Ok(()) => ExitCode::SUCCESS,
    }
}
