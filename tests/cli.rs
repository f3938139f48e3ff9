//! End-to-end tests of the `actorgraph build` command: every input form,
//! the output contract, determinism, filters, and error reporting.

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A sentence whose reading is part of the library's documented contract
/// (it is the crate-level doc example).
const ACCUSES: &str = "Egypt accused Qatar of funding militants.";

fn articles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

fn summit() -> PathBuf {
    articles().join("summit_helsinki.txt")
}

fn actorgraph() -> Command {
    cargo_bin_cmd!("actorgraph")
}

/// Runs `actorgraph build ARGS`, expects success, and returns stdout.
fn build_ok(args: &[&str]) -> Vec<u8> {
    let out = actorgraph().arg("build").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "actorgraph build {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn build_json(args: &[&str]) -> Value {
    let stdout = build_ok(args);
    serde_json::from_slice(&stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&stdout)
        )
    })
}

/// Runs `actorgraph build ARGS` and expects a failure with a message on
/// standard error; chain `.stderr(...)` for what the message must say.
fn build_fails(args: &[&str]) -> Assert {
    actorgraph()
        .arg("build")
        .args(args)
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("error"))
}

/// A message mentioning every needle (case-sensitive).
fn mentions(needles: &[&str]) -> impl Predicate<str> {
    needles
        .iter()
        .map(|n| predicate::str::contains(*n).boxed())
        .fold(predicate::always().boxed(), |acc, p| acc.and(p).boxed())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn links(g: &Value) -> &Vec<Value> {
    g["edges"].as_array().expect("edges is an array")
}

fn nodes(g: &Value) -> &Vec<Value> {
    g["nodes"].as_array().expect("nodes is an array")
}

fn node_ids(g: &Value) -> BTreeSet<String> {
    nodes(g)
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

/// (source, target, key) of every link.
fn link_keys(g: &Value) -> BTreeSet<(String, String, String)> {
    links(g)
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap().into(),
                l["target"].as_str().unwrap().into(),
                l["key"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn has_link(g: &Value, source: &str, relation: &str, target: &str) -> bool {
    links(g)
        .iter()
        .any(|l| l["source"] == source && l["relation"] == relation && l["target"] == target)
}

fn documents(g: &Value) -> u64 {
    g["graph"]["documents"]
        .as_u64()
        .expect("graph.documents is a number")
}

/// Evidence document ids over every link.
fn evidence_docs(g: &Value) -> BTreeSet<String> {
    links(g)
        .iter()
        .flat_map(|l| l["evidence"].as_array().unwrap())
        .map(|e| e["doc"].as_str().unwrap().to_string())
        .collect()
}

fn dir_entries(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

/// Checks the node-link JSON contract: every key a consumer relies on is
/// there with the right type, and every evidence span cuts its own text
/// out of `doc_text` (when the document text is known).
fn assert_contract(g: &Value, doc_text: Option<&str>) {
    assert_eq!(g["directed"], true);
    assert_eq!(g["multigraph"], true);
    assert_eq!(g["graph"]["name"], "actorgraph");
    assert!(
        g["graph"]["generator"]
            .as_str()
            .unwrap()
            .starts_with("actorgraph ")
    );
    assert!(g["graph"]["documents"].is_u64());
    let ids = node_ids(g);
    assert_eq!(ids.len(), nodes(g).len(), "node ids are unique");
    for n in nodes(g) {
        for key in ["id", "label", "kind"] {
            assert!(n[key].is_string(), "node {key} missing in {n}");
        }
        assert!(
            ["person", "organization", "country", "group"].contains(&n["kind"].as_str().unwrap()),
            "{n}"
        );
        assert!(n["aliases"].is_array(), "{n}");
        assert!(n["mentions"].as_u64().unwrap() >= 1, "{n}");
        assert!(n["documents"].as_u64().unwrap() >= 1, "{n}");
    }
    for l in links(g) {
        for key in ["source", "target", "key", "relation"] {
            assert!(l[key].is_string(), "link {key} missing in {l}");
        }
        assert!(
            ids.contains(l["source"].as_str().unwrap())
                && ids.contains(l["target"].as_str().unwrap()),
            "dangling link {l}"
        );
        assert!(
            ["asserted", "negated", "hypothetical"].contains(&l["modality"].as_str().unwrap()),
            "{l}"
        );
        assert!(
            l.get("cameo").is_some() && l.get("goldstein").is_some(),
            "{l}"
        );
        if l["relation"] == "co_mentioned" {
            assert!(l["cameo"].is_null(), "{l}");
        } else {
            assert!(l["cameo"].is_string() && l["goldstein"].is_number(), "{l}");
        }
        assert!(l["count"].as_u64().unwrap() >= 1, "{l}");
        let c = l["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c), "{l}");
        assert!(l["evidence_truncated"].is_boolean(), "{l}");
        let evidence = l["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{l}");
        for e in evidence {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert!(e["sentence"].is_u64() && e["doc"].is_string(), "{e}");
            if let Some(text) = doc_text {
                assert_eq!(
                    &text[start..end],
                    e["text"].as_str().unwrap(),
                    "evidence span must cut the sentence out of the document"
                );
            }
        }
    }
}

#[test]
fn builds_from_stdin() {
    let out = actorgraph()
        .args(["build", "--format", "json"])
        .write_stdin(ACCUSES)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_contract(&g, Some(ACCUSES));
    assert_eq!(documents(&g), 1);
    assert!(has_link(&g, "egypt", "accuses", "qatar"), "{g:#}");
    assert_eq!(evidence_docs(&g), BTreeSet::from(["-".to_string()]));
}

#[test]
fn dash_reads_stdin_too() {
    let out = actorgraph()
        .args(["build", "-"])
        .write_stdin(ACCUSES)
        .output()
        .unwrap();
    assert!(out.status.success());
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(has_link(&g, "egypt", "accuses", "qatar"));
}

#[test]
fn builds_from_a_file() {
    let text = fs::read_to_string(summit()).unwrap();
    let g = build_json(&[s(&summit())]);
    assert_contract(&g, Some(&text));
    assert_eq!(documents(&g), 1);
    let ids = node_ids(&g);
    for actor in [
        "alexander-stubb",
        "mark-rutte",
        "viktor-orban",
        "volodymyr-zelensky",
        "hungary",
        "finland",
        "poland",
    ] {
        assert!(ids.contains(actor), "{actor} missing from {ids:?}");
    }
    assert!(
        links(&g).iter().any(|l| l["relation"] != "co_mentioned"),
        "the summit article has relations"
    );
    assert_eq!(
        evidence_docs(&g),
        BTreeSet::from([summit().display().to_string()])
    );
}

#[test]
fn json_is_the_default_and_dot_is_available() {
    let json = build_ok(&[s(&summit())]);
    assert_eq!(json, build_ok(&["--format", "json", s(&summit())]));
    let dot = String::from_utf8(build_ok(&["--format", "dot", s(&summit())])).unwrap();
    assert!(dot.starts_with("digraph "), "{dot}");
    assert!(dot.contains("\"volodymyr-zelensky\""), "{dot}");
    graphviz_rust::parse(&dot).expect("DOT output parses");
}

#[test]
fn builds_from_a_directory_recursively() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::write(root.join("a.txt"), ACCUSES).unwrap();
    fs::write(
        root.join("sub/b.md"),
        "France praised Germany for its help.",
    )
    .unwrap();
    fs::write(root.join("sub/deeper/c.txt"), "Egypt accused Qatar again.").unwrap();
    // Not text documents: ignored.
    fs::write(root.join("notes.csv"), "a,b\n").unwrap();
    fs::write(
        root.join("sub/deeper/image.png"),
        [0x89u8, b'P', b'N', b'G', 0xff, 0xfe],
    )
    .unwrap();
    let g = build_json(&[s(root)]);
    assert_contract(&g, None);
    assert_eq!(documents(&g), 3, "a.txt, sub/b.md and sub/deeper/c.txt");
    let docs = evidence_docs(&g);
    assert!(
        docs.contains(&root.join("a.txt").display().to_string()),
        "{docs:?}"
    );
    assert!(
        docs.contains(&root.join("sub/deeper/c.txt").display().to_string()),
        "{docs:?}"
    );
    let ids = node_ids(&g);
    for actor in ["egypt", "qatar", "france", "germany"] {
        assert!(ids.contains(actor), "{actor} missing from {ids:?}");
    }
}

#[test]
fn builds_from_a_jsonl_corpus() {
    let g = build_json(&[s(&articles().join("corpus.jsonl"))]);
    assert_contract(&g, None);
    assert_eq!(documents(&g), 3);
    let docs = evidence_docs(&g);
    assert_eq!(
        docs,
        BTreeSet::from(["conflict_odesa", "diplomacy_envoys", "summit_helsinki"].map(String::from))
    );
}

#[test]
fn jsonl_corpus_equals_its_text_files() {
    // corpus.jsonl holds the three .txt articles: same actors and links.
    let corpus = build_json(&["--no-co-mentions", s(&articles().join("corpus.jsonl"))]);
    let txt: Vec<PathBuf> = ["diplomacy_envoys", "summit_helsinki", "conflict_odesa"]
        .iter()
        .map(|n| articles().join(format!("{n}.txt")))
        .collect();
    let mut args = vec!["--no-co-mentions"];
    args.extend(txt.iter().map(|p| s(p)));
    let files = build_json(&args);
    assert_eq!(node_ids(&corpus), node_ids(&files));
    assert_eq!(link_keys(&corpus), link_keys(&files));
}

#[test]
fn output_dir_gets_json_and_dot() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    build_ok(&["--format", "json,dot", "-o", s(&out), s(&summit())]);
    assert_eq!(
        dir_entries(&out),
        BTreeSet::from(["graph.dot".to_string(), "graph.json".to_string()])
    );
    let g: Value = serde_json::from_slice(&fs::read(out.join("graph.json")).unwrap()).unwrap();
    assert_contract(&g, None);
    let dot = fs::read_to_string(out.join("graph.dot")).unwrap();
    graphviz_rust::parse(&dot).expect("graph.dot parses");
    // The files hold exactly what stdout would.
    assert_eq!(
        fs::read(out.join("graph.json")).unwrap(),
        build_ok(&["--format", "json", s(&summit())])
    );
    assert_eq!(
        dot.into_bytes(),
        build_ok(&["--format", "dot", s(&summit())])
    );
}

#[test]
fn existing_dir_with_one_format_gets_its_file_name() {
    let dir = TempDir::new().unwrap();
    build_ok(&["--format", "dot", "-o", s(dir.path()), s(&summit())]);
    assert_eq!(
        dir_entries(dir.path()),
        BTreeSet::from(["graph.dot".to_string()])
    );
}

#[test]
fn output_file_is_written() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("g.json");
    build_ok(&["-o", s(&file), s(&summit())]);
    assert_eq!(fs::read(&file).unwrap(), build_ok(&[s(&summit())]));
    assert_eq!(
        dir_entries(dir.path()),
        BTreeSet::from(["g.json".to_string()])
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["json", "dot"] {
        let a = build_ok(&["--format", format, s(&articles())]);
        let b = build_ok(&["--format", format, s(&articles())]);
        assert!(!a.is_empty());
        assert!(a == b, "{format} output differs between two runs");
    }
    let dir = TempDir::new().unwrap();
    let (one, two) = (dir.path().join("1"), dir.path().join("2"));
    build_ok(&["--format", "json,dot", "-o", s(&one), s(&articles())]);
    build_ok(&["--format", "json,dot", "-o", s(&two), s(&articles())]);
    for f in ["graph.json", "graph.dot"] {
        assert!(
            fs::read(one.join(f)).unwrap() == fs::read(two.join(f)).unwrap(),
            "{f} differs between two runs"
        );
    }
}

#[test]
fn missing_file_is_named() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-article.txt");
    build_fails(&[s(&missing)]).stderr(mentions(&["no-such-article.txt"]));
}

#[test]
fn directory_without_text_files_is_named() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("pictures");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("photo.jpg"), [0xffu8, 0xd8, 0xff]).unwrap();
    build_fails(&[s(&empty)]).stderr(mentions(&["pictures"]));
}

#[test]
fn invalid_utf8_file_is_named() {
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("latin1.txt");
    fs::write(
        &bad,
        b"Egypt accused Qatar of funding militants in S\xe3o Paulo.",
    )
    .unwrap();
    build_fails(&[s(&bad)]).stderr(
        mentions(&["latin1.txt"])
            .and(predicate::str::contains("utf-8").or(predicate::str::contains("UTF-8"))),
    );
}

#[test]
fn malformed_jsonl_line_is_named_with_its_line() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("file.jsonl");
    fs::write(&corpus, "{\"id\": \"a\", \"text\": \"Egypt accused Qatar.\"}\n{\"id\": \"b\", \"text\": \"unterminated\n{\"id\": \"c\", \"text\": \"ok\"}\n").unwrap();
    build_fails(&[s(&corpus)]).stderr(mentions(&["file.jsonl:2"]));
}

