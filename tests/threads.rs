//! Parallel and streamed builds give the same graph as a sequential one:
//! the output files are byte-identical for `--threads 1`, `2` and `4`, and
//! a corpus read as a stream in several batches folds to the graph of its
//! documents added one by one.

use actorgraph::input::{DocumentStream, InputOptions};
use actorgraph::{ActorGraph, Document, Pipeline};
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// The example articles, varied so that documents differ in length and
/// content: document `i` keeps the first `1 + i % k` paragraphs of an
/// article (several documents per article, each under its own id).
fn varied_documents(count: usize) -> Vec<Document> {
    let mut articles: Vec<Document> = Vec::new();
    let corpus = articles_dir().join("corpus.jsonl");
    let content = std::fs::read_to_string(&corpus).unwrap();
    articles.extend(actorgraph::input::parse_jsonl(&corpus, &content).unwrap());
    assert!(articles.len() >= 2, "the example corpus holds articles");
    (0..count)
        .map(|i| {
            let a = &articles[i % articles.len()];
            let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
            let keep = 1 + i % paragraphs.len();
            Document::new(format!("doc-{i:04}"), paragraphs[..keep].join("\n\n"))
        })
        .collect()
}

/// Writes `docs` as a JSON Lines file.
fn write_jsonl(path: &Path, docs: &[Document]) {
    let mut f = std::fs::File::create(path).unwrap();
    for d in docs {
        let line = serde_json::json!({"id": d.id, "text": d.text});
        writeln!(f, "{line}").unwrap();
    }
}

/// Every file of `dir` by name, with its bytes.
fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn output_files_are_identical_for_1_2_and_4_threads() {
    let tmp = tempfile::tempdir().unwrap();
    // A directory with a JSON Lines corpus and plain-text articles.
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write_jsonl(&input.join("corpus.jsonl"), &varied_documents(120));
    for e in std::fs::read_dir(articles_dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
        }
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4"] {
        let out = tmp.path().join(format!("out-{threads}"));
        Command::cargo_bin("actorgraph")
            .unwrap()
            .args(["build", "-q", "--threads", threads])
            .args(["-f", "json,dot,graphml,gexf,cytoscape,csv,html", "-o"])
            .arg(&out)
            .arg(&input)
            .assert()
            .success();
        let files = files_of(&out);
        assert_eq!(files.len(), 8, "{:?}", files.keys());
        outputs.push((threads, files));
    }
    let json = String::from_utf8(outputs[0].1["graph.json"].clone()).unwrap();
    assert!(
        json.matches("\"source\"").count() > 10,
        "the corpus gives a graph with links"
    );
    for (threads, files) in &outputs[1..] {
        for (name, bytes) in files {
            assert!(
                bytes == &outputs[0].1[name],
                "{name} differs between --threads 1 and --threads {threads}"
            );
        }
    }
}

#[test]
fn threads_must_be_a_number() {
    Command::cargo_bin("actorgraph")
        .unwrap()
        .args(["build", "--threads", "many"])
        .arg(articles_dir().join("corpus.jsonl"))
        .assert()
        .failure();
}

#[test]
fn a_streamed_corpus_in_several_batches_folds_to_the_sequential_graph() {
    // More documents than one batch holds, so that the stream is cut.
    let docs = varied_documents(actorgraph::BATCH_DOCUMENTS * 2 + 17);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("c.jsonl");
    write_jsonl(&path, &docs);
    let pipeline = Pipeline::builtin().unwrap();
    let mut stream = DocumentStream::open(&[path], &InputOptions::default(), false).unwrap();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let streamed = pipeline
        .build_graph_streamed(stream.by_ref(), |n| {
            done.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        })
        .unwrap();
    assert_eq!(done.into_inner(), docs.len());
    assert!(stream.report().skipped.is_empty());
    let mut sequential = ActorGraph::new();
    for d in &docs {
        sequential.add(&pipeline.extract(d));
    }
    let json = |g: &ActorGraph| actorgraph::export::json::to_string(g).unwrap();
    assert_eq!(json(&streamed), json(&sequential));
    assert_eq!(json(&pipeline.build_graph(&docs)), json(&sequential));
}

#[test]
fn a_stream_stops_at_the_first_bad_record_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("c.jsonl");
    let mut content = String::new();
    for i in 0..5 {
        content.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Egypt accused Qatar.\"}}\n"
        ));
    }
    content.push_str("{\"id\": 9, \"txt\": 1}\n{\"id\": 10, \"text\": \"x\"}\n");
    std::fs::write(&path, content).unwrap();
    let pipeline = Pipeline::builtin().unwrap();
    let stream =
        DocumentStream::open(std::slice::from_ref(&path), &InputOptions::default(), false).unwrap();
    let err = pipeline.build_graph_streamed(stream, |_| {}).unwrap_err();
    assert!(err.to_string().contains("c.jsonl:6:"), "{err}");
    // The stream yields the good records before the bad one, then ends.
    let items: Vec<_> = DocumentStream::open(&[path], &InputOptions::default(), false)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 6);
    assert!(items[..5].iter().all(Result::is_ok));
    assert!(items[5].is_err());
}
