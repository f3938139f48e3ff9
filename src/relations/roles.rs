//! Roles: who is the source and who the target of a trigger.

use super::modality::{Modality, of_trigger};
use super::units::Unit;
use super::{Event, Trigger};
use crate::english::{
    BE, DETERMINERS, OBJECT_STOPS, PREPOSITIONS, PROPOSAL_NOUNS, RELATIVES, SPEECH, SUBORDINATORS,
    is,
};
use crate::lexicon::{Lexicon, TriggerPos};
use crate::text::Token;
use std::ops::Range;

/// Members (unit indices) of the coordination group of unit `u`.
pub fn members(units: &[Unit], u: usize) -> Vec<usize> {
    units
        .iter()
        .enumerate()
        .filter(|(_, x)| x.group == units[u].group)
        .map(|(i, _)| i)
        .collect()
}

fn group_start(units: &[Unit], u: usize) -> usize {
    members(units, u)
        .iter()
        .map(|&m| units[m].tokens.start)
        .min()
        .unwrap_or(units[u].tokens.start)
}

fn group_end(units: &[Unit], u: usize) -> usize {
    members(units, u)
        .iter()
        .map(|&m| units[m].tokens.end)
        .max()
        .unwrap_or(units[u].tokens.end)
}

/// Participle forms without the regular -ed ending.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "met",
    "held",
    "fought",
    "struck",
    "taken",
    "given",
    "spoken",
    "sought",
    "lost",
    "won",
    "shot",
    "told",
    "begun",
    "withdrawn",
    "broken",
    "cut",
    "put",
    "set",
    "sold",
    "brought",
    "driven",
    "sent",
    "led",
    "done",
    "seen",
    "beaten",
    "caught",
    "hit",
    "shut",
    "overthrown",
    "thrown",
    "made",
    "paid",
    "kept",
    "built",
    "left",
];

fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&w)
}

fn participle(t: &Token) -> bool {
    t.tag() == "VBN"
        || t.pos.is_none() && is_participle(&t.lower)
        || t.tag() == "VBD" && is_participle(&t.lower)
}

/// Whether the verb at `t` is passive: a form of "be" shortly before it.
fn is_passive(tokens: &[Token], sent: &Range<usize>, t: usize) -> bool {
    if !participle(&tokens[t]) {
        return false;
    }
    let mut k = t;
    let mut steps = 0;
    while k > sent.start && steps < 4 {
        k -= 1;
        steps += 1;
        let w = tokens[k].lower.as_str();
        if is(BE, w) && w != "'s" {
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "not"
                    | "n't"
                    | "also"
                    | "already"
                    | "never"
                    | "since"
                    | "reportedly"
                    | "allegedly"
                    | "then"
                    | "later"
                    | "just"
                    | "recently"
                    | "now"
            ))
        {
            return false;
        }
    }
    false
}

/// Whether a token is a verb the rules know (a trigger form or a speech verb).
fn known_verb(w: &str, lex: &Lexicon) -> bool {
    is(SPEECH, w)
        || lex
            .triggers
            .get(w)
            .is_some_and(|s| s.iter().any(|s| s.pos == TriggerPos::Verb))
        || lex.light_verbs.contains_key(w)
}

/// Whether the token is a verb that takes the unit after it as its object:
/// tagged VB* by the tagger (or a known trigger verb), not a form of "be"
/// or an auxiliary, not a verb of saying ("said Putin met ...").
fn transitive_verb_at(t: &Token, lex: &Lexicon) -> bool {
    let w = t.lower.as_str();
    if is(SPEECH, w)
        || is(BE, w)
        || matches!(
            w,
            "has" | "have" | "had" | "do" | "does" | "did" | "including"
        )
    {
        return false;
    }
    let tagged = t.pos.is_some_and(|p| p.is_verb()) && !t.tag().eq("VBG")
        || matches!(t.tag(), "VBG") && !w.ends_with("ing");
    tagged || known_verb(w, lex)
}

/// A finite verb (VBD, VBZ, VBP) ends an object search.
fn finite_verb(t: &Token) -> bool {
    matches!(t.tag(), "VBD" | "VBZ" | "VBP" | "MD")
}

