//! Node-link JSON, the form read by networkx `node_link_graph` and by D3
//! force layouts: `{"directed", "multigraph", "graph", "nodes", "edges"}`.
//!
//! The links are under `"edges"`, networkx 3.6's default key, so that
//! `networkx.node_link_graph(data)` reads the file without arguments (older
//! networkx: `edges="edges"` or `link="edges"`; D3: `d3.forceLink(data.edges)`).
//!
//! This is the project's stable contract: nodes carry `id`, `label`, `kind`,
//! `aliases`, `mentions`, `documents` and, when known, `affiliation` and
//! `role`; edges carry `source`, `target`, `key` (`relation:modality`),
//! `relation`, `cameo`, `goldstein`, `modality`, `count`, `confidence`,
//! `evidence` and `evidence_truncated`; for dated documents, links add
//! `first_seen`, `last_seen` (days, `YYYY-MM-DD`) and `days` (occurrences
//! per day), and evidence items add `date`.
//!
//! [`read`] loads such a file back into an [`ActorGraph`] (`actorgraph
//! merge`): nothing the graph holds is lost on the way.

use crate::error::{Error, Result};
use crate::graph::{ActorGraph, ActorNode, Evidence, LinkEnd, RelationEdge};
use crate::lexicon::ActorKind;
use crate::relations::Modality;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

#[derive(Serialize)]
struct GraphMeta<'a> {
    name: &'a str,
    generator: String,
    documents: usize,
}

/// A node as serialised in the node-link JSON.
#[derive(Serialize)]
pub(crate) struct NodeOut<'a> {
    id: &'a str,
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

impl<'a> From<&'a ActorNode> for NodeOut<'a> {
    fn from(n: &'a ActorNode) -> Self {
        NodeOut {
            id: &n.id,
            label: &n.label,
            kind: n.kind.as_str(),
            aliases: n.aliases.iter().map(String::as_str).collect(),
            mentions: n.mentions,
            documents: n.documents,
            affiliation: n.affiliation.as_deref(),
            role: n.role.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    trigger: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_span: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_span: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
}

impl<'a> From<&'a Evidence> for EvidenceOut<'a> {
    fn from(e: &'a Evidence) -> Self {
        EvidenceOut {
            doc: &e.doc,
            sentence: e.sentence,
            start: e.start,
            end: e.end,
            text: &e.text,
            trigger: e.trigger.map(|(a, b)| [a, b]),
            source_span: e.mentions.map(|(s, _)| [s.0, s.1]),
            target_span: e.mentions.map(|(_, t)| [t.0, t.1]),
            date: e.date.as_deref(),
        }
    }
}

/// A link as serialised in the node-link JSON.
#[derive(Serialize)]
pub(crate) struct LinkOut<'a> {
    source: &'a str,
    target: &'a str,
    key: String,
    relation: &'a str,
    cameo: Option<&'a str>,
    goldstein: Option<f64>,
    modality: Modality,
    count: usize,
    confidence: f32,
    evidence: Vec<EvidenceOut<'a>>,
    evidence_truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_seen: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    days: &'a BTreeMap<String, usize>,
}

/// The multigraph key of a link: `relation:modality`, unique per node pair.
pub fn link_key(e: &RelationEdge) -> String {
    format!("{}:{}", e.relation, e.modality.as_str())
}

impl<'a> LinkOut<'a> {
    pub(crate) fn new(a: &'a ActorNode, b: &'a ActorNode, e: &'a RelationEdge) -> Self {
        LinkOut {
            source: &a.id,
            target: &b.id,
            key: link_key(e),
            relation: &e.relation,
            cameo: e.cameo.as_deref(),
            goldstein: e.goldstein,
            modality: e.modality,
            count: e.count,
            confidence: e.confidence,
            evidence: e.evidence.iter().map(EvidenceOut::from).collect(),
            evidence_truncated: e.evidence_truncated,
            first_seen: e.first_seen(),
            last_seen: e.last_seen(),
            days: &e.days,
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta<'a>,
    nodes: Vec<NodeOut<'a>>,
    edges: Vec<LinkOut<'a>>,
}

fn doc(g: &ActorGraph) -> Doc<'_> {
    Doc {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            name: "actorgraph",
            generator: generator(),
            documents: g.documents(),
        },
        nodes: g.nodes_sorted().into_iter().map(NodeOut::from).collect(),
        edges: g
            .edges_sorted()
            .into_iter()
            .map(|(a, b, e)| LinkOut::new(a, b, e))
            .collect(),
    }
}

/// The `generator` string written into every export: `actorgraph VERSION`.
pub fn generator() -> String {
    format!("actorgraph {}", env!("CARGO_PKG_VERSION"))
}

pub(crate) fn serde_error(what: &'static str) -> impl Fn(serde_json::Error) -> Error {
    move |e| Error::Serialize {
        what,
        message: e.to_string(),
    }
}

