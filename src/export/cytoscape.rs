//! Cytoscape JSON (`.cyjs`): the elements format of Cytoscape.js,
//! `{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`,
//! which Cytoscape desktop opens with File → Import → Network from File.
//!
//! Every attribute is a flat value or a list of strings, the types
//! Cytoscape desktop turns into table columns. Nodes also carry `name`
//! (the label, Cytoscape's display column) and `value` (the id), so that
//! networkx `cytoscape_graph` reads the file as well; edges carry a unique
//! `id` and `key` (`relation:modality`) and the evidence sentences as a list.
//! Dated links also carry `first_seen` and `last_seen` (`YYYY-MM-DD`).

use crate::export::json::{generator, link_key};
use crate::graph::ActorGraph;
use crate::stats::{Tone, is_symmetric};
use serde::Serialize;

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    value: &'a str,
    name: &'a str,
    label: &'a str,
    kind: &'a str,
    aliases: Vec<&'a str>,
    mentions: usize,
    documents: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    key: String,
    name: String,
    interaction: &'a str,
    relation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    goldstein: Option<f64>,
    tone: &'static str,
    modality: &'static str,
    asserted: bool,
    symmetric: bool,
    count: usize,
    confidence: f64,
    evidence: Vec<&'a str>,
    evidence_docs: Vec<&'a str>,
    evidence_truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_seen: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen: Option<&'a str>,
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

#[derive(Serialize)]
struct GraphData {
    name: &'static str,
    generator: String,
    documents: usize,
}

#[derive(Serialize)]
struct Doc<'a> {
    format_version: &'static str,
    generated_by: String,
    target_cytoscapejs_version: &'static str,
    data: GraphData,
    directed: bool,
    multigraph: bool,
    elements: Elements<'a>,
}

/// Serialises the graph as pretty-printed Cytoscape JSON (with a final newline).
pub fn to_string(g: &ActorGraph) -> crate::Result<String> {
    let nodes = g
        .nodes_sorted()
        .into_iter()
        .map(|n| Element {
            data: NodeData {
                id: &n.id,
                value: &n.id,
                name: &n.label,
                label: &n.label,
                kind: n.kind.as_str(),
                aliases: n.aliases.iter().map(String::as_str).collect(),
                mentions: n.mentions,
                documents: n.documents,
                affiliation: n.affiliation.as_deref(),
                role: n.role.as_deref(),
            },
        })
        .collect();
    let edges = g
        .edges_sorted()
        .into_iter()
        .enumerate()
        .map(|(i, (a, b, e))| Element {
            data: EdgeData {
                id: format!("e{i}"),
                source: &a.id,
                target: &b.id,
                key: link_key(e),
                name: format!("{} ({}) {}", a.label, e.relation, b.label),
                interaction: &e.relation,
                relation: &e.relation,
                cameo: e.cameo.as_deref(),
                goldstein: e.goldstein,
                tone: Tone::of(e).as_str(),
                modality: e.modality.as_str(),
                asserted: e.modality == crate::relations::Modality::Asserted,
                symmetric: is_symmetric(&e.relation),
                count: e.count,
                // Through f32's shortest decimal form, so 0.9 stays 0.9.
                confidence: e.confidence.to_string().parse().unwrap_or(0.0),
                evidence: e.evidence.iter().map(|v| v.text.as_str()).collect(),
                evidence_docs: e.evidence.iter().map(|v| v.doc.as_str()).collect(),
                evidence_truncated: e.evidence_truncated,
                first_seen: e.first_seen(),
                last_seen: e.last_seen(),
            },
        })
        .collect();
    let doc = Doc {
        format_version: "1.0",
        generated_by: generator(),
        target_cytoscapejs_version: "~3",
        data: GraphData {
            name: "actorgraph",
            generator: generator(),
            documents: g.documents(),
        },
        directed: true,
        multigraph: true,
        elements: Elements { nodes, edges },
    };
    let mut s = serde_json::to_string_pretty(&doc)
        .map_err(crate::export::json::serde_error("Cytoscape.js JSON"))?;
    s.push('\n');
    Ok(s)
}

/// Writes the Cytoscape.js elements JSON (with a final newline).
pub fn write(g: &ActorGraph, out: &mut impl std::io::Write) -> crate::Result<()> {
    out.write_all(to_string(g)?.as_bytes())
        .map_err(|source| crate::Error::Write {
            what: "Cytoscape.js JSON".to_string(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn edge<'a>(doc: &'a Value, source: &str, relation: &str) -> &'a Value {
        doc["elements"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["data"])
            .find(|d| d["source"] == source && d["relation"] == relation)
            .unwrap()
    }

    #[test]
    fn dated_edges_carry_first_and_last_seen() {
        let doc: Value =
            serde_json::from_str(&to_string(&crate::export::dated_test_graph()).unwrap()).unwrap();
        let meets = edge(&doc, "france", "meets");
        assert_eq!(meets["first_seen"], "2024-03-04");
        assert_eq!(meets["last_seen"], "2024-03-09");
        let accuses = edge(&doc, "egypt", "accuses");
        assert!(accuses.get("first_seen").is_none() && accuses.get("last_seen").is_none());
    }

    #[test]
    fn undated_edges_have_no_date_fields() {
        let text = to_string(&crate::export::undated_test_graph()).unwrap();
        assert!(!text.contains("first_seen") && !text.contains("last_seen"));
    }
}