/// The subject unit of a predicate starting at `at`: the nearest unit to
/// the left that is not inside a prepositional phrase or the object of
/// another verb, without crossing a clause boundary.
pub fn subject(
    tokens: &[Token],
    sent: &Range<usize>,
    units: &[Unit],
    at: usize,
    lex: &Lexicon,
    nominal: bool,
) -> Option<usize> {
    // "X accused Y of fraud and demanded ...": a verb coordinated with an
    // earlier one shares its subject, the first subject-like unit.
    if !nominal && coordinated_verb(tokens, sent, at) {
        let first = units.iter().position(|u| {
            u.tokens.start < at && {
                let b = u.tokens.start;
                b == sent.start
                    || !(is(PREPOSITIONS, &tokens[b - 1].lower)
                        || is(DETERMINERS, &tokens[b - 1].lower)
                            && b - 1 > sent.start
                            && is(PREPOSITIONS, &tokens[b - 2].lower)
                        // "a bid to jumpstart Taiwan's economy": the object
                        // of a verb other than a speech verb is no subject
                        || tokens[b - 1].is_verb() && !is(SPEECH, &tokens[b - 1].lower))
            }
        });
        if first.is_some() {
            return first;
        }
    }
    // Object control: "urged Putin to meet Zelensky", "got Moscow to come":
    // the unit right before "to" is the subject of the infinitive.
    if !nominal
        && at >= sent.start + 2
        && tokens[at - 1].lower == "to"
        && let Some(u) = units.iter().rposition(|u| u.tokens.end == at - 1)
    {
        let before = units[u].tokens.start.checked_sub(1).map(|b| &tokens[b]);
        if before.is_some_and(|b| {
            transitive_verb_at(b, lex) || matches!(b.lower.as_str(), "on" | "upon")
        }) {
            return Some(u);
        }
    }
    let mut k = at;
    let mut steps = 0;
    while k > sent.start && steps < 40 {
        // ", whom Trump sent to Moscow last week,", ", Moldova's deputy
        // foreign minister,": a relative clause or apposition between commas
        // is skipped whole.
        if k > sent.start + 1
            && tokens[k - 1].lower == ","
            && let Some(open) = (sent.start..k - 1)
                .rev()
                .take(16)
                .find(|&c| tokens[c].lower == ",")
        {
            let first = tokens[open + 1].lower.as_str();
            let relative = is(RELATIVES, first)
                || matches!(first, "the" | "a" | "an")
                || units
                    .iter()
                    .any(|u| u.tokens.start == open + 1 && u.possessive);
            let has_unit_before = units.iter().any(|u| u.tokens.end == open);
            if relative && has_unit_before {
                k = open;
            }
        }
        k -= 1;
        steps += 1;
        if let Some(u) = units.iter().rposition(|u| u.tokens.end == k + 1) {
            let gs = group_start(units, u);
            let mut p = gs;
            // ("that" before a name is a complementizer, not a determiner;
            // a lower-case adjective stays inside the phrase: "with
            // communist North Korea", "against neighbouring Iraq")
            while p > sent.start
                && (is(DETERMINERS, &tokens[p - 1].lower) && tokens[p - 1].lower != "that"
                    || matches!(tokens[p - 1].lower.as_str(), "neither" | "either")
                    || tokens[p - 1].tag() == "JJ" && !tokens[p - 1].is_capitalized())
            {
                p -= 1;
            }
            let before = if p > sent.start {
                tokens[p - 1].lower.as_str()
            } else {
                ""
            };
            // "after Russia granted ...": a subordinator, not a preposition,
            // when a verb follows the unit directly
            let verb_follows = units[u].tokens.end == at
                || tokens
                    .get(units[u].tokens.end)
                    .is_some_and(|t| matches!(t.tag(), "VBD" | "VBZ" | "VBP" | "MD"));
            let subordinator = matches!(
                before,
                "after" | "before" | "since" | "until" | "as" | "once" | "while"
            ) && verb_follows;
            let in_pp = is(PREPOSITIONS, before) && before != "including" && !subordinator;
            let object_of_verb = p > sent.start && transitive_verb_at(&tokens[p - 1], lex);
            // "North Korea's U.N. envoy": the possessor heads the phrase;
            // "Russia's Vyacheslav Tikhomirov" is the named person.
            if before == "'s"
                && !units[u].named_agent
                && let Some(v) = units
                    .iter()
                    .rposition(|x| x.tokens.end + 1 == p && x.possessive)
            {
                return Some(v);
            }
            if in_pp
                || object_of_verb
                || units[u].demonym_modifier
                    && !nominal
                    && !is_followed_by_verbish(tokens, units[u].tokens.end)
            {
                k = gs;
                continue;
            }
            // A possessive pronoun before another unit is a determiner.
            return Some(u);
        }
        let w = tokens[k].lower.as_str();
        if matches!(w, ";" | ":" | "(" | ")") || w == "that" && !nominal {
            break;
        }
        if is(SUBORDINATORS, w) && !nominal && k + 1 < at {
            break;
        }
    }
    None
}

