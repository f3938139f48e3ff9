//! Link dates in every export, end to end: a small dated corpus (JSON Lines
//! with `date`) built by `actorgraph build`, and each format that carries
//! per-link attributes (CSV, GraphML, GEXF, Cytoscape, DOT) read back with
//! its own parser must give every link the `first_seen` and `last_seen` of
//! graph.json, GEXF the link's days as spells; a date window narrows them;
//! the same corpus without dates declares no date anywhere. networkx then
//! reads the dated files (`tests/py/check_exports.py`), failing with
//! install advice when it is missing unless `ACTORGRAPH_SKIP_NETWORKX=1`.

use assert_cmd::cargo::cargo_bin_cmd;
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Five short reports: Brazil and Argentina meet on 03-04, 03-05 and
/// 03-09; Egypt accuses Qatar on 03-04, 03-09 and 03-10 (dates in three
/// spellings: a day, a time stamp, GDELT's `YYYYMMDD`); Japan's criticism
/// of China is undated.
const CORPUS: &[(&str, Option<&str>, &str)] = &[
    (
        "a1",
        Some("2024-03-04"),
        "Brazil met Argentina in Brasilia to discuss trade. Egypt accused Qatar of funding militants.",
    ),
    (
        "a2",
        Some("2024-03-05T09:30:00Z"),
        "Brazil met Argentina again in Buenos Aires.",
    ),
    (
        "a3",
        Some("20240309"),
        "Brazil met Argentina in Montevideo. Egypt accused Qatar of funding militants.",
    ),
    (
        "a4",
        Some("2024-03-10"),
        "Egypt accused Qatar of funding militants once more.",
    ),
    ("a5", None, "Japan criticized China over the dispute."),
];

const FORMATS: &str = "json,dot,graphml,gexf,cytoscape,csv";

/// (source, target, relation) of a link: unique in this corpus.
type LinkId = (String, String, String);
/// (first_seen, last_seen) of a link.
type Seen = (Option<String>, Option<String>);
/// (start, end) of every GEXF spell of a link.
type Spells = Vec<(String, String)>;

fn write_corpus(dir: &Path, dated: bool) -> PathBuf {
    let lines: Vec<String> = CORPUS
        .iter()
        .map(|(id, date, text)| {
            let mut v = serde_json::json!({ "id": id, "text": text });
            if let (true, Some(d)) = (dated, date) {
                v["date"] = Value::from(*d);
            }
            v.to_string()
        })
        .collect();
    let path = dir.join(if dated {
        "dated.jsonl"
    } else {
        "undated.jsonl"
    });
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn build(corpus: &Path, out: &Path, extra: &[&str]) {
    let output = cargo_bin_cmd!("actorgraph")
        .args(["build", "-q"])
        .arg(corpus)
        .args(["-f", FORMATS])
        .args(extra)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn text(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

fn insert<V>(map: &mut BTreeMap<LinkId, V>, id: LinkId, value: V) {
    assert!(map.insert(id.clone(), value).is_none(), "{id:?} twice");
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(String::from)
}

/// What graph.json says: the reference.
fn json_dates(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let g: Value = serde_json::from_str(&text(dir, "graph.json")).unwrap();
    let mut out = BTreeMap::new();
    for l in g["edges"].as_array().unwrap() {
        let id = (opt(&l["source"]), opt(&l["target"]), opt(&l["relation"]));
        let id = (id.0.unwrap(), id.1.unwrap(), id.2.unwrap());
        insert(&mut out, id, (opt(&l["first_seen"]), opt(&l["last_seen"])));
    }
    out
}

fn csv_dates(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let mut reader = csv::Reader::from_path(dir.join("edges.csv")).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let mut out = BTreeMap::new();
    for r in reader.records() {
        let r = r.unwrap();
        let cell = |name: &str| {
            col(name)
                .map(|i| r[i].to_string())
                .filter(|v| !v.is_empty())
        };
        let id = (
            cell(":START_ID").unwrap(),
            cell(":END_ID").unwrap(),
            cell("relation").unwrap(),
        );
        insert(
            &mut out,
            id,
            (cell("first_seen:date"), cell("last_seen:date")),
        );
    }
    out
}

/// An XML element as read: its attributes and its text.
#[derive(Debug, Default, Clone)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: e.name().as_ref().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0);
                (a.key.as_ref().to_string(), v.unwrap().to_string())
            })
            .collect(),
        text: String::new(),
    }
}