#[test]
fn jsonl_line_without_text_is_named_with_its_line() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("file.jsonl");
    fs::write(
        &corpus,
        "{\"id\": \"a\", \"text\": \"A.\"}\n\n{\"id\": \"b\"}\n",
    )
    .unwrap();
    build_fails(&[s(&corpus)]).stderr(mentions(&["file.jsonl:3"]));
}

#[test]
fn malformed_lexicon_is_named_with_its_line() {
    let dir = TempDir::new().unwrap();
    let lex = dir.path().join("my-lexicon.toml");
    fs::write(&lex, "[[actor]]\nname = \"Anton Vel\"\nkind = \"person\n").unwrap();
    build_fails(&["--lexicon", s(&lex), s(&summit())])
        .stderr(mentions(&["my-lexicon.toml", "line 3"]));
}

#[test]
fn user_lexicon_adds_actors() {
    let dir = TempDir::new().unwrap();
    let lex = dir.path().join("lexicon.toml");
    fs::write(
        &lex,
        "[[actor]]\nname = \"Zarvan Liberation Front\"\nkind = \"group\"\naliases = [\"ZLF\"]\n",
    )
    .unwrap();
    let text = "The ZLF accused Egypt of torture.";
    let without = actorgraph()
        .args(["build"])
        .write_stdin(text)
        .output()
        .unwrap();
    let with = actorgraph()
        .args(["build", "--lexicon", s(&lex)])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(without.status.success() && with.status.success());
    let (without, with): (Value, Value) = (
        serde_json::from_slice(&without.stdout).unwrap(),
        serde_json::from_slice(&with.stdout).unwrap(),
    );
    assert!(!node_ids(&without).contains("zarvan-liberation-front"));
    assert!(
        node_ids(&with).contains("zarvan-liberation-front"),
        "{with:#}"
    );
}