/// Whether the verb at `at` follows "and"/"but" directly (adverbs aside),
/// i.e. is the second verb of a coordination without a subject of its own.
fn coordinated_verb(tokens: &[Token], sent: &Range<usize>, at: usize) -> bool {
    let mut k = at;
    while k > sent.start {
        k -= 1;
        let w = tokens[k].lower.as_str();
        if matches!(w, "and" | "but") {
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "also"
                    | "then"
                    | "later"
                    | "has"
                    | "have"
                    | "had"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | ","
                    | "not"
                    | "n't"
                    | "never"
                    | "again"
            ))
        {
            return false;
        }
    }
    false
}

fn is_followed_by_verbish(tokens: &[Token], end: usize) -> bool {
    tokens
        .get(end)
        .is_some_and(|t| is(BE, &t.lower) || t.lower.ends_with("ed"))
}

/// Result of looking for a target to the right of a trigger.
pub enum Object {
    /// A unit (its group are all targets).
    Unit(usize),
    /// "each other", "one another".
    Reciprocal,
}

/// The target to the right of a trigger ending at `from`.
pub fn object(
    tokens: &[Token],
    sent: &Range<usize>,
    units: &[Unit],
    from: usize,
    t: &Trigger,
    lex: &Lexicon,
    nominal: bool,
) -> Option<Object> {
    let mut k = from;
    let mut prep: Option<&str> = None;
    let limit = (from + 14).min(sent.end);
    let that_clause = matches!(t.sense.relation.as_str(), "demands" | "threatens");
    while k < limit {
        let w = tokens[k].lower.as_str();
        if let Some(u) = units.iter().position(|u| u.tokens.start == k) {
            // "his British counterparts": the pronoun is a determiner here.
            let pe = units[u].tokens.end;
            if units[u].pronoun
                && units[u].possessive
                && units.iter().any(|x| {
                    x.tokens.start >= pe
                        && x.tokens.start <= pe + 3
                        && !tokens[pe..x.tokens.start]
                            .iter()
                            .any(|t| is(PREPOSITIONS, &t.lower) || !t.is_word())
                })
            {
                k += 1;
                continue;
            }
            // "arrested her aunt", "freed Smith's wife": the relative, not the owner
            let after = if tokens.get(pe).is_some_and(|t| t.lower == "'s") {
                pe + 1
            } else {
                pe
            };
            if units[u].possessive
                && tokens.get(after).is_some_and(|t| {
                    is(crate::english::KIN_NOUNS, &t.lower)
                        || is(crate::english::PRIVATE_PERSON_NOUNS, &t.lower)
                })
            {
                return None;
            }
            let symmetric = lex.relation(&t.sense.relation).is_some_and(|r| r.symmetric);
            // "urged the release of X": the demand is on X's captors
            let held = prep == Some("of")
                && t.sense.relation == "demands"
                && k >= 2
                && is(crate::english::CUSTODY_NOUNS, &tokens[k - 2].lower);
            if held {
                return None;
            }
            let ok = match prep {
                None => t.sense.direct && !nominal,
                // "the arrest of X", "the expulsion of X's diplomats": the patient
                Some("of") if nominal && !symmetric => true,
                Some(p) => t.sense.preps.iter().any(|x| x == p),
            };
            if ok {
                return Some(Object::Unit(u));
            }
            k = group_end(units, u);
            prep = None;
            continue;
        }
        if (w == "each" && tokens.get(k + 1).is_some_and(|t| t.lower == "other"))
            || (w == "one" && tokens.get(k + 1).is_some_and(|t| t.lower == "another"))
        {
            return Some(Object::Reciprocal);
        }
        if is(PREPOSITIONS, w) {
            // "demanded to speak with": an infinitive ends the object search.
            if w == "to"
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| known_verb(&n.lower, lex) || n.tag() == "VB")
            {
                // ... except for a demand: "demanded to speak with the commission's chairman"
                if t.sense.relation == "demands" && !nominal {
                    let mut j = k + 2;
                    while j < limit
                        && !matches!(tokens[j].lower.as_str(), "with" | "to")
                        && !is(OBJECT_STOPS, &tokens[j].lower)
                    {
                        j += 1;
                    }
                    if j + 1 < limit && matches!(tokens[j].lower.as_str(), "with" | "to") {
                        let mut q = j + 1;
                        while q < limit && is(DETERMINERS, &tokens[q].lower) {
                            q += 1;
                        }
                        if let Some(u) = units
                            .iter()
                            .position(|u| u.tokens.start == j + 1 || u.tokens.start == q)
                        {
                            return Some(Object::Unit(u));
                        }
                    }
                }
                break;
            }
            prep = Some(w);
            k += 1;
            continue;
        }
        if w == "that" && k == from && that_clause {
            // "insisted that the authority has no plans": with a verb in
            // the indicative the clause states a fact; a demand takes the
            // bare verb or a modal ("insisted that Israel withdraw")
            // (the clause is read only after a mandative verb)
            if t.sense.mandative
                && (k + 1..limit)
                    .map(|q| &tokens[q])
                    .find(|q| q.tag().starts_with("VB") || q.tag() == "MD")
                    .is_some_and(|v| {
                        // (the tagger reads some bare verbs as past: "withdraw")
                        v.tag() == "VBZ"
                            || v.tag() == "VBD"
                                && (v.lower.ends_with("ed")
                                    || crate::english::is(
                                        crate::english::IRREGULAR_PAST_FINITE,
                                        &v.lower,
                                    ))
                    })
            {
                return None;
            }
            k += 1;
            continue;
        }
        if is(PROPOSAL_NOUNS, w)
            && matches!(
                t.sense.relation.as_str(),
                "cooperates" | "rejects" | "accuses" | "demands" | "protests"
            )
        {
            // "agreed to the proposal, which was put forward by Egypt"
            if let Some(u) = proposal_author(tokens, sent, units, k + 1) {
                return Some(Object::Unit(u));
            }
            // "A ruling by the court ... but China rejects that ruling"
            let earlier = (sent.start..k)
                .rev()
                .find(|&q| tokens[q].lower == w && q + 1 < k);
            if let Some(u) = earlier.and_then(|q| proposal_author(tokens, sent, units, q + 1)) {
                return Some(Object::Unit(u));
            }
        }
        // a finite verb ends the object, unless it modifies a noun after a
        // preposition or determiner ("into alleged war crimes")
        let adjectival = k > 0
            && (is(PREPOSITIONS, &tokens[k - 1].lower) || is(DETERMINERS, &tokens[k - 1].lower));
        if is(OBJECT_STOPS, w)
            || w == "that"
            || k > from
                && !adjectival
                && (known_verb(w, lex) || finite_verb(&tokens[k]))
                && !nominal
        {
            break;
        }
        k += 1;
    }
    None
}

