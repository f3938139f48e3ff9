//! Mentions stage: where the text names an actor.
//!
//! Three sources, in order of trust: the gazetteer (every surface form of a
//! known actor, matched on folded tokens with case checks), titles before a
//! capitalised name ("Envoy Steve Witkov", "Kremlin spokesman Dmitry
//! Peskov"), and capitalised names in speaker position ("Oberchuk said").
//! Pronouns and descriptions ("the two leaders", "the assembly") are found
//! here too and resolved by the next stage.

use crate::document::Span;
use crate::lexicon::{ActorKind, Form, Lexicon};
use crate::text::{Analysis, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// A surface form from the lexicon.
    Gazetteer(Form),
    /// A capitalised name after a title or role word.
    Title,
    /// A capitalised name found from context (speech verb, tagger).
    Context,
    /// A personal or possessive pronoun.
    Pronoun,
    /// A definite description ("the envoy", "the two leaders").
    Description,
    /// A body of a state named with its country ("the Russian Foreign
    /// Ministry", "Ukrainian forces", "the Kiev government").
    StateBody,
    /// A name found by the learned tagger.
    Model,
    /// A country or organisation inside a person's title ("Kremlin
    /// spokesman", "Russian President"): not an actor of its own, but a
    /// possible antecedent of a later pronoun.
    InTitle,
    /// A capital used as a place ("met in Doha"): not an actor, but no
    /// other detector may read it as a name either.
    Venue,
    /// A country named as the place where something happens ("a base in
    /// southern Turkey"): not an actor, but it still says which state the
    /// passage is about.
    Place,
    /// A group described by a noun phrase ("Chechen rebels", "heavily
    /// armed men", "the ruling military council"); the name is the phrase
    /// without determiners, numbers or quantifiers, which stand in `title`.
    Group,
}

/// One place where the text refers to an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Tokens of the name itself (without title).
    pub tokens: Range<usize>,
    /// Byte span of the name.
    pub span: Span,
    /// Title or role tokens right before the name, if any.
    pub title: Option<Range<usize>>,
    /// Kind of actor referred to (a guess for pronouns).
    pub kind: ActorKind,
    /// How the mention was found.
    pub how: How,
    /// The lexicon actor, when the form is known.
    pub lexicon: Option<usize>,
    /// The name as written (folded), used to resolve unknown actors.
    pub name: String,
    /// Index of the resolved actor in the document (set by `resolve`).
    pub actor: Option<usize>,
}

impl Mention {
    /// A mention of a lexicon actor through one of its surface forms.
    fn known(
        tokens: Range<usize>,
        span: Span,
        pat: &crate::lexicon::Pattern,
        lex: &Lexicon,
    ) -> Mention {
        let actor = &lex.actors[pat.actor];
        Mention {
            tokens,
            span,
            title: None,
            kind: actor.kind,
            how: How::Gazetteer(pat.form),
            lexicon: Some(pat.actor),
            name: actor.name.clone(),
            actor: None,
        }
    }
}

/// Matcher for every surface form in the lexicon.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    /// For each automaton pattern: indices into `Lexicon::patterns`.
    entries: Vec<Vec<usize>>,
    /// Single-word keys and their `entries` slot, for parts of hyphenated
    /// words ("Israeli-Hamas war").
    single: HashMap<String, usize>,
}

impl Gazetteer {
    /// Builds the matcher over the lexicon's patterns.
    ///
    /// # Panics
    /// When the matcher cannot be built; [`Gazetteer::try_new`] returns
    /// the error instead.
    #[allow(clippy::expect_used)] // kept for existing callers; the pipeline uses try_new
    pub fn new(lex: &Lexicon) -> Self {
        Self::try_new(lex).expect("gazetteer patterns are plain strings")
    }

    /// Builds the matcher over the lexicon's patterns, or says why it
    /// cannot (a lexicon too large for the automaton).
    pub fn try_new(lex: &Lexicon) -> Result<Self, aho_corasick::BuildError> {
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<usize>> = Vec::new();
        for (i, p) in lex.patterns.iter().enumerate() {
            let slot = *by_key.entry(p.key.as_str()).or_insert_with(|| {
                keys.push(format!(" {} ", p.key));
                entries.push(Vec::new());
                keys.len() - 1
            });
            entries[slot].push(i);
        }
        // Names beat capitals beat seats beat demonyms when a form is shared.
        for e in &mut entries {
            e.sort_by_key(|&i| (lex.patterns[i].form, i));
        }
        let single = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !k.trim().contains(' '))
            .map(|(i, k)| (k.trim().to_string(), i))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)?;
        Ok(Gazetteer {
            automaton,
            entries,
            single,
        })
    }
}

/// Words that are personal or possessive pronouns, with their kind guess.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "we", "our", "us", "i",
    "my",
];

/// Verbs of saying: a capitalised name right before one is a speaker.
pub use crate::english::SPEECH as SPEECH_VERBS;

fn capitalized(t: &Token) -> bool {
    t.is_capitalized()
}

/// True when the token can be part of a person's name.
fn name_token(t: &Token) -> bool {
    if !capitalized(t) || t.norm.len() < 2 && !t.norm.ends_with('.') {
        return false;
    }
    // Name particles are handled by the caller.
    t.norm
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
}

const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "al", "el", "van", "von", "de", "da", "del", "der", "la", "le", "ibn", "abu",
    "di", "du",
];

const NON_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "of",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr.",
    "there",
    "here",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "instead",
    "also",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "north",
    "south",
    "east",
    "west",
    "western",
    "eastern",
    "northern",
    "southern",
    "state",
    "media",
    "news",
    "reuters",
];

/// Whether a word cannot be (or start) a name: a function word, a
/// pronoun, a day or a month.
fn non_name(w: &str) -> bool {
    NON_NAMES.contains(&w)
        || crate::english::WEEKDAYS.contains(&w)
        || crate::english::MONTH_NAMES.contains(&w)
}

