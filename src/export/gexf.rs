//! GEXF 1.3, Gephi's native format, written with quick-xml; also read by
//! networkx `read_gexf`.
//!
//! Attributes are declared per class with their types (`integer`,
//! `double`, `string`, `boolean`). Nodes carry Gephi's `viz` colour (by
//! kind), size (by mentions) and position (the same seeded layout as the
//! HTML page), so the graph opens already drawn. Parallel edges between
//! two actors get a distinct `kind` (`relation:modality`), which Gephi
//! needs to keep them apart.
//!
//! Dated links make the graph dynamic (`mode="dynamic"`,
//! `timeformat="date"`): each dated edge has `<spells>`, one closed
//! interval per run of consecutive days on which it occurred (GEXF 1.3
//! intervals include both ends), so that Gephi's timeline shows a dated
//! link in a window when it occurred on a day of the window, as
//! `--since`/`--until` would keep it, and not in the gaps between; and the
//! edge attributes `first_seen`, `last_seen` (strings,
//! `YYYY-MM-DD`) are declared and set on dated edges. Actors and undated
//! links have no spells: they exist throughout. An undated graph stays
//! `static` and declares neither.

use super::layout::{DEFAULT_SEED, force_directed};
use super::{has_dates, kind_rgb, tone_rgb, xml_clean};
use crate::day::consecutive_runs;
use crate::error::{Error, Result};
use crate::export::graphml::{evidence_docs, evidence_text, f32_text, f64_text};
use crate::export::json::{generator, link_key};
use crate::graph::{ActorGraph, RelationEdge};
use crate::relations::Modality;
use crate::stats::{Tone, is_symmetric};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io;

