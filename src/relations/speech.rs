//! Reported speech: the speaker of a quote or of "said that ..." is the
//! source of the accusation or demand it carries.
//!
//! Two kinds of reported content are read: blame ("the ministry said
//! Ukrainian forces have violated the truce": an accusation of the subject
//! of the blame predicate, or of its "by" agent) and obligation ("Colmenares
//! said China should acknowledge the ruling": a demand on the subject of
//! the modal). The speaker's own side is never the target.

use super::Event;
use super::modality::{Modality, of_trigger};
use super::roles::{members, subject};
use super::units::Unit;
use crate::document::Span;
use crate::english::{PREPOSITIONS, SPEECH, is};
use crate::lexicon::Lexicon;
use crate::resolve::DocActor;
use crate::text::Token;
use std::ops::Range;

/// A stretch of reported content and who reports it.
#[derive(Debug, Clone)]
pub struct Reported {
    /// Tokens of the content.
    pub range: Range<usize>,
    /// Speaking actor.
    pub speaker: usize,
    /// Byte span of the speaker's mention.
    pub span: Span,
}

/// Reported content introduced by a speech verb inside one sentence:
/// "S said (that) CONTENT" and "CONTENT, S said".
pub fn said_clauses(
    tokens: &[Token],
    sent: &Range<usize>,
    units: &[Unit],
    quotes: &[Range<usize>],
    lex: &Lexicon,
) -> Vec<Reported> {
    let mut out = Vec::new();
    let in_quote = |i: usize| quotes.iter().any(|q| q.contains(&i));
    for v in sent.clone() {
        let w = tokens[v].lower.as_str();
        if !is(SPEECH, w) || in_quote(v) {
            continue;
        }
        // "quoted him as saying ...": the one quoted is the speaker
        let quoted = (v >= sent.start + 3 && tokens[v - 1].lower == "as")
            .then(|| {
                units.iter().position(|u| {
                    u.tokens.end == v - 1
                        && u.tokens.start > sent.start
                        && matches!(
                            tokens[u.tokens.start - 1].lower.as_str(),
                            "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
                        )
                })
            })
            .flatten();
        let Some(s) = quoted
            .or_else(|| subject(tokens, sent, units, v, lex, false))
            .or_else(|| {
                units.iter().position(|u| {
                    u.tokens.start == v + 1
                        || u.tokens.start == v + 2 && tokens[v + 1].lower == "the"
                })
            })
        else {
            continue;
        };
        let speaker = &units[s];
        let mut start = v + 1;
        // "told VOA (that) ...": skip the addressee
        if matches!(w, "told" | "tells" | "tell")
            && let Some(a) = units.iter().find(|u| {
                u.tokens.start == start
                    || u.tokens.start == start + 1 && is(&["the"], &tokens[start].lower)
            })
        {
            start = a.tokens.end;
        }
        let mut complementizer = false;
        if tokens.get(start).is_some_and(|t| t.lower == "that") {
            start += 1;
            complementizer = true;
        }
        let after_is_content = complementizer && start < sent.end
            || start < sent.end
                && tokens[start].is_word()
                && !is(PREPOSITIONS, &tokens[start].lower)
                && !matches!(
                    tokens[start].lower.as_str(),
                    "last" | "earlier" | "later" | "today" | "yesterday" | "on"
                );
        if after_is_content && speaker.tokens.end <= v {
            out.push(Reported {
                range: start..sent.end,
                speaker: speaker.actor,
                span: speaker.span,
            });
        } else if speaker.tokens.start > sent.start {
            // "CONTENT, the spokesperson of Qatar said."
            let first = units
                .iter()
                .filter(|u| u.group == speaker.group)
                .map(|u| u.tokens.start)
                .min()
                .unwrap_or(speaker.tokens.start);
            let mut end = first;
            while end > sent.start && !matches!(tokens[end - 1].lower.as_str(), ",") {
                end -= 1;
            }
            if end > sent.start + 2 {
                out.push(Reported {
                    range: sent.start..end - 1,
                    speaker: speaker.actor,
                    span: speaker.span,
                });
            }
        }
    }
    out
}

fn phrase_at(tokens: &[Token], i: usize, end: usize, phrases: &[Vec<String>]) -> Option<usize> {
    phrases
        .iter()
        .find(|p| i + p.len() <= end && p.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.lower))
        .map(|p| p.len())
}

fn same_side(a: usize, b: usize, actors: &[DocActor]) -> bool {
    super::same_side(&actors[a], &actors[b])
}