/// Finds every mention in a document.
pub fn find(text: &str, analysis: &Analysis, lex: &Lexicon, gaz: &Gazetteer) -> Vec<Mention> {
    let tokens = &analysis.tokens;
    // An agency header names the reporter and the filing place, no actor.
    let mut in_dateline = vec![false; tokens.len()];
    for r in &analysis.datelines {
        in_dateline[r.clone()].fill(true);
    }
    let outside_datelines = |m: &Mention| !in_dateline[m.tokens.clone()].contains(&true);
    let mut mentions = gazetteer_mentions(tokens, analysis, lex, gaz);
    mentions.retain(outside_datelines);
    extend_first_names(tokens, analysis, &mut mentions, lex);
    extend_state_bodies(tokens, &mut mentions, lex);
    pro_groups(text, tokens, analysis, &mut mentions);
    group_phrases(text, tokens, analysis, &mut mentions, lex);
    public_bodies(text, tokens, analysis, &mut mentions, lex);
    bare_troops(tokens, analysis, &mut mentions);
    group_holdings(text, tokens, analysis, &mut mentions);
    country_venues(tokens, &mut mentions);
    mentions.retain(|m| !one_national(tokens, m) && !names_money(tokens, m));
    let mut taken = in_dateline.clone();
    for m in &mentions {
        for i in m.tokens.clone() {
            taken[i] = true;
        }
    }
    // The mentions found so far, by the sentences they overlap: the model's
    // names look only at their own sentence's mentions, so that the cost
    // stays linear in the length of a long document.
    let mut earlier_in: Vec<Vec<usize>> = vec![Vec::new(); analysis.sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        let first = analysis
            .sentences
            .partition_point(|s| s.tokens.end <= m.tokens.start);
        for (k, s) in analysis.sentences.iter().enumerate().skip(first) {
            if s.tokens.start >= m.tokens.end.max(m.tokens.start + 1) {
                break;
            }
            earlier_in[k].push(i);
        }
    }
    let mut swallowed = Swallowed::default();
    for (si, s) in analysis.sentences.iter().enumerate() {
        let mut sentence_mentions = SentenceMentions {
            earlier: &earlier_in[si],
            first_new: mentions.len(),
            swallowed: &mut swallowed,
        };
        let all_caps = sentence_is_upper(&tokens[s.tokens.clone()]);
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if taken[i] {
                i += 1;
                continue;
            }
            // Title + name: "spokesman Dmitry Peskov", "Envoy Steve Witkov".
            if let Some(tlen) = title_at(tokens, i, s.tokens.end, lex) {
                let start = i + tlen;
                let end = name_run(tokens, start, s.tokens.end, &taken);
                if end > start && !all_caps {
                    push_new(
                        &mut mentions,
                        &mut taken,
                        text,
                        tokens,
                        i..start,
                        start..end,
                        How::Title,
                    );
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        // Capitalised names before a speech verb: "Oberchuk said".
        for v0 in s.tokens.clone() {
            // "the Baltic states": a speech verb's form used as a noun
            if !SPEECH_VERBS.contains(&tokens[v0].lower.as_str())
                || v0 == s.tokens.start
                || all_caps
                || tokens[v0].tag().starts_with("NN")
                    && !tokens
                        .get(v0 + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "that" | "," | ":" | "\""))
            {
                continue;
            }
            // "Lebed himself said"
            let v = if matches!(tokens[v0 - 1].lower.as_str(), "himself" | "herself") {
                v0 - 1
            } else {
                v0
            };
            let mut start = v;
            while start > s.tokens.start
                && !taken[start - 1]
                && name_token(&tokens[start - 1])
                && !non_name(&tokens[start - 1].lower)
            {
                start -= 1;
            }
            if start < v
                && v - start <= 4
                && !(start > s.tokens.start && is_venue_preposition(&tokens[start - 1].lower))
                && !tokens[start..v].iter().any(|t| {
                    ORG_HEADS.contains(&t.lower.as_str())
                        || lex.state_bodies.binary_search(&t.lower).is_ok()
                        || crate::english::is(crate::english::BLOC_ADJECTIVES, &t.lower)
                })
                && (tokens[start..v].iter().all(|t| {
                    t.pos.is_none()
                        || t.tag().starts_with("NNP")
                        || t.tag() == "NNS"
                            && !crate::english::GENERIC_SUBJECTS.contains(&t.lower.as_str())
                }) || start == s.tokens.start && v - start == 1 && opening_name(&tokens[start]))
            {
                push_new(
                    &mut mentions,
                    &mut taken,
                    text,
                    tokens,
                    start..start,
                    start..v,
                    How::Context,
                );
                // "Acme Corp said": a company's legal form makes the
                // speaker no person ("Rosati said it had changed": "it" may
                // be a state named before, so it says nothing)
                if is_company_suffix(&tokens[v - 1].lower)
                    && let Some(m) = mentions.last_mut()
                {
                    m.kind = ActorKind::Organization;
                }
            }
        }
        if !all_caps {
            model_mentions(
                text,
                tokens,
                s.tokens.clone(),
                &mut mentions,
                &mut sentence_mentions,
                &mut taken,
                lex,
            );
            opening_surname(
                text,
                tokens,
                s.tokens.clone(),
                &mut mentions,
                &mut taken,
                lex,
            );
            coordinated_surnames(text, tokens, s.tokens.clone(), &mut mentions, &mut taken);
            spokesman_organisations(
                text,
                tokens,
                s.tokens.clone(),
                &mut mentions,
                &mut taken,
                lex,
            );
        }
        for i in s.tokens.clone() {
            if taken[i] {
                continue;
            }
            let l = tokens[i].lower.as_str();
            if PRONOUNS.contains(&l) {
                let kind = if matches!(l, "he" | "him" | "his" | "she" | "her" | "i" | "my") {
                    ActorKind::Person
                } else {
                    ActorKind::Country
                };
                let pronoun = Mention {
                    tokens: i..i + 1,
                    span: tokens[i].span,
                    title: None,
                    kind,
                    how: How::Pronoun,
                    lexicon: None,
                    name: l.to_string(),
                    actor: None,
                };
                // "they" may stand for a coordinated pair ("Britain and
                // France ... They"): a second copy takes the partner.
                let partner = matches!(l, "they" | "them" | "their").then(|| Mention {
                    name: format!("{l}+"),
                    ..pronoun.clone()
                });
                // the first copy resolves first: the partner copy follows it
                mentions.push(pronoun);
                mentions.extend(partner);
            }
        }
    }
    swallowed.remove_from(&mut mentions);
    descriptions(tokens, analysis, &mut mentions, lex);
    mentions.retain(outside_datelines);
    mentions.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    absorb_titles(analysis, &mut mentions, lex);
    national_offices(analysis, &mut mentions);
    mentions
}

/// The length in tokens of a national office ("president", "prime
/// minister") starting at token `i`, if one does.
fn office_at(tokens: &[Token], i: usize, end: usize) -> Option<usize> {
    let room = &tokens[i..end.max(i)];
    crate::english::NATIONAL_OFFICES
        .iter()
        .filter_map(|office| {
            let len = office.split(' ').count();
            (len <= room.len() && office.split(' ').zip(room).all(|(w, t)| t.lower == w))
                .then_some(len)
        })
        .max()
}

/// A state's office with no name after it, "the Israeli president",
/// "Moroccan King meets ...", "the king of Morocco", is a description of
/// its holder: the mention of the state becomes a description of the
/// office (`name` is the office, `lexicon` keeps the state) that the
/// resolve stage links to the holder named earlier, or else to the state.
/// An office used as a modifier ("the English premier league") or before
/// a name ("Israeli President Ezer Weizman", a title) is no description.
fn national_offices(analysis: &Analysis, mentions: &mut [Mention]) {
    let tokens = &analysis.tokens;
    let starts: std::collections::HashSet<usize> =
        mentions.iter().flat_map(|m| m.tokens.clone()).collect();
    for m in mentions.iter_mut() {
        if m.kind != ActorKind::Country || m.lexicon.is_none() || m.tokens.len() != 1 {
            continue;
        }
        let p = m.tokens.start;
        let Some(s) = analysis
            .sentence_of(p)
            .map(|s| analysis.sentences[s].tokens.clone())
        else {
            continue;
        };
        let is_the = |i: usize| i >= s.start && tokens[i].lower == "the";
        // (first token, one past the office, first token of the office)
        let found = match m.how {
            How::Gazetteer(Form::Demonym) => {
                let first = if p > s.start && is_the(p - 1) {
                    p - 1
                } else if p == s.start {
                    p
                } else {
                    continue;
                };
                office_at(tokens, p + 1, s.end).map(|len| (first, p + 1 + len, p + 1))
            }
            How::Gazetteer(Form::Name) if p >= s.start + 3 => {
                if tokens[p - 1].lower != "of" {
                    continue;
                }
                // "the king of Morocco", "the prime minister of Israel"
                (1..=2)
                    .filter(|&len| p >= s.start + 2 + len)
                    .find(|&len| {
                        office_at(tokens, p - 1 - len, p - 1) == Some(len) && is_the(p - 2 - len)
                    })
                    .map(|len| (p - 2 - len, p + 1, p - 1 - len))
            }
            _ => None,
        };
        let Some((first, end, office)) = found else {
            continue;
        };
        let after = tokens.get(end).filter(|_| end < s.end);
        let before_name = after.is_some_and(|t| name_token(t) && !non_name(&t.lower));
        let modifier =
            m.how != How::Gazetteer(Form::Name) && after.is_some_and(|t| t.tag().starts_with("NN"));
        if before_name || modifier || (office..end).any(|i| i != p && starts.contains(&i)) {
            continue;
        }
        let office_end = if m.how == How::Gazetteer(Form::Name) {
            p - 1
        } else {
            end
        };
        m.name = tokens[office..office_end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        m.tokens = first..end;
        m.span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
        m.how = How::Description;
        m.kind = ActorKind::Person;
    }
}

/// Words that open a sentence before a speech verb without being names.
const INDEFINITES: &[&str] = &[
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "others",
    "many",
    "most",
    "some",
    "few",
    "all",
    "each",
    "both",
    "none",
    "one",
    "another",
    "radio",
    "television",
    "police",
    "everything",
    "nothing",
    "something",
    "who",
    "which",
    "what",
];

/// A capitalised word that opens a sentence and stands alone before a
/// speech verb ("Lebed said"): a bare singular noun cannot be a subject
/// in English, so it is a name, whatever tag the capital misled the
/// tagger into ("Lebed" looks like a participle).
fn opening_name(t: &Token) -> bool {
    !matches!(
        t.tag(),
        "DT" | "PRP" | "PRP$" | "CD" | "WP" | "WDT" | "EX" | "NNS" | "IN" | "CC" | "RB" | "MD"
    ) && !INDEFINITES.contains(&t.lower.as_str())
        && !crate::english::GENERIC_SUBJECTS.contains(&t.lower.as_str())
}

/// "Lebed interrupted talks ...", "Maskhadov, who ...": a capitalised word
/// that opens a sentence and is no common English word, followed by a verb
/// or a relative clause, is a person's surname. The tagger misses these:
/// the capital letter of a sentence's first word says nothing, and a name
/// it never saw looks like any other unknown word.
fn opening_surname(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
    lex: &Lexicon,
) {
    let i = sentence.start;
    if sentence.len() < 3 || taken[i] {
        return;
    }
    let t = &tokens[i];
    let mut chars = t.norm.chars();
    let shaped = chars.next().is_some_and(|c| c.is_uppercase())
        && t.norm.chars().count() >= 3
        && chars.all(|c| c.is_lowercase());
    if !shaped
        || crate::english::is_common_word(&t.lower)
        || non_name(&t.lower)
        || lex.person_titles.binary_search(&t.lower).is_ok()
        || crate::english::GENERIC_SUBJECTS.contains(&t.lower.as_str())
    {
        return;
    }
    let next = &tokens[i + 1];
    // "Rockets fired by ..." opens with a noun and a reduced passive clause
    let passive_participle = tokens.get(i + 2).is_some_and(|t| t.lower == "by");
    let verb_follows = next.norm.chars().all(|c| c.is_lowercase())
        && !passive_participle
        && (matches!(next.tag(), "VBD" | "VBZ" | "MD") || next.lower.ends_with("ed"));
    let relative_follows =
        next.lower == "," && matches!(tokens[i + 2].lower.as_str(), "who" | "whom");
    // "Ibrahim's assistant ...": a possessive before a common noun
    let possessive_follows = next.lower == "'s"
        && !place_shaped(&t.lower)
        && tokens[i + 2].norm.chars().all(|c| c.is_lowercase())
        && tokens[i + 2].tag().starts_with("NN");
    if verb_follows || relative_follows || possessive_follows {
        push_new(mentions, taken, text, tokens, i..i, i..i + 1, How::Context);
    }
}

/// "Neither Lebed nor Maskhadov", "Orr and Ingram": a capitalised word
/// coordinated with a person's name is a name too, whatever tag the tagger
/// gave it (an unknown name in -ed looks like a participle). Only words that
/// are no common English word count ("Police and Smith" stays police).
fn coordinated_surnames(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
) {
    let person_at = |mentions: &[Mention], k: usize| {
        mentions.iter().any(|m| {
            m.kind == ActorKind::Person
                && m.tokens.contains(&k)
                && !matches!(m.how, How::Pronoun | How::Description | How::InTitle)
        })
    };
    for c in sentence.start + 1..sentence.end.saturating_sub(1) {
        if !matches!(tokens[c].lower.as_str(), "and" | "or" | "nor") {
            continue;
        }
        for (cand, other) in [(c - 1, c + 1), (c + 1, c - 1)] {
            let t = &tokens[cand];
            let mut chars = t.norm.chars();
            let shaped = chars.next().is_some_and(|ch| ch.is_uppercase())
                && t.norm.chars().count() >= 3
                && chars.all(|ch| ch.is_lowercase());
            // a name of several words is the tagger's to find
            let alone = |k: usize| {
                k < sentence.start
                    || k >= sentence.end
                    || !tokens[k].is_capitalized()
                    || k == sentence.start
                        && (crate::english::is_common_word(&tokens[k].lower)
                            || non_name(&tokens[k].lower))
            };
            // "Chechen rebel chief Maskhadov": a word before a common noun modifies it
            let modifier = tokens.get(cand + 1).is_some_and(|n| {
                cand + 1 < sentence.end
                    && (n.tag().starts_with("NN") || n.tag() == "JJ")
                    && !n.is_capitalized()
            });
            let outer = if cand < c {
                cand.checked_sub(1)
            } else {
                Some(cand + 1)
            };
            if !shaped
                || taken[cand]
                || !outer.is_none_or(alone)
                || crate::english::is_common_word(&t.lower)
                || non_name(&t.lower)
                || !person_at(mentions, other)
                || modifier
            {
                continue;
            }
            push_new(
                mentions,
                taken,
                text,
                tokens,
                cand..cand,
                cand..cand + 1,
                How::Context,
            );
        }
    }
}

/// "A Costain spokesman told Reuters": a capitalised name between an
/// article and "spokesman" (with no person's name after it) is the body the
/// spokesman speaks for, an organisation the gazetteer and the tagger may
/// not know. A state body ("A Foreign Ministry spokesman") is no
/// organisation of its own.
fn spokesman_organisations(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
    lex: &Lexicon,
) {
    for w in sentence.start + 2..sentence.end {
        if !matches!(
            tokens[w].lower.as_str(),
            "spokesman" | "spokeswoman" | "spokesperson"
        ) || taken[w]
            || tokens
                .get(w + 1)
                .is_some_and(|n| w + 1 < sentence.end && name_token(n))
        {
            continue;
        }
        let mut start = w;
        while start > sentence.start + 1
            && w - start < 3
            && !taken[start - 1]
            && name_token(&tokens[start - 1])
            && (tokens[start - 1].tag().starts_with("NNP")
                || !crate::english::is_common_word(&tokens[start - 1].lower))
            && !non_name(&tokens[start - 1].lower)
        {
            start -= 1;
        }
        if start == w
            || !matches!(tokens[start - 1].lower.as_str(), "a" | "an" | "the")
            || (start..w).any(|k| {
                lex.state_bodies.binary_search(&tokens[k].lower).is_ok()
                    || lex.person_titles.binary_search(&tokens[k].lower).is_ok()
            })
        {
            continue;
        }
        push_new(
            mentions,
            taken,
            text,
            tokens,
            start..start,
            start..w,
            How::Context,
        );
        if let Some(m) = mentions.last_mut() {
            m.kind = ActorKind::Organization;
        }
    }
}

fn sentence_is_upper(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.norm.chars().any(|c| c.is_alphabetic()))
        .collect();
    words.len() >= 3
        && words
            .iter()
            .all(|t| !t.norm.chars().any(|c| c.is_lowercase()))
}

/// Length in tokens of a title starting at `i`, if any (longest first).
fn title_at(tokens: &[Token], i: usize, end: usize, lex: &Lexicon) -> Option<usize> {
    // Every key below starts with the first token, and the sorted titles
    // that start with it lie together from where it would be inserted:
    // when none does (most tokens), no key can match.
    let titles = &lex.person_titles;
    let first = tokens.get(i)?.lower.as_str();
    let from = titles.partition_point(|t| t.as_str() < first);
    if !titles.get(from).is_some_and(|t| t.starts_with(first)) {
        return None;
    }
    for len in (1..=4).rev() {
        if i + len > end {
            continue;
        }
        let key = tokens[i..i + len]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if lex.person_titles.binary_search(&key).is_ok() {
            return Some(len);
        }
    }
    None
}

/// End of a run of capitalised name tokens starting at `start` (at most 5).
fn name_run(tokens: &[Token], start: usize, end: usize, taken: &[bool]) -> usize {
    let mut j = start;
    while j < end && j - start < 6 && !taken[j] {
        let t = &tokens[j];
        let lower = t.lower.as_str();
        let name = name_token(t) && !non_name(lower);
        let particle = j > start
            && NAME_PARTICLES.contains(&lower)
            && j + 1 < end
            && name_token(&tokens[j + 1]);
        let article = j > start && (lower.starts_with("al-") || lower.starts_with("el-"));
        if name || particle || article {
            j += 1;
        } else {
            break;
        }
    }
    // A name never ends on a particle.
    while j > start && NAME_PARTICLES.contains(&tokens[j - 1].lower.as_str()) {
        j -= 1;
    }
    j
}

fn push_new(
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
    text: &str,
    tokens: &[Token],
    title: Range<usize>,
    name: Range<usize>,
    how: How,
) {
    let span = Span::new(tokens[name.start].span.start, tokens[name.end - 1].span.end);
    let name_str = crate::text::fold(&text[span.start..span.end]);
    for k in name.clone() {
        taken[k] = true;
    }
    mentions.push(Mention {
        tokens: name,
        span,
        title: if title.is_empty() { None } else { Some(title) },
        kind: ActorKind::Person,
        how,
        lexicon: None,
        name: name_str,
        actor: None,
    });
}

fn gazetteer_mentions(
    tokens: &[Token],
    analysis: &Analysis,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in &analysis.sentences {
        let stoks = &tokens[s.tokens.clone()];
        let all_caps = sentence_is_upper(stoks);
        hyphen_parts(tokens, s.tokens.clone(), lex, gaz, &mut out);
        // " tok tok tok " with the token index of every token start.
        let mut hay = String::from(" ");
        let mut starts: Vec<(usize, usize)> = Vec::with_capacity(stoks.len());
        for (k, t) in stoks.iter().enumerate() {
            starts.push((hay.len(), s.tokens.start + k));
            hay.push_str(&t.lower);
            hay.push(' ');
        }
        let token_at = |byte: usize| {
            starts
                .binary_search_by_key(&byte, |&(b, _)| b)
                .ok()
                .map(|p| starts[p].1)
        };
        // Keys share their boundary spaces with their neighbours. A match
        // that fails its case test ("who" as WHO) gives its closing space
        // back, so that the name right after it is found ("who Baghdad
        // says"); a kept match keeps it, so that the word after a kept
        // name is left to the group and organisation rules ("Bosnian
        // Serbs", "Indonesian Democratic Party").
        let mut from = 0;
        while let Some(m) = gaz
            .automaton
            .find(aho_corasick::Input::new(&hay).range(from..))
        {
            from = m.end() - 1;
            // The key is " a b c ": the match starts at the space before `a`.
            let Some(first) = token_at(m.start() + 1) else {
                continue;
            };
            let Some(after) = token_at(m.end()).or(if m.end() + 1 >= hay.len() {
                Some(s.tokens.end)
            } else {
                None
            }) else {
                continue;
            };
            let range = first..after;
            let entry = gaz.entries[m.pattern().as_usize()]
                .iter()
                .copied()
                .find(|&p| case_ok(&lex.patterns[p].tokens, &tokens[range.clone()], all_caps));
            let Some(p) = entry else { continue };
            from = m.end();
            let pat = &lex.patterns[p];
            if pat.form == Form::Capital
                && first > s.tokens.start
                && is_venue_preposition(&tokens[first - 1].lower)
                && !aimed_at(tokens, s.tokens.start, first)
            {
                let span = Span::new(tokens[first].span.start, tokens[after - 1].span.end);
                let mut m = Mention::known(range, span, pat, lex);
                m.how = How::Venue; // "met in Doha": a venue, not an actor
                out.push(m);
                continue;
            }
            let span = Span::new(tokens[first].span.start, tokens[after - 1].span.end);
            out.push(Mention::known(range, span, pat, lex));
        }
    }
    out
}

/// "fined 10,000 Swiss francs", "the U.S. dollar rose": a state's name or
/// nationality word before a currency noun names money, not the state.
fn names_money(tokens: &[Token], m: &Mention) -> bool {
    m.kind == ActorKind::Country
        && matches!(m.how, How::Gazetteer(Form::Demonym | Form::Name))
        && tokens
            .get(m.tokens.end)
            .is_some_and(|t| crate::english::is(crate::english::CURRENCIES, &t.lower))
}

/// "suspended the Brazilian for one game", "an American was hurt": a
/// singular nationality noun after an article is one person of that
/// nation, not the state. Collective forms ("the British", "the French",
/// "the Chinese", "the Swiss") stand for the nation and stay.
fn one_national(tokens: &[Token], m: &Mention) -> bool {
    if m.how != How::Gazetteer(Form::Demonym) || m.tokens.len() != 1 {
        return false;
    }
    let w = tokens[m.tokens.start].lower.as_str();
    // "the 11th-ranked Frenchman", "a Briton": a noun for one man or woman
    // of a nation is a person wherever it stands
    // ("German" and "Roman" are adjectives: only the -chman, -shman and
    // -sman compounds count)
    let one_person = ["chman", "shman", "sman", "woman"]
        .iter()
        .any(|e| w.ends_with(e));
    if one_person || w == "briton" {
        return true;
    }
    if m.tokens.start == 0 {
        return false;
    }
    let collective = ["s", "sh", "ch", "ese", "ss"]
        .iter()
        .any(|e| w.ends_with(e));
    let article = matches!(
        tokens[m.tokens.start - 1].lower.as_str(),
        "a" | "an" | "the"
    );
    // "the Brazilian for", "an Iraqi ." but not "the Brazilian team" nor
    // "the Mexican and U.S. agencies"
    let head = tokens.get(m.tokens.end).is_none_or(|t| {
        !(t.is_capitalized()
            || t.tag().starts_with("NN")
            || t.tag() == "JJ"
            || matches!(t.lower.as_str(), "and" | "or" | "," | "-" | "/"))
    });
    article && !collective && head
}

/// "a base in southern Turkey", "a camp near Pakistan", "fled to safety in
/// Jordan": a country named after "in", "near" or "outside" is where
/// something happens, not who acts: a place, like a capital after a
/// preposition of place. A possessive ("in Russia's affairs"), a state body
/// ("in the Iraqi army") or a situation the state is the subject of ("the
/// crisis in Sudan") keep the state.
fn country_venues(tokens: &[Token], mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.kind != ActorKind::Country || m.how != How::Gazetteer(Form::Name) {
            continue;
        }
        if tokens
            .get(m.tokens.end)
            .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "'"))
        {
            continue;
        }
        let mut k = m.tokens.start;
        while k > 0 && (tokens[k - 1].lower == "the" || is_compass_word(&tokens[k - 1].lower)) {
            k -= 1;
        }
        // "the crisis in Sudan", "violence in Algeria": the state is what
        // the situation is about, an actor of the passage
        // ("closed its embassy in Chad": the host state of a mission is a
        // party to what is done to the mission)
        let topic = k > 1
            && (crate::english::is(crate::english::SITUATION_NOUNS, &tokens[k - 2].lower)
                || crate::english::is(crate::english::MISSION_NOUNS, &tokens[k - 2].lower));
        // not "at" ("lashed out at Canada") nor "inside" ("struck targets
        // deep inside Russia"): the state is often the one aimed at
        let place_word = k > 0 && matches!(tokens[k - 1].lower.as_str(), "in" | "near" | "outside");
        // "in East Timor, which Indonesia invaded": a relative clause whose
        // subject follows the pronoun makes the place what its verb acts on
        // ("a base in Chad, which lies ..." stays a place)
        let relative = tokens.get(m.tokens.end).is_some_and(|t| t.lower == ",")
            && tokens
                .get(m.tokens.end + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "which" | "that"))
            && tokens
                .get(m.tokens.end + 2)
                .is_some_and(|t| matches!(t.tag(), "NNP" | "NNPS" | "PRP" | "DT"));
        if place_word && !topic && !relative {
            m.how = How::Place;
        }
    }
}

