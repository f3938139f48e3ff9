//! Runs `actorgraph::ner::evaluate` on a CoNLL-2003 file and prints the
//! report, then one `RESULT` line for scripts (`.ci/peer.sh` uses it):
//!
//! ```text
//! RESULT actor_f1=0.9012 per_f1=0.9100 overall_f1=0.8500 pos_acc=0.9500 words_per_s=1000000 cpu_words_per_s=1000000 pos_words_per_s=2000000 load_ms=3.1
//! ```
//!
//! Usage: `cargo run --release --example ner_vs_spacy -- FILE`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: ner_vs_spacy CONLL_FILE");
        return ExitCode::FAILURE;
    };
    match actorgraph::ner::evaluate(&path) {
        Ok(r) => {
            println!("{r}");
            println!(
                "RESULT actor_f1={:.4} per_f1={:.4} overall_f1={:.4} pos_acc={:.4} words_per_s={:.0} cpu_words_per_s={:.0} pos_words_per_s={:.0} load_ms={:.2}",
                r.actor_f1(),
                r.per_f1(),
                r.ner.overall.f1(),
                r.pos_accuracy(),
                r.ner_words_per_sec,
                r.ner_cpu_words_per_sec,
                r.pos_words_per_sec,
                r.load_time.as_secs_f64() * 1e3
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ner_vs_spacy: {e}");
            ExitCode::FAILURE
        }
    }
}
