//! Scores the built-in NER and POS taggers on the CoNLL-2003 English test
//! set (`../shared/eval/conll2003/test.txt`, next to the repository).
//!
//! Run with optimisations to see the speed (printed, not asserted):
//! `cargo test --release --test ner_conll -- --nocapture`.

use std::path::PathBuf;

use actorgraph::ner;

#[test]
fn conll2003_test_set_scores() {
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
    // Speed is a benchmark, not a test: a shared machine under load makes
    // any time limit flaky. `.ci/peer.sh` checks the speed ratio to spaCy.
    println!(
        "NER (incl. POS) {:.0} words/s, model load {:?}",
        report.ner_words_per_sec, report.load_time
    );
}