/// A word naming a part of a country by its direction ("southern",
/// "north-west").
fn is_compass_word(w: &str) -> bool {
    let w = w.strip_suffix("ern").unwrap_or(w);
    let w = w.replace('-', "");
    ["north", "south", "east", "west", "central"]
        .iter()
        .any(|d| {
            w == *d
                || w.strip_prefix(d)
                    .is_some_and(|r| matches!(r, "east" | "west"))
        })
}

/// Whether the name at `i` follows an "at" that aims an act at it: "lashed
/// out at Yeltsin", "fired at Washington", "hit back at Lebed" (a verb, or
/// a verb and its particle, right before "at"), not a place ("met at").
fn aimed_at(tokens: &[Token], sent_start: usize, i: usize) -> bool {
    let verb_or_particle =
        |t: &Token| matches!(t.tag(), "RP" | "VBD" | "VBZ" | "VBP" | "VB" | "VBG" | "VBN");
    i > sent_start + 1
        && tokens[i - 1].lower == "at"
        && (verb_or_particle(&tokens[i - 2])
            && !crate::english::is(crate::english::PLACE_AT_VERBS, &tokens[i - 2].lower)
            || i > sent_start + 2
                && matches!(tokens[i - 2].lower.as_str(), "back" | "out" | "away")
                && tokens[i - 3].is_verb()
            // "fired missiles at Riyadh": a verb and its one-word object
            || i > sent_start + 2
                && tokens[i - 2].tag() == "NNS"
                && tokens[i - 3].is_verb()
                && !crate::english::is(crate::english::PLACE_AT_VERBS, &tokens[i - 3].lower))
}

fn is_venue_preposition(w: &str) -> bool {
    matches!(w, "in" | "at" | "near" | "outside" | "around" | "inside")
}

/// A capitalised pattern token needs a capitalised text token; an all-caps
/// acronym needs all caps (so "us" is never the US and "who" never the WHO).
fn case_ok(pattern: &[String], text: &[Token], all_caps_sentence: bool) -> bool {
    if all_caps_sentence {
        return true;
    }
    pattern.iter().zip(text).all(|(p, t)| {
        let p_cap = p.chars().next().is_some_and(|c| c.is_uppercase());
        let p_acronym = p.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !p.chars().any(|c| c.is_lowercase());
        if p_acronym {
            !t.norm.chars().any(|c| c.is_lowercase())
        } else if p_cap {
            t.is_capitalized()
        } else {
            true
        }
    })
}

/// Words that may stand inside a title chain before a name ("former",
/// "then", "acting") without being titles themselves.
const TITLE_FILLERS: &[&str] = &[
    "former", "then", "acting", "interim", "outgoing", "incoming", "new", "top", "senior",
    "deputy", "vice", "chief", "special", "foreign", "defense", "defence", "state", "'s", "of",
    "for", "and", "the",
];

/// Extends each person mention leftwards over its title chain ("Russian
/// President", "Kremlin spokesman", "US Assistant Secretary of State for
/// European Affairs") and drops the country or organisation mentions inside
/// it: a nationality or seat inside a title is not an actor of its own.
/// Returns, for each kept person mention, the lexicon actor of the last
/// absorbed country (its affiliation hint).
pub fn absorb_titles(analysis: &Analysis, mentions: &mut [Mention], lex: &Lexicon) {
    let tokens = &analysis.tokens;
    let mut drop = vec![false; mentions.len()];
    // Index look-ups keep this linear in the length of the document.
    let sentence_start = |i: usize| {
        analysis
            .sentence_of(i)
            .map_or(0, |k| analysis.sentences[k].tokens.start)
    };
    let mut ending_at: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    for (q, m) in mentions.iter().enumerate() {
        if m.tokens.start < m.tokens.end {
            ending_at.entry(m.tokens.end).or_insert(q);
        }
    }
    let title_words: foldhash::HashSet<&str> = lex
        .person_titles
        .iter()
        .flat_map(|t| t.split(' '))
        .collect();
    for p in 0..mentions.len() {
        if mentions[p].kind != ActorKind::Person
            || !matches!(
                mentions[p].how,
                How::Gazetteer(_) | How::Title | How::Context | How::Model
            )
        {
            continue;
        }
        let s0 = sentence_start(mentions[p].tokens.start);
        let mut start = mentions[p]
            .title
            .as_ref()
            .map(|t| t.start)
            .unwrap_or(mentions[p].tokens.start);
        let mut saw_title = mentions[p].title.is_some();
        let mut absorbed: Vec<usize> = Vec::new();
        let mut k = start;
        while k > s0 {
            let t = &tokens[k - 1];
            let l = t.lower.as_str();
            if let Some(&q) = ending_at.get(&k) {
                let m = &mentions[q];
                if m.kind == ActorKind::Person || !saw_title || m.how == How::Pronoun {
                    break;
                }
                absorbed.push(q);
                k = m.tokens.start;
                start = k;
                continue;
            }
            if title_words.contains(l) {
                saw_title = true;
                k -= 1;
                start = k;
            } else if saw_title
                && t.tag() == "NN"
                && !t.is_capitalized()
                && lex.person_titles.binary_search(&tokens[k].lower).is_ok()
            {
                // a noun naming the field of a title: "trade minister", "security chief"
                k -= 1;
                start = k;
            } else if TITLE_FILLERS.contains(&l)
                || l.starts_with("then-")
                || l.starts_with("ex-")
                || (t.is_capitalized() && t.is_word() && k - 1 > s0 && !SPEECH_VERBS.contains(&l))
            {
                // capitalised words inside a title: "National Security Agency contractor"
                if matches!(l, "of" | "for" | "and" | "the" | "'s")
                    && !(k >= 2 && tokens[k - 2].is_capitalized())
                {
                    break;
                }
                k -= 1;
                start = k;
            } else {
                break;
            }
        }
        if !saw_title || absorbed.is_empty() && start == mentions[p].tokens.start {
            continue;
        }
        // Trim leading fillers ("the", "of") from the title.
        while start < mentions[p].tokens.start
            && matches!(
                tokens[start].lower.as_str(),
                "the" | "of" | "for" | "and" | "'s" | "a" | "an"
            )
        {
            start += 1;
        }
        let title_start = absorbed
            .iter()
            .map(|&q| mentions[q].tokens.start)
            .min()
            .unwrap_or(start)
            .min(start);
        if title_start < mentions[p].tokens.start {
            mentions[p].title = Some(title_start..mentions[p].tokens.start);
        }
        for q in absorbed {
            drop[q] = true;
        }
    }
    // Absorbed mentions stay, marked, so that a later "its" can refer to
    // the organisation in "Taliban spokesperson Zabihullah Mujahid".
    for (m, d) in mentions.iter_mut().zip(drop) {
        if d {
            m.how = How::InTitle;
        }
    }
}

/// A known surname right after an unknown capitalised word takes that word
/// as a first-name variant ("Sergeiy Shoigu" is still Sergei Shoigu).
fn extend_first_names(
    tokens: &[Token],
    analysis: &Analysis,
    mentions: &mut [Mention],
    lex: &Lexicon,
) {
    let starts: std::collections::HashSet<usize> =
        mentions.iter().map(|m| m.tokens.start).collect();
    let ends: std::collections::HashSet<usize> = mentions.iter().map(|m| m.tokens.end).collect();
    for m in mentions.iter_mut() {
        if m.kind != ActorKind::Person || m.tokens.len() != 1 || m.tokens.start == 0 {
            continue;
        }
        let k = m.tokens.start - 1;
        let in_sentence = analysis
            .sentences
            .iter()
            .any(|s| s.tokens.start < m.tokens.start && s.tokens.contains(&k));
        let t = &tokens[k];
        if !in_sentence
            || ends.contains(&(k + 1)) && starts.contains(&k)
            || !name_token(t)
            || non_name(&t.lower)
        {
            continue;
        }
        if lex.person_titles.binary_search(&t.lower).is_ok()
            || crate::resolve::is_known_variant(&t.norm, lex)
        {
            continue;
        }
        m.tokens = k..m.tokens.end;
        m.span = Span::new(t.span.start, m.span.end);
    }
}

/// "pro-Russia forces", "anti-government protesters": a group of its own.
fn pro_groups(text: &str, tokens: &[Token], analysis: &Analysis, mentions: &mut Vec<Mention>) {
    for s in &analysis.sentences {
        for i in s.tokens.clone() {
            let l = tokens[i].lower.as_str();
            if !(l.starts_with("pro-") || l.starts_with("anti-")) || i + 1 >= s.tokens.end {
                continue;
            }
            if !crate::english::is(crate::english::PRO_GROUP_NOUNS, &tokens[i + 1].lower) {
                continue;
            }
            // the state inside the prefix ("pro-Moscow leaders" read as
            // "Moscow leaders") gives way: the group is not that state
            let overlapping = |m: &Mention| m.tokens.start < i + 2 && m.tokens.end > i;
            if mentions
                .iter()
                .any(|m| overlapping(m) && m.kind == ActorKind::Group)
            {
                continue;
            }
            mentions.retain(|m| !overlapping(m));
            let span = Span::new(tokens[i].span.start, tokens[i + 1].span.end);
            mentions.push(Mention {
                tokens: i..i + 2,
                span,
                title: None,
                kind: ActorKind::Group,
                how: How::Context,
                lexicon: None,
                name: crate::text::fold(&text[span.start..span.end]),
                actor: None,
            });
        }
    }
}

fn listed(list: &[String], w: &str) -> bool {
    list.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
}

