//! Filters applied to a finished graph before export.

use super::{ActorGraph, RelationEdge};
use crate::relations::{CO_MENTIONED, Modality};
use std::collections::{BTreeMap, BTreeSet};

/// What to keep of a graph.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Drop edges seen fewer times.
    pub min_count: usize,
    /// Keep only these relation labels (co-mentions are governed by
    /// `co_mentions`); empty keeps all.
    pub relations: Vec<String>,
    /// Keep co-mention edges.
    pub co_mentions: bool,
    /// Keep negated and hypothetical edges.
    pub not_asserted: bool,
    /// Drop edges whose confidence is lower.
    pub min_confidence: f32,
    /// Keep only the N actors with the highest degree.
    pub top: Option<usize>,
    /// Keep actors that have no edge left.
    pub keep_isolated: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            min_count: 1,
            relations: Vec::new(),
            co_mentions: true,
            not_asserted: true,
            min_confidence: 0.0,
            top: None,
            keep_isolated: true,
        }
    }
}

impl Filter {
    /// Whether an edge passes the filter.
    pub fn keeps_edge(&self, e: &RelationEdge) -> bool {
        if e.count < self.min_count || e.confidence < self.min_confidence {
            return false;
        }
        if e.relation == CO_MENTIONED {
            return self.co_mentions;
        }
        if !self.not_asserted && e.modality != Modality::Asserted {
            return false;
        }
        self.relations.is_empty() || self.relations.iter().any(|r| r == &e.relation)
    }

    /// The ids of the top-N actors by degree (over kept edges), if a limit is set.
    pub fn top_nodes(&self, g: &ActorGraph) -> Option<BTreeSet<String>> {
        let n = self.top?;
        let mut degree: BTreeMap<&str, usize> = g
            .nodes_sorted()
            .into_iter()
            .map(|n| (n.id.as_str(), 0))
            .collect();
        for (a, b, e) in g.edges_sorted() {
            if self.keeps_edge(e) {
                *degree.entry(a.id.as_str()).or_default() += e.count;
                *degree.entry(b.id.as_str()).or_default() += e.count;
            }
        }
        let mut v: Vec<(&str, usize)> = degree.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Some(
            v.into_iter()
                .take(n)
                .map(|(id, _)| id.to_string())
                .collect(),
        )
    }
}