/// The author of a proposal mentioned at `from`: "the proposal of X",
/// "the plan by X", "the proposal, which was put forward by X".
fn proposal_author(
    tokens: &[Token],
    sent: &Range<usize>,
    units: &[Unit],
    from: usize,
) -> Option<usize> {
    let limit = (from + 10).min(sent.end);
    let mut k = from;
    while k < limit {
        let w = tokens[k].lower.as_str();
        if matches!(w, "by" | "of" | "from") {
            let mut j = k + 1;
            while j < limit
                && (is(DETERMINERS, &tokens[j].lower)
                    || tokens[j].is_word()
                        && !tokens[j].is_capitalized()
                        && !units.iter().any(|u| u.tokens.start == j))
            {
                j += 1;
            }
            return units.iter().position(|u| u.tokens.start == j);
        }
        if matches!(w, "." | ";" | ":" | "and" | "but") {
            break;
        }
        k += 1;
    }
    None
}

/// The unit right before a nominal trigger that owns it: a possessor
/// ("Witkoff's meeting", "its alliance") or a nationality adjective
/// ("the Russian invasion").
fn nominal_source(
    tokens: &[Token],
    sent: &Range<usize>,
    units: &[Unit],
    at: usize,
) -> Option<usize> {
    let mut k = at;
    let mut steps = 0;
    while k > sent.start && steps < 4 {
        k -= 1;
        steps += 1;
        if let Some(u) = units
            .iter()
            .rposition(|u| u.tokens.end == k + 1 || u.tokens.end == k && tokens[k].lower == "'s")
        {
            let x = &units[u];
            return (x.possessive || x.demonym_modifier || x.tokens.end == at).then_some(u);
        }
        let w = tokens[k].lower.as_str();
        if is(DETERMINERS, w) && !matches!(w, "its" | "his" | "her" | "their" | "our")
            || is(PREPOSITIONS, w)
            || matches!(w, "," | ";" | ":")
        {
            return None;
        }
    }
    None
}

