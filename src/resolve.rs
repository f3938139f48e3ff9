//! Resolve stage: one actor per real-world entity.
//!
//! Every mention gets the index of a [`DocActor`]. Known forms resolve to
//! their lexicon entry; new names resolve to a known person when they are a
//! spelling variant of one (Witkov -> Steve Witkoff), to an earlier full
//! name when they are its surname, and otherwise start a new actor.
//! Pronouns and descriptions ("the envoy", "the two leaders") take the
//! most recent fitting actor.

use crate::lexicon::{slug, ActorKind, Form, Lexicon};
use crate::mentions::{How, Mention};
use crate::text::{Analysis, Token};
use std::collections::BTreeSet;

/// An actor of one document, before documents are merged into a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct DocActor {
    /// Stable id shared across documents (a slug of the canonical name).
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Country or organisation the actor belongs to, if known.
    pub affiliation: Option<String>,
    /// Role, if known.
    pub role: Option<String>,
    /// Every surface form seen (with titles), sorted.
    pub aliases: BTreeSet<String>,
    /// Number of mentions in the document.
    pub mentions: usize,
}

/// Jaro-Winkler threshold above which an unknown name is a spelling variant.
const VARIANT_THRESHOLD: f64 = 0.9;

fn last_word(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn first_word(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// True when `word` is a spelling variant of a known person's surname.
pub fn is_known_variant(word: &str, lex: &Lexicon) -> bool {
    fuzzy_person(word, lex).is_some()
}

/// Finds a lexicon person whose name is a spelling variant of `name`.
fn fuzzy_person(name: &str, lex: &Lexicon) -> Option<usize> {
    let name_l = name.to_lowercase();
    let sur = last_word(&name_l);
    if sur.len() < 4 {
        return None;
    }
    let words = name_l.split_whitespace().count();
    let mut best: Option<(f64, usize)> = None;
    for (i, a) in lex.actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        let full = crate::text::fold(&a.name).to_lowercase();
        let asur = last_word(&full);
        if asur.chars().next() != sur.chars().next() {
            continue;
        }
        let s = strsim::jaro_winkler(sur, asur);
        if s < VARIANT_THRESHOLD {
            continue;
        }
        // A first name, when given, must agree too.
        if words > 1 {
            let f = strsim::jaro_winkler(first_word(&name_l), first_word(&full));
            if f < 0.8 {
                continue;
            }
        }
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Words that form the head of a description and what they may refer to.
fn description_fits(head: &str, actor: &DocActor, lex: &Lexicon) -> bool {
    let h = head.trim_end_matches('s');
    let in_aliases = actor.aliases.iter().any(|a| a.to_lowercase().split_whitespace().any(|w| w.trim_end_matches('s') == h));
    let in_role = actor.role.as_deref().is_some_and(|r| r.to_lowercase().contains(h));
    match h {
        "country" | "nation" | "state" => actor.kind == ActorKind::Country,
        "leader" | "side" => matches!(actor.kind, ActorKind::Person | ActorKind::Country | ActorKind::Group),
        "movement" | "group" | "militant" => actor.kind == ActorKind::Group,
        _ => {
            let _ = lex;
            in_aliases || in_role
        }
    }
}

/// Resolves every mention of a document to a document actor.
pub fn resolve(analysis: &Analysis, mentions: &mut [Mention], lex: &Lexicon) -> Vec<DocActor> {
    let tokens = &analysis.tokens;
    let mut actors: Vec<DocActor> = Vec::new();
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut add = |actors: &mut Vec<DocActor>, id: String, label: String, kind: ActorKind, affiliation: Option<String>, role: Option<String>| -> usize {
        if let Some(&i) = by_id.get(&id) {
            return i;
        }
        actors.push(DocActor { id: id.clone(), label, kind, affiliation, role, aliases: BTreeSet::new(), mentions: 0 });
        by_id.insert(id, actors.len() - 1);
        actors.len() - 1
    };
    // Pass 1: names (known and new), so that surnames can look forward too.
    let full_names: Vec<(String, usize)> = Vec::new();
    let mut full_names = full_names;
    for m in mentions.iter_mut() {
        if let Some(li) = m.lexicon {
            let a = &lex.actors[li];
            let i = add(&mut actors, a.id.clone(), a.name.clone(), a.kind, a.affiliation.clone(), a.role.clone());
            m.actor = Some(i);
            if a.kind == ActorKind::Person && a.name.contains(' ') {
                full_names.push((crate::text::fold(last_word(&a.name)).to_lowercase(), i));
            }
        } else if m.kind != ActorKind::Person && m.how == How::Context {
            let i = add(&mut actors, slug(&m.name), m.name.clone(), m.kind, None, None);
            m.actor = Some(i);
        } else if matches!(m.how, How::Title | How::Context) && m.name.contains(' ') {
            let i = match fuzzy_person(&m.name, lex) {
                Some(li) => {
                    let a = &lex.actors[li];
                    add(&mut actors, a.id.clone(), a.name.clone(), a.kind, a.affiliation.clone(), a.role.clone())
                }
                None => add(&mut actors, slug(&m.name), m.name.clone(), ActorKind::Person, None, None),
            };
            m.actor = Some(i);
            full_names.push((last_word(&m.name).to_lowercase(), i));
        }
    }
    // Pass 2: single-word new names: a surname of a full name in the
    // document, a variant of a known person, or a new person.
    for m in mentions.iter_mut() {
        if m.actor.is_some() || !matches!(m.how, How::Title | How::Context) {
            continue;
        }
        let l = m.name.to_lowercase();
        let i = if let Some(&(_, i)) = full_names.iter().find(|(s, _)| *s == l) {
            i
        } else if let Some(&(_, i)) = full_names.iter().find(|(s, _)| s.len() >= 4 && strsim::jaro_winkler(s, &l) >= VARIANT_THRESHOLD && s.chars().next() == l.chars().next()) {
            i
        } else if let Some(li) = fuzzy_person(&m.name, lex) {
            let a = &lex.actors[li];
            add(&mut actors, a.id.clone(), a.name.clone(), a.kind, a.affiliation.clone(), a.role.clone())
        } else {
            add(&mut actors, slug(&m.name), m.name.clone(), ActorKind::Person, None, None)
        };
        m.actor = Some(i);
    }
    // Aliases: every surface form, with its title.
    for m in mentions.iter() {
        let Some(i) = m.actor else { continue };
        actors[i].mentions += 1;
        let surface = surface_of(tokens, m.tokens.clone());
        actors[i].aliases.insert(surface.clone());
        if let Some(t) = &m.title {
            actors[i].aliases.insert(format!("{} {}", surface_of(tokens, t.clone()), surface));
        }
        if let How::Gazetteer(Form::Demonym) = m.how {
            actors[i].aliases.insert(surface);
        }
    }
    // Pass 3: pronouns and descriptions, in text order.
    let order: Vec<usize> = (0..mentions.len()).collect();
    for &k in &order {
        if mentions[k].actor.is_some() {
            continue;
        }
        let m = mentions[k].clone();
        let target = match m.how {
            How::Pronoun => antecedent(&m, &mentions[..k], &actors),
            How::Description => mentions[..k].iter().rev().filter_map(|p| p.actor).find(|&a| description_fits(&m.name, &actors[a], lex)),
            _ => None,
        };
        mentions[k].actor = target;
    }
    actors
}

fn surface_of(tokens: &[Token], r: std::ops::Range<usize>) -> String {
    let mut s = String::new();
    for (k, t) in tokens[r].iter().enumerate() {
        if k > 0 && !(t.norm == "'s" || t.norm == "'") {
            s.push(' ');
        }
        s.push_str(&t.norm);
    }
    s
}

/// The most recent actor a pronoun can refer to.
fn antecedent(p: &Mention, before: &[Mention], actors: &[DocActor]) -> Option<usize> {
    let person = matches!(p.name.as_str(), "he" | "him" | "his" | "she" | "her");
    let plural = matches!(p.name.as_str(), "they" | "them" | "their");
    let neuter = matches!(p.name.as_str(), "it" | "its");
    if !(person || plural || neuter) {
        return None;
    }
    before
        .iter()
        .rev()
        .filter(|m| m.how != How::Pronoun || m.actor.is_some())
        .filter_map(|m| m.actor.map(|a| (m, a)))
        .find(|(m, a)| {
            let kind = actors[*a].kind;
            if person {
                kind == ActorKind::Person
            } else if neuter {
                kind != ActorKind::Person && !matches!(m.how, How::Gazetteer(Form::Demonym))
            } else {
                kind != ActorKind::Person
            }
        })
        .map(|(_, a)| a)
}
