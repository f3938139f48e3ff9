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
/// The goal of issue 7 is 0.88; the shipped greedy perceptron reaches
/// 0.834, so this bar guards against regressions below what it measured,
/// not the goal. Speed is measured by `cargo bench`, never by a test.
const MIN_UAS: f64 = 0.83;

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
}
