//! End-to-end tests of `actorgraph extract`, `build --from-events` and
//! `merge`: the event table and merged graphs give the graph `build` makes
//! from the text; date windows; bad tables; Ctrl-C during `extract`.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles/corpus.jsonl")
}

fn actorgraph() -> Command {
    cargo_bin_cmd!("actorgraph")
}

fn run_ok(args: &[&str]) -> Vec<u8> {
    let out = actorgraph().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "actorgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The three example articles (dated 2026-11-17, -19, -21) as two shards.
fn shards(dir: &Path) -> (PathBuf, PathBuf) {
    let text = fs::read_to_string(corpus()).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 3);
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    fs::write(&a, format!("{}\n", lines[2])).unwrap();
    fs::write(&b, format!("{}\n{}\n", lines[0], lines[1])).unwrap();
    (a, b)
}

#[test]
fn event_tables_and_merged_graphs_give_the_graph_of_the_text() {
    let dir = TempDir::new().unwrap();
    let whole = run_ok(&["build", "-q", p(&corpus())]);
    let (a, b) = shards(dir.path());
    let ta = dir.path().join("a.parquet");
    let tb = dir.path().join("b.jsonl.out.jsonl");
    run_ok(&["extract", "-q", p(&a), "-o", p(&ta)]);
    // Standard output is JSON Lines.
    fs::write(&tb, run_ok(&["extract", "-q", p(&b)])).unwrap();
    let rows = fs::read_to_string(&tb).unwrap();
    let first: Value = serde_json::from_str(rows.lines().next().unwrap()).unwrap();
    assert_eq!(first["record"], "document");
    assert_eq!(first["date"], "2026-11-17");
    assert!(rows.lines().any(|l| l.contains("\"record\":\"relation\"")));
    assert_eq!(
        run_ok(&["build", "-q", "--from-events", p(&tb), p(&ta)]),
        whole
    );
    // Graphs of the shards, merged.
    let (ga, gb) = (dir.path().join("a.json"), dir.path().join("b.json"));
    run_ok(&["build", "-q", p(&b), "-o", p(&gb)]);
    run_ok(&["build", "-q", p(&a), "-o", p(&ga)]);
    assert_eq!(run_ok(&["merge", "-q", p(&ga), p(&gb)]), whole);
    // Links carry their days.
    let g: Value = serde_json::from_slice(&whole).unwrap();
    let link = &g["edges"].as_array().unwrap()[0];
    assert!(
        link["first_seen"].is_string() && link["days"].is_object(),
        "{link}"
    );
}

#[test]
fn a_date_window_keeps_the_documents_of_its_days() {
    let dir = TempDir::new().unwrap();
    let table = dir.path().join("t.parquet");
    run_ok(&["extract", "-q", p(&corpus()), "-o", p(&table)]);
    let window = ["--since", "2026-11-18", "--until", "2026-11-21"];
    let from_text = run_ok(&[&["build", "-q", p(&corpus())][..], &window].concat());
    let from_table = run_ok(&[&["build", "-q", "--from-events", p(&table)][..], &window].concat());
    assert_eq!(from_text, from_table);
    let g: Value = serde_json::from_slice(&from_text).unwrap();
    assert_eq!(g["graph"]["documents"], 2);
    let out = actorgraph()
        .args([
            "build",
            "-q",
            p(&corpus()),
            "--since",
            "2026-11-22",
            "--until",
            "2026-11-01",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("window is empty"));
}

#[test]
fn bad_tables_and_twice_extracted_shards_name_the_file_and_line() {
    let dir = TempDir::new().unwrap();
    let table = dir.path().join("t.jsonl");
    fs::write(
        &table,
        "{\"record\":\"document\",\"doc_id\":\"a\"}\n{\"record\":\"relation\",\"doc_id\":\"a\",\"source_id\":\"x\"}\n",
    )
    .unwrap();
    let out = actorgraph()
        .args(["build", "--from-events", p(&table)])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("t.jsonl:2:") && err.contains("source_label"),
        "{err}"
    );
    // The same shard twice would double every count: an error.
    let good = dir.path().join("g.jsonl");
    fs::write(&good, run_ok(&["extract", "-q", p(&corpus())])).unwrap();
    let out = actorgraph()
        .args(["build", "--from-events", p(&good), p(&good)])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("twice") && err.contains("g.jsonl:1"), "{err}");
    // A bad date in the corpus names its line.
    let bad = dir.path().join("bad.jsonl");
    fs::write(
        &bad,
        "{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2, \"text\": \"y\", \"date\": \"March 3\"}\n",
    )
    .unwrap();
    let out = actorgraph().args(["extract", p(&bad)]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:2:") && err.contains("not a day"),
        "{err}"
    );
}

/// Ctrl-C (SIGINT) during `extract`: the run ends after the batch in
/// progress with status 130, and the table holds whole rows that build.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_a_valid_table() {
    let dir = TempDir::new().unwrap();
    let text = fs::read_to_string(corpus()).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let big = dir.path().join("big.jsonl");
    let mut out = String::new();
    for i in 0..3000 {
        let mut v: Value = serde_json::from_str(lines[i % lines.len()]).unwrap();
        v["id"] = Value::String(format!("doc{i}"));
        out.push_str(&v.to_string());
        out.push('\n');
    }
    fs::write(&big, out).unwrap();
    for table in ["t.parquet", "t.jsonl"] {
        let table = dir.path().join(table);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
            .args(["extract", "-q", p(&big), "-o", p(&table)])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let killed = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{table:?}");
        let g: Value =
            serde_json::from_slice(&run_ok(&["build", "-q", "--from-events", p(&table)])).unwrap();
        let docs = g["graph"]["documents"].as_u64().unwrap();
        assert!(
            docs > 0 && docs < 3000 && docs.is_multiple_of(512),
            "{table:?}: {docs} documents"
        );
    }
}
