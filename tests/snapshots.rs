//! Snapshot tests of the JSON and DOT exports of one short fixed text, and
//! DOT escaping checks for awkward actor names.
//!
//! The extraction rules change often; after a deliberate change, regenerate
//! and review the snapshots with
//! `INSTA_UPDATE=always cargo test --test snapshots` then `git diff tests/snapshots`.

use actorgraph::document::Span;
use actorgraph::export::{dot, json};
use actorgraph::lexicon::ActorKind;
use actorgraph::relations::{CoMention, Event, Modality};
use actorgraph::resolve::DocActor;
use actorgraph::{ActorGraph, Document, Extraction, Pipeline};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, Id, Node, Stmt, Vertex};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Four sentences: a meeting, a rejection, a negated plan reported in
/// speech, and praise by an invented official introduced with a title.
const TEXT: &str = "Turkish Foreign Minister Hakan Fidan met Iranian Foreign Minister Abbas Araghchi in Ankara on Monday. \
Araghchi rejected the European Union's proposal on nuclear inspections. \
Kremlin spokesman Dmitry Peskov said Vladimir Putin would not meet Volodymyr Zelensky this year. \
Deputy Minister Oskar Lind praised Turkey for its mediation.";

fn snapshot_graph() -> ActorGraph {
    let pipeline = Pipeline::builtin().expect("built-in lexicon loads");
    pipeline.build_graph(&[Document::new("snapshot", TEXT)])
}

#[test]
fn json_export_snapshot() {
    let out = json::to_string(&snapshot_graph()).unwrap();
    serde_json::from_str::<Value>(&out).expect("export is JSON");
    insta::assert_snapshot!("json_export", out);
}

#[test]
fn dot_export_snapshot() {
    let out = dot::to_string(&snapshot_graph());
    graphviz_rust::parse(&out).expect("export is DOT");
    insta::assert_snapshot!("dot_export", out);
}

/// A compact, readable view of what was read: one line per relation.
#[test]
fn relations_snapshot() {
    let g = snapshot_graph();
    let actors: Vec<Value> = g
        .nodes_sorted()
        .iter()
        .map(|n| json!([n.id, n.kind.as_str()]))
        .collect();
    let relations: Vec<String> = g
        .edges_sorted()
        .iter()
        .filter(|(_, _, e)| e.relation != "co_mentioned")
        .map(|(a, b, e)| {
            format!(
                "{} -{}/{}-> {} (CAMEO {})",
                a.id,
                e.relation,
                e.modality.as_str(),
                b.id,
                e.cameo.as_deref().unwrap_or("-")
            )
        })
        .collect();
    insta::assert_json_snapshot!(
        "relations",
        json!({ "actors": actors, "relations": relations })
    );
}

// ---------------------------------------------------------------------------
// Escaping: names DOT treats specially must survive a print/parse round trip.
// ---------------------------------------------------------------------------

/// Names with quotes, backslashes (including a trailing one and DOT's own
/// `\N` / `\l` escapes), newlines, DOT keywords and non-Latin scripts.
const AWKWARD: &[&str] = &[
    "Ahmed \"the Lion\" Barre",
    "C:\\Ministry\\of\\Defence\\",
    "Sahel \\N Front \\l",
    "Line one\nLine two",
    "Сергей Лавров — 習近平 — أحمد 🙂",
    "node",
    "graph",
    "Zoë d'Arcy-Ñúñez",
    "edge -> {subgraph}; [label=x]",
];

fn actor(name: &str, kind: ActorKind) -> DocActor {
    DocActor {
        id: name.to_string(),
        label: name.to_string(),
        kind,
        affiliation: None,
        role: Some(format!("role of {name}")),
        aliases: BTreeSet::from([name.to_string()]),
        mentions: 1,
    }
}