/// The "by X" agent after a passive verb or a nominal trigger.
fn by_agent(tokens: &[Token], sent: &Range<usize>, units: &[Unit], from: usize) -> Option<usize> {
    let limit = (from + 10).min(sent.end);
    let mut k = from;
    while k < limit {
        let w = tokens[k].lower.as_str();
        if w == "by" {
            let mut j = k + 1;
            while j < limit && is(DETERMINERS, &tokens[j].lower) {
                j += 1;
            }
            return units
                .iter()
                .position(|u| u.tokens.start == j || u.tokens.start <= j && j < u.tokens.end);
        }
        if matches!(w, "." | ";" | ":") {
            break;
        }
        k += 1;
    }
    None
}

/// Whether light-verb trigger `t` ends in a preposition that the parse
/// hangs inside another prepositional phrase of the gap: "charged two
/// immigration officials in connection with X's killing". The light verb's
/// own preposition is then not there; what follows it names no target.
/// ("fired missiles at X" keeps its "at": that hangs on the verb or on
/// its object.)
fn preposition_in_another_phrase(tokens: &[Token], t: &Trigger) -> bool {
    let last = &tokens[t.end - 1];
    t.verb_end + 1 < t.end
        && is(crate::english::PREPOSITIONS, &last.lower)
        && last
            .head
            .and_then(|h| tokens.get(h))
            .is_some_and(|h| h.dep == "pobj")
}

fn actors_of(units: &[Unit], group_of: Option<usize>) -> Vec<usize> {
    match group_of {
        Some(u) => members(units, u),
        None => Vec::new(),
    }
}