#[test]
fn failed_run_leaves_output_dir_untouched() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("graph.json"), "previous graph\n").unwrap();
    let bad = dir.path().join("bad.jsonl");
    fs::write(
        &bad,
        "{\"id\": 1, \"text\": \"Egypt accused Qatar.\"}\nnot json\n",
    )
    .unwrap();
    // Several formats into a directory, and one format into a file.
    build_fails(&["--format", "json,dot", "-o", s(&out), s(&summit()), s(&bad)])
        .stderr(mentions(&["bad.jsonl:2"]));
    build_fails(&["-o", s(&out.join("graph.json")), s(&summit()), s(&bad)])
        .stderr(mentions(&["bad.jsonl:2"]));
    build_fails(&[
        "--relations",
        "bogus",
        "-o",
        s(&out.join("graph.json")),
        s(&summit()),
    ])
    .stderr(mentions(&["bogus"]));
    assert_eq!(
        dir_entries(&out),
        BTreeSet::from(["graph.json".to_string()]),
        "no partial or temporary file"
    );
    assert_eq!(
        fs::read_to_string(out.join("graph.json")).unwrap(),
        "previous graph\n",
        "existing output not clobbered"
    );
}

#[test]
fn failed_write_leaves_no_temporary_file() {
    // graph.dot is a directory, so writing it fails after rendering.
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("graph.dot")).unwrap();
    fs::write(out.join("graph.dot/keep.txt"), "x").unwrap();
    build_fails(&["--format", "json,dot", "-o", s(&out), s(&summit())])
        .stderr(mentions(&["graph.dot"]));
    let left: Vec<String> = dir_entries(&out)
        .into_iter()
        .filter(|n| n != "graph.json" && n != "graph.dot")
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
    assert_eq!(
        fs::read_to_string(out.join("graph.dot/keep.txt")).unwrap(),
        "x"
    );
}

