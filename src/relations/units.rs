//! Actor units: the noun phrases of a sentence that stand for actors, and
//! the coordinations that group them ("Egypt and Bahrain", "Russian and
//! Ukrainian negotiators", "his British, French and Turkish counterparts").

use crate::document::Span;
use crate::lexicon::{ActorKind, Form, Lexicon};
use crate::mentions::{How, Mention};
use crate::text::Token;
use std::ops::Range;

/// One actor-denoting noun phrase.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Tokens of the phrase (title included).
    pub tokens: Range<usize>,
    /// Byte span of the name itself.
    pub span: Span,
    /// Document actor.
    pub actor: usize,
    /// Followed by a possessive `'s`, or a possessive pronoun itself.
    pub possessive: bool,
    /// A nationality adjective in front of a noun ("Russian invasion").
    pub demonym_modifier: bool,
    /// The mention is a pronoun.
    pub pronoun: bool,
    /// A proper name of a person or organisation ("Vyacheslav
    /// Tikhomirov", "Gazprom"), not a description or a state.
    pub named_agent: bool,
    /// Index of the coordination group.
    pub group: usize,
}

const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "our", "my"];

/// Builds the units of one sentence from its resolved mentions.
pub fn build(
    tokens: &[Token],
    sentence: Range<usize>,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for m in mentions {
        if m.tokens.start < sentence.start || m.tokens.end > sentence.end {
            continue;
        }
        let Some(actor) = m.actor else { continue };
        if matches!(m.how, How::InTitle | How::Venue | How::Place) {
            continue;
        }
        let start = m.title.as_ref().map(|t| t.start).unwrap_or(m.tokens.start);
        let mut end = m.tokens.end;
        let possessive_pronoun = m.how == How::Pronoun
            && POSSESSIVE_PRONOUNS.contains(&tokens[m.tokens.start].lower.as_str());
        let possessive = possessive_pronoun || (end < sentence.end && tokens[end].lower == "'s");
        let mut demonym_modifier = false;
        if let How::Gazetteer(Form::Demonym) = m.how {
            // "Russian troops" stands for Russia; "Russian invasion" has Russia as a modifier.
            let next = tokens.get(end).map(|t| t.lower.as_str()).unwrap_or("");
            // "a Dutch couple": private people, not their state
            if crate::english::is(crate::english::PRIVATE_PERSON_NOUNS, next) {
                continue;
            }
            // "Chadian and Nigerien workers": the first nationality shares
            // the group's head noun, so it names workers, not Chad
            if crate::english::is(&["and", "or"], next)
                && mentions
                    .iter()
                    .any(|n| n.tokens.start == end + 1 && n.how == How::Group)
            {
                continue;
            }
            if lex.state_bodies.iter().any(|b| b == next)
                || lex.state_agents.iter().any(|b| b == next)
            {
                end += 1;
            } else if next.chars().next().is_some_and(|c| c.is_alphabetic())
                && !crate::english::is(&["and", "or"], next)
            {
                demonym_modifier = true;
            }
        }
        units.push(Unit {
            tokens: start..end,
            span: m.span,
            actor,
            possessive,
            demonym_modifier,
            pronoun: m.how == How::Pronoun,
            // ("North Korea's U.N. envoy" is North Korea's: a known
            // organisation's name can be a modifier)
            named_agent: match m.kind {
                ActorKind::Person => matches!(
                    m.how,
                    How::Model | How::Title | How::Context | How::Gazetteer(Form::Name)
                ),
                ActorKind::Organization => matches!(m.how, How::Model | How::Context),
                // "Serbia's opposition", "Chechnya's separatists": a group
                // that is not the state's own
                ActorKind::Group => m.how == How::Group,
                _ => false,
            },
            group: 0,
        });
    }
    units.sort_by_key(|u| (u.tokens.start, u.tokens.end));
    // "Russia's Vyacheslav Tikhomirov", "Germany's Aldi": a possessor
    // right before a named person or organisation says whose it is; it
    // takes no part in the relation of its own.
    let modifiers: Vec<bool> = (0..units.len())
        .map(|i| {
            units[i].possessive
                && !units[i].pronoun
                && units
                    .get(i + 1)
                    .is_some_and(|n| n.named_agent && n.tokens.start == units[i].tokens.end + 1)
        })
        .collect();
    // the named unit's phrase starts at the possessor
    for i in (0..units.len()).rev() {
        if modifiers[i] {
            let start = units[i].tokens.start;
            units[i + 1].tokens.start = start;
        }
    }
    let mut keep = modifiers.iter().map(|m| !m);
    units.retain(|_| keep.next().unwrap_or(true));
    // Coordination: U (, U)* (,)? and|or U, with only determiners or
    // state nouns in between.
    // A list joined by commas only counts when "and"/"or" closes it
    // ("Russia, China and the US"); "..., we should" is no coordination.
    // Copies of a plural description ("the two leaders") are one set.
    let links: Vec<Option<Join>> = (1..units.len())
        .map(|i| {
            if units[i - 1].tokens == units[i].tokens {
                Some(Join::Conjunction)
            } else {
                coordinated(tokens, &units[i - 1], &units[i], lex)
            }
        })
        .collect();
    let mut group = 0;
    let mut i = 0;
    while i < units.len() {
        units[i].group = group;
        let mut j = i;
        while j < links.len() && links[j].is_some() {
            j += 1;
        }
        // links[i..j] chain units i..=j; trim trailing comma-only links
        let mut end = j;
        while end > i && links[end - 1] == Some(Join::Comma) {
            end -= 1;
        }
        for u in &mut units[i + 1..=end] {
            u.group = group;
        }
        group += 1;
        i = end + 1;
    }
    units
}

/// How two neighbouring units are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// By a comma only.
    Comma,
    /// By "and", "or", "&" or "including".
    Conjunction,
}

fn coordinated(tokens: &[Token], a: &Unit, b: &Unit, lex: &Lexicon) -> Option<Join> {
    if a.tokens.end > b.tokens.start
        || a.possessive
        || b.possessive && !a.pronoun && a.tokens.end == b.tokens.start
        || b.pronoun
    {
        return None;
    }
    let between: Vec<&str> = tokens[a.tokens.end..b.tokens.start]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if between.is_empty() {
        return None;
    }
    // "officials and prominent politicians, including X": X belongs to the set.
    if between.len() <= 7
        && between.last() == Some(&"including")
        && between
            .iter()
            .all(|w| !matches!(*w, "." | ";" | ":" | "that" | "which" | "who"))
    {
        return Some(Join::Conjunction);
    }
    let has_conj = between
        .iter()
        .any(|w| matches!(*w, "and" | "or" | "," | "&" | "nor"));
    let only_glue = between.iter().all(|w| {
        matches!(
            *w,
            "and"
                | "or"
                | "nor"
                | ","
                | "&"
                | "the"
                | "as"
                | "well"
                | "also"
                | "its"
                | "their"
                | "his"
                | "her"
        ) || lex.state_bodies.iter().any(|b| b == w)
            || lex.state_agents.iter().any(|b| b == w)
    });
    if !(has_conj && only_glue && between.len() <= 4) {
        return None;
    }
    if between
        .iter()
        .any(|w| matches!(*w, "and" | "or" | "&" | "nor"))
    {
        Some(Join::Conjunction)
    } else {
        Some(Join::Comma)
    }
}
