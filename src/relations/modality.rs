//! Modality: whether a relation was asserted, negated or only hypothetical.

use crate::english::{
    ATTEMPT, HYPOTHETICAL, IRREALIS_THAT, NEGATION, SUBORDINATORS, TOPIC_SPEECH_VERBS, is,
};
use crate::text::Token;
use serde::{Deserialize, Serialize};

/// Whether a relation is reported as fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened.
    Asserted,
    /// Reported as not having happened.
    Negated,
    /// Planned, possible, conditional, wished for or asked about.
    Hypothetical,
}

impl Modality {
    /// The more cautious of two readings: negation before hypothesis before
    /// assertion.
    pub fn most_cautious(self, other: Modality) -> Modality {
        let rank = |m: Modality| match m {
            Modality::Asserted => 0,
            Modality::Hypothetical => 1,
            Modality::Negated => 2,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }

    /// Lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// Modality of a trigger at `trigger` whose clause starts at `clause_start`
/// (the subject, or the sentence start), in sentence `sentence`.
pub fn of_trigger(
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    clause_start: usize,
    trigger: usize,
    trigger_end: usize,
) -> Modality {
    let mut negated = false;
    let mut hypothetical = false;
    let from = clause_start.max(sentence.start).min(trigger);
    for k in from..trigger {
        let w = tokens[k].lower.as_str();
        if is(NEGATION, w) {
            // "not only", "no longer ... but" are not negations of the event.
            let next = tokens.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
            if !(w == "not" && next == "only") {
                negated = true;
            }
        }
        if is(HYPOTHETICAL, w) {
            hypothetical = true;
        }
        if w == "rather" && tokens.get(k + 1).is_some_and(|t| t.lower == "than") {
            negated = true;
        }
        // "declined to comment on the talks", "would not say anything
        // about the deal": what came before scopes over the speaking, and
        // the topic keeps its own modality
        if TOPIC_SPEECH_VERBS.contains(w)
            && (k + 1..trigger)
                .take(3)
                .any(|j| matches!(tokens[j].lower.as_str(), "on" | "about"))
        {
            negated = false;
            hypothetical = false;
        }
    }
    // "has yet to meet": not yet happened
    if trigger >= sentence.start + 2
        && tokens[trigger - 1].lower == "to"
        && tokens[trigger - 2].lower == "yet"
    {
        negated = true;
    }
    // Infinitive: "plans to meet" is hypothetical, "tried to get" is an act.
    if trigger > sentence.start && tokens[trigger - 1].lower == "to" && trigger >= 2 {
        let gov = tokens[trigger - 2].lower.as_str();
        if !is(ATTEMPT, gov) {
            hypothetical = true;
        }
    }
    // A clause opened by "if"/"whether" before the subject.
    for k in (sentence.start..from).rev().take(3) {
        let w = tokens[k].lower.as_str();
        if matches!(w, "if" | "whether" | "unless") {
            hypothetical = true;
        }
        if w == "that" && k > sentence.start && is(IRREALIS_THAT, &tokens[k - 1].lower) {
            hypothetical = true;
        }
        // "denied that A had met B"
        if w == "that"
            && k > sentence.start
            && matches!(
                tokens[k - 1].lower.as_str(),
                "denied" | "denies" | "deny" | "denying" | "refuted" | "disputed"
            )
        {
            negated = true;
        }
        if is(SUBORDINATORS, w) {
            break;
        }
    }
    // "a meeting ... was canceled", "talks ... were called off".
    for t in &tokens[trigger_end..(trigger_end + 6).min(sentence.end)] {
        let w = t.lower.as_str();
        if matches!(
            w,
            "canceled" | "cancelled" | "postponed" | "scrapped" | "aborted"
        ) {
            negated = true;
        }
        if matches!(w, "." | ";" | "and" | "but") {
            break;
        }
    }
    if tokens[sentence.end - 1].lower == "?" {
        hypothetical = true;
    }
    if negated {
        Modality::Negated
    } else if hypothetical {
        Modality::Hypothetical
    } else {
        Modality::Asserted
    }
}
