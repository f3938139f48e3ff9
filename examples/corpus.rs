//! Prints a JSON Lines corpus of at least N megabytes (default 10) made by
//! repeating the bundled example articles under distinct ids, to time the
//! command line on a big input:
//!
//! ```text
//! cargo run --release --example corpus -- 10 > /tmp/corpus.jsonl
//! time target/release/actorgraph build /tmp/corpus.jsonl -o /tmp/graph.json
//! ```
//!
//! It writes to standard output only.

use actorgraph::Document;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let megabytes: f64 = match std::env::args().nth(1) {
        Some(a) => a
            .parse()
            .map_err(|_| format!("usage: corpus [MEGABYTES], not {a:?}"))?,
        None => 10.0,
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let corpus = dir.join("corpus.jsonl");
    let articles: Vec<Document> =
        actorgraph::input::parse_jsonl(&corpus, &std::fs::read_to_string(&corpus)?)?;
    if articles.is_empty() {
        return Err(format!("{} holds no article", corpus.display()).into());
    }
    let target = (megabytes * 1e6) as usize;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut bytes, mut i) = (0, 0);
    while bytes < target {
        let a = &articles[i % articles.len()];
        let line = serde_json::json!({
            "id": format!("{}#{:06}", a.id, i),
            "text": a.text,
            "date": a.date,
            "source": a.source,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        bytes += a.text.len();
        i += 1;
    }
    out.flush()?;
    eprintln!("corpus: {i} documents, {bytes} bytes of text");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
