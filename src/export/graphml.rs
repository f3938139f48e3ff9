//! GraphML, written with quick-xml: opened by Gephi, yEd, Cytoscape desktop
//! and networkx `read_graphml`.
//!
//! Every attribute is declared by a `<key>` with its type (`int`, `double`,
//! `string`, `boolean`); key ids are prefixed by their domain (`g_`, `n_`,
//! `e_`) so node and edge attributes of the same name never collide. Edges
//! have unique ids `e0`, `e1`, … in export order; parallel edges between
//! two actors (different relations or modalities) are kept. Text goes
//! through [`super::xml_clean`], which drops characters XML 1.0 forbids.
//!
//! When any link is dated, two more edge keys are declared,
//! `first_seen` and `last_seen` (strings, `YYYY-MM-DD`), and dated edges
//! carry them as data; undated edges leave them out, as GraphML allows for
//! any key. An undated graph declares neither.

use super::{has_dates, xml_clean};
use crate::error::{Error, Result};
use crate::export::json::{generator, link_key};
use crate::graph::{ActorGraph, RelationEdge};
use crate::relations::Modality;
use crate::stats::{Tone, is_symmetric};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;

/// GraphML attribute types used here.
#[derive(Clone, Copy)]
enum Ty {
    Int,
    Double,
    String,
    Boolean,
}

impl Ty {
    fn as_str(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Double => "double",
            Ty::String => "string",
            Ty::Boolean => "boolean",
        }
    }
}

/// (domain, attribute name, type) of every key, in declaration order.
const KEYS: &[(&str, &str, Ty)] = &[
    ("graph", "name", Ty::String),
    ("graph", "generator", Ty::String),
    ("graph", "documents", Ty::Int),
    ("node", "label", Ty::String),
    ("node", "kind", Ty::String),
    ("node", "aliases", Ty::String),
    ("node", "mentions", Ty::Int),
    ("node", "documents", Ty::Int),
    ("node", "affiliation", Ty::String),
    ("node", "role", Ty::String),
    ("edge", "key", Ty::String),
    ("edge", "relation", Ty::String),
    ("edge", "label", Ty::String),
    ("edge", "cameo", Ty::String),
    ("edge", "goldstein", Ty::Double),
    ("edge", "tone", Ty::String),
    ("edge", "modality", Ty::String),
    ("edge", "asserted", Ty::Boolean),
    ("edge", "symmetric", Ty::Boolean),
    ("edge", "count", Ty::Int),
    ("edge", "weight", Ty::Double),
    ("edge", "confidence", Ty::Double),
    ("edge", "evidence", Ty::String),
    ("edge", "evidence_docs", Ty::String),
    ("edge", "evidence_count", Ty::Int),
    ("edge", "evidence_truncated", Ty::Boolean),
];

/// Keys declared after [`KEYS`] when the graph has dated links.
const DATE_KEYS: &[(&str, &str, Ty)] = &[
    ("edge", "first_seen", Ty::String),
    ("edge", "last_seen", Ty::String),
];

fn key_id(domain: &str, name: &str) -> String {
    format!("{}_{name}", &domain[..1])
}

/// The text of a value: what GraphML readers parse back into the type.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An edge's evidence sentences, one per line (as GraphML and GEXF store them).
pub(crate) fn evidence_text(e: &crate::graph::RelationEdge) -> String {
    e.evidence
        .iter()
        .map(|x| one_line(&x.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The documents an edge's evidence comes from, one per line, repeats merged.
pub(crate) fn evidence_docs(e: &crate::graph::RelationEdge) -> String {
    let mut docs: Vec<&str> = e.evidence.iter().map(|x| x.doc.as_str()).collect();
    docs.dedup();
    docs.join("\n")
}

/// Shortest decimal form of an `f32` confidence (0.9, not 0.8999999761).
pub(crate) fn f32_text(v: f32) -> String {
    v.to_string()
}

/// An `f64` as text that every reader parses back to the same value.
pub(crate) fn f64_text(v: f64) -> String {
    if v.is_finite() {
        format!("{v:?}")
    } else {
        "0.0".to_string()
    }
}

fn data(w: &mut Writer<Vec<u8>>, domain: &str, name: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key_id(domain, name).as_str()))
        .write_text_content(BytesText::new(&xml_clean(value)))?;
    Ok(())
}

fn edge_values(e: &RelationEdge) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("key", link_key(e)),
        ("relation", e.relation.clone()),
        ("label", e.relation.clone()),
    ];
    if let Some(c) = &e.cameo {
        v.push(("cameo", c.clone()));
    }
    if let Some(g) = e.goldstein {
        v.push(("goldstein", f64_text(g)));
    }
    v.extend([
        ("tone", Tone::of(e).as_str().to_string()),
        ("modality", e.modality.as_str().to_string()),
        ("asserted", (e.modality == Modality::Asserted).to_string()),
        ("symmetric", is_symmetric(&e.relation).to_string()),
        ("count", e.count.to_string()),
        ("weight", f64_text(e.count as f64)),
        ("confidence", f32_text(e.confidence)),
        ("evidence", evidence_text(e)),
        ("evidence_docs", evidence_docs(e)),
        ("evidence_count", e.evidence.len().to_string()),
        ("evidence_truncated", e.evidence_truncated.to_string()),
    ]);
    if let (Some(first), Some(last)) = (e.first_seen(), e.last_seen()) {
        v.push(("first_seen", first.to_string()));
        v.push(("last_seen", last.to_string()));
    }
    v
}

/// Writes the graph as GraphML (UTF-8, indented, with a final newline).
pub fn write(g: &ActorGraph, out: &mut impl io::Write) -> Result<()> {
    out.write_all(&render(g)?).map_err(|source| Error::Write {
        what: "GraphML".to_string(),
        source,
    })
}

