//! Scores the built-in dependency parser against spaCy's silver trees of
//! the CoNLL-2003 test sentences
//! (`../shared/eval/silver/conll2003_test.spacy.conllu`, next to the
//! repository; never used in training).
//!
//! Run with optimisations to include the speed check:
//! `cargo test --release --test parse_conll -- --nocapture`.

use std::path::PathBuf;

use actorgraph::parse;

/// Required UAS (agreement with spaCy's heads, punctuation included).
const MIN_UAS: f64 = 0.86;

/// Required parsing throughput in release builds, words/s on one thread.
const MIN_WORDS_PER_SEC: f64 = 150_000.0;

#[test]
fn conll2003_silver_test_trees() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/silver");
    let path = dir.join("conll2003_test.spacy.conllu");
    assert!(
        path.is_file(),
        "../shared/eval/silver is missing: expected the silver CoNLL-2003 test trees at {} \
         (the shared/ folder must sit next to the repository)",
        path.display()
    );
    let report = parse::evaluate(&path).unwrap_or_else(|e| panic!("evaluation failed: {e}"));
    println!("{report}");
    assert!(report.words > 40_000, "test set looks truncated");
    assert!(report.uas >= MIN_UAS, "UAS {:.4} < {MIN_UAS}", report.uas);
    assert!(report.las <= report.uas);
    if cfg!(debug_assertions) {
        println!(
            "speed check skipped in debug builds (measured {:.0} words/s); run with --release",
            report.words_per_sec
        );
        return;
    }
    // One core's worth of work: on a busy machine wall-clock speed drops
    // while CPU-time speed does not; the better of the two counts, and a
    // slow measurement is repeated (twice at most).
    let speed_of = |r: &parse::ParseReport| r.words_per_sec.max(r.cpu_words_per_sec);
    let mut speed = speed_of(&report);
    for attempt in 2..=3 {
        if speed >= MIN_WORDS_PER_SEC {
            break;
        }
        println!("speed {speed:.0} words/s below the bar, measuring again (attempt {attempt}/3)");
        let again = parse::evaluate(&path).unwrap_or_else(|e| panic!("evaluation failed: {e}"));
        speed = speed.max(speed_of(&again));
    }
    assert!(
        speed >= MIN_WORDS_PER_SEC,
        "parsing speed {speed:.0} words/s < {MIN_WORDS_PER_SEC}"
    );
}