/// A graph whose node ids and labels are the awkward names, each linked to
/// the next by a relation and all co-mentioned with the first.
fn awkward_graph() -> ActorGraph {
    let text = "One sentence. Another sentence.";
    let kinds = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Group,
    ];
    let actors: Vec<DocActor> = AWKWARD
        .iter()
        .enumerate()
        .map(|(i, n)| actor(n, kinds[i % kinds.len()]))
        .collect();
    let span = Span::new(0, 3);
    let events = (1..actors.len())
        .map(|i| Event {
            source: i - 1,
            target: i,
            relation: "accuses".into(),
            cameo: "112".into(),
            goldstein: -2.0,
            symmetric: false,
            modality: if i % 2 == 0 {
                Modality::Negated
            } else {
                Modality::Asserted
            },
            confidence: 0.9,
            sentence: 0,
            trigger: span,
            source_span: span,
            target_span: span,
        })
        .collect();
    let co_mentions = (1..actors.len())
        .map(|i| CoMention {
            a: 0,
            b: i,
            sentence: 1,
        })
        .collect();
    let ex = Extraction {
        doc_id: "doc \"with\" quotes\\".into(),
        text: text.into(),
        sentences: vec![Span::new(0, 13), Span::new(14, text.len())],
        actors,
        mentions: Vec::new(),
        events,
        co_mentions,
    };
    let mut g = ActorGraph::new();
    g.add(&ex);
    g
}

/// Reverses DOT double-quoted string escaping (`\"`, `\\`, `\n`).
fn unquote(id: &Id) -> String {
    let Id::Escaped(s) = id else {
        panic!("expected a quoted id, got {id:?}")
    };
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not quoted: {s}"));
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            other => panic!("unexpected escape \\{other:?} in {s}"),
        }
    }
    out
}

fn attr<'a>(attrs: &'a [Attribute], key: &str) -> Option<&'a Id> {
    attrs
        .iter()
        .find(|Attribute(k, _)| matches!(k, Id::Plain(k) if k == key))
        .map(|Attribute(_, v)| v)
}

fn stmts(g: &Graph) -> &[Stmt] {
    match g {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    }
}

#[test]
fn dot_escapes_awkward_names_and_parses_back() {
    let g = awkward_graph();
    let text = dot::to_string(&g);
    let parsed =
        graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{text}"));

    // Every node comes back with its exact id and label.
    let mut ids = BTreeSet::new();
    for stmt in stmts(&parsed) {
        if let Stmt::Node(Node { id, attributes }) = stmt {
            let id = unquote(&id.0);
            let label = unquote(attr(attributes, "label").expect("node has a label"));
            assert_eq!(id, label, "label of {id:?}");
            ids.insert(id);
        }
    }
    assert_eq!(
        ids,
        AWKWARD
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
    );

    // Every edge joins the right nodes.
    let mut edges = BTreeSet::new();
    for stmt in stmts(&parsed) {
        if let Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
            ..
        }) = stmt
        {
            edges.insert((unquote(&a.0), unquote(&b.0)));
        }
    }
    for pair in AWKWARD.windows(2) {
        assert!(
            edges.contains(&(pair[0].to_string(), pair[1].to_string())),
            "edge {pair:?} missing"
        );
    }

    // The raw text escapes as DOT requires.
    assert!(text.contains(r#""Ahmed \"the Lion\" Barre""#), "{text}");
    assert!(text.contains(r#""C:\\Ministry\\of\\Defence\\""#), "{text}");
    assert!(text.contains(r#""Sahel \\N Front \\l""#), "{text}");
    assert!(text.contains(r#""Line one\nLine two""#), "{text}");
    assert!(
        text.contains("Сергей Лавров — 習近平 — أحمد 🙂"),
        "unicode is kept as is"
    );
    assert!(
        !text.contains("Line one\nLine two"),
        "no raw newline inside a string"
    );
}

#[test]
fn json_keeps_awkward_names_exactly() {
    let g = awkward_graph();
    let v: Value = serde_json::from_str(&json::to_string(&g).unwrap()).unwrap();
    let labels: BTreeSet<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, AWKWARD.iter().copied().collect::<BTreeSet<_>>());
    let doc = v["edges"][0]["evidence"][0]["doc"].as_str().unwrap();
    assert_eq!(doc, "doc \"with\" quotes\\");
}

/// Graphviz itself accepts the DOT of awkward names (skipped when `dot` is
/// not installed; `.ci/run` installs it).
#[test]
fn graphviz_renders_awkward_names() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let text = dot::to_string(&awkward_graph());
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: graphviz `dot` is not installed");
            return;
        }
        Err(e) => panic!("running dot: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejected the graph: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("Сергей Лавров"), "unicode label rendered");
    assert!(svg.contains("the Lion"), "quoted label rendered");
}