#[test]
fn unknown_relation_is_an_error() {
    build_fails(&["--relations", "bogus", s(&summit())])
        .stdout(predicate::str::is_empty())
        .stderr(mentions(&["bogus"]));
}

#[test]
fn relations_filter_keeps_only_those_relations() {
    let all = build_json(&["--no-co-mentions", s(&articles())]);
    let relations: BTreeSet<&str> = links(&all)
        .iter()
        .map(|l| l["relation"].as_str().unwrap())
        .collect();
    assert!(
        relations.contains("meets") && relations.len() > 1,
        "precondition: the articles hold meets and more: {relations:?}"
    );
    let meets = build_json(&["--relations", "meets", "--no-co-mentions", s(&articles())]);
    assert!(!links(&meets).is_empty());
    assert!(links(&meets).iter().all(|l| l["relation"] == "meets"));
    let expected: BTreeSet<_> = link_keys(&all)
        .into_iter()
        .filter(|k| k.2.starts_with("meets:"))
        .collect();
    assert_eq!(link_keys(&meets), expected);
}

#[test]
fn no_co_mentions_removes_co_mention_links() {
    let with = build_json(&[s(&summit())]);
    assert!(
        links(&with).iter().any(|l| l["relation"] == "co_mentioned"),
        "precondition: the summit article has co-mentions"
    );
    let without = build_json(&["--no-co-mentions", s(&summit())]);
    assert!(
        links(&without)
            .iter()
            .all(|l| l["relation"] != "co_mentioned")
    );
    let expected: BTreeSet<_> = link_keys(&with)
        .into_iter()
        .filter(|k| !k.2.starts_with("co_mentioned:"))
        .collect();
    assert_eq!(link_keys(&without), expected, "only co-mention links go");
}