/// Reads accusations and demands carried by reported speech in one sentence.
#[allow(clippy::too_many_arguments)]
pub fn events(
    tokens: &[Token],
    sent: Range<usize>,
    units: &[Unit],
    regions: &[Reported],
    actors: &[DocActor],
    lex: &Lexicon,
    si: usize,
    out: &mut Vec<Event>,
) {
    for r in regions {
        let range = r.range.start.max(sent.start)..r.range.end.min(sent.end);
        if range.is_empty() {
            continue;
        }
        let mut i = range.start;
        while i < range.end {
            let (kind, len) = if let Some(len) = phrase_at(tokens, i, range.end, &lex.obligation) {
                ("demands", len)
            } else if let Some(len) = phrase_at(tokens, i, range.end, &lex.blame) {
                ("accuses", len)
            } else {
                i += 1;
                continue;
            };
            // "must be responsible for ...": the blame word decides.
            let next = tokens.get(i + len).map(|t| t.lower.as_str()).unwrap_or("");
            // "should be prepared for consequences" states, it does not ask.
            if kind == "demands" && next == "be" {
                i += len;
                continue;
            }
            // "investors would have to wait", "will need to borrow": a
            // consequence or a forecast, not an obligation anyone imposes
            // ("will probably need to": an adverb may stand between)
            let mut before = i;
            while before > range.start && tokens[before - 1].tag().starts_with("RB") {
                before -= 1;
            }
            if kind == "demands"
                && before > range.start
                && matches!(
                    tokens[before - 1].lower.as_str(),
                    "would" | "could" | "might" | "may" | "will" | "'d" | "'ll"
                )
            {
                i += len;
                continue;
            }
            // "accused him of destabilizing": the accusation's content, read by the
            // trigger; "was aimed at obstructing": a gerund after a preposition is
            // a noun, not the predicate of the reported clause
            if kind == "accuses"
                && i > range.start
                && (matches!(tokens[i - 1].lower.as_str(), "of" | "for")
                    || tokens[i].tag() == "VBG" && tokens[i - 1].tag() == "IN")
            {
                i += len;
                continue;
            }
            // "smashed two drugs smuggling rings": a gerund between a
            // noun or determiner and the noun it modifies names a kind of
            // thing, not an act of the clause's subject
            if kind == "accuses"
                && len == 1
                && i > range.start
                && tokens[i].tag() == "VBG"
                && tokens.get(i + 1).is_some_and(|n| n.tag().starts_with("NN"))
                && {
                    let p = tokens[i - 1].tag();
                    p.starts_with("NN") || matches!(p, "DT" | "CD" | "JJ" | "PRP$")
                }
            {
                i += len;
                continue;
            }
            // "the OSCE representative responsible for Chechnya": an office
            // after a noun, no blame (blame needs a verb: "is responsible",
            // "was not directly responsible")
            if kind == "accuses"
                && tokens[i].lower == "responsible"
                && i > range.start
                && !(tokens[i - 1].is_verb() || tokens[i - 1].tag().starts_with("RB"))
            {
                i += len;
                continue;
            }
            // "Weah had been provoked into the assault": the subject of a
            // passive blame word suffered it; only a "by" agent is blamed
            let passive = i > range.start
                && tokens[i].tag() == "VBN"
                && matches!(
                    tokens[i - 1].lower.as_str(),
                    "been" | "was" | "were" | "is" | "are" | "be" | "being"
                );
            let target = by_agent(tokens, &range, units, i + len).or_else(|| {
                if passive {
                    None
                } else {
                    subject(tokens, &range, units, i, lex, false)
                }
            });
            // "the question of whether Perry should resign": an obligation
            // inside a question is asked about, not imposed
            let asked = target.is_some_and(|t| {
                let start = units[t].tokens.start;
                start > range.start && matches!(tokens[start - 1].lower.as_str(), "whether" | "if")
            });
            if kind == "demands" && asked {
                i += len;
                continue;
            }
            if let Some(t) = target {
                // The speech act itself is asserted; only a negation ("said
                // Kyiv did not violate") turns it around. Modals are part of
                // the blame ("must be held responsible").
                let modality = match of_trigger(
                    tokens,
                    range.clone(),
                    units[t].tokens.start.min(i),
                    i,
                    i + len,
                ) {
                    Modality::Negated if kind == "accuses" => Modality::Negated,
                    _ => Modality::Asserted,
                };
                for m in members(units, t) {
                    let u = &units[m];
                    if same_side(r.speaker, u.actor, actors) {
                        continue;
                    }
                    let cameo = if kind == "demands" { "100" } else { "112" };
                    out.push(Event {
                        source: r.speaker,
                        target: u.actor,
                        relation: kind.to_string(),
                        cameo: cameo.to_string(),
                        goldstein: lex.goldstein(cameo),
                        symmetric: false,
                        modality,
                        confidence: if u.pronoun { 0.5 } else { 0.6 },
                        sentence: si,
                        trigger: Span::new(tokens[i].span.start, tokens[i + len - 1].span.end),
                        source_span: r.span,
                        target_span: u.span,
                    });
                }
            }
            i += len;
        }
    }
}

/// "rigged by the ruling party": the agent right after a blame word.
fn by_agent(tokens: &[Token], range: &Range<usize>, units: &[Unit], from: usize) -> Option<usize> {
    let mut k = from;
    while k < range.end && k < from + 3 {
        if tokens[k].lower == "by" {
            let mut j = k + 1;
            while j < range.end && matches!(tokens[j].lower.as_str(), "the" | "a" | "an" | "ruling")
            {
                j += 1;
            }
            return units
                .iter()
                .position(|u| u.tokens.start <= j && j < u.tokens.end);
        }
        k += 1;
    }
    None
}