/// Group actors described by a noun phrase: a group head noun from
/// `data/roles.toml` ("rebels", "guerrillas", "armed men", "opposition
/// parties") with its left modifiers (adjectives, participles and their
/// adverbs, noun compounds, nationality words: "heavily armed men", "village
/// guards", "Sierra Leonean rebels"). Determiners, numbers, quantifiers and
/// possessives are not part of the name ("three Moslem guerrillas" is
/// "Moslem guerrillas"); they are kept as the mention's `title` so that the
/// whole phrase is an alias. A nationality before a state body ("Chechen
/// police") was read as its state before this runs; a known organisation
/// before the head ("PKK rebels") stays that organisation, its mention
/// extended over the head. The head must be a lower-case noun that ends its
/// noun phrase: "opposition leader", "the Rebels Party" and "he guards" are
/// not groups.
fn group_phrases(
    text: &str,
    tokens: &[Token],
    analysis: &Analysis,
    mentions: &mut Vec<Mention>,
    lex: &Lexicon,
) {
    let mut removed = vec![false; mentions.len()];
    let mut found: Vec<Mention> = Vec::new();
    // Indexes instead of scans of every mention per candidate word, so
    // that the cost stays linear in a long document: tokens inside a
    // mention (or a group found here), and mentions by end token
    // (ascending, so the first match is the one a scan would find).
    let mut in_mention = vec![false; tokens.len()];
    let mut ending_at: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (q, m) in mentions.iter().enumerate() {
        in_mention[m.tokens.clone()].fill(true);
        ending_at.entry(m.tokens.end).or_default().push(q);
    }
    let mut in_found = vec![false; tokens.len()];
    for s in &analysis.sentences {
        if sentence_is_upper(&tokens[s.tokens.clone()]) {
            continue;
        }
        for i in s.tokens.clone() {
            let t = &tokens[i];
            let l = t.lower.as_str();
            let people = ethnonym(tokens, i, s.tokens.clone(), lex);
            let alone = people || listed(&lex.group_heads, l);
            let person = listed(&lex.group_persons, l);
            if !alone && !person && !listed(&lex.group_heads_modified, l) {
                continue;
            }
            // a noun, lower case unless it opens the sentence, that ends its phrase
            if !t.tag().starts_with("NN")
                || t.is_capitalized() && i > s.tokens.start && !people
                || tokens.get(i + 1).is_some_and(|n| {
                    i + 1 < s.tokens.end && (n.tag().starts_with("NN") || n.lower == "&")
                })
                || in_mention[i]
                || in_found[i]
            {
                continue;
            }
            let mut start = i;
            let mut swallowed: Vec<usize> = Vec::new();
            let mut possessor: Option<(usize, usize)> = None;
            let mut organisation: Option<usize> = None;
            let mut abort = false;
            while start > s.tokens.start && i - start < 5 {
                let k = start - 1;
                let ending = ending_at.get(&start).map_or(&[][..], Vec::as_slice);
                if let Some(q) = ending.iter().copied().find(|&q| {
                    let m = &mentions[q];
                    !removed[q]
                        && m.tokens.start < start
                        && !matches!(m.how, How::Pronoun | How::Description)
                }) {
                    let m = &mentions[q];
                    match (m.kind, m.how) {
                        (ActorKind::Country, How::Gazetteer(Form::Demonym))
                        | (ActorKind::Country, How::Gazetteer(Form::Name))
                            if !people || m.how == How::Gazetteer(Form::Demonym) =>
                        {
                            swallowed.push(q);
                            start = m.tokens.start;
                            continue;
                        }
                        (ActorKind::Organization | ActorKind::Group, _) if start == i => {
                            organisation = Some(q);
                        }
                        _ => abort = true,
                    }
                    break;
                }
                // "Serbia's opposition", "Iraq's Kurdish rebels": a state's
                // possessive says whose group it is, and becomes part of its
                // name ("Serbian opposition"), so that the oppositions of two
                // states stay two actors. Not for a people ("Turkey's Kurds")
                // nor for heads that need a modifier ("Russia's forces" are
                // the state's own).
                if matches!(tokens[k].lower.as_str(), "'s" | "'") && alone && !people {
                    if let Some(q) = ending_at.get(&k).and_then(|v| {
                        v.iter().copied().find(|&q| {
                            !removed[q]
                                && mentions[q].kind == ActorKind::Country
                                && mentions[q].how == How::Gazetteer(Form::Name)
                        })
                    }) {
                        possessor = Some((q, k));
                        swallowed.push(q);
                        start = mentions[q].tokens.start;
                    } else if k > s.tokens.start
                        && !in_mention[k - 1]
                        && !(k - 1 == s.tokens.start
                            && crate::english::is_common_word(&tokens[k - 1].lower))
                        && tokens[k - 1].is_capitalized()
                        && tokens[k - 1].tag().starts_with("NNP")
                        && !non_name(&tokens[k - 1].lower)
                        && !ending_at.contains_key(&k)
                        && place_shaped(&tokens[k - 1].lower)
                    {
                        // a place the gazetteer does not know ("Chechnya's
                        // separatists"): named with the place as written
                        start = k - 1;
                    }
                    break;
                }
                let p = &tokens[k];
                let pl = p.lower.as_str();
                if !p.is_word() || listed(&lex.group_quantifiers, pl) {
                    break;
                }
                if p.tag().starts_with("NN")
                    && (lex.state_bodies.binary_search(&pl.to_string()).is_ok()
                        || lex.state_agents.binary_search(&pl.to_string()).is_ok())
                {
                    // "government forces", "police officers": the state's, not a group
                    abort = true;
                    break;
                }
                let tag = p.tag();
                let adverb = tag == "RB"
                    && pl.ends_with("ly")
                    && start < i
                    && matches!(tokens[start].tag(), "JJ" | "VBN" | "VBG");
                // a people ("Bosnian Serbs") takes adjectives, not names
                // ("Jetsi Coers", "Securities Dealers")
                if people && tag != "JJ" {
                    abort = p.is_capitalized();
                    break;
                }
                let modifier = matches!(tag, "JJ" | "JJR" | "VBN" | "VBG" | "NN" | "NNP" | "NNPS")
                    || tag == "NNS" && !p.is_capitalized();
                if !(modifier || adverb) || non_name(pl) && !p.is_capitalized() {
                    break;
                }
                start = k;
            }
            // a capitalised run after "of" is the end of a longer name
            // ("Liberation Tigers of Tamil Eelam rebels")
            // ("Sudanese and Egyptian workers" is a list of nationalities)
            // the nationality mentions ending at token `end`
            let nationalities_ending_at = |end: usize| {
                ending_at
                    .get(&end)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .copied()
                    .filter(|&q| {
                        mentions[q].kind == ActorKind::Country
                            && mentions[q].how == How::Gazetteer(Form::Demonym)
                    })
            };
            if start > s.tokens.start + 1
                && (start < i || people)
                && tokens[start].is_capitalized()
                && matches!(tokens[start - 1].lower.as_str(), "of" | "for" | "and" | "&")
                && tokens[start - 2].is_capitalized()
                // "Dozens of Kurdish rebels": a common word opening the
                // sentence is capitalised for that alone
                && !(start - 2 == s.tokens.start
                    && crate::english::is_common_word(&tokens[start - 2].lower))
                && !(tokens[start - 1].lower == "and"
                    && nationalities_ending_at(start - 1).next().is_some()
                    && swallowed.iter().any(|&q| mentions[q].tokens.start == start))
                // "Syria and Arabs", "Russia and Chechen rebels": a group
                // beside a known state is a list of actors, not one name
                // (not for heads that need a modifier: "the U.S. and
                // Colombian governments" are the two states)
                && !(alone
                    && tokens[start - 1].lower == "and"
                    && ending_at.get(&(start - 1)).is_some_and(|v| {
                        v.iter().any(|&q| {
                            mentions[q].kind == ActorKind::Country
                                && matches!(mentions[q].how, How::Gazetteer(_))
                        })
                    }))
            {
                abort = true;
            }
            // "Sudanese and Egyptian workers": nationalities coordinated
            // before one head share it, and the group is theirs together
            if !abort
                && start > s.tokens.start + 1
                && tokens[start - 1].lower == "and"
                && swallowed.iter().any(|&q| {
                    mentions[q].tokens.start == start
                        && mentions[q].how == How::Gazetteer(Form::Demonym)
                })
                && let Some(q) = nationalities_ending_at(start - 1).find(|&q| !removed[q])
            {
                swallowed.push(q);
                start = mentions[q].tokens.start;
            }
            // a participle after a verb, or a gerund after a preposition or
            // conjunction, is a verb taking the group as its object ("have
            // killed civilians", "by using workers"), not a modifier
            while start < i {
                let tag = tokens[start].tag();
                let before = (start > s.tokens.start).then(|| tokens[start - 1].tag());
                let verbal = |b: &str| {
                    b.starts_with("VB") || b.starts_with("NN") || matches!(b, "MD" | "TO")
                };
                let gerund = tag == "VBG"
                    && before.is_some_and(|b| verbal(b) || matches!(b, "IN" | "CC" | "," | "RB"));
                let participle = matches!(tag, "VBN" | "RB") && before.is_some_and(verbal);
                if gerund || participle || tag == "RB" && tokens[start + 1].tag() == "VBG" {
                    start += 1;
                } else {
                    break;
                }
            }
            if abort {
                continue;
            }
            if let Some(q) = organisation {
                // "PKK rebels": the organisation, named with its members
                let m = &mut mentions[q];
                let old_end = m.tokens.end;
                m.tokens = m.tokens.start..i + 1;
                m.span = Span::new(m.span.start, t.span.end);
                in_mention[m.tokens.clone()].fill(true);
                if let Some(v) = ending_at.get_mut(&old_end) {
                    v.retain(|&x| x != q);
                }
                let v = ending_at.entry(i + 1).or_default();
                let at = v.partition_point(|&x| x < q);
                v.insert(at, q);
                continue;
            }
            // "four Arab countries, including Egypt and Bahrain": the list
            // names the actors; the phrase only counts them
            let listed_after = {
                let mut k = i + 1;
                if tokens.get(k).is_some_and(|t| t.lower == ",") {
                    k += 1;
                }
                tokens.get(k).is_some_and(|t| t.lower == "including")
                    || tokens.get(k).is_some_and(|t| t.lower == "such")
                        && tokens.get(k + 1).is_some_and(|t| t.lower == "as")
            };
            if listed_after && !alone {
                continue;
            }
            // "two men", "the party", "prominent politicians": too vague
            // without a modifier that says which (a noun, a name, a
            // participle, a classifying adjective: "nationalist groups")
            let capital = |m: &Token| {
                m.is_capitalized()
                    && (start > s.tokens.start
                        || crate::english::is(crate::english::BLOC_ADJECTIVES, &m.lower))
            };
            if !alone
                && !person
                && !tokens[start..i].iter().any(|m| {
                    capital(m)
                        || matches!(m.tag(), "NN" | "NNS" | "NNP" | "NNPS" | "VBN" | "VBG")
                        || m.tag() == "JJ" && classifying_adjective(&m.lower)
                        // an adjective made of a participle ("armed men",
                        // "masked youths") classifies as the participle does
                        || m.tag() == "JJ" && m.lower.len() > 4 && m.lower.ends_with("ed")
                })
                && swallowed.is_empty()
            {
                continue;
            }
            // "a man" is anyone; "a Guinean man" is an actor
            if person && swallowed.is_empty() && !tokens[start..i].iter().any(capital) {
                continue;
            }
            // determiners, numbers and quantifiers before the phrase
            let mut q = start;
            while q > s.tokens.start {
                let p = &tokens[q - 1];
                if listed(&lex.group_quantifiers, &p.lower)
                    || matches!(p.tag(), "DT" | "PDT" | "CD" | "PRP$")
                {
                    q -= 1;
                } else {
                    break;
                }
            }
            let span = Span::new(tokens[start].span.start, t.span.end);
            let mut name = crate::text::fold(&text[span.start..span.end]);
            if let Some((q, k)) = possessor
                && let Some(demonym) = mentions[q].lexicon.and_then(|a| lex.demonym(a))
                && let Some(after) = tokens.get(k + 1)
            {
                let rest = crate::text::fold(&text[after.span.start..t.span.end]);
                name = format!("{demonym} {rest}");
            }
            // "Rebel fighters" opening a sentence is "rebel fighters"
            if start == s.tokens.start
                && swallowed.is_empty()
                && !tokens[start].tag().starts_with("NNP")
                && !crate::english::is(crate::english::BLOC_ADJECTIVES, &tokens[start].lower)
            {
                name = lower_first(&name);
            }
            for &w in &swallowed {
                removed[w] = true;
            }
            in_found[start..i + 1].fill(true);
            found.push(Mention {
                tokens: start..i + 1,
                span,
                title: (q < start).then_some(q..start),
                kind: if person && !matches!(l, "couple" | "family") {
                    ActorKind::Person
                } else {
                    ActorKind::Group
                },
                how: How::Group,
                lexicon: None,
                name,
                actor: None,
            });
        }
    }
    replace_marked(mentions, &removed, found);
}

/// "attacked rebel positions", "shelled guerrilla bases": a group named in
/// the singular before what it holds is the group itself, an actor named
/// by its plural ("rebels") so that it joins the group's other mentions.
fn group_holdings(text: &str, tokens: &[Token], analysis: &Analysis, mentions: &mut Vec<Mention>) {
    // tokens inside a mention, and mentions by end token: look-ups, not
    // scans of every mention per candidate word
    let mut in_mention = vec![false; tokens.len()];
    let mut ending_at: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (q, m) in mentions.iter().enumerate() {
        in_mention[m.tokens.clone()].fill(true);
        ending_at.entry(m.tokens.end).or_default().push(q);
    }
    let mut found = Vec::new();
    let mut removed = vec![false; mentions.len()];
    for s in &analysis.sentences {
        for i in s.tokens.start..s.tokens.end.saturating_sub(1) {
            let t = &tokens[i];
            let Some(plural) = crate::english::group_plural(&t.lower) else {
                continue;
            };
            let next = &tokens[i + 1];
            if in_mention[i]
                || t.is_capitalized() && i > s.tokens.start
                || !crate::english::is(crate::english::HOLDING_NOUNS, &next.lower)
                || !next.tag().starts_with("NN")
            {
                continue;
            }
            // "Kurdish rebel bases": the nationality before it is part of
            // the group's name ("Kurdish rebels"), as in a group phrase
            let demonym = ending_at.get(&i).and_then(|v| {
                v.iter().copied().find(|&q| {
                    mentions[q].kind == ActorKind::Country
                        && mentions[q].how == How::Gazetteer(Form::Demonym)
                })
            });
            let (start, name) = match demonym {
                Some(q) if !removed[q] => {
                    removed[q] = true;
                    let m = &mentions[q];
                    let written = crate::text::fold(&text[m.span.start..m.span.end]);
                    (m.tokens.start, format!("{written} {plural}"))
                }
                // "Kurdish rebel bases": a people's adjective the
                // gazetteer does not know as a state's
                _ if i > s.tokens.start + 1
                    && !in_mention[i - 1]
                    && tokens[i - 1].is_capitalized()
                    && matches!(tokens[i - 1].tag(), "JJ" | "NNP" | "NNPS") =>
                {
                    let written =
                        crate::text::fold(&text[tokens[i - 1].span.start..tokens[i - 1].span.end]);
                    (i - 1, format!("{written} {plural}"))
                }
                _ => (i, plural.to_string()),
            };
            found.push(Mention {
                tokens: start..i + 1,
                span: Span::new(tokens[start].span.start, t.span.end),
                title: None,
                kind: ActorKind::Group,
                how: How::Group,
                lexicon: None,
                name,
                actor: None,
            });
        }
    }
    replace_marked(mentions, &removed, found);
}

/// Drops the mentions marked in `removed` (one flag per mention) and adds
/// the mentions `found` in their place.
fn replace_marked(mentions: &mut Vec<Mention>, removed: &[bool], found: Vec<Mention>) {
    let mut flags = removed.iter();
    mentions.retain(|_| !flags.next().copied().unwrap_or(false));
    mentions.extend(found);
}

/// A word with the ending of a region's name ("Chechnya", "Kurdistan",
/// "Ossetia", "Somaliland"), which a person's name rarely has: a possessive
/// of such a word before a group says where the group is from.
fn place_shaped(w: &str) -> bool {
    w.len() > 4 && ["ia", "ya", "stan", "land"].iter().any(|e| w.ends_with(e))
}

/// A capitalised common word opening a sentence ("Local police"): capital
/// by position only, so no place name.
fn kind_word_at_start(t: &Token, opens: bool) -> bool {
    opens && crate::english::is_common_word(&t.lower)
}

/// Which public body a phrase names, for [`public_bodies`].
#[derive(Clone, Copy, PartialEq)]
enum Body {
    Police,
    Court,
    CentralBank,
}