/// Reads the events of one trigger and appends them to `out`.
#[allow(clippy::too_many_arguments)]
pub fn events_for(
    tokens: &[Token],
    sent: std::ops::Range<usize>,
    units: &[Unit],
    t: &Trigger,
    earlier: &[Event],
    lex: &Lexicon,
    si: usize,
    out: &mut Vec<Event>,
) {
    // "accused X of shelling Y", "condemned X for invading Y": what someone
    // is accused of is not itself asserted.
    // ("charged X with arming Y": "with" after a charging verb)
    let charged_with = |w: usize| {
        tokens[w].lower == "with"
            && tokens[w.saturating_sub(5).max(sent.start)..w]
                .iter()
                .any(|k| crate::english::ALLEGING_VERBS.contains(&k.lower))
    };
    if t.start > sent.start
        && (matches!(tokens[t.start - 1].lower.as_str(), "of" | "for") || charged_with(t.start - 1))
        && tokens[t.start].lower.ends_with("ing")
    {
        return;
    }
    // "is suspected of murdering X", "on charges of having secret contacts
    // with X": a gerund after a word of suspicion, up to the trigger
    let suspected = (t.start.saturating_sub(5).max(sent.start + 1)..t.start).any(|k| {
        tokens[k].lower == "of"
            && crate::english::SUSPICION_WORDS.contains(&tokens[k - 1].lower)
            && tokens[k + 1].lower.ends_with("ing")
            && !tokens[k + 1..t.start].iter().any(|w| !w.is_word())
    });
    if suspected {
        return;
    }
    let info = lex.relation(&t.sense.relation);
    let symmetric = info.is_some_and(|i| i.symmetric);
    let nominal = t.sense.pos == TriggerPos::Noun;
    let mut sources: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut reciprocal = false;
    let mut confidence: f32 = 0.9;
    let mut clause_start = sent.start;
    let mut between_set = false;
    if nominal {
        if let Some(u) = nominal_source(tokens, &sent, units, t.start) {
            sources = vec![u];
            clause_start = subject(tokens, &sent, units, t.start, lex, true)
                .map(|s| units[s].tokens.start)
                .unwrap_or(units[u].tokens.start);
        } else if let Some(u) = by_agent(tokens, &sent, units, t.end)
            // "protests by students", not "the protests ended with students
            // detained by police": a verb between the noun and "by" owns it
            // ("Sanctions were imposed on X by Y": the noun is the subject
            // of the passive that "by" completes)
            && !(t.end..units[u].tokens.start).any(|k| {
                let w = &tokens[k];
                (w.tag().starts_with("VB") || w.tag() == "MD")
                    && !is(BE, &w.lower)
                    && !is_passive(tokens, &sent, k)
            })
        {
            sources = members(units, u);
        }
        match object(tokens, &sent, units, t.end, t, lex, true) {
            Some(Object::Unit(u)) => targets = members(units, u),
            Some(Object::Reciprocal) => reciprocal = true,
            None => {}
        }
        // "talks between Kyiv and Moscow", "the deal between A and B": the
        // members of the set are the parties, with no one else involved
        let between = t.end < sent.end
            && tokens[t.end..(t.end + 3).min(sent.end)]
                .iter()
                .any(|x| x.lower == "between");
        if sources.is_empty() && between && targets.len() >= 2 {
            sources = targets.clone();
            targets.clear();
            reciprocal = !symmetric;
            between_set = true;
        } else if sources.is_empty() && symmetric {
            if let Some(s) = subject(tokens, &sent, units, t.start, lex, true) {
                sources = members(units, s);
                clause_start = units[s].tokens.start;
                confidence = 0.7;
            }
        } else {
            confidence = 0.8;
        }
    } else if is_passive(tokens, &sent, t.start)
        || tokens.get(t.end).is_some_and(|n| n.lower == "by")
            && is_participle(&tokens[t.start].lower)
    {
        let Some(agent) = by_agent(tokens, &sent, units, t.end) else {
            return;
        };
        sources = members(units, agent);
        if let Some(s) = subject(tokens, &sent, units, t.start, lex, false) {
            targets = members(units, s);
            clause_start = units[s].tokens.start;
        }
        confidence = 0.85;
    } else {
        if let Some(s) = subject(tokens, &sent, units, t.start, lex, false) {
            sources = members(units, s);
            clause_start = units[s].tokens.start;
            // "... and warned of ...": the second verb's clause starts at "and"
            if coordinated_verb(tokens, &sent, t.start)
                && let Some(and) = (sent.start..t.start)
                    .rev()
                    .find(|&k| matches!(tokens[k].lower.as_str(), "and" | "but"))
            {
                clause_start = clause_start.max(and);
            }
        }
        let inside = (t.verb_end < t.end - 1)
            .then(|| {
                units
                    .iter()
                    .position(|u| u.tokens.start >= t.verb_end && u.tokens.end < t.end)
            })
            .flatten()
            // "expressed Washington's support": the owner of the light
            // verb's own noun acts with the subject
            .filter(|&u| !matches!(tokens[units[u].tokens.end].lower.as_str(), "'s" | "'"));
        if let (Some(u), None) = (inside, t.particle.as_deref()) {
            // "asked Qatari diplomats to leave": the actor inside the construction
            targets = members(units, u);
        } else if t.particle.as_deref() == Some("to") {
            // "get Moscow to come", "asked Qatari diplomats to leave"
            let between = t.verb_end..t.end - 1;
            targets = actors_of(
                units,
                units.iter().position(|u| between.contains(&u.tokens.start)),
            );
        } else if !preposition_in_another_phrase(tokens, t) {
            match object(tokens, &sent, units, t.end, t, lex, false) {
                Some(Object::Unit(u)) => targets = members(units, u),
                Some(Object::Reciprocal) => reciprocal = true,
                None => {}
            }
        }
    }
    let mut modality = of_trigger(tokens, sent.clone(), clause_start, t.start, t.end);
    // "met neither Lavrov nor Ushakov", "signed no agreement with": a
    // negation between the trigger and its object
    if let Some(first) = targets.iter().map(|&u| units[u].tokens.start).min()
        && first > t.end
        && tokens[t.end..first]
            .iter()
            .any(|x| matches!(x.lower.as_str(), "neither" | "no" | "never"))
    {
        modality = Modality::Negated;
    }
    let modality = if nominal {
        modality.max_with(nominal_modality(tokens, &sent, t.start))
    } else {
        modality
    };
    // "warned of retaliation": a threat with no object is aimed at the one
    // other side named in the sentence, if there is exactly one.
    if targets.is_empty() && !reciprocal && t.sense.relation == "threatens" && !sources.is_empty() {
        let src_actors: Vec<usize> = sources.iter().map(|&u| units[u].actor).collect();
        let mut others: Vec<usize> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| !src_actors.contains(&u.actor))
            .map(|(i, _)| i)
            .collect();
        others.dedup_by_key(|&mut i| units[i].actor);
        let distinct: std::collections::BTreeSet<usize> =
            others.iter().map(|&i| units[i].actor).collect();
        if distinct.len() == 1 {
            targets = vec![others[0]];
            confidence = 0.6;
        }
    }
    // "will not engage with the U.S.", "refused to meet": a refusal is a rejection.
    if modality == Modality::Negated
        && matches!(t.sense.relation.as_str(), "meets" | "cooperates")
        && !sources.is_empty()
        && !targets.is_empty()
        && volitional_refusal(tokens, &sent, clause_start, t.start)
    {
        for &a in &sources {
            for &b in &targets {
                if units[a].actor != units[b].actor {
                    out.push(Event {
                        source: units[a].actor,
                        target: units[b].actor,
                        relation: "rejects".to_string(),
                        cameo: "120".to_string(),
                        goldstein: lex.goldstein("120"),
                        symmetric: false,
                        modality: Modality::Asserted,
                        confidence: 0.6,
                        sentence: si,
                        trigger: crate::document::Span::new(
                            tokens[t.start].span.start,
                            tokens[t.end - 1].span.end,
                        ),
                        source_span: units[a].span,
                        target_span: units[b].span,
                    });
                }
            }
        }
    }
    // "Hezbollah condemned the attack": the object is an earlier event, and
    // its agent is the target.
    if targets.is_empty()
        && !reciprocal
        && !nominal
        && !sources.is_empty()
        && matches!(
            t.sense.relation.as_str(),
            "accuses" | "protests" | "rejects" | "investigates"
        )
        && let Some((noun_at, prior)) = event_object(tokens, &sent, t.end, earlier, lex)
    {
        for &a in &sources {
            if units[a].actor == prior.source {
                continue;
            }
            out.push(Event {
                source: units[a].actor,
                target: prior.source,
                relation: t.sense.relation.clone(),
                cameo: t.sense.cameo.clone(),
                goldstein: lex.goldstein(&t.sense.cameo),
                symmetric: false,
                modality,
                confidence: 0.55,
                sentence: si,
                trigger: crate::document::Span::new(
                    tokens[t.start].span.start,
                    tokens[t.end - 1].span.end,
                ),
                source_span: units[a].span,
                target_span: tokens[noun_at].span,
            });
        }
        return;
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // "A and B agreed": a joint act, read in both directions.
    let joint =
        targets.is_empty() && sources.len() >= 2 && t.sense.relation == "cooperates" && !nominal;
    // "a meeting with Kerry and Ashton": one meeting of all; "conversations
    // with his British and French counterparts": one per counterpart.
    let one_event = nominal && !tokens[t.end - 1].lower.ends_with('s');
    // "A and B met" is one meeting of both; "A and B hosted talks" is not.
    let mutual = !matches!(t.sense.cameo.as_str(), "042" | "043");
    // a bare "the visit" with no partner pairs no one
    // "began indirect talks" (object of a verb) pairs the subjects
    let object_of_verb = nominal && {
        let mut k = t.start;
        while k > sent.start
            && (is(DETERMINERS, &tokens[k - 1].lower) || tokens[k - 1].tag().starts_with("JJ"))
        {
            k -= 1;
        }
        k > sent.start && tokens[k - 1].is_verb()
    };
    if reciprocal
        || joint
        || (symmetric
            && targets.is_empty()
            && mutual
            && (!nominal || between_set || object_of_verb))
    {
        for &a in &sources {
            for &b in &sources {
                if a != b && (reciprocal || joint || a < b) {
                    pairs.push((a, b));
                }
            }
        }
    } else if symmetric && one_event {
        let all: Vec<usize> = sources.iter().chain(targets.iter()).copied().collect();
        for (i, &a) in all.iter().enumerate() {
            for &b in &all[i + 1..] {
                pairs.push((a, b));
            }
        }
    } else {
        for &a in &sources {
            for &b in &targets {
                pairs.push((a, b));
            }
        }
    }
    let cameo = t.sense.cameo.clone();
    let goldstein = lex.goldstein(&cameo);
    let trigger_span =
        crate::document::Span::new(tokens[t.start].span.start, tokens[t.end - 1].span.end);
    for (a, b) in pairs {
        let (ua, ub) = (&units[a], &units[b]);
        if ua.actor == ub.actor {
            continue;
        }
        let mut c = confidence;
        if ua.pronoun || ub.pronoun {
            c *= 0.85;
        }
        out.push(Event {
            source: ua.actor,
            target: ub.actor,
            relation: t.sense.relation.clone(),
            cameo: cameo.clone(),
            goldstein,
            symmetric,
            modality,
            confidence: c,
            sentence: si,
            trigger: trigger_span,
            source_span: ua.span,
            target_span: ub.span,
        });
    }
}