/// The `<graph>` element and every `<edge>` with the elements inside it.
fn xml_edges(xml: &str) -> (Element, Vec<(Element, Vec<Element>)>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut graph, mut edges) = (Element::default(), Vec::new());
    let mut current: Option<(Element, Vec<Element>)> = None;
    // Whether the last element inside the edge is open (its text follows).
    let mut open = false;
    loop {
        let event = reader.read_event().unwrap();
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let el = element(e);
                match (el.name.as_str(), current.as_mut()) {
                    ("graph", _) => graph = el,
                    ("edge", _) => current = Some((el, Vec::new())),
                    (_, Some((_, inside))) => {
                        inside.push(el);
                        open = matches!(event, Event::Start(_));
                    }
                    _ => {}
                }
                if matches!(event, Event::Empty(_)) && e.name().as_ref() == "edge" {
                    edges.extend(current.take());
                }
            }
            Event::Text(t) if open => {
                if let Some(last) = current.as_mut().and_then(|(_, inside)| inside.last_mut()) {
                    last.text.push_str(&t.xml10_content());
                }
            }
            Event::End(e) if e.name().as_ref() == "edge" => {
                open = false;
                edges.extend(current.take());
            }
            Event::End(_) => open = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (graph, edges)
}

fn attr<'a>(e: &'a Element, name: &str) -> Option<&'a str> {
    e.attrs.get(name).map(String::as_str)
}

fn graphml_dates(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let (_, edges) = xml_edges(&text(dir, "graph.graphml"));
    let mut out = BTreeMap::new();
    for (edge, inside) in edges {
        let data = |key: &str| {
            inside
                .iter()
                .find(|d| d.name == "data" && attr(d, "key") == Some(key))
                .map(|d| d.text.clone())
        };
        let id = (
            attr(&edge, "source").unwrap().to_string(),
            attr(&edge, "target").unwrap().to_string(),
            data("e_relation").unwrap(),
        );
        insert(&mut out, id, (data("e_first_seen"), data("e_last_seen")));
    }
    out
}

/// GEXF: the graph element, and per link its date attributes and spells.
fn gexf_dates(dir: &Path) -> (Element, BTreeMap<LinkId, (Seen, Spells)>) {
    let (graph, edges) = xml_edges(&text(dir, "graph.gexf"));
    let mut out = BTreeMap::new();
    for (edge, inside) in edges {
        let value = |key: &str| {
            inside
                .iter()
                .find(|v| v.name == "attvalue" && attr(v, "for") == Some(key))
                .and_then(|v| attr(v, "value").map(String::from))
        };
        let spells = inside
            .iter()
            .filter(|s| s.name == "spell")
            .map(|s| {
                (
                    attr(s, "start").unwrap().to_string(),
                    attr(s, "end").unwrap().to_string(),
                )
            })
            .collect();
        let id = (
            attr(&edge, "source").unwrap().to_string(),
            attr(&edge, "target").unwrap().to_string(),
            value("relation").unwrap(),
        );
        insert(
            &mut out,
            id,
            ((value("first_seen"), value("last_seen")), spells),
        );
    }
    (graph, out)
}

fn cytoscape_dates(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let doc: Value = serde_json::from_str(&text(dir, "graph.cyjs")).unwrap();
    let mut out = BTreeMap::new();
    for e in doc["elements"]["edges"].as_array().unwrap() {
        let d = &e["data"];
        let id = (opt(&d["source"]), opt(&d["target"]), opt(&d["relation"]));
        let id = (id.0.unwrap(), id.1.unwrap(), id.2.unwrap());
        insert(&mut out, id, (opt(&d["first_seen"]), opt(&d["last_seen"])));
    }
    out
}

/// DOT: links are told apart by their label (relation first), co-mentions
/// have none.
fn dot_dates(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let Graph::DiGraph { stmts, .. } = graphviz_rust::parse(&text(dir, "graph.dot")).unwrap()
    else {
        panic!("graph.dot is not a digraph")
    };
    let plain = |id: &Id| match id {
        Id::Escaped(s) => s.trim_matches('"').to_string(),
        other => other.to_string(),
    };
    let mut out = BTreeMap::new();
    for s in stmts {
        let Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(a, _)), Vertex::N(NodeId(b, _))),
            attributes,
        }) = s
        else {
            continue;
        };
        let get = |k: &str| {
            attributes
                .iter()
                .find(|Attribute(name, _)| plain(name) == k)
                .map(|Attribute(_, v)| plain(v))
        };
        let relation = get("label")
            .map(|l| l.split(' ').next().unwrap().to_string())
            .unwrap_or_else(|| "co_mentioned".to_string());
        insert(
            &mut out,
            (plain(&a), plain(&b), relation),
            (get("first_seen"), get("last_seen")),
        );
    }
    out
}

fn link(source: &str, target: &str, relation: &str) -> LinkId {
    (source.into(), target.into(), relation.into())
}

fn seen(first: &str, last: &str) -> Seen {
    (Some(first.into()), Some(last.into()))
}