/// Serialises the graph as GraphML (UTF-8, indented, with a final newline).
pub fn to_string(g: &ActorGraph) -> Result<String> {
    String::from_utf8(render(g)?).map_err(|e| Error::Serialize {
        what: "GraphML",
        message: e.to_string(),
    })
}

fn render(g: &ActorGraph) -> Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let err = |e: io::Error| Error::Serialize {
        what: "GraphML",
        message: e.to_string(),
    };
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(err)?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            let date_keys = if has_dates(g) { DATE_KEYS } else { &[] };
            for &(domain, name, ty) in KEYS.iter().chain(date_keys) {
                w.create_element("key")
                    .with_attributes([
                        ("id", key_id(domain, name).as_str()),
                        ("for", domain),
                        ("attr.name", name),
                        ("attr.type", ty.as_str()),
                    ])
                    .write_empty()?;
            }
            w.create_element("graph")
                .with_attributes([("id", "actorgraph"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    data(w, "graph", "name", "actorgraph")?;
                    data(w, "graph", "generator", &generator())?;
                    data(w, "graph", "documents", &g.documents().to_string())?;
                    for n in g.nodes_sorted() {
                        w.create_element("node")
                            .with_attribute(("id", xml_clean(&n.id).as_ref()))
                            .write_inner_content(|w| {
                                data(w, "node", "label", &n.label)?;
                                data(w, "node", "kind", n.kind.as_str())?;
                                let aliases: Vec<&str> = n.aliases.iter().map(String::as_str).collect();
                                data(w, "node", "aliases", &aliases.join("; "))?;
                                data(w, "node", "mentions", &n.mentions.to_string())?;
                                data(w, "node", "documents", &n.documents.to_string())?;
                                if let Some(a) = &n.affiliation {
                                    data(w, "node", "affiliation", a)?;
                                }
                                if let Some(r) = &n.role {
                                    data(w, "node", "role", r)?;
                                }
                                Ok(())
                            })?;
                    }
                    for (i, (a, b, e)) in g.edges_sorted().into_iter().enumerate() {
                        w.create_element("edge")
                            .with_attributes([
                                ("id", format!("e{i}").as_str()),
                                ("source", xml_clean(&a.id).as_ref()),
                                ("target", xml_clean(&b.id).as_ref()),
                            ])
                            .write_inner_content(|w| {
                                for (name, value) in edge_values(e) {
                                    data(w, "edge", name, &value)?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })
        .map_err(err)?;
    let mut v = w.into_inner();
    v.push(b'\n');
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(key, value)` of every `<data>` of the edge `source -> target`
    /// with the given relation, and the declared key ids.
    fn parse(
        xml: &str,
        source: &str,
        target: &str,
        relation: &str,
    ) -> (Vec<(String, String)>, Vec<String>) {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut keys, mut edges) = (Vec::new(), Vec::new());
        // (source, target, data) of the edge being read.
        type EdgeRead = (String, String, Vec<(String, String)>);
        let (mut edge, mut key): (Option<EdgeRead>, Option<String>) = (None, None);
        let attr = |e: &quick_xml::events::BytesStart, name: &str| {
            e.try_get_attribute(name).unwrap().map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .to_string()
            })
        };
        loop {
            match reader.read_event().unwrap() {
                Event::Empty(e) if e.name().as_ref() == "key" => keys.push(attr(&e, "id").unwrap()),
                Event::Start(e) if e.name().as_ref() == "edge" => {
                    edge = Some((
                        attr(&e, "source").unwrap(),
                        attr(&e, "target").unwrap(),
                        Vec::new(),
                    ));
                }
                Event::Start(e) if e.name().as_ref() == "data" => key = attr(&e, "key"),
                Event::Text(t) => {
                    if let (Some((_, _, data)), Some(k)) = (edge.as_mut(), key.take()) {
                        data.push((k, t.xml10_content().to_string()));
                    }
                }
                Event::End(e) if e.name().as_ref() == "edge" => edges.extend(edge.take()),
                Event::Eof => break,
                _ => {}
            }
        }
        let data = edges
            .into_iter()
            .find(|(a, b, d)| {
                a == source
                    && b == target
                    && d.contains(&("e_relation".to_string(), relation.to_string()))
            })
            .map(|(_, _, d)| d)
            .unwrap();
        (data, keys)
    }

    fn value<'a>(data: &'a [(String, String)], key: &str) -> Option<&'a str> {
        data.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    #[test]
    fn dated_edges_carry_declared_first_and_last_seen() {
        let xml = to_string(&crate::export::dated_test_graph()).unwrap();
        let (meets, keys) = parse(&xml, "france", "germany", "meets");
        assert!(
            keys.contains(&"e_first_seen".to_string()) && keys.contains(&"e_last_seen".to_string())
        );
        assert!(xml.contains(
            r#"<key id="e_first_seen" for="edge" attr.name="first_seen" attr.type="string"/>"#
        ));
        assert_eq!(value(&meets, "e_first_seen"), Some("2024-03-04"));
        assert_eq!(value(&meets, "e_last_seen"), Some("2024-03-09"));
        let (accuses, _) = parse(&xml, "egypt", "qatar", "accuses");
        assert_eq!(value(&accuses, "e_first_seen"), None);
        assert_eq!(value(&accuses, "e_last_seen"), None);
    }

    #[test]
    fn undated_graphs_declare_no_date_keys() {
        let xml = to_string(&crate::export::undated_test_graph()).unwrap();
        let (_, keys) = parse(&xml, "france", "germany", "meets");
        assert_eq!(keys.len(), KEYS.len());
        assert!(!xml.contains("first_seen") && !xml.contains("last_seen"));
    }
}
