//! Graph stage: the [`ActorGraph`], a petgraph graph of actors and the
//! relations between them, merged across documents.
//!
//! Nodes are keyed by actor id, edges by (source, target, relation,
//! modality): a relation seen again adds to the count of its edge and to its
//! evidence list, which is capped so that memory stays flat on big corpora.

mod filter;

pub use filter::Filter;

use crate::Extraction;
use crate::lexicon::ActorKind;
use crate::relations::{CO_MENTIONED, Modality};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Default number of evidence items kept per edge.
pub const DEFAULT_EVIDENCE_CAP: usize = 20;

/// An actor node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorNode {
    /// Stable slug id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// person, organization, country or group.
    pub kind: ActorKind,
    /// Every surface form seen.
    pub aliases: BTreeSet<String>,
    /// Number of mentions over all documents.
    pub mentions: usize,
    /// Number of documents that mention the actor.
    pub documents: usize,
    /// Country or organisation the actor belongs to.
    pub affiliation: Option<String>,
    /// Office or description.
    pub role: Option<String>,
}

/// Where an edge was read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// Byte offset of the sentence start in the document.
    pub start: usize,
    /// Byte offset of the sentence end in the document.
    pub end: usize,
    /// The sentence text.
    pub text: String,
    /// Byte span of the trigger in the document, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<(usize, usize)>,
    /// Byte spans of the source and target mentions in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<((usize, usize), (usize, usize))>,
}

/// A relation between two actors, aggregated over all its occurrences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationEdge {
    /// Relation label ("meets", ..., or "co_mentioned").
    pub relation: String,
    /// CAMEO code of the first occurrence (none for co-mentions).
    pub cameo: Option<String>,
    /// Goldstein score of that code.
    pub goldstein: Option<f64>,
    /// asserted, negated or hypothetical.
    pub modality: Modality,
    /// Number of occurrences.
    pub count: usize,
    /// Highest confidence of any occurrence, 0..1.
    pub confidence: f32,
    /// The first occurrences (at most the graph's evidence cap).
    pub evidence: Vec<Evidence>,
    /// True when occurrences beyond the cap were dropped from `evidence`.
    pub evidence_truncated: bool,
}

type EdgeKey = (NodeIndex, NodeIndex, String, Modality);

/// The actor graph of a corpus.
#[derive(Debug, Clone)]
pub struct ActorGraph {
    graph: StableDiGraph<ActorNode, RelationEdge>,
    nodes: HashMap<String, NodeIndex>,
    edges: HashMap<EdgeKey, EdgeIndex>,
    evidence_cap: usize,
    documents: usize,
}

impl Default for ActorGraph {
    fn default() -> Self {
        Self::new()
    }
}

impl ActorGraph {
    /// An empty graph with the default evidence cap.
    pub fn new() -> Self {
        Self::with_evidence_cap(DEFAULT_EVIDENCE_CAP)
    }

    /// An empty graph keeping at most `cap` evidence items per edge.
    pub fn with_evidence_cap(cap: usize) -> Self {
        ActorGraph {
            graph: StableDiGraph::new(),
            nodes: HashMap::new(),
            edges: HashMap::new(),
            evidence_cap: cap,
            documents: 0,
        }
    }

    /// The underlying petgraph graph.
    pub fn graph(&self) -> &StableDiGraph<ActorNode, RelationEdge> {
        &self.graph
    }