const NODE_ATTRS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("aliases", "string"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("affiliation", "string"),
    ("role", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("cameo", "string"),
    ("goldstein", "double"),
    ("tone", "string"),
    ("modality", "string"),
    ("asserted", "boolean"),
    ("symmetric", "boolean"),
    ("count", "integer"),
    ("confidence", "double"),
    ("evidence", "string"),
    ("evidence_docs", "string"),
    ("evidence_truncated", "boolean"),
];

/// Edge attributes declared after [`EDGE_ATTRS`] when the graph has dated links.
const EDGE_DATE_ATTRS: &[(&str, &str)] = &[("first_seen", "string"), ("last_seen", "string")];

/// The spells of a dated edge: one `[first, last]` interval per run of
/// consecutive days.
fn spells(w: &mut Writer<Vec<u8>>, e: &RelationEdge) -> io::Result<()> {
    if e.days.is_empty() {
        return Ok(());
    }
    w.create_element("spells").write_inner_content(|w| {
        for (start, end) in consecutive_runs(e.days.keys().map(String::as_str)) {
            w.create_element("spell")
                .with_attributes([
                    ("start", xml_clean(start).as_ref()),
                    ("end", xml_clean(end).as_ref()),
                ])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn attributes(w: &mut Writer<Vec<u8>>, class: &str, list: &[(&str, &str)]) -> io::Result<()> {
    w.create_element("attributes")
        .with_attributes([("class", class)])
        .write_inner_content(|w| {
            for &(title, ty) in list {
                w.create_element("attribute")
                    .with_attributes([("id", title), ("title", title), ("type", ty)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues(w: &mut Writer<Vec<u8>>, values: &[(&str, String)]) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (k, v) in values {
            w.create_element("attvalue")
                .with_attributes([("for", *k), ("value", xml_clean(v).as_ref())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn color(w: &mut Writer<Vec<u8>>, (r, g, b): (u8, u8, u8)) -> io::Result<()> {
    w.create_element("viz:color")
        .with_attributes([
            ("r", r.to_string().as_str()),
            ("g", g.to_string().as_str()),
            ("b", b.to_string().as_str()),
        ])
        .write_empty()?;
    Ok(())
}

/// Serialises the graph as GEXF 1.3 (UTF-8, indented, with a final
/// newline), positions from the layout with the default seed.
pub fn to_string(g: &ActorGraph) -> Result<String> {
    to_string_seeded(g, DEFAULT_SEED)
}

/// Writes the graph as GEXF, positions from the layout with `seed`.
pub fn write(g: &ActorGraph, seed: u64, out: &mut impl io::Write) -> Result<()> {
    out.write_all(&render(g, seed)?)
        .map_err(|source| Error::Write {
            what: "GEXF".to_string(),
            source,
        })
}

/// Like [`to_string`], positions from the layout with `seed` (the HTML
/// page's layout for the same seed).
pub fn to_string_seeded(g: &ActorGraph, seed: u64) -> Result<String> {
    String::from_utf8(render(g, seed)?).map_err(|e| Error::Serialize {
        what: "GEXF",
        message: e.to_string(),
    })
}

fn render(g: &ActorGraph, seed: u64) -> Result<Vec<u8>> {
    let layout = force_directed(g, seed);
    let dated = has_dates(g);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let err = |e: io::Error| Error::Serialize {
        what: "GEXF",
        message: e.to_string(),
    };
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(err)?;
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new(&generator()))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(&format!(
                        "actor graph of {} document(s)",
                        g.documents()
                    )))?;
                Ok(())
            })?;
            let graph_attrs: &[(&str, &str)] = if dated {
                &[
                    ("mode", "dynamic"),
                    ("defaultedgetype", "directed"),
                    ("timeformat", "date"),
                ]
            } else {
                &[("mode", "static"), ("defaultedgetype", "directed")]
            };
            w.create_element("graph")
                .with_attributes(graph_attrs.iter().copied())
                .write_inner_content(|w| {
                    attributes(w, "node", NODE_ATTRS)?;
                    if dated {
                        attributes(w, "edge", &[EDGE_ATTRS, EDGE_DATE_ATTRS].concat())?;
                    } else {
                        attributes(w, "edge", EDGE_ATTRS)?;
                    }
                    w.create_element("nodes").write_inner_content(|w| {
                        for (i, n) in g.nodes_sorted().into_iter().enumerate() {
                            w.create_element("node")
                                .with_attributes([
                                    ("id", xml_clean(&n.id).as_ref()),
                                    ("label", xml_clean(&n.label).as_ref()),
                                ])
                                .write_inner_content(|w| {
                                    let aliases: Vec<&str> =
                                        n.aliases.iter().map(String::as_str).collect();
                                    let mut values = vec![
                                        ("kind", n.kind.as_str().to_string()),
                                        ("aliases", aliases.join("; ")),
                                        ("mentions", n.mentions.to_string()),
                                        ("documents", n.documents.to_string()),
                                    ];
                                    if let Some(a) = &n.affiliation {
                                        values.push(("affiliation", a.clone()));
                                    }
                                    if let Some(r) = &n.role {
                                        values.push(("role", r.clone()));
                                    }
                                    attvalues(w, &values)?;
                                    color(w, kind_rgb(n.kind))?;
                                    let (x, y) = layout.positions[i];
                                    w.create_element("viz:position")
                                        .with_attributes([
                                            ("x", f64_text(x).as_str()),
                                            ("y", f64_text(-y).as_str()),
                                            ("z", "0.0"),
                                        ])
                                        .write_empty()?;
                                    w.create_element("viz:size")
                                        .with_attributes([(
                                            "value",
                                            f64_text(layout.radii[i]).as_str(),
                                        )])
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, (a, b, e)) in g.edges_sorted().into_iter().enumerate() {
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", format!("e{i}").as_str()),
                                    ("source", xml_clean(&a.id).as_ref()),
                                    ("target", xml_clean(&b.id).as_ref()),
                                    ("label", xml_clean(&e.relation).as_ref()),
                                    ("kind", xml_clean(&link_key(e)).as_ref()),
                                    ("weight", f64_text(e.count as f64).as_str()),
                                ])
                                .write_inner_content(|w| {
                                    let mut values = vec![("relation", e.relation.clone())];
                                    if let Some(c) = &e.cameo {
                                        values.push(("cameo", c.clone()));
                                    }
                                    if let Some(gs) = e.goldstein {
                                        values.push(("goldstein", f64_text(gs)));
                                    }
                                    values.extend([
                                        ("tone", Tone::of(e).as_str().to_string()),
                                        ("modality", e.modality.as_str().to_string()),
                                        (
                                            "asserted",
                                            (e.modality == Modality::Asserted).to_string(),
                                        ),
                                        ("symmetric", is_symmetric(&e.relation).to_string()),
                                        ("count", e.count.to_string()),
                                        ("confidence", f32_text(e.confidence)),
                                        ("evidence", evidence_text(e)),
                                        ("evidence_docs", evidence_docs(e)),
                                        ("evidence_truncated", e.evidence_truncated.to_string()),
                                    ]);
                                    if let (Some(first), Some(last)) =
                                        (e.first_seen(), e.last_seen())
                                    {
                                        values.push(("first_seen", first.to_string()));
                                        values.push(("last_seen", last.to_string()));
                                    }
                                    attvalues(w, &values)?;
                                    spells(w, e)?;
                                    color(w, tone_rgb(Tone::of(e)))?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
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
    use quick_xml::events::{BytesStart, Event};

    /// One edge as read back: its attribute values and its spells.
    #[derive(Debug, Default)]
    struct EdgeRead {
        source: String,
        target: String,
        values: Vec<(String, String)>,
        spells: Vec<(String, String)>,
    }

    /// The `<graph>` attributes, the declared edge attribute ids and the edges.
    fn parse(xml: &str) -> (Vec<(String, String)>, Vec<String>, Vec<EdgeRead>) {
        let mut reader = quick_xml::Reader::from_str(xml);
        let attrs = |e: &BytesStart| -> Vec<(String, String)> {
            e.attributes()
                .map(|a| {
                    let a = a.unwrap();
                    (
                        a.key.as_ref().to_string(),
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .to_string(),
                    )
                })
                .collect()
        };
        let get = |list: &[(String, String)], k: &str| {
            list.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let (mut graph, mut declared, mut edges) = (Vec::new(), Vec::new(), Vec::new());
        let (mut class, mut edge): (String, Option<EdgeRead>) = (String::new(), None);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) | Event::Empty(e) => {
                    let a = attrs(&e);
                    match e.name().as_ref() {
                        "graph" => graph = a,
                        "attributes" => class = get(&a, "class"),
                        "attribute" if class == "edge" => declared.push(get(&a, "id")),
                        "edge" => {
                            edge = Some(EdgeRead {
                                source: get(&a, "source"),
                                target: get(&a, "target"),
                                ..EdgeRead::default()
                            })
                        }
                        "attvalue" => {
                            if let Some(ed) = edge.as_mut() {
                                ed.values.push((get(&a, "for"), get(&a, "value")));
                            }
                        }
                        "spell" => {
                            if let Some(ed) = edge.as_mut() {
                                ed.spells.push((get(&a, "start"), get(&a, "end")));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if e.name().as_ref() == "edge" => edges.extend(edge.take()),
                Event::Eof => break,
                _ => {}
            }
        }
        (graph, declared, edges)
    }

    fn value<'a>(e: &'a EdgeRead, k: &str) -> Option<&'a str> {
        e.values
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    fn find<'a>(edges: &'a [EdgeRead], source: &str, relation: &str) -> &'a EdgeRead {
        edges
            .iter()
            .find(|e| e.source == source && value(e, "relation") == Some(relation))
            .unwrap()
    }

    #[test]
    fn dated_edges_have_spells_per_run_of_days_and_date_attributes() {
        let xml = to_string(&crate::export::dated_test_graph()).unwrap();
        let (graph, declared, edges) = parse(&xml);
        let pairs = |l: &[(&str, &str)]| -> Vec<(String, String)> {
            l.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            graph,
            pairs(&[
                ("mode", "dynamic"),
                ("defaultedgetype", "directed"),
                ("timeformat", "date")
            ])
        );
        assert!(declared.ends_with(&["first_seen".to_string(), "last_seen".to_string()]));
        let meets = find(&edges, "france", "meets");
        assert_eq!(meets.target, "germany");
        assert_eq!(value(meets, "first_seen"), Some("2024-03-04"));
        assert_eq!(value(meets, "last_seen"), Some("2024-03-09"));
        assert_eq!(
            meets.spells,
            pairs(&[("2024-03-04", "2024-03-05"), ("2024-03-09", "2024-03-09")])
        );
        // Undated links exist throughout: no spells, no dates.
        let accuses = find(&edges, "egypt", "accuses");
        assert!(accuses.spells.is_empty());
        assert_eq!(value(accuses, "first_seen"), None);
    }

    #[test]
    fn undated_graphs_stay_static() {
        let xml = to_string(&crate::export::undated_test_graph()).unwrap();
        let (graph, declared, edges) = parse(&xml);
        assert_eq!(graph[0], ("mode".to_string(), "static".to_string()));
        assert_eq!(graph.len(), 2);
        assert_eq!(declared.len(), EDGE_ATTRS.len());
        assert!(edges.iter().all(|e| e.spells.is_empty()));
        assert!(!xml.contains("first_seen") && !xml.contains("timeformat"));
    }
}
