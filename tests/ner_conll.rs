//! Scores the built-in NER and POS taggers on the CoNLL-2003 English test
//! set (`../shared/eval/conll2003/test.txt`, next to the repository).
//!
//! Run with optimisations to include the speed check:
//! `cargo test --release --test ner_conll -- --nocapture`.

use std::path::PathBuf;

use actorgraph::ner;

/// Required NER (incl. POS) throughput in release builds, words/s.
const MIN_WORDS_PER_SEC: f64 = 615_000.0;

#[test]
fn conll2003_test_set_scores_and_speed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/conll2003");
    let path = dir.join("test.txt");
    assert!(
        path.is_file(),
        "../shared/eval/conll2003 is missing: expected the CoNLL-2003 test set at {} \
         (the shared/ folder must sit next to the repository)",
        path.display()
    );
    let report = ner::evaluate(&path).unwrap_or_else(|e| panic!("evaluation failed: {e}"));
    println!("{report}");
    assert!(report.words > 40_000, "test set looks truncated");
    assert!(
        report.actor_f1() >= 0.85,
        "actor F1 {:.4} < 0.85",
        report.actor_f1()
    );
    assert!(
        report.per_f1() >= 0.85,
        "PER F1 {:.4} < 0.85",
        report.per_f1()
    );
    assert!(
        report.pos_accuracy() >= 0.90,
        "POS accuracy {:.4} < 0.90",
        report.pos_accuracy()
    );
    if cfg!(debug_assertions) {
        println!(
            "speed check skipped in debug builds (measured {:.0} words/s); run with --release",
            report.ner_words_per_sec
        );
        return;
    }
    assert!(
        report.load_time.as_secs_f64() < 0.030,
        "model load took {:?} (limit 30 ms)",
        report.load_time
    );
    // The bar applies to one core's worth of work: when other processes
    // keep the thread waiting (a busy shared machine), wall-clock speed
    // drops while the thread's CPU-time speed does not; the better of the
    // two counts. A slow measurement is repeated (twice at most).
    let speed_of = |r: &ner::NerReport| r.ner_words_per_sec.max(r.ner_cpu_words_per_sec);
    let mut speed = speed_of(&report);
    for attempt in 2..=3 {
        if speed >= MIN_WORDS_PER_SEC {
            break;
        }
        println!("speed {speed:.0} words/s below the bar, measuring again (attempt {attempt}/3)");
        let again = ner::evaluate(&path).unwrap_or_else(|e| panic!("evaluation failed: {e}"));
        speed = speed.max(speed_of(&again));
    }
    assert!(
        speed >= MIN_WORDS_PER_SEC,
        "NER (incl. POS) speed {speed:.0} words/s < {MIN_WORDS_PER_SEC}"
    );
}