#[test]
fn min_count_drops_rare_links() {
    let dir = TempDir::new().unwrap();
    // The accusation is read twice, the praise once.
    fs::write(dir.path().join("a.txt"), ACCUSES).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        format!("{ACCUSES} France praised Germany for its help."),
    )
    .unwrap();
    let all = build_json(&[s(dir.path())]);
    let count = |g: &Value, rel: &str| {
        links(g)
            .iter()
            .find(|l| l["relation"] == rel)
            .map(|l| l["count"].as_u64().unwrap())
    };
    assert_eq!(count(&all, "accuses"), Some(2), "precondition: {all:#}");
    assert_eq!(count(&all, "cooperates"), Some(1), "precondition: {all:#}");
    let two = build_json(&["--min-count", "2", s(dir.path())]);
    assert!(
        links(&two)
            .iter()
            .all(|l| l["count"].as_u64().unwrap() >= 2),
        "{two:#}"
    );
    let expected: BTreeSet<_> = link_keys(&all)
        .into_iter()
        .filter(|k| {
            links(&all).iter().any(|l| {
                l["key"] == k.2.as_str()
                    && l["source"] == k.0.as_str()
                    && l["target"] == k.1.as_str()
                    && l["count"].as_u64().unwrap() >= 2
            })
        })
        .collect();
    assert_eq!(link_keys(&two), expected);
    assert!(has_link(&two, "egypt", "accuses", "qatar"));
}

