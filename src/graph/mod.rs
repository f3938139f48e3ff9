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
    ///
    /// Never panics, whatever the extraction holds: an actor that a relation
    /// or a co-mention reaches is a node even when it was named only inside
    /// a title (no mention of its own); a link that names an actor, a
    /// sentence or a span the extraction does not have is left out.
    pub fn add(&mut self, ex: &Extraction) {
        self.documents += 1;
        // Actors named only inside a title ("Kremlin spokesman") and never
        // linked by a relation or a co-mention are not nodes.
        let mut used = vec![false; ex.actors.len()];
        let pairs = ex
            .events
            .iter()
            .map(|e| (e.source, e.target))
            .chain(ex.co_mentions.iter().map(|c| (c.a, c.b)));
        for (a, b) in pairs {
            if a < used.len() && b < used.len() {
                used[a] = true;
                used[b] = true;
            }
        }
        let mut ix: Vec<Option<NodeIndex>> = Vec::with_capacity(ex.actors.len());
        for (k, a) in ex.actors.iter().enumerate() {
            if a.mentions == 0 && !used[k] {
                ix.push(None);
                continue;
            }
            ix.push(Some(self.upsert_node(ActorNode {
                id: a.id.clone(),
                label: a.label.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                mentions: a.mentions,
                documents: 1,
                affiliation: a.affiliation.clone(),
                role: a.role.clone(),
            })));
        }
        let node = |k: usize| ix.get(k).copied().flatten();
        let evidence = |sentence: usize,
                        trigger: Option<(usize, usize)>,
                        mentions: Option<((usize, usize), (usize, usize))>| {
            let s = ex.sentences.get(sentence)?;
            Some(Evidence {
                doc: ex.doc_id.clone(),
                sentence,
                start: s.start,
                end: s.end,
                text: ex.text.get(s.start..s.end)?.to_string(),
                trigger,
                mentions,
            })
        };
        let mut new_edges = Vec::with_capacity(ex.events.len() + ex.co_mentions.len());
        for ev in &ex.events {
            let (mut s, mut t) = (ev.source, ev.target);
            let (Some(a), Some(b)) = (ex.actors.get(s), ex.actors.get(t)) else {
                continue;
            };
            let mut spans = (ev.source_span, ev.target_span);
            // Symmetric relations are stored once, from the smaller id.
            if ev.symmetric && a.id > b.id {
                std::mem::swap(&mut s, &mut t);
                spans = (spans.1, spans.0);
            }
            let Some(evidence) = evidence(
                ev.sentence,
                Some((ev.trigger.start, ev.trigger.end)),
                Some(((spans.0.start, spans.0.end), (spans.1.start, spans.1.end))),
            ) else {
                continue;
            };
            let edge = RelationEdge {
                relation: ev.relation.clone(),
                cameo: Some(ev.cameo.clone()),
                goldstein: Some(ev.goldstein),
                modality: ev.modality,
                count: 1,
                confidence: ev.confidence,
                evidence: vec![evidence],
                evidence_truncated: false,
            };
            new_edges.push((s, t, edge));
        }
        for cm in &ex.co_mentions {
            let (Some(a), Some(b)) = (ex.actors.get(cm.a), ex.actors.get(cm.b)) else {
                continue;
            };
            let (s, t) = if a.id <= b.id {
                (cm.a, cm.b)
            } else {
                (cm.b, cm.a)
            };
            let Some(evidence) = evidence(cm.sentence, None, None) else {
                continue;
            };
            let edge = RelationEdge {
                relation: CO_MENTIONED.to_string(),
                cameo: None,
                goldstein: None,
                modality: Modality::Asserted,
                count: 1,
                confidence: 1.0,
                evidence: vec![evidence],
                evidence_truncated: false,
            };
            new_edges.push((s, t, edge));
        }
        for (s, t, edge) in new_edges {
            if let (Some(a), Some(b)) = (node(s), node(t)) {
                self.upsert_edge(a, b, edge);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
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
