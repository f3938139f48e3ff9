//! Graph stage: the [`ActorGraph`], a petgraph graph of actors and the
//! relations between them, merged across documents.
//!
//! Nodes are keyed by actor id, edges by (source, target, relation,
//! modality): a relation seen again adds to the count of its edge and to its
//! evidence list, which is capped so that memory stays flat on big corpora.
//!
//! Folding is order-free: the graph of a set of documents is the same
//! whatever the order they are folded in and however they are split into
//! graphs merged later (counts add, aliases unite, the evidence kept is the
//! first in a fixed order of occurrences, and where two documents disagree
//! on a label, kind, affiliation, role or CAMEO code a rule that does not
//! depend on order decides). That is what makes `build` byte-identical for
//! any thread count, and sharded builds (`extract` + `build --from-events`,
//! or `merge`) equal to the single-process build.

mod contribution;
mod filter;

pub use contribution::{DocContribution, Link, LinkEnd};
pub use filter::Filter;

use crate::Extraction;
use crate::lexicon::ActorKind;
use crate::relations::Modality;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
///
/// The field order is the order of occurrences (derived `Ord`): by date
/// (undated first), document id, sentence and spans. An edge keeps the
/// first occurrences in that order, whatever order documents come in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Publication day of the document (`YYYY-MM-DD`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
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
    /// CAMEO code of the first occurrence in the order of [`Evidence`]
    /// (none for co-mentions).
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
    /// Occurrences per publication day (`YYYY-MM-DD`), for dated documents.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub days: BTreeMap<String, usize>,
}

impl RelationEdge {
    /// Day of the first dated occurrence.
    pub fn first_seen(&self) -> Option<&str> {
        self.days.keys().next().map(String::as_str)
    }

    /// Day of the last dated occurrence.
    pub fn last_seen(&self) -> Option<&str> {
        self.days.keys().next_back().map(String::as_str)
    }

    /// Whether this edge's first occurrence comes before `other`'s: the
    /// smaller first evidence, then the smaller CAMEO code and Goldstein
    /// score (the only order left when evidence is capped at zero).
    fn first_before(&self, other: &RelationEdge) -> bool {
        let code = |e: &RelationEdge| (e.cameo.clone(), e.goldstein.map(f64::to_bits));
        match (self.evidence.first(), other.evidence.first()) {
            (Some(a), Some(b)) if a != b => a < b,
            _ => code(self) < code(other),
        }
    }
}

/// The label kept when documents spell an actor differently: one with
/// lower-case letters over an all-capitals one, then the smallest.
fn better_label(a: &str, b: &str) -> bool {
    let shouting = |s: &str| !s.chars().any(char::is_lowercase);
    (shouting(a), a) < (shouting(b), b)
}

/// The smaller of two optional values, a value over none.
fn min_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

type EdgeKey = (NodeIndex, NodeIndex, String, Modality);

