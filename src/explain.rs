//! `actorgraph explain A B`: every link between two actors with the
//! sentences it was read from.
//!
//! Actors are found by id, label or alias, ignoring case and accents
//! ([`find_actor`]). [`Explanation::to_text`] prints each link with its
//! modality, count, confidence, CAMEO code and Goldstein score, then its
//! evidence sentences with the trigger and the two mentions highlighted
//! (ANSI colours when asked for, a plain "trigger / source / target" line
//! otherwise); [`Explanation::to_json`] gives the same links in the
//! node-link JSON link form.

use crate::error::{Error, Result};
use crate::export::json::{LinkOut, NodeOut};
use crate::graph::{ActorGraph, ActorNode, Evidence, RelationEdge};
use crate::relations::CO_MENTIONED;
use crate::stats::{Tone, is_symmetric};
use crate::terminal::safe_line;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write as _;

/// ANSI style of the trigger word: bold, underlined, yellow.
pub const STYLE_TRIGGER: &str = "\x1b[1;4;33m";
/// ANSI style of the source mention: bold cyan.
pub const STYLE_SOURCE: &str = "\x1b[1;36m";
/// ANSI style of the target mention: bold magenta.
pub const STYLE_TARGET: &str = "\x1b[1;35m";
/// ANSI style of headings: bold.
pub const STYLE_BOLD: &str = "\x1b[1m";
/// ANSI style of secondary text: dim.
pub const STYLE_DIM: &str = "\x1b[2m";
/// ANSI reset.
pub const STYLE_RESET: &str = "\x1b[0m";

/// Lower-case, accent-free form used to compare names.
fn key(s: &str) -> String {
    deunicode::deunicode(s.trim()).to_lowercase()
}

/// Finds the actor a query names: an exact (case- and accent-insensitive)
/// id, label or alias. An unknown or ambiguous name is an error that lists
/// the closest actors, or the candidates, by id.
pub fn find_actor<'g>(g: &'g ActorGraph, query: &str) -> Result<&'g ActorNode> {
    let q = key(query);
    if q.is_empty() {
        return Err(Error::Invalid("empty actor name".to_string()));
    }
    let nodes = g.nodes_sorted();
    if let Some(n) = nodes.iter().find(|n| key(&n.id) == q) {
        return Ok(n);
    }
    let named: Vec<&ActorNode> = nodes
        .iter()
        .copied()
        .filter(|n| key(&n.label) == q || n.aliases.iter().any(|a| key(a) == q))
        .collect();
    match named.len() {
        1 => Ok(named[0]),
        0 => {
            let mut scored: Vec<(f64, &ActorNode)> = nodes
                .iter()
                .map(|n| {
                    let best = std::iter::once(&n.label)
                        .chain(&n.aliases)
                        .map(|s| {
                            let k = key(s);
                            let contains = if k.contains(&q) || q.contains(&k) {
                                0.2
                            } else {
                                0.0
                            };
                            strsim::jaro_winkler(&k, &q) + contains
                        })
                        .fold(0.0, f64::max);
                    (best, *n)
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
            let hints: Vec<String> = scored
                .iter()
                .take(3)
                .filter(|(s, _)| *s > 0.7)
                .map(|(_, n)| format!("{} ({})", n.label, n.id))
                .collect();
            let hint = if hints.is_empty() {
                format!(
                    "the graph has {} actors; `actorgraph stats` lists them",
                    nodes.len()
                )
            } else {
                format!("did you mean {}?", hints.join(", "))
            };
            Err(Error::Invalid(format!("no actor named {query:?}: {hint}")))
        }
        _ => {
            let c: Vec<String> = named
                .iter()
                .map(|n| format!("{} ({})", n.label, n.id))
                .collect();
            Err(Error::Invalid(format!(
                "{query:?} names {} actors: {}; give the id instead",
                named.len(),
                c.join(", ")
            )))
        }
    }
}

/// One link between the two actors.
#[derive(Debug, Clone, Copy)]
pub struct ExplainedLink<'g> {
    /// The link's source actor.
    pub source: &'g ActorNode,
    /// The link's target actor.
    pub target: &'g ActorNode,
    /// The link.
    pub edge: &'g RelationEdge,
}

/// Every link between two actors, relations first (most frequent first),
/// co-mentions last.
#[derive(Debug, Clone)]
pub struct Explanation<'g> {
    /// The first actor asked for.
    pub a: &'g ActorNode,
    /// The second actor asked for.
    pub b: &'g ActorNode,
    /// Documents in the graph.
    pub documents: usize,
    /// The links, in either direction.
    pub links: Vec<ExplainedLink<'g>>,
}

