//! Graph statistics: who is central, and how much cooperation and conflict
//! the corpus reports.
//!
//! [`compute`] ranks the actors of an [`ActorGraph`] by mentions, degree,
//! weighted degree and PageRank, and counts the links by relation label and
//! by [`Tone`] (the sign of the Goldstein score). [`Stats::to_table`] prints
//! the plain-text report of `actorgraph stats`, and the [`Stats`] value
//! serialises to the JSON of `actorgraph stats --json`.

use crate::graph::{ActorGraph, RelationEdge};
use crate::relations::{CO_MENTIONED, Modality};
use crate::terminal::safe_line;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// Relations that read the same in both directions ("A meets B" is "B meets
/// A"): drawn without a direction and counted both ways by PageRank.
pub const SYMMETRIC_RELATIONS: &[&str] = &["meets", CO_MENTIONED];

/// Whether a relation label is symmetric (see [`SYMMETRIC_RELATIONS`]).
pub fn is_symmetric(relation: &str) -> bool {
    SYMMETRIC_RELATIONS.contains(&relation)
}

/// Damping factor of the PageRank computation.
pub const PAGERANK_DAMPING: f64 = 0.85;

/// Iterations of the PageRank computation.
pub const PAGERANK_ITERATIONS: usize = 100;

/// Largest graph handed to `petgraph::algo::page_rank`, whose running time
/// grows with the square of the node count; bigger graphs use
/// [`sparse_page_rank`], which computes the same ranks in linear time.
pub const PETGRAPH_PAGERANK_MAX_NODES: usize = 400;

/// Whether a link reports cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Goldstein score above zero (meets, cooperates, ...).
    Cooperation,
    /// Goldstein score below zero (accuses, threatens, attacks, ...).
    Conflict,
    /// A relation whose Goldstein score is zero or unknown.
    Neutral,
    /// Two actors named in the same sentence, no relation read.
    CoMention,
}

impl Tone {
    /// Every tone, in report order.
    pub const ALL: [Tone; 4] = [
        Tone::Cooperation,
        Tone::Conflict,
        Tone::Neutral,
        Tone::CoMention,
    ];

    /// The tone of a link.
    pub fn of(e: &RelationEdge) -> Tone {
        if e.relation == CO_MENTIONED {
            return Tone::CoMention;
        }
        match e.goldstein {
            Some(g) if g > 0.0 => Tone::Cooperation,
            Some(g) if g < 0.0 => Tone::Conflict,
            _ => Tone::Neutral,
        }
    }

    /// Lower-case name used in reports and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Cooperation => "cooperation",
            Tone::Conflict => "conflict",
            Tone::Neutral => "neutral",
            Tone::CoMention => "co_mention",
        }
    }
}

/// Centrality figures of one actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorStats {
    /// Actor id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// person, organization, country or group.
    pub kind: &'static str,
    /// Mentions over all documents.
    pub mentions: usize,
    /// Documents that mention the actor.
    pub documents: usize,
    /// Links (aggregated edges) starting or ending at the actor.
    pub degree: usize,
    /// Links starting at the actor.
    pub out_degree: usize,
    /// Links ending at the actor.
    pub in_degree: usize,
    /// Sum of the occurrence counts of the actor's links.
    pub weighted_degree: usize,
    /// PageRank over the directed relation graph (sums to 1 over all actors).
    pub pagerank: f64,
}

/// Counts of one relation label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationStats {
    /// Relation label.
    pub relation: String,
    /// Aggregated links with this label.
    pub links: usize,
    /// Occurrences (sum of the links' counts).
    pub occurrences: usize,
    /// Occurrences reported as having happened.
    pub asserted: usize,
    /// Occurrences reported as not having happened.
    pub negated: usize,
    /// Occurrences planned, possible or asked about.
    pub hypothetical: usize,
    /// Occurrences by tone (the Goldstein score can differ per CAMEO code).
    pub tones: BTreeMap<Tone, usize>,
}