/// "condemned the attack": a definite event noun right after the trigger
/// that names a relation, and the latest asserted earlier event of that
/// relation in the document (its agent is what the noun refers to).
fn event_object<'e>(
    tokens: &[Token],
    sent: &Range<usize>,
    from: usize,
    earlier: &'e [Event],
    lex: &Lexicon,
) -> Option<(usize, &'e Event)> {
    let mut k = from;
    while k < sent.end && k < from + 4 {
        let w = tokens[k].lower.as_str();
        if let Some(senses) = lex.triggers.get(w) {
            let noun = senses.iter().find(|s| s.pos == TriggerPos::Noun)?;
            let definite = tokens[from..k].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "the" | "this" | "that" | "these" | "those"
                )
            });
            if !definite {
                return None;
            }
            return earlier
                .iter()
                .rev()
                .find(|e| e.relation == noun.relation && e.modality == Modality::Asserted)
                .map(|e| (k, e));
        }
        if !(is(DETERMINERS, w)
            || tokens[k].tag().starts_with("JJ")
            || matches!(w, "latest" | "recent"))
        {
            return None;
        }
        k += 1;
    }
    None
}

/// "will not", "won't", "refused to", "declined to" before the trigger: the
/// negation is the subject's own choice.
fn volitional_refusal(tokens: &[Token], sent: &Range<usize>, from: usize, at: usize) -> bool {
    let from = from.max(sent.start);
    (from..at).any(|k| {
        let w = tokens[k].lower.as_str();
        let next = tokens.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
        matches!(
            w,
            "refused" | "refuses" | "refuse" | "declined" | "declines"
        ) || matches!(w, "will" | "wo" | "would") && matches!(next, "not" | "n't")
    })
}