/// Soldiers or troops named without whose they are ("rebels killed seven
/// soldiers", "government troops shelled the town"): a mention the resolve
/// stage gives to the state the passage is about, as it does bare police,
/// and to no one when the passage names more than one state. A modifier
/// other than "government" or "army" ("rebel soldiers", "peacekeeping
/// troops", "Russian troops") says they are someone else's, and soldiers
/// that only speak or belong to a named body ("troops of the UN") are left
/// alone.
fn bare_troops(tokens: &[Token], analysis: &Analysis, mentions: &mut Vec<Mention>) {
    let mut in_mention = vec![false; tokens.len()];
    for m in mentions.iter() {
        in_mention[m.tokens.clone()].fill(true);
    }
    let mut found = Vec::new();
    for s in &analysis.sentences {
        for i in s.tokens.clone() {
            let t = &tokens[i];
            // ("government forces", "security forces": forces alone may be
            // anyone's)
            let forces = t.lower == "forces"
                && i > s.tokens.start
                && matches!(tokens[i - 1].lower.as_str(), "government" | "security");
            if in_mention[i]
                || t.tag() != "NNS"
                || !(matches!(t.lower.as_str(), "soldiers" | "troops") || forces)
            {
                continue;
            }
            let mut start = i;
            if i > s.tokens.start
                && matches!(
                    tokens[i - 1].lower.as_str(),
                    "government" | "army" | "security"
                )
            {
                start = i - 1;
            }
            let modified = start > s.tokens.start && {
                let p = &tokens[start - 1];
                in_mention[start - 1]
                    || p.tag().starts_with("NN")
                    || matches!(p.tag(), "JJ" | "JJR" | "JJS" | "VBG" | "VBN" | "POS")
            };
            let next = tokens.get(i + 1).filter(|_| i + 1 < s.tokens.end);
            let after = next.is_some_and(|n| {
                n.tag().starts_with("NN")
                    || n.lower == "of"
                    || SPEECH_VERBS.contains(&n.lower.as_str())
            });
            if modified || after {
                continue;
            }
            found.push(Mention {
                tokens: start..i + 1,
                span: Span::new(tokens[start].span.start, t.span.end),
                title: None,
                kind: ActorKind::Organization,
                how: How::Group,
                lexicon: None,
                name: tokens[start..=i]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                actor: None,
            });
        }
    }
    mentions.extend(found);
}

/// Police, courts and central banks named without a known state before
/// them ("police arrested ...", "local police", "A Hamburg court", "the
/// central bank", "Indonesia's central bank"). They act in the news as
/// bodies of their own: a mention of kind organisation found like a group
/// phrase, which the resolve stage gives to the state the passage is about
/// when there is one (see `resolve::home_country`). "Police in the
/// Maldives" is that country's state body. Police that only report ("police
/// said", "according to police") are a source, not an actor; a court needs a
/// place name before it, since "the court" alone refers back.
fn public_bodies(
    text: &str,
    tokens: &[Token],
    analysis: &Analysis,
    mentions: &mut Vec<Mention>,
    lex: &Lexicon,
) {
    let mut in_mention = vec![false; tokens.len()];
    let mut ending_at: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut starting_at: HashMap<usize, Vec<usize>> = HashMap::new();
    for (q, m) in mentions.iter().enumerate() {
        in_mention[m.tokens.clone()].fill(true);
        ending_at.entry(m.tokens.end).or_default().push(q);
        starting_at.entry(m.tokens.start).or_default().push(q);
    }
    let country_at = |map: &HashMap<usize, Vec<usize>>, k: usize, mentions: &[Mention]| {
        map.get(&k).and_then(|v| {
            v.iter().copied().find(|&q| {
                mentions[q].kind == ActorKind::Country
                    && matches!(mentions[q].how, How::Gazetteer(_))
            })
        })
    };
    let mut removed = vec![false; mentions.len()];
    let mut found: Vec<Mention> = Vec::new();
    for s in &analysis.sentences {
        if sentence_is_upper(&tokens[s.tokens.clone()]) {
            continue;
        }
        let within = |k: usize| k >= s.tokens.start && k < s.tokens.end;
        for i in s.tokens.clone() {
            let t = &tokens[i];
            if in_mention[i] || t.is_capitalized() && i > s.tokens.start {
                continue;
            }
            let (body, mut start, mut end) = match t.lower.as_str() {
                "police" | "policemen" => (Body::Police, i, i + 1),
                "court" | "tribunal" => (Body::Court, i, i + 1),
                "bank" if i > s.tokens.start && tokens[i - 1].lower == "central" => {
                    (Body::CentralBank, i - 1, i + 1)
                }
                _ => continue,
            };
            if !t.tag().starts_with("NN") || in_mention[start] {
                continue;
            }
            if body == Body::Police
                && tokens.get(end).is_some_and(|n| {
                    within(end) && matches!(n.lower.as_str(), "officers" | "force")
                })
            {
                end += 1;
            }
            // "police headquarters", "court ruling": a thing, not the body
            if tokens
                .get(end)
                .is_some_and(|n| within(end) && (n.tag().starts_with("NN") || n.lower == "&"))
            {
                continue;
            }
            // police that only report: "police said", "..., said police."
            // ("Hong Kong police said" names whose police speak: kept)
            let placed_before = start > s.tokens.start
                && !in_mention[start - 1]
                && tokens[start - 1].is_capitalized()
                && tokens[start - 1].tag().starts_with("NNP")
                && !non_name(&tokens[start - 1].lower);
            if body == Body::Police && !placed_before {
                let speaks = tokens
                    .get(end)
                    .is_some_and(|n| within(end) && SPEECH_VERBS.contains(&n.lower.as_str()));
                let source = start > s.tokens.start
                    && (matches!(tokens[start - 1].lower.as_str(), "said" | "says" | "say")
                        && tokens.get(end).is_none_or(|n| {
                            !within(end) || !n.is_word() || matches!(n.lower.as_str(), "on" | "in")
                        })
                        || start >= s.tokens.start + 2
                            && matches!(tokens[start - 1].lower.as_str(), "to" | "by")
                            && matches!(tokens[start - 2].lower.as_str(), "according" | "said"));
                if speaks || source {
                    continue;
                }
                // "Police in the Maldives", "police in southwest China": the state's
                let mut k = end;
                if tokens.get(k).is_some_and(|n| within(k) && n.lower == "in") {
                    k += 1;
                    while k < s.tokens.end
                        && k < end + 4
                        && !in_mention[k]
                        && (tokens[k].lower == "the"
                            || !tokens[k].is_capitalized()
                                && matches!(tokens[k].tag(), "JJ" | "NN"))
                    {
                        k += 1;
                    }
                    if let Some(q) = country_at(&starting_at, k, mentions)
                        .filter(|&q| mentions[q].how == How::Gazetteer(Form::Name))
                    {
                        let m = &mut mentions[q];
                        m.tokens = start..m.tokens.end;
                        m.span = Span::new(tokens[start].span.start, m.span.end);
                        m.how = How::StateBody;
                        in_mention[start..end].fill(true);
                        continue;
                    }
                }
            }
            // what comes before: "Indonesia's" or "Indonesian" (central bank),
            // a place name ("Hamburg", "Hong Kong"), "local" or "riot" (police)
            let mut country: Option<usize> = None;
            if body == Body::CentralBank {
                country = country_at(&ending_at, start, mentions).or_else(|| {
                    (start > s.tokens.start + 1 && tokens[start - 1].lower == "'s")
                        .then(|| country_at(&ending_at, start - 1, mentions))
                        .flatten()
                });
            }
            let mut placed = false;
            if let Some(q) = country {
                start = mentions[q].tokens.start;
                removed[q] = true;
            } else {
                while start > s.tokens.start && start + 3 > i && !in_mention[start - 1] {
                    let p = &tokens[start - 1];
                    let place = p.is_capitalized()
                        && !kind_word_at_start(p, start - 1 == s.tokens.start)
                        && p.tag().starts_with("NNP")
                        && !non_name(&p.lower)
                        && (start - 1 > s.tokens.start
                            || !crate::english::is_common_word(&p.lower));
                    let kind_word = body == Body::Police
                        && (!p.is_capitalized()
                            || start - 1 == s.tokens.start
                                && crate::english::is_common_word(&p.lower))
                        && matches!(p.tag(), "JJ" | "NN")
                        && !listed(&lex.group_quantifiers, &p.lower)
                        && !non_name(&p.lower);
                    // a kind word ("local") never stands before a place name
                    if !place && (placed || !kind_word) {
                        break;
                    }
                    placed |= place;
                    start -= 1;
                }
            }
            if body == Body::Court && !placed {
                continue;
            }
            // determiners and quantifiers are kept as the title only
            let mut q = start;
            while q > s.tokens.start
                && (listed(&lex.group_quantifiers, &tokens[q - 1].lower)
                    || matches!(tokens[q - 1].tag(), "DT" | "CD" | "PRP$"))
            {
                q -= 1;
            }
            let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
            let mut name = crate::text::fold(&text[span.start..span.end]);
            if let Some(demonym) = country
                .and_then(|c| mentions[c].lexicon)
                .and_then(|a| lex.demonym(a))
            {
                name = format!("{demonym} central bank");
            }
            if start == s.tokens.start && !tokens[start].tag().starts_with("NNP") {
                name = name.to_lowercase();
            }
            in_mention[start..end].fill(true);
            found.push(Mention {
                tokens: start..end,
                span,
                title: (q < start).then_some(q..start),
                kind: ActorKind::Organization,
                how: How::Group,
                lexicon: None,
                name,
                actor: None,
            });
        }
    }
    replace_marked(mentions, &removed, found);
}

/// An adjective that says what kind a group is rather than how it is
/// ("nationalist groups", "commercial banks", "political parties"), as
/// opposed to "prominent politicians" or "two big parties": the suffixes
/// that make adjectives of nouns of doctrine, trade or field.
fn classifying_adjective(w: &str) -> bool {
    w.len() > 5
        && ["ist", "ial", "ical", "ian", "ary", "ic"]
            .iter()
            .any(|suffix| w.ends_with(suffix))
}

/// A people named by a capitalised plural ("Kurds", "Bosnian Serbs",
/// "Moslems"): a plural proper noun that stands alone, neither inside a
/// longer name ("the Tamil Tigers of ...", "Socialist Workers Party") nor
/// at the start of a sentence, where every word is capitalised.
fn ethnonym(tokens: &[Token], i: usize, sent: Range<usize>, lex: &Lexicon) -> bool {
    let t = &tokens[i];
    let next_cap = tokens
        .get(i + 1)
        .is_some_and(|n| i + 1 < sent.end && (n.is_capitalized() || n.lower == "of"));
    i > sent.start
        && t.is_capitalized()
        && (matches!(t.tag(), "NNPS" | "NNS")
            // a singular-tagged name in -us, -is, -es is a place ("Nablus", "Illinois")
            || t.tag() == "NNP" && !["us", "is", "es"].iter().any(|e| t.lower.ends_with(e)))
        && t.norm.len() > 4
        && t.norm.ends_with('s')
        && !t.norm.ends_with("ss")
        && t.norm.chars().skip(1).all(|c| c.is_lowercase())
        && !next_cap
        && !non_name(&t.lower)
        // "the Tigers" may be a team or a name, "the Balkans" a place; a
        // people takes no article, except the peoples and faiths listed
        // ("the Moslems")
        && (!matches!(tokens[i - 1].lower.as_str(), "the" | "a" | "an")
            || tokens[i - 1].lower == "the" && listed(&lex.peoples, &t.lower))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Length of a state-body phrase ("foreign ministry", "armed forces",
/// "government officials") starting at token `i`, if any.
pub fn state_body_at(tokens: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let mut best = None;
    for len in 1..=3 {
        if i + len > tokens.len() {
            break;
        }
        let key = tokens[i..i + len]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if lex.state_bodies.binary_search(&key).is_ok()
            || lex.state_agents.binary_search(&key).is_ok()
        {
            best = Some(len);
        }
    }
    best
}

/// A country name, capital or nationality followed by a body of the state
/// ("Russian Foreign Ministry", "Kiev government", "US negotiators") is a
/// mention of that state spanning the whole phrase. Adjectives may stand in
/// between ("Armenian armed forces", "Afghan government officials").
fn extend_state_bodies(tokens: &[Token], mentions: &mut [Mention], lex: &Lexicon) {
    let starts: std::collections::HashSet<usize> =
        mentions.iter().map(|m| m.tokens.start).collect();
    for m in mentions.iter_mut() {
        if m.kind != ActorKind::Country {
            continue;
        }
        let mut j = m.tokens.end;
        // "Egypt's Foreign Ministry" is Egypt as much as "the Egyptian Foreign Ministry"
        if tokens.get(j).is_some_and(|t| t.lower == "'s")
            && state_body_at(tokens, j + 1, lex).is_some()
        {
            j += 1;
        }
        // "the Russian state media", "Ukrainian military": allow one or two modifiers
        for skip in 0..=2 {
            // the skipped modifiers are adjectives or nouns, never verbs ("Iran fired missiles")
            if j + skip >= tokens.len()
                || (skip > 0
                    && (starts.contains(&(j + skip - 1))
                        || !tokens[j + skip - 1].is_word()
                        || tokens[j + skip - 1].is_verb() && !tokens[j + skip - 1].tag().eq("VBN")
                        // "Sudanese rebel bases" are the rebels', not the state's
                        || crate::english::group_plural(&tokens[j + skip - 1].lower).is_some()))
            {
                break;
            }
            if let Some(len) = state_body_at(tokens, j + skip, lex) {
                j = j + skip + len;
                // "government officials": take a second body word too
                if let Some(l2) = state_body_at(tokens, j, lex) {
                    j += l2;
                }
                // "Kremlin spokesman Dmitry Peskov": a title before a name, not a body
                if tokens
                    .get(j)
                    .is_some_and(|t| name_token(t) && !non_name(&t.lower))
                {
                    break;
                }
                m.tokens = m.tokens.start..j;
                m.span = Span::new(m.span.start, tokens[j - 1].span.end);
                m.how = How::StateBody;
                break;
            }
        }
    }
}

/// Head nouns of descriptions that refer back to an organisation or group.
const DESCRIPTION_HEADS: &[&str] = &[
    "ministry",
    "government",
    "administration",
    "military",
    "army",
    "navy",
    "embassy",
    "cabinet",
    "regime",
    "kremlin",
    "assembly",
    "council",
    "commission",
    "committee",
    "court",
    "party",
    "movement",
    "group",
    "alliance",
    "organization",
    "organisation",
    "agency",
    "union",
    "bloc",
    "coalition",
    "country",
    "nation",
    "kingdom",
    "republic",
    "militants",
    "militia",
    "rebels",
    "tribunal",
    "body",
    "opposition",
];

/// Whether the capitalised words from `i` on are followed by a comma and
/// another capitalised word: "of Tallinn, Edgar Saar".
fn name_in_apposition_after(tokens: &[Token], mut i: usize, end: usize) -> bool {
    while i < end && tokens[i].is_word() && tokens[i].is_capitalized() {
        i += 1;
    }
    i + 1 < end && tokens[i].lower == "," && tokens[i + 1].is_capitalized()
}

/// "the envoy", "the assembly", "the two leaders", "both sides": a
/// description that the resolve stage links to an earlier actor. Plural
/// descriptions ("the two leaders") give two mentions over the same tokens.
fn descriptions(tokens: &[Token], analysis: &Analysis, mentions: &mut Vec<Mention>, lex: &Lexicon) {
    let taken: std::collections::HashSet<usize> =
        mentions.iter().flat_map(|m| m.tokens.clone()).collect();
    for s in &analysis.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let l = tokens[i].lower.as_str();
            if !matches!(l, "the" | "both") || taken.contains(&i) || taken.contains(&(i + 1)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut plural = l == "both"
                || tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "sides" | "parties"));
            if j < s.tokens.end && matches!(tokens[j].lower.as_str(), "two" | "three") {
                plural = true;
                j += 1;
            }
            let head = tokens
                .get(j)
                .filter(|_| j < s.tokens.end)
                .map(|t| t.lower.as_str())
                .unwrap_or("");
            let head_sing = head.strip_suffix('s').unwrap_or(head);
            let is_title = lex.person_titles.binary_search(&head.to_string()).is_ok()
                || lex
                    .person_titles
                    .binary_search(&head_sing.to_string())
                    .is_ok();
            let is_org =
                DESCRIPTION_HEADS.contains(&head) || DESCRIPTION_HEADS.contains(&head_sing);
            let is_sides = matches!(
                head,
                "sides" | "parties" | "countries" | "nations" | "leaders" | "men" | "governments"
            );
            // "the envoy said" but not "the envoy Steve Witkoff" (a title).
            let followed_by_name = tokens
                .get(j + 1)
                .is_some_and(|t| t.is_capitalized() && j + 1 < s.tokens.end);
            // "the government of Chile", "the president of Egypt": the
            // of-phrase names whom it belongs to, so it refers to no
            // earlier actor; the name after "of" stands for it.
            // ("The mayor of Tallinn, Edgar Saar, said": a name in
            // apposition after the of-phrase is whom it describes)
            let owned_by_name = j + 2 < s.tokens.end
                && tokens[j + 1].lower == "of"
                && taken.contains(&(j + 2))
                && !name_in_apposition_after(tokens, j + 2, s.tokens.end);
            let (end, name) = if plural && (is_sides || is_title || is_org) {
                (j + 1, format!("plural:{head}"))
            } else if plural && l == "the" && !head.is_empty() && !tokens[j].is_word()
                || plural
                    && l == "the"
                    && matches!(
                        head,
                        "met"
                            | "held"
                            | "have"
                            | "had"
                            | "agreed"
                            | "discussed"
                            | "spoke"
                            | "talked"
                            | "signed"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                    )
            {
                (j, "plural:".to_string())
            } else if !plural
                && (is_title || is_org)
                && !followed_by_name
                && !owned_by_name
                && tokens[j].is_word()
            {
                (j + 1, head.to_string())
            } else {
                i += 1;
                continue;
            };
            let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
            let copies = if name.starts_with("plural:") { 2 } else { 1 };
            for _ in 0..copies {
                mentions.push(Mention {
                    tokens: i..end,
                    span,
                    title: None,
                    kind: ActorKind::Person,
                    how: How::Description,
                    lexicon: None,
                    name: name.clone(),
                    actor: None,
                });
            }
            i = end;
        }
    }
}