#[test]
fn several_formats_to_stdout_is_an_error() {
    build_fails(&["--format", "json,dot", s(&summit())])
        .stdout(predicate::str::is_empty())
        .stderr(mentions(&["-o"]));
}

// ------------------------------------------------------------------
// Robustness: hostile and careless input and output (issue 8).

/// Runs `actorgraph ARGS`, expects a clean failure: exit code 1 (not 101,
/// a panic), no "panicked" on standard error, and every needle in the
/// message.
fn fails_cleanly(args: &[&str], needles: &[&str]) -> String {
    let out = actorgraph().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "actorgraph {args:?} should fail with exit 1: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("error"), "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "{n:?} not in {stderr:?}");
    }
    stderr
}

/// Files in `dir` named like the write phase's temporary files.
fn temporaries(dir: &Path) -> Vec<String> {
    dir_entries(dir)
        .into_iter()
        .filter(|n| n.starts_with(".actorgraph-"))
        .collect()
}

#[test]
fn bad_input_matrix_fails_cleanly_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let out = d.join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("graph.json"), "previous graph\n").unwrap();
    let target = out.join("graph.json");
    let o = s(&target);

    // Missing file.
    let missing = d.join("missing.txt");
    fails_cleanly(&["build", "-o", o, s(&missing)], &["missing.txt"]);
    // Empty directory.
    let empty = d.join("empty-dir");
    fs::create_dir(&empty).unwrap();
    fails_cleanly(&["build", "-o", o, s(&empty)], &["empty-dir"]);
    // Invalid UTF-8.
    let latin1 = d.join("latin1.txt");
    fs::write(&latin1, b"S\xe3o Paulo accused Egypt.").unwrap();
    fails_cleanly(&["build", "-o", o, s(&latin1)], &["latin1.txt", "UTF-8"]);
    // A binary file (valid UTF-8 but NUL bytes), and NUL bytes in text.
    let binary = d.join("image.txt");
    fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0").unwrap();
    fails_cleanly(&["build", "-o", o, s(&binary)], &["image.txt", "binary"]);
    let nul = d.join("nul.txt");
    fs::write(&nul, "Egypt accused\0Qatar of funding militants.").unwrap();
    fails_cleanly(
        &["build", "-o", o, s(&nul)],
        &["nul.txt", "NUL byte at offset 13"],
    );
    // A 50 MB single line: over the default 10 MB cap per document.
    let huge = d.join("huge.txt");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(fs::File::create(&huge).unwrap());
        let chunk = "Egypt accused Qatar of funding militants ".repeat(1000);
        while f.get_ref().metadata().unwrap().len() < 50_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            f.flush().unwrap();
        }
    }
    fails_cleanly(&["build", "-o", o, s(&huge)], &["huge.txt", "--max-doc-mb"]);
    fs::remove_file(&huge).unwrap();
    // A malformed JSON Lines record.
    let corpus = d.join("corpus.jsonl");
    fs::write(
        &corpus,
        "{\"id\": \"a\", \"text\": \"Egypt accused Qatar.\"}\n{\"id\": \"b\", \"text\": 3\n",
    )
    .unwrap();
    fails_cleanly(&["build", "-o", o, s(&corpus)], &["corpus.jsonl:2"]);
    // A malformed lexicon: line and column.
    let lex = d.join("lexicon.toml");
    fs::write(&lex, "[[actor]]\nname = \"X\"\nkind = \"pirate\"\n").unwrap();
    fails_cleanly(
        &["build", "--lexicon", s(&lex), "-o", o, s(&summit())],
        &["lexicon.toml", "line 3", "column"],
    );
    // None of these touched the earlier output.
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous graph\n");
    assert_eq!(
        dir_entries(&out),
        BTreeSet::from(["graph.json".to_string()])
    );

    // Unwritable -o: a path under a regular file.
    let file = d.join("a-file.txt");
    fs::write(&file, "x").unwrap();
    fails_cleanly(
        &["build", "-o", s(&file.join("graph.json")), s(&summit())],
        &["a-file.txt/graph.json"],
    );
    // -o whose parent directory does not exist: nothing is created.
    let orphan = d.join("no/such/dir/graph.json");
    fails_cleanly(
        &["build", "-o", s(&orphan), s(&summit())],
        &["no/such/dir/graph.json", "does not exist"],
    );
    assert!(!d.join("no").exists());
    // -o /dev/full: the full disk is reported, the device stays a device.
    if Path::new("/dev/full").exists() {
        fails_cleanly(
            &["build", "-o", "/dev/full", s(&summit())],
            &["/dev/full", "No space left"],
        );
        fails_cleanly(
            &["build", "--format", "dot", "-o", "/dev/full", s(&summit())],
            &["/dev/full"],
        );
        assert!(!fs::metadata("/dev/full").unwrap().is_file());
    }
    assert!(temporaries(d).is_empty() && temporaries(&out).is_empty());
}