/// Verbs that stop what their object names from happening ("blocked the
/// sanctions package", "vetoed the resolution").
const PREVENTING: &[&str] = &[
    "blocked",
    "blocks",
    "block",
    "vetoed",
    "vetoes",
    "veto",
    "rejected",
    "rejects",
    "opposed",
    "opposes",
    "canceled",
    "cancelled",
    "cancels",
    "scrapped",
    "suspended",
    "halted",
    "delayed",
    "postponed",
    "prevented",
    "prevents",
    "averted",
    "called off",
    "ruled out",
    "rules out",
];

/// Modality cues inside a noun phrase: "no meeting", "a possible summit",
/// and "blocked the sanctions package" (a prevented event is negated).
fn nominal_modality(tokens: &[Token], sent: &Range<usize>, at: usize) -> Modality {
    let mut k = at;
    while k > sent.start && at - k < 7 {
        k -= 1;
        let t = &tokens[k];
        let bigram = if k > sent.start {
            format!("{} {}", tokens[k - 1].lower, t.lower)
        } else {
            String::new()
        };
        if is(PREVENTING, &t.lower) || is(PREVENTING, &bigram) {
            return Modality::Negated;
        }
        // participles used as adjectives ("his planned meeting") do not end the phrase
        if t.is_verb() && !matches!(t.tag(), "VBN" | "VBG") {
            break;
        }
    }
    nominal_cues(tokens, sent, at)
}

fn nominal_cues(tokens: &[Token], sent: &Range<usize>, at: usize) -> Modality {
    let mut k = at;
    while k > sent.start && at - k < 4 {
        k -= 1;
        let w = tokens[k].lower.as_str();
        if matches!(w, "no" | "without") {
            return Modality::Negated;
        }
        if is(crate::english::HYPOTHETICAL, w) {
            return Modality::Hypothetical;
        }
        if matches!(w, "the" | "a" | "an" | "," | ";") {
            break;
        }
    }
    Modality::Asserted
}

impl Modality {
    /// The stronger of two modalities: negated over hypothetical over asserted.
    pub fn max_with(self, other: Modality) -> Modality {
        match (self, other) {
            (Modality::Negated, _) | (_, Modality::Negated) => Modality::Negated,
            (Modality::Hypothetical, _) | (_, Modality::Hypothetical) => Modality::Hypothetical,
            _ => Modality::Asserted,
        }
    }
}