/// Finds both actors and collects the links between them.
pub fn explain<'g>(g: &'g ActorGraph, a: &str, b: &str) -> Result<Explanation<'g>> {
    let a = find_actor(g, a)?;
    let b = find_actor(g, b)?;
    let mut links: Vec<ExplainedLink<'g>> = g
        .edges_sorted()
        .into_iter()
        .filter(|(s, t, _)| (s.id == a.id && t.id == b.id) || (s.id == b.id && t.id == a.id))
        .map(|(source, target, edge)| ExplainedLink {
            source,
            target,
            edge,
        })
        .collect();
    // Stable sort: within equal keys the export order is kept.
    links.sort_by_key(|l| {
        (
            l.edge.relation == CO_MENTIONED,
            std::cmp::Reverse(l.edge.count),
        )
    });
    Ok(Explanation {
        a,
        b,
        documents: g.documents(),
        links,
    })
}

/// A piece of an evidence sentence and how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Ordinary text.
    Text,
    /// The trigger word(s).
    Trigger,
    /// The source mention.
    Source,
    /// The target mention.
    Target,
}

/// Splits an evidence sentence into parts, converting the document byte
/// spans of the trigger and mentions to sentence offsets. Spans that fall
/// outside the sentence, cut a character, or overlap an earlier span are
/// left out, so the parts always concatenate to the sentence text.
pub fn parts(ev: &Evidence) -> Vec<(Part, &str)> {
    let text = ev.text.as_str();
    let mut spans: Vec<(usize, usize, Part)> = Vec::new();
    let mut push = |span: Option<(usize, usize)>, part: Part| {
        let Some((s, e)) = span else { return };
        let (Some(s), Some(e)) = (s.checked_sub(ev.start), e.checked_sub(ev.start)) else {
            return;
        };
        if s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
            spans.push((s, e, part));
        }
    };
    push(ev.mentions.map(|m| m.0), Part::Source);
    push(ev.mentions.map(|m| m.1), Part::Target);
    push(ev.trigger, Part::Trigger);
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e, part) in spans {
        if s < at {
            continue;
        }
        if s > at {
            out.push((Part::Text, &text[at..s]));
        }
        out.push((part, &text[s..e]));
        at = e;
    }
    if at < text.len() {
        out.push((Part::Text, &text[at..]));
    }
    out
}

/// Folds every run of whitespace (newlines included) into one space, so
/// that an evidence sentence prints on one line. Ends are kept, so parts of
/// a sentence still join with their spaces.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    match safe_line(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(escaped) => escaped,
    }
}

fn styled(out: &mut String, color: bool, style: &str, s: &str) {
    if color {
        let _ = write!(out, "{style}{s}{STYLE_RESET}");
    } else {
        out.push_str(s);
    }
}

fn link_heading(out: &mut String, l: &ExplainedLink, color: bool) {
    let e = l.edge;
    let arrow = if is_symmetric(&e.relation) {
        "—"
    } else {
        "→"
    };
    styled(out, color, STYLE_BOLD, &safe_line(&l.source.label));
    let _ = write!(out, " {arrow} ");
    styled(out, color, STYLE_BOLD, &safe_line(&e.relation));
    let _ = write!(out, " {arrow} ");
    styled(out, color, STYLE_BOLD, &safe_line(&l.target.label));
    let mut facts = vec![
        e.modality.as_str().to_string(),
        format!("{}×", e.count),
        format!("confidence {:.2}", e.confidence),
    ];
    if let Some(c) = &e.cameo {
        facts.push(format!("CAMEO {}", safe_line(c)));
    }
    if let Some(g) = e.goldstein {
        facts.push(format!("Goldstein {g:+.1} ({})", Tone::of(e).as_str()));
    }
    let _ = writeln!(out, "  [{}]", facts.join(", "));
}