#[test]
fn skip_bad_skips_and_reports_malformed_records() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(
        &corpus,
        format!(
            "{{\"id\": \"a\", \"text\": \"{ACCUSES}\"}}\nnot json\n{{\"id\": \"a\", \"text\": \"dup\"}}\n{{\"text\": \"no id\"}}\n{{\"id\": \"b\", \"text\": \"Iran met France.\"}}\n"
        ),
    )
    .unwrap();
    let out = actorgraph()
        .args(["build", "--skip-bad"])
        .arg(&corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("skipped 3 bad records")
            && stderr.contains("corpus.jsonl:2, ")
            && stderr.contains("corpus.jsonl:3, ")
            && stderr.contains("corpus.jsonl:4"),
        "{stderr}"
    );
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(documents(&g), 2);
    assert!(has_link(&g, "egypt", "accuses", "qatar"));
}

#[test]
fn jsonl_with_bom_duplicates_and_big_ids() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("bom.jsonl");
    fs::write(
        &corpus,
        format!("\u{feff}{{\"id\": 123456789012345678901234567890, \"text\": \"{ACCUSES}\"}}\n{{\"id\": 123456789012345678901234567891, \"text\": \"{ACCUSES}\"}}\n"),
    )
    .unwrap();
    let g = build_json(&[s(&corpus)]);
    assert_eq!(
        evidence_docs(&g),
        BTreeSet::from([
            "123456789012345678901234567890".to_string(),
            "123456789012345678901234567891".to_string()
        ])
    );
    let dup = dir.path().join("dup.jsonl");
    fs::write(
        &dup,
        "{\"id\": \"x\", \"text\": \"A.\"}\n{\"id\": \"y\", \"text\": \"B.\"}\n{\"id\": \"x\", \"text\": \"C.\"}\n",
    )
    .unwrap();
    fails_cleanly(
        &["build", s(&dup)],
        &["dup.jsonl:3", "duplicate id \"x\"", "dup.jsonl:1"],
    );
}

#[test]
fn dev_null_and_fifo_outputs_are_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    if !Path::new("/dev/null").exists() {
        return;
    }
    build_ok(&["-o", "/dev/null", s(&summit())]);
    build_ok(&["--format", "dot", "-o", "/dev/null", s(&summit())]);
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    // A FIFO gets the graph and stays a FIFO.
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("pipe");
    let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !ok.is_ok_and(|s| s.success()) {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(&fifo).unwrap())
    };
    build_ok(&["-o", s(&fifo), s(&summit())]);
    let got: Value = serde_json::from_slice(&reader.join().unwrap()).unwrap();
    assert!(!nodes(&got).is_empty());
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(temporaries(dir.path()).is_empty());

    // /proc/self/fd/1 is the command's own standard output.
    if Path::new("/proc/self/fd/1").exists() {
        let stdout = build_ok(&["-o", "/proc/self/fd/1", s(&summit())]);
        let g: Value = serde_json::from_slice(&stdout).unwrap();
        assert!(!nodes(&g).is_empty());
    }
}

