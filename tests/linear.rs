//! Cost is linear in the length of a document: one long document costs
//! about as much per megabyte as the same text cut into articles. A ratio
//! of two measurements on the same machine, not a time limit.

use actorgraph::{Document, Pipeline};
use std::time::{Duration, Instant};

/// The example articles, repeated up to `bytes`, as separate articles.
fn articles(bytes: usize) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/articles is missing")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("article is not UTF-8"))
        .collect();
    texts.sort();
    assert!(
        !texts.is_empty(),
        "no example articles in {}",
        dir.display()
    );
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for t in &texts {
            total += t.len() + 2;
            out.push(t.clone());
        }
    }
    out
}

/// The faster of two runs of `f` (the machine may be busy).
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn one_long_document_costs_what_many_short_ones_cost() {
    // 2 MB in release builds; a smaller sample in debug builds
    let bytes = if cfg!(debug_assertions) {
        200_000
    } else {
        2_000_000
    };
    let pipeline = Pipeline::builtin().unwrap();
    let parts = articles(bytes);
    let many: Vec<Document> = parts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("a{i}"), t.clone()))
        .collect();
    let one = Document::new("all", parts.join("\n\n"));
    // one thread each: the same work, only the document boundaries differ
    let t_many = fastest(|| {
        for d in &many {
            std::hint::black_box(pipeline.extract(d));
        }
    });
    let t_one = fastest(|| {
        std::hint::black_box(pipeline.extract(&one));
    });
    let ratio = t_one.as_secs_f64() / t_many.as_secs_f64().max(1e-9);
    println!(
        "{} bytes: one document {:.2?}, {} documents {:.2?}, ratio {ratio:.2}",
        one.text.len(),
        t_one,
        many.len(),
        t_many
    );
    assert!(
        ratio <= 1.5,
        "one long document costs {ratio:.2}x the per-MB cost of many short ones"
    );
}