impl Explanation<'_> {
    /// The report: one block per link, its evidence sentences numbered.
    /// With `color`, the trigger and the mentions are highlighted with ANSI
    /// escapes; without, a line under each sentence names them.
    pub fn to_text(&self, color: bool) -> String {
        let mut out = String::new();
        if self.links.is_empty() {
            let _ = writeln!(
                out,
                "No link between {} ({}) and {} ({}) in {} document{}.",
                safe_line(&self.a.label),
                safe_line(&self.a.id),
                safe_line(&self.b.label),
                safe_line(&self.b.id),
                self.documents,
                if self.documents == 1 { "" } else { "s" }
            );
            return out;
        }
        let occurrences: usize = self.links.iter().map(|l| l.edge.count).sum();
        let _ = writeln!(
            out,
            "{} link{} ({} occurrence{}) between {} ({}) and {} ({})",
            self.links.len(),
            if self.links.len() == 1 { "" } else { "s" },
            occurrences,
            if occurrences == 1 { "" } else { "s" },
            safe_line(&self.a.label),
            safe_line(&self.a.id),
            safe_line(&self.b.label),
            safe_line(&self.b.id)
        );
        if color {
            let _ = writeln!(
                out,
                "{STYLE_DIM}legend:{STYLE_RESET} {STYLE_SOURCE}source{STYLE_RESET} {STYLE_TRIGGER}trigger{STYLE_RESET} {STYLE_TARGET}target{STYLE_RESET}"
            );
        }
        for l in &self.links {
            out.push('\n');
            link_heading(&mut out, l, color);
            for (i, ev) in l.edge.evidence.iter().enumerate() {
                let _ = write!(out, "  {}. ", i + 1);
                let p = parts(ev);
                let last = p.len().saturating_sub(1);
                for (i, (part, s)) in p.iter().enumerate() {
                    let mut s = one_line(s);
                    if i == 0 {
                        s = s.trim_start().to_string();
                    }
                    if i == last {
                        s = s.trim_end().to_string();
                    }
                    match part {
                        Part::Text => out.push_str(&s),
                        Part::Trigger => styled(&mut out, color, STYLE_TRIGGER, &s),
                        Part::Source => styled(&mut out, color, STYLE_SOURCE, &s),
                        Part::Target => styled(&mut out, color, STYLE_TARGET, &s),
                    }
                }
                out.push('\n');
                let mut marks: Vec<String> = Vec::new();
                if !color {
                    for (name, want) in [
                        ("source", Part::Source),
                        ("trigger", Part::Trigger),
                        ("target", Part::Target),
                    ] {
                        if let Some((_, s)) = p.iter().find(|(k, _)| *k == want) {
                            marks.push(format!("{name} \"{}\"", one_line(s).trim()));
                        }
                    }
                }
                let place = format!(
                    "{}, sentence {}, bytes {}..{}",
                    safe_line(&ev.doc),
                    ev.sentence + 1,
                    ev.start,
                    ev.end
                );
                marks.push(place);
                let line = format!("     {}", marks.join(" · "));
                styled(&mut out, color, STYLE_DIM, &line);
                out.push('\n');
            }
            if l.edge.evidence_truncated {
                let _ = writeln!(
                    out,
                    "  … {} more occurrence(s) not kept as evidence",
                    l.edge.count.saturating_sub(l.edge.evidence.len())
                );
            }
        }
        out
    }

    /// The explanation as pretty JSON (with a final newline): the two
    /// actors as node-link nodes and the links as node-link edges.
    pub fn to_json(&self) -> crate::Result<String> {
        #[derive(Serialize)]
        struct Out<'a> {
            a: NodeOut<'a>,
            b: NodeOut<'a>,
            documents: usize,
            edges: Vec<LinkOut<'a>>,
        }
        let out = Out {
            a: NodeOut::from(self.a),
            b: NodeOut::from(self.b),
            documents: self.documents,
            edges: self
                .links
                .iter()
                .map(|l| LinkOut::new(l.source, l.target, l.edge))
                .collect(),
        };
        let mut s = serde_json::to_string_pretty(&out)
            .map_err(crate::export::json::serde_error("explanation JSON"))?;
        s.push('\n');
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn graph() -> ActorGraph {
        let p = Pipeline::builtin().unwrap();
        p.build_graph(&[Document::new(
            "d",
            "Some news first. Egypt accused Qatar of funding militants.",
        )])
    }

    #[test]
    fn parts_cover_the_sentence_and_mark_the_spans() {
        let ev = Evidence {
            date: None,
            doc: "d".into(),
            sentence: 1,
            start: 10,
            end: 32,
            text: "Egypt accused Qatar.".into(),
            trigger: Some((16, 23)),
            mentions: Some(((10, 15), (24, 29))),
        };
        let p = parts(&ev);
        assert_eq!(
            p,
            vec![
                (Part::Source, "Egypt"),
                (Part::Text, " "),
                (Part::Trigger, "accused"),
                (Part::Text, " "),
                (Part::Target, "Qatar"),
                (Part::Text, "."),
            ]
        );
        let bad = Evidence {
            trigger: Some((5, 12)),
            mentions: Some(((11, 40), (24, 29))),
            ..ev
        };
        let joined: String = parts(&bad).iter().map(|(_, s)| *s).collect();
        assert_eq!(joined, bad.text);
    }

    #[test]
    fn explains_by_label_alias_or_id_in_any_case() {
        let g = graph();
        let e = explain(&g, "EGYPT", "qatar").unwrap();
        assert!(e.links.iter().any(|l| l.edge.relation == "accuses"));
        let text = e.to_text(false);
        assert!(text.contains("trigger \"accused\""), "{text}");
        assert!(text.contains("source \"Egypt\""), "{text}");
        assert!(
            text.contains("  1. Egypt accused Qatar of funding militants.\n"),
            "{text}"
        );
        assert!(!text.contains('\x1b'));
        let colored = e.to_text(true);
        assert!(
            colored.contains(&format!(
                "{STYLE_SOURCE}Egypt{STYLE_RESET} {STYLE_TRIGGER}accused{STYLE_RESET} {STYLE_TARGET}Qatar{STYLE_RESET} of"
            )),
            "{colored}"
        );
        let v: serde_json::Value = serde_json::from_str(&e.to_json().unwrap()).unwrap();
        assert_eq!(v["edges"][0]["relation"], "accuses");
    }

    #[test]
    fn unknown_actor_is_a_clear_error() {
        let g = graph();
        let err = find_actor(&g, "Egyp").unwrap_err().to_string();
        assert!(
            err.contains("no actor named \"Egyp\"") && err.contains("Egypt"),
            "{err}"
        );
    }
}