/// The legal form that ends a company's name ("Corp.", "Inc", "Plc").
fn is_company_suffix(w: &str) -> bool {
    crate::english::is(crate::english::COMPANY_SUFFIXES, w)
}

/// Whether a name the tagger found names a place: its head (the word
/// before a lower-case word such as "of", else the last) is a noun of
/// places ("the Holy City of Jerusalem", "Second Thomas Shoal"), or it is
/// one compass word ("Northeastern"). "Association for Relations Across
/// the Taiwan Straits" is headed by "Association".
fn is_place_name(tokens: &[Token], r: Range<usize>) -> bool {
    if r.is_empty() {
        return false;
    }
    let head = r
        .clone()
        .find(|&k| k > r.start && !tokens[k].is_capitalized())
        .map_or(r.end - 1, |k| k - 1);
    crate::english::is(crate::english::PLACE_NOUNS, &tokens[head].lower)
        || r.len() == 1 && is_compass_word(&tokens[r.start].lower)
}

/// Head words of organisation names.
const ORG_HEADS: &[&str] = &[
    "commission",
    "council",
    "board",
    "committee",
    "court",
    "tribunal",
    "ministry",
    "department",
    "agency",
    "office",
    "authority",
    "bank",
    "fund",
    "party",
    "front",
    "movement",
    "union",
    "league",
    "alliance",
    "coalition",
    "association",
    "federation",
    "organization",
    "organisation",
    "institute",
    "service",
    "army",
    "police",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "guard",
    "forces",
    "group",
    "company",
    "corporation",
];

/// Names the learned tagger finds that no rule found: people and
/// organisations unknown to the gazetteer ("Merera Gudina", "Electoral
/// Commission of Zambia"). A tagged organisation that contains a country
/// name and more words replaces the country mention ("Electoral Commission
/// of Zambia" is an organisation, not Zambia). Places are venues, not actors.
/// The mentions of one sentence while [`find`] adds to them: those found
/// before the sentence loop (indices into the mention list) and every
/// mention from index `first_new` on (added while reading this sentence).
struct SentenceMentions<'a> {
    earlier: &'a [usize],
    first_new: usize,
    swallowed: &'a mut Swallowed,
}

/// Mentions an organisation name swallowed ("Zambia" inside "Electoral
/// Commission of Zambia"). They are removed once, after the sentence loop:
/// removing them at once would shift the indices that [`SentenceMentions`]
/// of this and later sentences hold.
#[derive(Default)]
struct Swallowed(Vec<bool>);

impl Swallowed {
    fn mark(&mut self, i: usize) {
        if self.0.len() <= i {
            self.0.resize(i + 1, false);
        }
        self.0[i] = true;
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }

    /// Drops the marked mentions, keeping the order of the others.
    fn remove_from(self, mentions: &mut Vec<Mention>) {
        let mut i = 0;
        mentions.retain(|_| {
            let keep = !self.contains(i);
            i += 1;
            keep
        });
    }
}

impl SentenceMentions<'_> {
    /// Indices of the sentence's mentions that overlap token range `r`.
    fn overlapping(&self, mentions: &[Mention], r: &Range<usize>) -> Vec<usize> {
        self.earlier
            .iter()
            .copied()
            .chain(self.first_new..mentions.len())
            .filter(|&i| !self.swallowed.contains(i))
            .filter(|&i| mentions[i].tokens.start < r.end && r.start < mentions[i].tokens.end)
            .collect()
    }
}

fn model_mentions(
    text: &str,
    tokens: &[Token],
    sent: Range<usize>,
    mentions: &mut Vec<Mention>,
    in_sentence: &mut SentenceMentions,
    taken: &mut [bool],
    lex: &Lexicon,
) {
    use crate::ner::{EntityKind, NerTagger};
    let words: Vec<&str> = tokens[sent.clone()]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    let pos: Vec<crate::ner::PosTag> = tokens[sent.clone()].iter().filter_map(|t| t.pos).collect();
    if pos.len() != words.len() {
        return;
    }
    let entities = NerTagger::builtin().entities(&words, &pos);
    // places the tagger found that no rule knows ("Scotland", "Freiburg")
    let unknown_place_at = |k: usize| {
        entities.iter().any(|p| {
            p.kind == EntityKind::Loc
                && sent.start + p.start == k
                && !(k..sent.start + p.end).any(|j| taken[j])
        })
    };
    let unknown_places: Vec<usize> = (sent.clone()).filter(|&k| unknown_place_at(k)).collect();
    for e in &entities {
        let range = sent.start + e.start..sent.start + e.end;
        let mut kind = match e.kind {
            EntityKind::Per => ActorKind::Person,
            EntityKind::Org => ActorKind::Organization,
            _ => continue,
        };
        // trim determiners and possessives at the edges
        let mut r = range.clone();
        while r.start < r.end && matches!(tokens[r.start].lower.as_str(), "the" | "a" | "an") {
            r.start += 1;
        }
        while r.end > r.start
            && matches!(
                tokens[r.end - 1].lower.as_str(),
                "'s" | "'" | "," | "." | "of" | "for" | "and" | "the" | "in" | "on"
            )
        {
            r.end -= 1;
        }
        // "the network CNBC Friday": a weekday after a name is a date
        while r.end > r.start + 1
            && crate::english::WEEKDAYS.contains(&tokens[r.end - 1].lower.as_str())
        {
            r.end -= 1;
        }
        // "the Avocado Commission": a person's name never ends in the head
        // noun of a body; the place the tagger left before it belongs to it
        // ("California Avocado Commission")
        // ("Jumhooree Party leader Qasim Ibrahim" is a title: left as it was)
        if kind == ActorKind::Person
            && r.len() >= 2
            && ORG_HEADS.contains(&tokens[r.end - 1].lower.as_str())
            && !tokens
                .get(r.end)
                .is_some_and(|n| r.end < sent.end && n.tag().starts_with("NN"))
        {
            kind = ActorKind::Organization;
            while r.start > sent.start + 1
                && !taken[r.start - 1]
                && name_token(&tokens[r.start - 1])
                && tokens[r.start - 1].tag().starts_with("NNP")
                && !non_name(&tokens[r.start - 1].lower)
            {
                r.start -= 1;
            }
        }
        // a place stays one name for the parser, but names no actor
        // ("the Holy City of Jerusalem": the words before a known name)
        let place = |mentions: &mut Vec<Mention>, taken: &mut [bool], mut r: Range<usize>| {
            if let Some(known) = in_sentence
                .overlapping(mentions, &r)
                .iter()
                .map(|&i| mentions[i].tokens.start)
                .min()
            {
                r.end = r.end.min(known);
                while r.end > r.start && !tokens[r.end - 1].is_capitalized() {
                    r.end -= 1;
                }
            }
            if !r.is_empty() && in_sentence.overlapping(mentions, &r).is_empty() {
                push_new(
                    mentions,
                    taken,
                    text,
                    tokens,
                    r.start..r.start,
                    r,
                    How::Venue,
                );
                if let Some(m) = mentions.last_mut() {
                    m.kind = ActorKind::Country;
                }
            }
        };
        // "the northern city of Groningen", "the province of Aceh": named
        // by the place noun before it
        let named_place = r.start >= sent.start + 2
            && tokens[r.start - 1].lower == "of"
            && !tokens[r.start - 2].is_capitalized()
            && crate::english::is(crate::english::PLACE_NOUNS, &tokens[r.start - 2].lower);
        if named_place || is_place_name(tokens, r.clone()) {
            place(mentions, taken, r);
            continue;
        }
        // "over Lockerbie, Scotland", "Kehl and Freiburg": a name set beside
        // a place in an address or a list is a place too (a person only in
        // an address: "Kerry and Ashton" may be a list of people that the
        // tagger half took for places)
        let address = |p: usize| {
            entities
                .iter()
                .find(|x| sent.start + x.start == p)
                .map(|x| sent.start + x.end)
                .is_some_and(|end| {
                    end >= sent.end
                        || matches!(tokens[end].lower.as_str(), "," | "." | ";")
                        || tokens[end].tag() == "IN"
                })
        };
        let beside_place = r.len() == 1 && {
            let after = tokens.get(r.end).map(|t| t.lower.as_str());
            let place_after = r.end + 1 < sent.end
                && unknown_places.contains(&(r.end + 1))
                && (kind == ActorKind::Organization && matches!(after, Some("," | "and" | "or"))
                    || after == Some(",") && address(r.end + 1));
            let place_before = kind == ActorKind::Organization
                && r.start >= sent.start + 2
                && matches!(tokens[r.start - 1].lower.as_str(), "," | "and" | "or")
                && unknown_places.iter().any(|&p| {
                    entities.iter().any(|x| {
                        x.kind == EntityKind::Loc
                            && sent.start + x.start == p
                            && sent.start + x.end == r.start - 1
                    })
                });
            // "Ballymena, Ireland": a town, then its known country
            let country_after = after == Some(",")
                && in_sentence
                    .overlapping(mentions, &(r.end + 1..r.end + 2))
                    .iter()
                    .any(|&q| {
                        let m = &mentions[q];
                        let end = m.tokens.end;
                        m.tokens.start == r.end + 1
                            && m.kind == ActorKind::Country
                            && m.how == How::Gazetteer(Form::Name)
                            && (end >= sent.end
                                || matches!(tokens[end].lower.as_str(), "," | "." | ";")
                                || tokens[end].tag() == "IN")
                    });
            place_after || place_before || country_after
        };
        if beside_place {
            place(mentions, taken, r);
            continue;
        }
        // "Banc One Corp.": a company's name runs on to its legal form
        if kind == ActorKind::Organization {
            let mut end = r.end;
            while end < sent.end
                && end < r.end + 2
                && !taken[end]
                && tokens[end].is_capitalized()
                && !is_company_suffix(&tokens[end].lower)
            {
                end += 1;
            }
            if end < sent.end && end > r.end && !taken[end] && is_company_suffix(&tokens[end].lower)
            {
                r.end = end + 1;
            }
        }
        // "the Commission of bias": an organisation's name ends on a capital
        if kind == ActorKind::Organization {
            while r.end > r.start && !tokens[r.end - 1].is_capitalized() {
                r.end -= 1;
            }
            while r.end > r.start
                && matches!(
                    tokens[r.end - 1].lower.as_str(),
                    "of" | "for" | "and" | "the"
                )
            {
                r.end -= 1;
            }
        }
        // "the Foreign Ministry" with no state named: a body of some
        // state, not an organisation of its own
        if kind == ActorKind::Organization
            && !r.is_empty()
            && state_body_at(tokens, r.start, lex) == Some(r.len())
        {
            continue;
        }
        // "Baltic cables": one capitalised word before a common noun
        // modifies it; but "the Clinton administration" is Clinton's
        let modifies_a_noun = |r: &Range<usize>| {
            r.len() == 1
                && tokens.get(r.end).is_some_and(|n| {
                    r.end < sent.end
                        && !n.is_capitalized()
                        && n.tag().starts_with("NN")
                        && !crate::english::GOVERNMENT_NOUNS.contains(&n.lower.as_str())
                })
        };
        if kind == ActorKind::Person && modifies_a_noun(&r) {
            continue;
        }
        // "accused Lebed of": a surname the tagger took for a verb form is
        // still a name when the entity tagger says person and it is
        // capitalised inside a sentence written in lower case
        let capitalised_person = kind == ActorKind::Person
            && r.start > sent.start
            && tokens[r.clone()]
                .iter()
                .all(|t| t.is_capitalized() && t.norm.chars().skip(1).all(|c| c.is_lowercase()))
            && !tokens[r.start - 1].is_capitalized()
            && !tokens
                .get(r.end)
                .is_some_and(|n| r.end < sent.end && n.is_capitalized());
        if r.is_empty()
            || !tokens[r.start].is_capitalized()
            || !(capitalised_person || tokens[r.clone()].iter().any(|t| t.tag().starts_with("NNP")))
        {
            continue;
        }
        let overlapping = in_sentence.overlapping(mentions, &r);
        // "lashed out at Yeltsin", "fired at Gingrich": "at" right after a
        // verb or its particle names whom the act is aimed at
        let aimed_at = aimed_at(tokens, sent.start, r.start);
        if kind == ActorKind::Person
            && r.start > sent.start
            && is_venue_preposition(&tokens[r.start - 1].lower)
            && !aimed_at
        {
            continue; // "in Lublin": a place the tagger took for a name
        }
        if kind == ActorKind::Person {
            // a name is a run of name tokens: "Merera Gudina of the Medrek" is "Merera Gudina"
            let mut end = r.start + 1;
            while end < r.end
                && (name_token(&tokens[end])
                    || NAME_PARTICLES.contains(&tokens[end].lower.as_str())
                        && end + 1 < r.end
                        && name_token(&tokens[end + 1]))
            {
                end += 1;
            }
            r.end = end;
            // "the Baltic states": one capitalised word before a common noun modifies it
            if modifies_a_noun(&r) {
                continue;
            }
            if overlapping.is_empty()
                && !r.clone().any(|k| taken[k])
                && r.clone().all(|k| !non_name(&tokens[k].lower))
                && lex
                    .person_titles
                    .binary_search(&tokens[r.start].lower)
                    .is_err()
            {
                push_new(
                    mentions,
                    taken,
                    text,
                    tokens,
                    r.start..r.start,
                    r.clone(),
                    How::Model,
                );
            }
            continue;
        }
        // "Merera Gudina of the Medrek": a name, then "of the" + an
        // organisation, is a person of that organisation
        if let Some(of) = (r.start + 2..r.end.saturating_sub(1)).find(|&k| tokens[k].lower == "of")
        {
            let before_of = r.start..of;
            if before_of.len() >= 2
                && before_of.clone().all(|k| name_token(&tokens[k]))
                && !before_of
                    .clone()
                    .any(|k| ORG_HEADS.contains(&tokens[k].lower.as_str()))
            {
                if !before_of.clone().any(|k| taken[k]) {
                    push_new(
                        mentions,
                        taken,
                        text,
                        tokens,
                        before_of.start..before_of.start,
                        before_of.clone(),
                        How::Model,
                    );
                }
                continue;
            }
        }
        // "Electoral Commission of Zambia": an organisation ends with "of" + a name
        if r.end + 1 < sent.end
            && tokens[r.end].lower == "of"
            && tokens[r.end + 1].is_capitalized()
            && ORG_HEADS.contains(&tokens[r.end - 1].lower.as_str())
        {
            let mut end = r.end + 1;
            while end < sent.end && tokens[end].is_capitalized() && tokens[end].is_word() {
                end += 1;
            }
            if end > r.end + 1 {
                r.end = end;
            }
        }
        let overlapping = in_sentence.overlapping(mentions, &r);
        // organisations: may swallow country mentions strictly inside them;
        // a one-word country name opening a two-word organisation ("America
        // Online", "Japan Airlines") too, when the second word is a proper
        // noun of its own and the sentence is not a title-case headline
        let company_after_country = |m: &Mention| {
            m.tokens.start == r.start
                && m.tokens.len() == 1
                && r.len() == 2
                && kind == ActorKind::Organization
                && m.how == How::Gazetteer(Form::Name)
                && tokens[r.end - 1].tag() == "NNP"
                && !sentence_is_upper(&tokens[sent.clone()])
                // a full name on one line: not "U.S. Postal", not a
                // heading's last word before the next line's first
                && tokens[r.start].norm.chars().skip(1).all(|c| c.is_lowercase())
                && !text[tokens[r.start].span.end..tokens[r.end - 1].span.start].contains('\n')
        };
        let swallow = overlapping.iter().all(|&i| {
            let m = &mentions[i];
            m.kind == ActorKind::Country
                && m.how != How::StateBody
                && m.tokens.start >= r.start
                && m.tokens.end <= r.end
                && (m.tokens.len() + 1 < r.len() || company_after_country(m))
        });
        if !swallow
            || r.clone()
                .any(|k| taken[k] && !overlapping.iter().any(|&i| mentions[i].tokens.contains(&k)))
        {
            continue;
        }
        for i in overlapping {
            in_sentence.swallowed.mark(i);
        }
        let span = Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end);
        for k in r.clone() {
            taken[k] = true;
        }
        mentions.push(Mention {
            tokens: r.clone(),
            span,
            title: None,
            kind,
            how: How::Model,
            lexicon: None,
            name: crate::text::fold(&text[span.start..span.end]),
            actor: None,
        });
    }
}