/// Counts of one tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ToneStats {
    /// The tone.
    pub tone: Tone,
    /// Aggregated links of this tone.
    pub links: usize,
    /// Occurrences (sum of the links' counts).
    pub occurrences: usize,
}

/// Statistics of a graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Documents folded into the graph.
    pub documents: usize,
    /// Number of actors.
    pub actor_count: usize,
    /// Number of aggregated links.
    pub link_count: usize,
    /// Sum of the links' occurrence counts.
    pub occurrences: usize,
    /// Actors by mentions, then PageRank, then id.
    pub actors: Vec<ActorStats>,
    /// Relation labels by occurrences, then label.
    pub relations: Vec<RelationStats>,
    /// Links by tone, in [`Tone::ALL`] order.
    pub tones: Vec<ToneStats>,
}

/// Computes the statistics of a graph.
pub fn compute(g: &ActorGraph) -> Stats {
    let nodes = g.nodes_sorted();
    let edges = g.edges_sorted();
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();

    let mut degree = vec![(0usize, 0usize, 0usize); nodes.len()];
    let mut relations: BTreeMap<&str, RelationStats> = BTreeMap::new();
    let mut tones: BTreeMap<Tone, (usize, usize)> = BTreeMap::new();
    let mut occurrences = 0;
    for (a, b, e) in &edges {
        let (ia, ib) = (index[a.id.as_str()], index[b.id.as_str()]);
        degree[ia].0 += 1;
        degree[ia].2 += e.count;
        degree[ib].1 += 1;
        if ia != ib {
            degree[ib].2 += e.count;
        }
        occurrences += e.count;
        let tone = Tone::of(e);
        let t = tones.entry(tone).or_default();
        t.0 += 1;
        t.1 += e.count;
        let r = relations
            .entry(e.relation.as_str())
            .or_insert_with(|| RelationStats {
                relation: e.relation.clone(),
                links: 0,
                occurrences: 0,
                asserted: 0,
                negated: 0,
                hypothetical: 0,
                tones: BTreeMap::new(),
            });
        r.links += 1;
        r.occurrences += e.count;
        match e.modality {
            Modality::Asserted => r.asserted += e.count,
            Modality::Negated => r.negated += e.count,
            Modality::Hypothetical => r.hypothetical += e.count,
        }
        *r.tones.entry(tone).or_default() += e.count;
    }

    let ranks = page_rank(g);
    let mut actors: Vec<ActorStats> = nodes
        .iter()
        .zip(&degree)
        .zip(&ranks)
        .map(|((n, &(out_d, in_d, w)), &pr)| ActorStats {
            id: n.id.clone(),
            label: n.label.clone(),
            kind: n.kind.as_str(),
            mentions: n.mentions,
            documents: n.documents,
            degree: out_d + in_d,
            out_degree: out_d,
            in_degree: in_d,
            weighted_degree: w,
            pagerank: pr,
        })
        .collect();
    actors.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(b.pagerank.total_cmp(&a.pagerank))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut relations: Vec<RelationStats> = relations.into_values().collect();
    relations.sort_by(|a, b| {
        b.occurrences
            .cmp(&a.occurrences)
            .then_with(|| a.relation.cmp(&b.relation))
    });
    let tones = Tone::ALL
        .iter()
        .map(|&tone| {
            let (links, occurrences) = tones.get(&tone).copied().unwrap_or_default();
            ToneStats {
                tone,
                links,
                occurrences,
            }
        })
        .collect();
    Stats {
        documents: g.documents(),
        actor_count: nodes.len(),
        link_count: edges.len(),
        occurrences,
        actors,
        relations,
        tones,
    }
}

