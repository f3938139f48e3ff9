//! What one document adds to a graph, cut loose from the extraction: the
//! actors that become nodes and one link per relation and per co-mention,
//! each with its evidence. This is what the event table stores (one row per
//! actor and per link), so a graph folded from stored rows is the graph
//! folded from the text.

use super::{ActorNode, Evidence, RelationEdge};
use crate::Extraction;
use crate::lexicon::ActorKind;
use crate::relations::{CO_MENTIONED, Modality};
use std::collections::{BTreeMap, BTreeSet};

/// An actor as a link names it: what the event table repeats on each row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEnd {
    /// Actor id (slug).
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Country or organisation the actor belongs to.
    pub affiliation: Option<String>,
}

impl LinkEnd {
    fn of(node: &ActorNode) -> Self {
        LinkEnd {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
            affiliation: node.affiliation.clone(),
        }
    }

    /// A node with this actor's name and no mention, alias nor document.
    pub(super) fn stub(&self) -> ActorNode {
        ActorNode {
            id: self.id.clone(),
            label: self.label.clone(),
            kind: self.kind,
            aliases: BTreeSet::new(),
            mentions: 0,
            documents: 0,
            affiliation: self.affiliation.clone(),
            role: None,
        }
    }
}

/// One occurrence of a relation or a co-mention between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Acting actor (for a symmetric relation or a co-mention: the one
    /// with the smaller id).
    pub source: LinkEnd,
    /// Actor acted upon.
    pub target: LinkEnd,
    /// The occurrence: count 1, one evidence item.
    pub edge: RelationEdge,
}

/// Everything one document adds to a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct DocContribution {
    /// Document id.
    pub doc: String,
    /// Publication day (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Source or outlet, when known.
    pub source: Option<String>,
    /// Actors that are nodes (each with `documents` = 1).
    pub actors: Vec<ActorNode>,
    /// Relations first, then co-mentions, in extraction order.
    pub links: Vec<Link>,
}

impl DocContribution {
    /// What `ex` adds to a graph, for a document of the given day and
    /// source.
    ///
    /// An actor named only inside a title and linked to nothing is no node;
    /// a link naming an actor, a sentence or a span the extraction does not
    /// have is left out (never a panic).
    pub fn of(ex: &Extraction, date: Option<&str>, source: Option<&str>) -> Self {
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
        let mut actors = Vec::new();
        let mut ends: Vec<Option<LinkEnd>> = Vec::with_capacity(ex.actors.len());
        for (k, a) in ex.actors.iter().enumerate() {
            if a.mentions == 0 && !used[k] {
                ends.push(None);
                continue;
            }
            let node = ActorNode {
                id: a.id.clone(),
                label: a.label.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                mentions: a.mentions,
                documents: 1,
                affiliation: a.affiliation.clone(),
                role: a.role.clone(),
            };
            ends.push(Some(LinkEnd::of(&node)));
            actors.push(node);
        }
        let date = date.map(str::to_string);
        let days: BTreeMap<String, usize> = date.iter().map(|d| (d.clone(), 1)).collect();
        let evidence = |sentence: usize,
                        trigger: Option<(usize, usize)>,
                        mentions: Option<((usize, usize), (usize, usize))>| {
            let s = ex.sentences.get(sentence)?;
            Some(Evidence {
                date: date.clone(),
                doc: ex.doc_id.clone(),
                sentence,
                start: s.start,
                end: s.end,
                text: ex.text.get(s.start..s.end)?.to_string(),
                trigger,
                mentions,
            })
        };
        let end = |k: usize| ends.get(k).cloned().flatten();
        let mut links = Vec::with_capacity(ex.events.len() + ex.co_mentions.len());
        for ev in &ex.events {
            let (Some(mut a), Some(mut b)) = (end(ev.source), end(ev.target)) else {
                continue;
            };
            let mut spans = (ev.source_span, ev.target_span);
            // Symmetric relations are stored once, from the smaller id.
            if ev.symmetric && a.id > b.id {
                std::mem::swap(&mut a, &mut b);
                spans = (spans.1, spans.0);
            }
            let Some(evidence) = evidence(
                ev.sentence,
                Some((ev.trigger.start, ev.trigger.end)),
                Some(((spans.0.start, spans.0.end), (spans.1.start, spans.1.end))),
            ) else {
                continue;
            };
            links.push(Link {
                source: a,
                target: b,
                edge: RelationEdge {
                    relation: ev.relation.clone(),
                    cameo: Some(ev.cameo.clone()),
                    goldstein: Some(ev.goldstein),
                    modality: ev.modality,
                    count: 1,
                    confidence: ev.confidence,
                    evidence: vec![evidence],
                    evidence_truncated: false,
                    days: days.clone(),
                },
            });
        }
        for cm in &ex.co_mentions {
            let (Some(a), Some(b)) = (end(cm.a), end(cm.b)) else {
                continue;
            };
            let (a, b) = if a.id <= b.id { (a, b) } else { (b, a) };
            let Some(evidence) = evidence(cm.sentence, None, None) else {
                continue;
            };
            links.push(Link {
                source: a,
                target: b,
                edge: RelationEdge {
                    relation: CO_MENTIONED.to_string(),
                    cameo: None,
                    goldstein: None,
                    modality: Modality::Asserted,
                    count: 1,
                    confidence: 1.0,
                    evidence: vec![evidence],
                    evidence_truncated: false,
                    days: days.clone(),
                },
            });
        }
        DocContribution {
            doc: ex.doc_id.clone(),
            date,
            source: source.map(str::to_string),
            actors,
            links,
        }
    }
}