/// Known names inside hyphenated words: "Israeli-Hamas", "Russia-Ukraine",
/// "NATO-led". Each part that is a known form gives a mention over the
/// part's bytes (the token range is the whole word).
fn hyphen_parts(
    tokens: &[Token],
    sent: Range<usize>,
    lex: &Lexicon,
    gaz: &Gazetteer,
    out: &mut Vec<Mention>,
) {
    for k in sent {
        let t = &tokens[k];
        // "pro-Russia forces" and "then-Russian" stay whole: their first part is lower case
        if !t.norm.contains('-') || !t.is_capitalized() {
            continue;
        }
        let mut offset = t.span.start;
        let surface_parts = t.norm.split('-');
        for part in surface_parts {
            let len = part.len();
            let start = offset;
            offset += len + 1; // the folded hyphen is one byte; fix below for multibyte surfaces
            if !part.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(&slot) = gaz.single.get(&part.to_lowercase()) else {
                continue;
            };
            let Some(&p) = gaz.entries[slot].iter().find(|&&p| {
                let pt = &lex.patterns[p].tokens;
                pt.len() == 1
                    && (!pt[0]
                        .chars()
                        .all(|c| c.is_uppercase() || !c.is_alphabetic())
                        || part.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
            }) else {
                continue;
            };
            // Only exact byte mapping is safe: skip words whose folding changed length.
            if t.norm.len() != t.span.len() {
                continue;
            }
            out.push(Mention::known(
                k..k + 1,
                Span::new(start, start + len),
                &lex.patterns[p],
                lex,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, tag};

    fn lexicon() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
    }

    /// Every mention of `text` as (surface, kind, how), in text order.
    fn mentions_of(text: &str) -> Vec<(String, ActorKind, How)> {
        let lex = lexicon();
        let gaz = Gazetteer::new(lex);
        let mut analysis = analyze(text);
        tag(&mut analysis);
        find(text, &analysis, lex, &gaz)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind, m.how))
            .collect()
    }

    fn groups_of(text: &str) -> Vec<String> {
        mentions_of(text)
            .into_iter()
            .filter(|(_, _, how)| *how == How::Group)
            .map(|(s, _, _)| s)
            .collect()
    }

    #[test]
    fn a_singular_group_before_what_it_holds_is_the_group() {
        let found = mentions_of("Ethiopian troops shelled rebel positions near the border.");
        assert!(
            found.contains(&("rebel".to_string(), ActorKind::Group, How::Group)),
            "{found:?}"
        );
        // the nationality names the group, not a body of its state
        let found = mentions_of("Ugandan jets bombed Sudanese rebel bases.");
        assert!(
            found.contains(&("Sudanese rebel".to_string(), ActorKind::Group, How::Group)),
            "{found:?}"
        );
        // a rebel who is one person is no group
        let found = mentions_of("A rebel commander said the talks had failed.");
        assert!(
            found.iter().all(|(_, k, _)| *k != ActorKind::Group),
            "{found:?}"
        );
    }

    #[test]
    fn a_capital_an_act_is_aimed_at_is_no_venue() {
        let how_of = |text: &str, name: &str| {
            mentions_of(text)
                .into_iter()
                .find(|(s, _, _)| s == name)
                .map(|(_, _, how)| how)
        };
        let aimed = how_of("Beijing lashed out at Washington.", "Washington");
        assert!(aimed.is_some_and(|h| h != How::Venue), "{aimed:?}");
        let aimed = how_of("Iraq fired rockets at Riyadh.", "Riyadh");
        assert!(aimed.is_some_and(|h| h != How::Venue), "{aimed:?}");
        assert_eq!(
            how_of("Arafat met Peres at Cairo.", "Cairo"),
            Some(How::Venue)
        );
    }

    #[test]
    fn a_speaker_with_a_legal_form_is_an_organisation() {
        let found = mentions_of("Kestrel Corp said it had agreed to buy Zenith.");
        assert!(
            found.contains(&(
                "Kestrel Corp".to_string(),
                ActorKind::Organization,
                How::Context
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_tagged_as_a_verb_form_is_still_a_person() {
        // the tagger reads "Lebed" as a past participle
        let found = mentions_of("Yeltsin accused Lebed of plotting a coup.");
        assert!(
            found.contains(&("Lebed".to_string(), ActorKind::Person, How::Model)),
            "{found:?}"
        );
        // "hit back at Lebed": "at" after a verb and its particle aims the act
        let found = mentions_of("Chubais hit back at Yeltsin, accusing him of lying.");
        assert!(found.iter().any(|(s, _, _)| s == "Yeltsin"), "{found:?}");
    }

    #[test]
    fn datelines_name_no_actor() {
        // the reporter and the filing place are no actors of the story
        let found = mentions_of(
            "Pay dispute grows . Maria Delgado LIMA 2001-03-14 Peruvian miners accused Lima \
             of lying .",
        );
        assert!(
            found
                .iter()
                .all(|(s, _, _)| !s.contains("Delgado") && s != "LIMA"),
            "{found:?}"
        );
        assert!(found.iter().any(|(s, _, _)| s == "Lima"), "{found:?}");
        let found = mentions_of("KAMPALA (Reuters) - Uganda closed its border with Kenya.");
        assert!(found.iter().all(|(s, _, _)| s != "KAMPALA"), "{found:?}");
        assert!(found.iter().any(|(s, _, _)| s == "Uganda"), "{found:?}");
    }

    #[test]
    fn a_lower_case_word_spelling_an_acronym_hides_no_name_after_it() {
        // "who" is spelled like WHO; its failed match once hid "Baghdad"
        let found = mentions_of("The rebels, who Baghdad says are armed, fled.");
        assert!(
            found.contains(&(
                "Baghdad".to_string(),
                ActorKind::Country,
                How::Gazetteer(Form::Capital)
            )),
            "{found:?}"
        );
        // a kept name still leaves the word after it to the group rules
        let found = mentions_of("Belgrade was punished for its support of Bosnian Serbs.");
        assert!(
            found
                .iter()
                .any(|(s, _, h)| s == "Bosnian Serbs" && *h == How::Group),
            "{found:?}"
        );
    }

    #[test]
    fn a_national_office_without_a_name_is_a_description() {
        let found = mentions_of("The Chilean president met the king of Norway.");
        for office in ["The Chilean president", "the king of Norway"] {
            assert!(
                found.iter().any(|(s, k, h)| s == office
                    && *k == ActorKind::Person
                    && *h == How::Description),
                "{office}: {found:?}"
            );
        }
        // a title before a name, and an office word used as a modifier
        let found = mentions_of("Chilean President Ana Reyes watched the Spanish premier league.");
        assert!(
            !found.iter().any(|(_, _, h)| *h == How::Description),
            "{found:?}"
        );
    }

    #[test]
    fn bare_soldiers_are_a_mention_and_modified_ones_are_not_theirs() {
        let found = mentions_of("Rebels ambushed nine soldiers and government troops.");
        assert!(
            found
                .iter()
                .any(|(s, _, h)| s == "soldiers" && *h == How::Group),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(s, _, _)| s == "government troops"),
            "{found:?}"
        );
        let found = mentions_of("Peacekeeping troops left. Soldiers said they were tired.");
        assert!(
            !found
                .iter()
                .any(|(s, _, _)| s.ends_with("troops") || s == "Soldiers"),
            "{found:?}"
        );
    }

    #[test]
    fn one_national_after_an_article_is_no_state() {
        let found = mentions_of("FIFA suspended the Brazilian for one game.");
        assert!(!found.iter().any(|(s, _, _)| s == "Brazilian"), "{found:?}");
        let found = mentions_of("Martin beat the 11th-ranked Frenchman.");
        assert!(!found.iter().any(|(s, _, _)| s == "Frenchman"), "{found:?}");
        // collective forms and modifiers keep the state
        for text in [
            "The British protested to Iran.",
            "The Mexican and U.S. agencies agreed.",
            "The Brazilian team won.",
        ] {
            let found = mentions_of(text);
            assert!(
                found.iter().any(|(_, k, _)| *k == ActorKind::Country),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn organisation_swallowing_countries_keeps_later_mentions() {
        // The tagger's organisation swallows two country mentions in the
        // middle of the sentence; the mentions after it must still be found
        // (this once indexed past the end of the list and panicked).
        let text = "İstanbul Egypt 🇺🇦 Israel 𒐀 and Aa Egypt. Egypt met Israel.";
        let found = mentions_of(text);
        let egypt = found.iter().filter(|(s, _, _)| s == "Egypt").count();
        assert!(egypt >= 2, "{found:?}");
        assert!(found.iter().any(|(s, _, _)| s == "Israel"), "{found:?}");
    }

    #[test]
    fn a_states_possessive_names_a_group_with_its_demonym() {
        let found = mentions_of("Serbia's opposition accused the government.");
        assert_eq!(
            found[0],
            (
                "Serbia's opposition".to_string(),
                ActorKind::Group,
                How::Group
            )
        );
        assert!(found.iter().all(|(s, _, _)| s != "Serbia"), "{found:?}");
        let lex = lexicon();
        let text = "Iraq's Kurdish rebels attacked.";
        let mut analysis = analyze(text);
        tag(&mut analysis);
        let names: Vec<String> = find(text, &analysis, lex, &Gazetteer::new(lex))
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(names, vec!["Iraqi Kurdish rebels".to_string()]);
    }

    #[test]
    fn speech_verb_forms_used_as_nouns_make_no_speaker() {
        // "states" is a noun here: "Nordic" is no person who states something
        let found = mentions_of("The pact was signed by Chile and the two Nordic states.");
        assert!(!found.iter().any(|(s, _, _)| s == "Nordic"), "{found:?}");
    }

    #[test]
    fn unknown_surname_opening_a_sentence() {
        let found = mentions_of("Kravchik interrupted the talks on Sunday.");
        assert!(found.iter().any(|(s, _, _)| s == "Kravchik"), "{found:?}");
        let found = mentions_of("Dubrovec, who flew in on Monday, met the envoy.");
        assert!(found.iter().any(|(s, _, _)| s == "Dubrovec"), "{found:?}");
        // common words opening a sentence are not names
        let found = mentions_of("Inflation rose in March. Talks resumed on Friday.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn group_head_with_nationality_and_number() {
        // numbers and quantifiers are not part of the name; the nationality is
        assert_eq!(
            groups_of("Four Uzbek guerrillas ambushed a convoy on Tuesday."),
            vec!["Uzbek guerrillas"]
        );
    }

    #[test]
    fn group_head_with_adverb_and_participle() {
        assert_eq!(
            groups_of("At least three heavily armed men stormed the bank in the morning."),
            vec!["heavily armed men"]
        );
    }

    #[test]
    fn group_head_with_noun_compound() {
        assert_eq!(
            groups_of("The farmers blocked the road while mine workers held a rally."),
            vec!["farmers", "mine workers"]
        );
    }

    #[test]
    fn group_heads_that_need_a_modifier() {
        // "opposition parties", "student groups": groups; "two men": too vague
        assert_eq!(
            groups_of("Opposition parties and student groups marched. Two men watched."),
            vec!["Opposition parties", "student groups"]
        );
        assert!(groups_of("Several prominent politicians attended the dinner.").is_empty());
        // after a known state and "and", a group is the list's second actor
        assert_eq!(
            groups_of("Russia and Chechen rebels signed a deal."),
            vec!["Chechen rebels"]
        );
        // an adjective made of a participle classifies: "armed men"
        assert_eq!(
            groups_of("The tourists were seized by armed men."),
            vec!["tourists", "armed men"]
        );
    }

    #[test]
    fn a_council_described_by_its_modifiers_is_a_group() {
        assert_eq!(
            groups_of("The ruling military council dissolved parliament."),
            vec!["ruling military council"]
        );
    }

    #[test]
    fn a_state_force_stays_its_state() {
        let m = mentions_of("Peruvian troops crossed the river.");
        assert!(m.iter().all(|(_, _, how)| *how != How::Group), "{m:?}");
        assert!(
            m.iter()
                .any(|(s, k, _)| s == "Peruvian troops" && *k == ActorKind::Country),
            "{m:?}"
        );
        // "government forces" is no group: a state's force, which resolve
        // gives to the passage's one state, if it names only one
        let m = mentions_of("Government forces shelled the town.");
        assert!(m.iter().all(|(_, k, _)| *k != ActorKind::Group), "{m:?}");
    }

    #[test]
    fn a_known_organisation_keeps_its_members() {
        let m = mentions_of("Hamas fighters fired rockets overnight.");
        assert!(m.iter().all(|(_, _, how)| *how != How::Group), "{m:?}");
        assert!(
            m.iter().any(|(s, _, _)| s == "Hamas fighters"),
            "the organisation's mention covers its members: {m:?}"
        );
    }

    #[test]
    fn a_head_word_used_as_a_verb_or_in_a_name_is_no_group() {
        // "guards" is a verb, "Workers" is part of a name, "opposition" modifies "leader"
        assert!(groups_of("A single soldier guards the gate.").is_empty());
        assert!(groups_of("He joined the Socialist Workers Party in May.").is_empty());
        assert!(groups_of("The opposition leader spoke to reporters.").is_empty());
    }

    #[test]
    fn a_verb_before_the_head_is_not_a_modifier() {
        // "killed" and "using" take the group as object
        assert_eq!(
            groups_of("The army has killed civilians."),
            vec!["civilians"]
        );
        assert_eq!(
            groups_of("They were accused of using refugees as shields."),
            vec!["refugees"]
        );
    }

    #[test]
    fn a_people_named_by_a_capitalised_plural() {
        // (the police, with no state named, are a body of their own)
        assert_eq!(
            groups_of("Clashes broke out between Iraqi Kurds and the police."),
            vec!["Iraqi Kurds", "police"]
        );
        // a place in -us or a surname is no people
        assert!(groups_of("The convoy reached Nablus on Monday.").is_empty());
    }

    #[test]
    fn a_possessive_state_before_its_ministry_is_that_state() {
        let m = mentions_of("Peru's Foreign Ministry summoned the envoy.");
        assert!(
            m.iter().any(|(s, k, how)| s == "Peru's Foreign Ministry"
                && *k == ActorKind::Country
                && *how == How::StateBody),
            "{m:?}"
        );
    }

    #[test]
    fn a_country_inside_a_title_with_a_field_noun_is_absorbed() {
        let m = mentions_of("Peru's trade minister Ana Rojas arrived.");
        assert!(
            m.iter()
                .any(|(s, _, how)| s == "Peru" && *how == How::InTitle),
            "{m:?}"
        );
    }

    #[test]
    fn an_opening_name_before_a_speech_verb_is_a_person() {
        let m = mentions_of("Kovacs said the deal was done.");
        assert!(
            m.iter()
                .any(|(s, k, _)| s == "Kovacs" && *k == ActorKind::Person),
            "{m:?}"
        );
        let m = mentions_of("Everyone said the deal was done.");
        assert!(m.iter().all(|(s, _, _)| s != "Everyone"), "{m:?}");
    }

    #[test]
    fn nationality_before_a_person_noun_is_an_actor() {
        let found = mentions_of("A Malian man was deported on Friday.");
        assert!(
            found.contains(&("Malian man".to_string(), ActorKind::Person, How::Group)),
            "{found:?}"
        );
        assert!(found.iter().all(|(s, _, _)| s != "Malian"), "{found:?}");
        let found = mentions_of("Gunmen seized a Swedish couple near the border.");
        assert!(
            found.contains(&("Swedish couple".to_string(), ActorKind::Group, How::Group)),
            "{found:?}"
        );
        // a man with no nationality is anyone
        assert!(groups_of("An elderly man was deported on Friday.").is_empty());
    }

    #[test]
    fn coordinated_nationalities_before_a_group_head() {
        let groups = groups_of("The army expelled hundreds of Chadian and Nigerien workers.");
        assert_eq!(groups, vec!["Chadian and Nigerien workers".to_string()]);
    }

    #[test]
    fn classifying_adjectives_make_a_group_of_a_vague_head() {
        assert_eq!(
            groups_of("Later, separatist groups marched on the capital."),
            vec!["separatist groups".to_string()]
        );
        assert!(groups_of("Later, prominent groups marched on the capital.").is_empty());
        assert!(classifying_adjective("commercial") && classifying_adjective("nationalist"));
        assert!(!classifying_adjective("big") && !classifying_adjective("several"));
    }

    #[test]
    fn listed_peoples_may_follow_the_article() {
        assert_eq!(
            groups_of("Clashes broke out between the Christians and the army."),
            vec!["Christians".to_string()]
        );
        // other capitalised plurals after "the" may be a team or a range
        assert!(groups_of("He was hiking in the Rockies with the Yankees.").is_empty());
        // (bare soldiers are a mention of their own, see `bare_troops`)
        assert_eq!(
            groups_of("Fighting erupted between foreigners and soldiers."),
            vec!["foreigners".to_string(), "soldiers".to_string()]
        );
    }

    #[test]
    fn police_without_a_state_are_an_organisation_unless_they_only_report() {
        let found = mentions_of("On Monday police detained two journalists.");
        assert!(
            found.contains(&("police".to_string(), ActorKind::Organization, How::Group)),
            "{found:?}"
        );
        let found = mentions_of("Local police blocked the road, the mayor said.");
        assert!(
            found
                .iter()
                .any(|(s, k, _)| s == "Local police" && *k == ActorKind::Organization),
            "{found:?}"
        );
        // a source of news, not an actor
        assert!(mentions_of("Two people died in the crash, police said.").is_empty());
        assert!(mentions_of("Two people died, according to police.").is_empty());
        // a thing of the police
        assert!(groups_of("He was held in police custody.").is_empty());
        // a place before them says whose police speak
        let found = mentions_of("Macau police said on Friday the boy was found.");
        assert!(
            found.iter().any(|(s, _, _)| s == "Macau police"),
            "{found:?}"
        );
    }

    #[test]
    fn police_in_a_country_are_that_state() {
        let found = mentions_of("Police in Kenya have arrested an opposition leader.");
        assert_eq!(
            found[0],
            (
                "Police in Kenya".to_string(),
                ActorKind::Country,
                How::StateBody
            )
        );
    }

    #[test]
    fn courts_with_a_place_and_central_banks_are_organisations() {
        let found = mentions_of("A Lyon court jailed the banker for two years.");
        assert!(
            found.contains(&(
                "Lyon court".to_string(),
                ActorKind::Organization,
                How::Group
            )),
            "{found:?}"
        );
        // "the court" alone refers back; it is no new body
        assert!(groups_of("The court jailed the banker.").is_empty());
        let lex = lexicon();
        let text = "Chile's central bank raised the key rate.";
        let mut analysis = analyze(text);
        tag(&mut analysis);
        let found = find(text, &analysis, lex, &Gazetteer::new(lex));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Chilean central bank");
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Chile's central bank"
        );
    }

    #[test]
    fn a_capitalised_word_coordinated_with_a_name_is_a_name() {
        let found = mentions_of("Neither Zavgayev nor Boris Yeltsin made a statement.");
        assert!(found.iter().any(|(s, _, _)| s == "Zavgayev"), "{found:?}");
        // a modifier of a noun is no name
        let found = mentions_of("Alexander Lebed and Ingush rebel leaders met.");
        assert!(found.iter().all(|(s, _, _)| s != "Ingush"), "{found:?}");
    }

    #[test]
    fn a_possessive_opening_a_sentence_is_a_name() {
        let found = mentions_of("Kravchik's deputy was expelled on Monday.");
        assert!(found.iter().any(|(s, _, _)| s == "Kravchik"), "{found:?}");
    }

    #[test]
    fn an_unknown_name_before_spokesman_is_an_organisation() {
        let found = mentions_of("A Balfour spokesman told the agency the talks failed.");
        assert!(
            found
                .iter()
                .any(|(s, k, _)| s == "Balfour" && *k == ActorKind::Organization),
            "{found:?}"
        );
        // the rule on its own, whatever the tagger finds
        let lex = lexicon();
        let text = "A Zembrot spokesman declined to comment.";
        let mut analysis = analyze(text);
        tag(&mut analysis);
        let mut found = Vec::new();
        let mut taken = vec![false; analysis.tokens.len()];
        let sentence = analysis.sentences[0].tokens.clone();
        spokesman_organisations(
            text,
            &analysis.tokens,
            sentence,
            &mut found,
            &mut taken,
            lex,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].name.as_str(), found[0].kind),
            ("Zembrot", ActorKind::Organization)
        );
        let found = mentions_of("A Defence Ministry spokesman told the agency.");
        assert!(
            found.iter().all(|(_, k, _)| *k != ActorKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_place_possessive_names_a_group() {
        assert_eq!(
            groups_of("Troops fought Ingushetia's separatists on Sunday."),
            vec!["Troops".to_string(), "Ingushetia's separatists".to_string()]
        );
        assert_eq!(
            groups_of("Ingushetia's separatists attacked a convoy."),
            vec!["Ingushetia's separatists".to_string()]
        );
        assert!(place_shaped("chechnya") && !place_shaped("yeltsin"));
    }

    #[test]
    fn a_country_after_a_preposition_of_place_is_a_place() {
        let found = mentions_of("Aid workers in northern Malawi met the envoy.");
        assert!(
            found
                .iter()
                .any(|(s, _, how)| s == "Malawi" && *how == How::Place),
            "{found:?}"
        );
        // a situation it is the subject of, or its own possessive, keep the state
        for text in [
            "Donors discussed the crisis in Malawi.",
            "Donors met in Malawi's capital.",
            "The minister lashed out at Malawi.",
        ] {
            let found = mentions_of(text);
            assert!(
                found.iter().any(|(s, k, how)| s == "Malawi"
                    && *k == ActorKind::Country
                    && matches!(how, How::Gazetteer(_))),
                "{text}: {found:?}"
            );
        }
        assert!(is_compass_word("south-western") && is_compass_word("central"));
        assert!(!is_compass_word("southerners") && !is_compass_word("the"));
    }

    /// Names the tagger found, with kind: (surface, kind) of every model
    /// mention of `text`.
    fn model_names(text: &str) -> Vec<(String, ActorKind)> {
        mentions_of(text)
            .into_iter()
            .filter(|(_, _, how)| *how == How::Model)
            .map(|(s, k, _)| (s, k))
            .collect()
    }

    #[test]
    fn a_weekday_after_a_name_is_no_part_of_it() {
        let found = model_names("Speaking on the channel CNBC Tuesday, the banker was upbeat.");
        assert!(
            found.iter().all(|(s, _)| !s.contains("Tuesday")),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_ending_in_a_body_noun_is_an_organisation_with_its_place() {
        let found =
            mentions_of("The Oregon Hazelnut Commission -- a trade body -- said prices fell.");
        assert!(
            found.iter().any(|(s, k, _)| s == "Oregon Hazelnut Commission"
                && *k == ActorKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn a_company_name_runs_on_to_its_legal_form() {
        let found = model_names("Buyers include Zenbrook and Acme Two Corp. among others.");
        assert!(
            found.iter().any(|(s, _)| s == "Acme Two Corp."),
            "{found:?}"
        );
    }

    #[test]
    fn places_the_tagger_took_for_names_are_venues() {
        assert!(is_place_name(
            &analyze("the Old Town of Quedlinburg").tokens,
            1..3
        ));
        let toks = analyze("Society for Relief Across the Red Sea").tokens;
        assert!(!is_place_name(&toks, 0..toks.len()));
        for text in [
            "The plane came down over Ballymena, Ireland.",
            "Rains hit 12 Southern and Northwestern states.",
        ] {
            let found = mentions_of(text);
            assert!(
                found
                    .iter()
                    .all(|(_, k, how)| *how == How::Venue || !matches!(k, ActorKind::Person))
                    && found.iter().any(|(_, _, how)| *how == How::Venue),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_state_before_a_private_person_noun_names_a_person() {
        let found = mentions_of("A veteran Malawi politician criticised the cabinet.");
        assert!(
            found.contains(&(
                "veteran Malawi politician".to_string(),
                ActorKind::Person,
                How::Group
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_people_coordinated_with_a_state_is_a_group() {
        assert_eq!(
            groups_of("Egypt and Kurds have welcomed the truce."),
            vec!["Kurds".to_string()]
        );
    }

    #[test]
    fn a_name_after_a_place_noun_and_of_is_a_venue() {
        let found = mentions_of(
            "Dutch police found the girl in the northern city of Utrecht and arrested two men.",
        );
        assert!(
            found
                .iter()
                .any(|(s, _, how)| s == "Utrecht" && *how == How::Venue),
            "{found:?}"
        );
    }
}