    /// Number of documents folded in.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Number of actors.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of aggregated edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Node index of an actor id.
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// Nodes sorted by id (the export order).
    pub fn nodes_sorted(&self) -> Vec<&ActorNode> {
        let mut v: Vec<&ActorNode> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges as (source node, target node, edge), sorted by source id,
    /// target id, relation and modality (the export order).
    pub fn edges_sorted(&self) -> Vec<(&ActorNode, &ActorNode, &RelationEdge)> {
        let mut v: Vec<_> = (&self.graph)
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
            .collect();
        v.sort_by(|a, b| {
            (&a.0.id, &a.1.id, &a.2.relation, a.2.modality).cmp(&(
                &b.0.id,
                &b.1.id,
                &b.2.relation,
                b.2.modality,
            ))
        });
        v
    }

    fn upsert_node(&mut self, node: ActorNode) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&node.id) {
            let n = &mut self.graph[ix];
            n.mentions += node.mentions;
            n.documents += node.documents;
            n.aliases.extend(node.aliases);
            if n.affiliation.is_none() {
                n.affiliation = node.affiliation;
            }
            if n.role.is_none() {
                n.role = node.role;
            }
            ix
        } else {
            let id = node.id.clone();
            let ix = self.graph.add_node(node);
            self.nodes.insert(id, ix);
            ix
        }
    }

    /// Adds a copy of `node` unless a node with its id exists.
    fn copy_node(&mut self, node: &ActorNode) -> NodeIndex {
        match self.nodes.get(&node.id) {
            Some(&ix) => ix,
            None => self.upsert_node(node.clone()),
        }
    }

    fn upsert_edge(&mut self, a: NodeIndex, b: NodeIndex, edge: RelationEdge) {
        let key = (a, b, edge.relation.clone(), edge.modality);
        if let Some(&ix) = self.edges.get(&key) {
            let cap = self.evidence_cap;
            let e = &mut self.graph[ix];
            e.count += edge.count;
            e.confidence = e.confidence.max(edge.confidence);
            e.evidence_truncated |= edge.evidence_truncated;
            for ev in edge.evidence {
                if e.evidence.len() < cap {
                    e.evidence.push(ev);
                } else {
                    e.evidence_truncated = true;
                }
            }
        } else {
            let mut edge = edge;
            if edge.evidence.len() > self.evidence_cap {
                edge.evidence.truncate(self.evidence_cap);
                edge.evidence_truncated = true;
            }
            let ix = self.graph.add_edge(a, b, edge);
            self.edges.insert(key, ix);
        }
    }

    /// Folds one document's extraction into the graph.
    pub fn add(&mut self, ex: &Extraction) {
        self.documents += 1;
        // Actors named only inside a title ("Kremlin spokesman") and never
        // linked by a relation are not nodes.
        let mut used = vec![false; ex.actors.len()];
        for e in &ex.events {
            used[e.source] = true;
            used[e.target] = true;
        }
        let mut ix = Vec::with_capacity(ex.actors.len());
        for (k, a) in ex.actors.iter().enumerate() {
            if a.mentions == 0 && !used[k] {
                ix.push(NodeIndex::end());
                continue;
            }
            ix.push(self.upsert_node(ActorNode {
                id: a.id.clone(),
                label: a.label.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                mentions: a.mentions,
                documents: 1,
                affiliation: a.affiliation.clone(),
                role: a.role.clone(),
            }));
        }
        let evidence = |sentence: usize,
                        trigger: Option<(usize, usize)>,
                        mentions: Option<((usize, usize), (usize, usize))>| {
            let s = ex.sentences[sentence];
            Evidence {
                doc: ex.doc_id.clone(),
                sentence,
                start: s.start,
                end: s.end,
                text: ex.text[s.start..s.end].to_string(),
                trigger,
                mentions,
            }
        };
        for ev in &ex.events {
            let (mut s, mut t) = (ev.source, ev.target);
            let mut spans = (ev.source_span, ev.target_span);
            // Symmetric relations are stored once, from the smaller id.
            if ev.symmetric && ex.actors[s].id > ex.actors[t].id {
                std::mem::swap(&mut s, &mut t);
                spans = (spans.1, spans.0);
            }
            let edge = RelationEdge {
                relation: ev.relation.clone(),
                cameo: Some(ev.cameo.clone()),
                goldstein: Some(ev.goldstein),
                modality: ev.modality,
                count: 1,
                confidence: ev.confidence,
                evidence: vec![evidence(
                    ev.sentence,
                    Some((ev.trigger.start, ev.trigger.end)),
                    Some(((spans.0.start, spans.0.end), (spans.1.start, spans.1.end))),
                )],
                evidence_truncated: false,
            };
            self.upsert_edge(ix[s], ix[t], edge);
        }
        for cm in &ex.co_mentions {
            let (s, t) = if ex.actors[cm.a].id <= ex.actors[cm.b].id {
                (cm.a, cm.b)
            } else {
                (cm.b, cm.a)
            };
            let edge = RelationEdge {
                relation: CO_MENTIONED.to_string(),
                cameo: None,
                goldstein: None,
                modality: Modality::Asserted,
                count: 1,
                confidence: 1.0,
                evidence: vec![evidence(cm.sentence, None, None)],
                evidence_truncated: false,
            };
            // an actor named only inside a title is no node: no co-mention either
            if ix[s] != NodeIndex::end() && ix[t] != NodeIndex::end() {
                self.upsert_edge(ix[s], ix[t], edge);
            }
        }
    }

    /// Merges another graph into this one: nodes united by id, counts added.
    pub fn merge(&mut self, other: ActorGraph) {
        self.documents += other.documents;
        let ActorGraph { graph, .. } = other;
        let mut map = BTreeMap::new();
        let (nodes, edges) = graph.into_nodes_edges_iters();
        for n in nodes {
            map.insert(n.index, self.upsert_node(n.weight));
        }
        for e in edges {
            self.upsert_edge(map[&e.source], map[&e.target], e.weight);
        }
    }

    /// A copy of the graph with only what the filter keeps; nodes left
    /// without any edge are kept only if the filter says so.
    pub fn filtered(&self, f: &Filter) -> ActorGraph {
        let mut g = ActorGraph::with_evidence_cap(self.evidence_cap);
        g.documents = self.documents;
        let keep_nodes = f.top_nodes(self);
        for (a, b, e) in self.edges_sorted() {
            if !f.keeps_edge(e)
                || !keep_nodes
                    .as_ref()
                    .is_none_or(|k| k.contains(&a.id) && k.contains(&b.id))
            {
                continue;
            }
            let ia = g.copy_node(a);
            let ib = g.copy_node(b);
            g.upsert_edge(ia, ib, e.clone());
        }
        if f.keep_isolated {
            for n in self.nodes_sorted() {
                if keep_nodes.as_ref().is_none_or(|k| k.contains(&n.id)) {
                    g.copy_node(n);
                }
            }
        }
        g
    }
}