/// The actor graph of a corpus.
#[derive(Debug, Clone)]
pub struct ActorGraph {
    graph: StableDiGraph<ActorNode, RelationEdge>,
    nodes: foldhash::HashMap<String, NodeIndex>,
    edges: foldhash::HashMap<EdgeKey, EdgeIndex>,
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
            nodes: foldhash::HashMap::default(),
            edges: foldhash::HashMap::default(),
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
            // Order-free rules, so that any split and order of documents
            // gives the same node.
            if better_label(&node.label, &n.label) {
                n.label = node.label;
            }
            n.kind = n.kind.min(node.kind);
            n.affiliation = min_some(n.affiliation.take(), node.affiliation);
            n.role = min_some(n.role.take(), node.role);
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
        let cap = self.evidence_cap;
        if let Some(&ix) = self.edges.get(&key) {
            let e = &mut self.graph[ix];
            if edge.first_before(e) {
                e.cameo = edge.cameo;
                e.goldstein = edge.goldstein;
            }
            e.count += edge.count;
            e.confidence = e.confidence.max(edge.confidence);
            e.evidence_truncated |= edge.evidence_truncated;
            for (day, n) in edge.days {
                *e.days.entry(day).or_default() += n;
            }
            for ev in edge.evidence {
                e.evidence_truncated |= keep_first(&mut e.evidence, ev, cap);
            }
        } else {
            let mut edge = edge;
            let incoming = std::mem::take(&mut edge.evidence);
            for ev in incoming {
                edge.evidence_truncated |= keep_first(&mut edge.evidence, ev, cap);
            }
            let ix = self.graph.add_edge(a, b, edge);
            self.edges.insert(key, ix);
        }
    }

    /// Folds one document's extraction into the graph (an undated
    /// document; see [`ActorGraph::add_contribution`] for dates).
    ///
    /// Never panics, whatever the extraction holds: an actor that a relation
    /// or a co-mention reaches is a node even when it was named only inside
    /// a title (no mention of its own); a link that names an actor, a
    /// sentence or a span the extraction does not have is left out.
    pub fn add(&mut self, ex: &Extraction) {
        self.add_contribution(&DocContribution::of(ex, None, None));
    }

    /// Folds what one document contributes.
    pub fn add_contribution(&mut self, c: &DocContribution) {
        self.count_documents(1);
        for a in &c.actors {
            self.add_actor(a.clone());
        }
        for l in &c.links {
            self.add_link(&l.source, &l.target, l.edge.clone());
        }
    }

    /// Counts `n` more documents (each document is counted once, whatever
    /// it holds).
    pub fn count_documents(&mut self, n: usize) {
        self.documents += n;
    }

    /// Folds one document's actor (its `documents` is 1 for a document).
    pub fn add_actor(&mut self, node: ActorNode) {
        self.upsert_node(node);
    }

    /// Folds one occurrence (or an aggregate) of a link between two actors;
    /// an actor not yet in the graph is added with no mention and no
    /// document (its document's [`ActorGraph::add_actor`] counts those).
    pub fn add_link(&mut self, source: &LinkEnd, target: &LinkEnd, edge: RelationEdge) {
        let a = self.upsert_node(source.stub());
        let b = self.upsert_node(target.stub());
        self.upsert_edge(a, b, edge);
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
            if let (Some(&a), Some(&b)) = (map.get(&e.source), map.get(&e.target)) {
                self.upsert_edge(a, b, e.weight);
            }
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

/// Inserts `ev` into `kept`, sorted and at most `cap` long; true when an
/// item (`ev` or the last kept) had to be dropped.
fn keep_first(kept: &mut Vec<Evidence>, ev: Evidence, cap: usize) -> bool {
    let at = kept.partition_point(|k| *k <= ev);
    if at >= cap {
        return true;
    }
    kept.insert(at, ev);
    if kept.len() > cap {
        kept.truncate(cap);
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::relations::CO_MENTIONED;
    use crate::relations::CoMention;
    use crate::resolve::DocActor;

    fn actor(id: &str, mentions: usize) -> DocActor {
        DocActor {
            id: id.into(),
            label: id.into(),
            kind: ActorKind::Country,
            affiliation: None,
            role: None,
            aliases: BTreeSet::new(),
            mentions,
        }
    }

    fn extraction() -> Extraction {
        let text = "Kremlin spokesman Peskov spoke with Ukraine.".to_string();
        Extraction {
            doc_id: "d".into(),
            sentences: vec![Span::new(0, text.len())],
            text,
            // Russia is named only inside the title "Kremlin spokesman".
            actors: vec![actor("russia", 0), actor("ukraine", 1), actor("x", 0)],
            mentions: vec![],
            events: vec![],
            co_mentions: vec![CoMention {
                a: 0,
                b: 1,
                sentence: 0,
            }],
        }
    }

    #[test]
    fn title_only_actor_reached_by_a_co_mention_is_a_node() {
        let mut g = ActorGraph::new();
        g.add(&extraction());
        assert_eq!(g.node_count(), 2, "russia and ukraine, not the unused x");
        assert_eq!(g.edge_count(), 1);
        let (a, b, e) = g.edges_sorted()[0];
        assert_eq!((a.id.as_str(), b.id.as_str()), ("russia", "ukraine"));
        assert_eq!(e.relation, CO_MENTIONED);
    }

    #[test]
    fn out_of_range_indices_are_skipped_not_a_panic() {
        let mut ex = extraction();
        ex.co_mentions.push(CoMention {
            a: 1,
            b: 99,
            sentence: 0,
        });
        ex.co_mentions.push(CoMention {
            a: 0,
            b: 1,
            sentence: 42,
        });
        ex.sentences.push(Span::new(3, 1000));
        ex.co_mentions.push(CoMention {
            a: 0,
            b: 1,
            sentence: 1,
        });
        let mut g = ActorGraph::new();
        g.add(&ex);
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edges_sorted()[0].2.count, 1);
    }
}