/// Writes the graph as pretty-printed node-link JSON (with a final newline).
pub fn write(g: &ActorGraph, out: &mut impl io::Write) -> Result<()> {
    let mut out = io::BufWriter::new(out);
    let io_error = |source| Error::Write {
        what: "node-link JSON".to_string(),
        source,
    };
    serde_json::to_writer_pretty(&mut out, &doc(g)).map_err(|e| match e.io_error_kind() {
        Some(_) => io_error(io::Error::from(e)),
        None => serde_error("node-link JSON")(e),
    })?;
    out.write_all(b"\n").map_err(io_error)?;
    out.flush().map_err(io_error)
}

/// Serialises the graph as pretty-printed node-link JSON (with a final newline).
pub fn to_string(g: &ActorGraph) -> Result<String> {
    let mut s = serde_json::to_string_pretty(&doc(g)).map_err(serde_error("node-link JSON"))?;
    s.push('\n');
    Ok(s)
}

/// The same document as [`to_string`] on one line, without the final
/// newline (embedded in the HTML page).
pub fn to_string_compact(g: &ActorGraph) -> Result<String> {
    serde_json::to_string(&doc(g)).map_err(serde_error("node-link JSON"))
}

#[derive(Deserialize)]
struct DocIn {
    graph: MetaIn,
    nodes: Vec<NodeIn>,
    #[serde(alias = "links")]
    edges: Vec<LinkIn>,
}

#[derive(Deserialize)]
struct MetaIn {
    documents: usize,
}

#[derive(Deserialize)]
struct NodeIn {
    id: String,
    label: String,
    kind: ActorKind,
    aliases: Vec<String>,
    mentions: usize,
    documents: usize,
    #[serde(default)]
    affiliation: Option<String>,
    #[serde(default)]
    role: Option<String>,
}

#[derive(Deserialize)]
struct EvidenceIn {
    doc: String,
    sentence: usize,
    start: usize,
    end: usize,
    text: String,
    #[serde(default)]
    trigger: Option<[usize; 2]>,
    #[serde(default)]
    source_span: Option<[usize; 2]>,
    #[serde(default)]
    target_span: Option<[usize; 2]>,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Deserialize)]
struct LinkIn {
    source: String,
    target: String,
    relation: String,
    cameo: Option<String>,
    goldstein: Option<f64>,
    modality: Modality,
    count: usize,
    confidence: f32,
    evidence: Vec<EvidenceIn>,
    evidence_truncated: bool,
    #[serde(default)]
    days: BTreeMap<String, usize>,
}

/// Parses node-link JSON written by [`to_string`] back into a graph (with
/// the default evidence cap); `path` names the file in errors.
pub fn from_str(text: &str, path: &Path) -> Result<ActorGraph> {
    let bad = |message: String| Error::Invalid(format!("{}: {message}", path.display()));
    let doc: DocIn = serde_json::from_str(text)
        .map_err(|e| bad(format!("not an actorgraph JSON graph ({e})")))?;
    let mut g = ActorGraph::new();
    g.count_documents(doc.graph.documents);
    let mut ends: HashMap<String, LinkEnd> = HashMap::new();
    for n in doc.nodes {
        ends.insert(
            n.id.clone(),
            LinkEnd {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind,
                affiliation: n.affiliation.clone(),
            },
        );
        g.add_actor(ActorNode {
            id: n.id,
            label: n.label,
            kind: n.kind,
            aliases: n.aliases.into_iter().collect(),
            mentions: n.mentions,
            documents: n.documents,
            affiliation: n.affiliation,
            role: n.role,
        });
    }
    for l in doc.edges {
        let (Some(a), Some(b)) = (ends.get(&l.source), ends.get(&l.target)) else {
            return Err(bad(format!(
                "the link {} -> {} names an actor that is not among the nodes",
                l.source, l.target
            )));
        };
        let evidence = l
            .evidence
            .into_iter()
            .map(|e| Evidence {
                date: e.date,
                doc: e.doc,
                sentence: e.sentence,
                start: e.start,
                end: e.end,
                text: e.text,
                trigger: e.trigger.map(|[a, b]| (a, b)),
                mentions: e
                    .source_span
                    .zip(e.target_span)
                    .map(|([a, b], [c, d])| ((a, b), (c, d))),
            })
            .collect();
        g.add_link(
            a,
            b,
            RelationEdge {
                relation: l.relation,
                cameo: l.cameo,
                goldstein: l.goldstein,
                modality: l.modality,
                count: l.count,
                confidence: l.confidence,
                evidence,
                evidence_truncated: l.evidence_truncated,
                days: l.days,
            },
        );
    }
    Ok(g)
}

/// Reads a node-link JSON graph file (see [`from_str`]).
pub fn read(path: &Path) -> Result<ActorGraph> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    from_str(&text, path)
}