/// The directed graph PageRank runs on: one node per actor (in id order)
/// and one edge per distinct ordered pair that some link connects; links of
/// symmetric relations connect their pair both ways.
pub fn rank_graph(g: &ActorGraph) -> DiGraph<(), ()> {
    let nodes = g.nodes_sorted();
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (a, b, e) in g.edges_sorted() {
        let (ia, ib) = (index[a.id.as_str()], index[b.id.as_str()]);
        pairs.insert((ia, ib));
        if is_symmetric(&e.relation) {
            pairs.insert((ib, ia));
        }
    }
    let mut rg = DiGraph::with_capacity(nodes.len(), pairs.len());
    for _ in &nodes {
        rg.add_node(());
    }
    for (a, b) in pairs {
        rg.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    rg
}

/// PageRank of every actor, in id order (the order of
/// [`ActorGraph::nodes_sorted`]).
///
/// Small graphs go through `petgraph::algo::page_rank`; graphs with more
/// than [`PETGRAPH_PAGERANK_MAX_NODES`] actors through [`sparse_page_rank`],
/// the same iteration in time linear in the number of edges.
pub fn page_rank(g: &ActorGraph) -> Vec<f64> {
    let rg = rank_graph(g);
    if rg.node_count() <= PETGRAPH_PAGERANK_MAX_NODES {
        petgraph::algo::page_rank(&rg, PAGERANK_DAMPING, PAGERANK_ITERATIONS)
    } else {
        sparse_page_rank(&rg, PAGERANK_DAMPING, PAGERANK_ITERATIONS)
    }
}

/// The iteration of `petgraph::algo::page_rank` (petgraph 0.8) computed
/// from edge lists instead of all node pairs.
///
/// petgraph gives node `v` the sum over every node `w` of: `d·r(w)/out(w)`
/// when `w` links to `v`; `d·r(w)/n` when `w` has no out-link; otherwise
/// `(1-d)·r(w)/n`; then normalises the ranks to sum 1. The last two terms do
/// not depend on `v` except through the link test, so they are summed once
/// per iteration and corrected along the links. The graph must have no
/// parallel edges (as built by [`rank_graph`]).
pub fn sparse_page_rank(g: &DiGraph<(), ()>, damping: f64, iterations: usize) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let out: Vec<usize> = g.node_indices().map(|v| g.neighbors(v).count()).collect();
    let mut ranks = vec![1.0 / nf; n];
    for _ in 0..iterations {
        let mut base = 0.0;
        for (w, &r) in ranks.iter().enumerate() {
            base += if out[w] == 0 {
                damping * r / nf
            } else {
                (1.0 - damping) * r / nf
            };
        }
        let mut next = vec![base; n];
        for e in g.raw_edges() {
            let (w, v) = (e.source().index(), e.target().index());
            next[v] += damping * ranks[w] / out[w] as f64 - (1.0 - damping) * ranks[w] / nf;
        }
        let sum: f64 = next.iter().sum();
        ranks = next.into_iter().map(|r| r / sum).collect();
    }
    ranks
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

impl Stats {
    /// The plain-text report: a summary line, the first `limit` actors
    /// (all with `None`), the relation labels and the tones.
    pub fn to_table(&self, limit: Option<usize>) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents, {} actors, {} links ({} occurrences)",
            self.documents, self.actor_count, self.link_count, self.occurrences
        );
        let shown = limit.unwrap_or(self.actors.len()).min(self.actors.len());
        let _ = writeln!(
            out,
            "\nActors{}",
            if shown < self.actors.len() {
                format!(" (top {shown} of {} by mentions)", self.actors.len())
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            out,
            "{:>4}  {} {} {:>8} {:>6} {:>4} {:>4} {:>8} {:>8}",
            "#",
            pad("actor", 30),
            pad("kind", 12),
            "mentions",
            "degree",
            "out",
            "in",
            "weighted",
            "pagerank"
        );
        for (i, a) in self.actors.iter().take(shown).enumerate() {
            let _ = writeln!(
                out,
                "{:>4}  {} {} {:>8} {:>6} {:>4} {:>4} {:>8} {:>8.4}",
                i + 1,
                pad(&truncate(&safe_line(&a.label), 30), 30),
                pad(a.kind, 12),
                a.mentions,
                a.degree,
                a.out_degree,
                a.in_degree,
                a.weighted_degree,
                a.pagerank
            );
        }
        let _ = writeln!(out, "\nRelations");
        let _ = writeln!(
            out,
            "{} {:>6} {:>11} {:>9} {:>8} {:>12}  tone",
            pad("relation", 14),
            "links",
            "occurrences",
            "asserted",
            "negated",
            "hypothetical"
        );
        for r in &self.relations {
            let tone: Vec<String> = r
                .tones
                .iter()
                .map(|(t, n)| format!("{} {n}", t.as_str()))
                .collect();
            let _ = writeln!(
                out,
                "{} {:>6} {:>11} {:>9} {:>8} {:>12}  {}",
                pad(&safe_line(&r.relation), 14),
                r.links,
                r.occurrences,
                r.asserted,
                r.negated,
                r.hypothetical,
                tone.join(", ")
            );
        }
        let _ = writeln!(out, "\nCooperation and conflict");
        let _ = writeln!(
            out,
            "{} {:>6} {:>11}",
            pad("tone", 14),
            "links",
            "occurrences"
        );
        for t in &self.tones {
            let _ = writeln!(
                out,
                "{} {:>6} {:>11}",
                pad(t.tone.as_str(), 14),
                t.links,
                t.occurrences
            );
        }
        out
    }

    /// Pretty-printed JSON (with a final newline).
    pub fn to_json(&self) -> crate::Result<String> {
        let mut s = serde_json::to_string_pretty(self)
            .map_err(crate::export::json::serde_error("stats JSON"))?;
        s.push('\n');
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random generator for test graphs.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sparse_page_rank_equals_petgraph() {
        let mut seed = 7;
        for n in [1usize, 2, 5, 17, 60] {
            let mut g: DiGraph<(), ()> = DiGraph::new();
            for _ in 0..n {
                g.add_node(());
            }
            let mut pairs = BTreeSet::new();
            for _ in 0..(2 * n) {
                let a = (lcg(&mut seed) as usize) % n;
                let b = (lcg(&mut seed) as usize) % n;
                pairs.insert((a, b));
            }
            for (a, b) in pairs {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
            let want = petgraph::algo::page_rank(&g, 0.85, 30);
            let got = sparse_page_rank(&g, 0.85, 30);
            assert_eq!(want.len(), got.len());
            for (w, g) in want.iter().zip(&got) {
                assert!((w - g).abs() < 1e-12, "n={n}: {want:?} vs {got:?}");
            }
        }
    }

    #[test]
    fn tones_follow_goldstein_sign() {
        let edge = |relation: &str, goldstein: Option<f64>| RelationEdge {
            relation: relation.to_string(),
            cameo: None,
            goldstein,
            modality: Modality::Asserted,
            count: 1,
            confidence: 1.0,
            evidence: Vec::new(),
            evidence_truncated: false,
            days: Default::default(),
        };
        assert_eq!(Tone::of(&edge("meets", Some(1.0))), Tone::Cooperation);
        assert_eq!(Tone::of(&edge("accuses", Some(-2.0))), Tone::Conflict);
        assert_eq!(Tone::of(&edge("investigates", Some(0.0))), Tone::Neutral);
        assert_eq!(Tone::of(&edge(CO_MENTIONED, None)), Tone::CoMention);
    }

    #[test]
    fn stats_of_a_small_corpus() {
        let p = crate::Pipeline::builtin().unwrap();
        let doc = crate::Document::new(
            "d",
            "Egypt accused Qatar of funding militants. Qatar rejected the claims made by Egypt.",
        );
        let g = p.build_graph(&[doc]);
        let s = compute(&g);
        assert_eq!(s.actor_count, g.node_count());
        assert_eq!(s.link_count, g.edge_count());
        let total: f64 = s.actors.iter().map(|a| a.pagerank).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        let acc = s
            .relations
            .iter()
            .find(|r| r.relation == "accuses")
            .unwrap();
        assert_eq!(acc.tones.get(&Tone::Conflict), Some(&acc.occurrences));
        let links: usize = s.tones.iter().map(|t| t.links).sum();
        assert_eq!(links, s.link_count);
        let degrees: usize = s.actors.iter().map(|a| a.degree).sum();
        assert_eq!(degrees, 2 * s.link_count);
        assert!(s.to_table(None).contains("Egypt"));
    }
}