#[test]
fn symlinked_output_keeps_the_link() {
    let dir = TempDir::new().unwrap();
    let real = dir.path().join("real.json");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    build_ok(&["-o", s(&link), s(&summit())]);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("\"nodes\""));
}

#[test]
fn ctrl_c_in_the_write_phase_leaves_old_outputs_and_no_temporaries() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    for name in ["graph.json", "graph.dot"] {
        fs::write(out.join(name), "previous\n").unwrap();
    }
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["build", "-q", "--format", "json,dot,graphml", "-o"])
        .arg(&out)
        .arg(summit())
        .env(actorgraph::export::PAUSE_BEFORE_RENAME_ENV, "30")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the three temporary files are written.
    let start = std::time::Instant::now();
    while temporaries(&out).len() < 3 {
        assert!(
            start.elapsed().as_secs() < 60,
            "no temporary files appeared: {:?}",
            dir_entries(&out)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "exit code after Ctrl-C");
    assert!(String::from_utf8_lossy(&output.stderr).contains("interrupted"));
    assert_eq!(
        dir_entries(&out),
        BTreeSet::from(["graph.dot".to_string(), "graph.json".to_string()]),
        "no temporary and no new file"
    );
    for name in ["graph.json", "graph.dot"] {
        assert_eq!(fs::read_to_string(out.join(name)).unwrap(), "previous\n");
    }
}

#[test]
fn explain_and_stats_escape_control_characters() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("hostile.txt");
    fs::write(
        &input,
        "Egypt accused Qatar \u{1b}[2J\u{1b}]0;pwned\u{7} of funding militants. Zorg Corp accused Egypt.",
    )
    .unwrap();
    let lex = dir.path().join("lexicon.toml");
    fs::write(
        &lex,
        "[[actor]]\nname = \"Zorg\\u001b[31m Corp\"\nkind = \"organization\"\naliases = [\"Zorg Corp\"]\n",
    )
    .unwrap();
    for args in [
        vec!["explain", "egypt", "qatar", "--color", "never"],
        vec!["explain", "egypt", "qatar", "--color", "always"],
        vec!["stats"],
    ] {
        let out = actorgraph()
            .args(&args)
            .arg(&input)
            .arg("--lexicon")
            .arg(&lex)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        let raw: String = if args.contains(&"always") {
            // The highlighting is ours; strip it, then nothing may be left.
            text.replace("\u{1b}[0m", "")
                .replace("\u{1b}[1m", "")
                .replace("\u{1b}[2m", "")
                .split('\u{1b}')
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        p.to_string()
                    } else {
                        p.split_once('m')
                            .map_or(p.to_string(), |(_, r)| r.to_string())
                    }
                })
                .collect()
        } else {
            text.clone()
        };
        assert!(
            !raw.contains('\u{1b}') && !raw.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("\\x1b"), "{args:?} shows the escape: {text}");
    }
}

#[test]
fn explain_survives_a_closed_standard_error() {
    // An unknown actor is an error message on a closed standard error.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "\"{}\" explain nobody-at-all qatar \"{}\" 2>&-",
            env!("CARGO_BIN_EXE_actorgraph"),
            summit().display()
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn csv_cells_cannot_be_formulas() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(
        &corpus,
        format!("{{\"id\": \"=HYPERLINK(\\\"http://evil\\\")\", \"text\": \"{ACCUSES}\"}}\n{{\"id\": \"@x\\u0000y\", \"text\": \"{ACCUSES}\"}}\n"),
    )
    .unwrap();
    let out = dir.path().join("out");
    build_ok(&["--format", "csv", "-o", s(&out), s(&corpus)]);
    let edges = fs::read_to_string(out.join("edges.csv")).unwrap();
    let mut r = ::csv::Reader::from_reader(edges.as_bytes());
    for row in r.records() {
        for cell in row.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']) && !cell.contains('\0'),
                "{cell:?}"
            );
        }
    }
    assert!(edges.contains("'=HYPERLINK"), "{edges}");
}