fn runs(list: &[(&str, &str)]) -> Spells {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Every format gives the links of graph.json their dates; returns them.
fn assert_every_format_agrees(dir: &Path) -> BTreeMap<LinkId, Seen> {
    let want = json_dates(dir);
    assert!(!want.is_empty());
    assert_eq!(csv_dates(dir), want, "edges.csv");
    assert_eq!(graphml_dates(dir), want, "graph.graphml");
    assert_eq!(cytoscape_dates(dir), want, "graph.cyjs");
    assert_eq!(dot_dates(dir), want, "graph.dot");
    let (_, gexf) = gexf_dates(dir);
    let gexf_seen: BTreeMap<LinkId, Seen> = gexf
        .iter()
        .map(|(k, (s, _))| (k.clone(), s.clone()))
        .collect();
    assert_eq!(gexf_seen, want, "graph.gexf");
    want
}

#[test]
fn every_format_carries_the_days_of_dated_links() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build(&write_corpus(tmp.path(), true), &out, &[]);
    let want = assert_every_format_agrees(&out);
    // The reference itself holds what the corpus says.
    assert_eq!(
        want[&link("argentina", "brazil", "meets")],
        seen("2024-03-04", "2024-03-09")
    );
    assert_eq!(
        want[&link("egypt", "qatar", "accuses")],
        seen("2024-03-04", "2024-03-10")
    );
    assert_eq!(want[&link("japan", "china", "accuses")], (None, None));

    // GEXF: a dynamic graph in days, one spell per run of consecutive days.
    let (graph, gexf) = gexf_dates(&out);
    assert_eq!(attr(&graph, "mode"), Some("dynamic"));
    assert_eq!(attr(&graph, "timeformat"), Some("date"));
    assert_eq!(
        gexf[&link("argentina", "brazil", "meets")].1,
        runs(&[("2024-03-04", "2024-03-05"), ("2024-03-09", "2024-03-09")])
    );
    assert_eq!(
        gexf[&link("egypt", "qatar", "accuses")].1,
        runs(&[("2024-03-04", "2024-03-04"), ("2024-03-09", "2024-03-10")])
    );
    assert!(gexf[&link("japan", "china", "accuses")].1.is_empty());

    // networkx reads the dated files and finds the same dates.
    let checked = std::process::Command::new("python3")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/py/check_exports.py"))
        .arg(&out)
        .output();
    match checked {
        Ok(o) if o.status.code() != Some(3) => {
            let report = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(o.status.success(), "check_exports.py failed:\n{report}");
            assert!(report.contains("graph.gexf: ok"), "{report}");
        }
        _ if std::env::var("ACTORGRAPH_SKIP_NETWORKX").as_deref() == Ok("1") => {
            eprintln!(
                "skipped the networkx check: python3 with networkx is missing and ACTORGRAPH_SKIP_NETWORKX=1"
            );
        }
        _ => panic!(
            "python3 with networkx is needed by this test: pip install networkx (CI runs .ci/deps-exports.sh), \
             or set ACTORGRAPH_SKIP_NETWORKX=1 to skip"
        ),
    }
}

#[test]
fn a_date_window_narrows_the_dates_in_every_format() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let corpus = write_corpus(tmp.path(), true);
    build(
        &corpus,
        &out,
        &["--since", "2024-03-09", "--until", "2024-03-10"],
    );
    let want = assert_every_format_agrees(&out);
    assert_eq!(
        want[&link("argentina", "brazil", "meets")],
        seen("2024-03-09", "2024-03-09")
    );
    assert_eq!(
        want[&link("egypt", "qatar", "accuses")],
        seen("2024-03-09", "2024-03-10")
    );
    // Undated documents are outside any window.
    assert!(!want.contains_key(&link("japan", "china", "accuses")));
    let (_, gexf) = gexf_dates(&out);
    assert_eq!(
        gexf[&link("argentina", "brazil", "meets")].1,
        runs(&[("2024-03-09", "2024-03-09")])
    );
}

#[test]
fn an_undated_corpus_declares_no_dates_in_any_format() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build(&write_corpus(tmp.path(), false), &out, &[]);
    let want = assert_every_format_agrees(&out);
    for id in [
        link("argentina", "brazil", "meets"),
        link("egypt", "qatar", "accuses"),
        link("japan", "china", "accuses"),
    ] {
        assert_eq!(want.get(&id), Some(&(None, None)), "{id:?}");
    }
    assert!(want.values().all(|s| *s == (None, None)));
    for name in [
        "graph.json",
        "graph.dot",
        "graph.graphml",
        "graph.gexf",
        "graph.cyjs",
        "edges.csv",
    ] {
        let t = text(&out, name);
        for word in ["first_seen", "last_seen", "spell", "timeformat", "2024-"] {
            assert!(!t.contains(word), "{name} mentions {word}");
        }
    }
    let (graph, _) = gexf_dates(&out);
    assert_eq!(attr(&graph, "mode"), Some("static"));
    assert_eq!(
        text(&out, "edges.csv").lines().next().unwrap(),
        actorgraph::export::csv::EDGE_HEADER.join(",")
    );
}
