//! Resolve stage: one actor per real-world entity.
//!
//! Every mention gets the index of a [`DocActor`]. Known forms resolve to
//! their lexicon entry; new names resolve to a known person when they are a
//! spelling variant of one (Witkov -> Steve Witkoff), to an earlier full
//! name when they are its surname, and otherwise start a new actor.
//! Pronouns and descriptions ("the envoy", "the two leaders") take the
//! most recent fitting actor.

use crate::lexicon::{ActorKind, Form, Lexicon, slug};
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

impl DocActor {
    /// A document actor for a lexicon entry.
    fn of_entry(a: &crate::lexicon::ActorEntry) -> Self {
        DocActor {
            id: a.id.clone(),
            label: a.name.clone(),
            kind: a.kind,
            affiliation: a.affiliation.clone(),
            role: a.role.clone(),
            aliases: BTreeSet::new(),
            mentions: 0,
        }
    }

    /// A document actor for a name the lexicon does not know.
    fn named(name: &str, kind: ActorKind) -> Self {
        DocActor {
            id: slug(name),
            label: name.to_string(),
            kind,
            affiliation: None,
            role: None,
            aliases: BTreeSet::new(),
            mentions: 0,
        }
    }
}

/// How far (in tokens) a surname looks for its full name.
const NAME_WINDOW: usize = 4000;

/// Jaro-Winkler threshold above which an unknown name is a spelling variant.
const VARIANT_THRESHOLD: f64 = 0.9;

/// Most letters (edits) in which two transliterations of one name differ:
/// "Lukashenka" and "Lukashenko" are one name, but "Karadzic" and "Karzai",
/// alike by Jaro-Winkler (they share "Kar"), differ in four letters.
const VARIANT_MAX_EDITS: usize = 2;

/// Jaro-Winkler similarity of two transliteration keys when they are
/// spellings of one name, else `None`.
fn variant_similarity(a: &str, b: &str) -> Option<f64> {
    let s = strsim::jaro_winkler(a, b);
    (s >= VARIANT_THRESHOLD && strsim::levenshtein(a, b) <= VARIANT_MAX_EDITS).then_some(s)
}

/// The indices of the mentions (sorted by start token, as
/// [`crate::mentions::find`] returns them) that start inside token range
/// `r`: a binary search, so that look-ups stay linear in a long document.
fn starting_in(mentions: &[Mention], r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let lo = mentions.partition_point(|m| m.tokens.start < r.start);
    let hi = mentions.partition_point(|m| m.tokens.start < r.end);
    lo..hi.max(lo)
}

/// The indices of the mentions ending at each token, in mention order.
fn ending_at(mentions: &[Mention]) -> foldhash::HashMap<usize, Vec<usize>> {
    let mut map: foldhash::HashMap<usize, Vec<usize>> = foldhash::HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        map.entry(m.tokens.end).or_default().push(i);
    }
    map
}

/// The surname of a name: its last word, without an Arabic article
/// joined to it ("al-Assad" and "el-Sisi" are known as "Assad", "Sisi").
pub(crate) fn last_word(name: &str) -> &str {
    let last = name.split_whitespace().last().unwrap_or(name);
    ["al-", "el-", "Al-", "El-"]
        .iter()
        .find_map(|article| last.strip_prefix(article))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(last)
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
    // Short names one letter apart are usually different names ("Said" and
    // "Saied", "Khan" and "Khani"): below six letters only the same
    // transliteration key counts as a variant.
    let exact_only = sur.chars().count() < 6;
    let words = name_l.split_whitespace().count();
    let mut best: Option<(f64, usize)> = None;
    let mut tied = false;
    // The lexicon's keys are computed once, when it is built.
    let k1 = translit_key(sur);
    let k1_first = k1.chars().next();
    for p in lex.person_keys() {
        let (i, full, k2) = (p.actor, &p.full, &p.surname);
        if k1_first != k2.chars().next() {
            continue;
        }
        let Some(s) = variant_similarity(&k1, k2) else {
            continue;
        };
        if exact_only && k1 != *k2 {
            continue;
        }
        // A first name, when given, must agree too.
        if words > 1 {
            let f = strsim::jaro_winkler(first_word(&name_l), first_word(full));
            if f < 0.8 {
                continue;
            }
        }
        match best {
            Some((b, j)) if s == b && j != i => tied = true,
            Some((b, _)) if s <= b => {}
            _ => (best, tied) = (Some((s, i)), false),
        }
    }
    // Two known people fit equally well ("Clinton" with Bill and Hillary
    // Clinton in the lexicon): the name alone cannot tell which is meant.
    if tied {
        return None;
    }
    best.map(|(_, i)| i)
}

/// The one known person whose name has `word` as its first or last word
/// ("Xi" is Xi Jinping); none when several share it ("Kim").
fn unique_name_word(word: &str, lex: &Lexicon) -> Option<usize> {
    // surnames first ("Abbas" is Mahmoud Abbas, not Abbas Araghchi), then
    // family names written first ("Xi")
    for last in [true, false] {
        let mut found = None;
        let mut ambiguous = false;
        for (i, a) in lex.actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            let full = crate::text::fold(&a.name).to_lowercase();
            let words: Vec<&str> = full.split_whitespace().collect();
            // a first word is a family name only where names are written
            // family name first: "Xi" is Xi Jinping, "Bruno" is no one
            let hit = words.len() > 1
                && if last {
                    last_word(&full) == word
                } else {
                    words[0] == word
                        && a.affiliation
                            .as_ref()
                            .is_some_and(|c| lex.family_name_first.binary_search(c).is_ok())
                };
            if hit {
                ambiguous |= found.is_some();
                found = Some(i);
            }
        }
        if ambiguous {
            return None;
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A spelling key that smooths over common transliteration differences
/// (Zelenskyy / Zelensky / Selenskyj, Witkoff / Witkov, Sergei / Sergey).
pub fn translit_key(word: &str) -> String {
    let mut w = word.to_lowercase();
    for (from, to) in [
        ("sch", "sh"),
        ("tsch", "ch"),
        ("kh", "h"),
        ("ph", "f"),
        ("ff", "f"),
        ("yy", "y"),
        ("ij", "y"),
        ("iy", "y"),
        ("yj", "y"),
        ("ey", "ei"),
        ("w", "v"),
    ] {
        w = w.replace(from, to);
    }
    if w.ends_with('v') {
        w.pop();
        w.push('f');
    }
    if w.ends_with('j') {
        w.pop();
        w.push('y');
    }
    // initial letters that transliterations swap
    match w.chars().next() {
        Some('z') => w.replace_range(0..1, "s"),
        Some('c') => w.replace_range(0..1, "k"),
        Some('j') => w.replace_range(0..1, "y"),
        _ => {}
    }
    w
}

/// Words that form the head of a description and what they may refer to.
fn description_fits(head: &str, actor: &DocActor) -> bool {
    let h = head.trim_end_matches('s');
    let in_aliases = actor.aliases.iter().any(|a| {
        let a = a.to_lowercase();
        // a two-word office ("prime minister") is looked for as a phrase
        a.split_whitespace().any(|w| w.trim_end_matches('s') == h)
            || h.contains(' ') && a.contains(h)
    });
    let in_role = actor
        .role
        .as_deref()
        .is_some_and(|r| r.to_lowercase().contains(h));
    match h {
        "country" | "nation" | "state" => actor.kind == ActorKind::Country,
        "leader" | "side" => matches!(
            actor.kind,
            ActorKind::Person | ActorKind::Country | ActorKind::Group
        ),
        "movement" | "group" | "militant" => actor.kind == ActorKind::Group,
        "bloc" | "alliance" | "organization" | "organisation" | "body" => {
            actor.kind == ActorKind::Organization
        }
        "government" | "administration" | "military" | "army" | "navy" | "regime" | "cabinet"
        | "ministry" | "embassy" => {
            actor.kind == ActorKind::Country && (in_aliases || h != "ministry" && h != "embassy")
        }
        _ => in_aliases || in_role,
    }
}

/// The last word of a mention, lower case: the head of a group phrase.
fn head_of(tokens: &[Token], m: &Mention) -> String {
    tokens[m.tokens.end - 1].lower.clone()
}

/// A bare group head ("the rebels") after a group named with the same head
/// ("Chechen rebels", "PKK rebels") is that group.
fn earlier_group(tokens: &[Token], m: &Mention, heads: &GroupHeads) -> Option<usize> {
    if m.tokens.len() != 1 {
        return None;
    }
    heads.get(&head_of(tokens, m)).copied()
}

/// The last organisation or group named with each head word so far.
type GroupHeads = std::collections::HashMap<String, usize>;

/// Notes that mention `m` names actor `a`, when `a` is an organisation or
/// a group.
fn note_group_head(
    heads: &mut GroupHeads,
    tokens: &[Token],
    m: &Mention,
    a: usize,
    actors: &[DocActor],
) {
    if matches!(actors[a].kind, ActorKind::Group | ActorKind::Organization) {
        heads.insert(head_of(tokens, m), a);
    }
}

/// An organisation named by the last word of an earlier organisation's
/// name ("the Commission" after "the European Commission").
fn shortened_name(name: &str, kind: ActorKind, actors: &[DocActor]) -> Option<usize> {
    if name.contains(' ') || kind != ActorKind::Organization {
        return None;
    }
    let l = name.to_lowercase();
    actors.iter().rposition(|a| {
        matches!(a.kind, ActorKind::Organization | ActorKind::Group)
            && a.label.contains(' ')
            && last_word(&a.label).to_lowercase() == l
    })
}

/// The state a person serves, read from the title: a country inside it
/// ("Norway's trade minister Ingrid Dahl", "Chilean army chief Pablo
/// Reyes"), else the state of the person whose title it is ("Russian
/// President Boris Yeltsin's security chief Alexander Lebed").
fn affiliations(tokens: &[Token], mentions: &[Mention], actors: &mut [DocActor], lex: &Lexicon) {
    let ends = ending_at(mentions);
    for (k, m) in mentions.iter().enumerate() {
        let (Some(i), Some(title)) = (m.actor, m.title.as_ref()) else {
            continue;
        };
        if actors[i].kind != ActorKind::Person || actors[i].affiliation.is_some() {
            continue;
        }
        let inside = mentions[starting_in(mentions, title.clone())]
            .iter()
            .filter(|q| q.how == How::InTitle && q.tokens.end <= title.end)
            .filter_map(|q| q.lexicon)
            .rfind(|&li| lex.actors[li].kind == ActorKind::Country)
            .map(|li| lex.actors[li].name.clone());
        let patron = || {
            let before = title.start.checked_sub(1)?;
            if tokens[before].lower != "'s" {
                return None;
            }
            let p = ends
                .get(&before)?
                .iter()
                .rev()
                .filter(|&&q| q < k)
                .map(|&q| &mentions[q])
                .find(|q| q.kind == ActorKind::Person)?;
            actors[p.actor?].affiliation.clone()
        };
        if let Some(state) = inside.or_else(patron) {
            actors[i].affiliation = Some(state);
        }
    }
}

/// The state a passage is about: the one country its names, capitals,
/// seats, nationality words and state bodies refer to, when they all refer
/// to one (a lexicon index). Venues, countries inside titles and parts of
/// hyphenated words ("the Israel-PLO deal") do not count.
pub fn home_country(tokens: &[Token], mentions: &[Mention], lex: &Lexicon) -> Option<usize> {
    let mut home = None;
    for m in mentions {
        let Some(li) = m.lexicon else { continue };
        if lex.actors[li].kind != ActorKind::Country
            || !matches!(m.how, How::Gazetteer(_) | How::StateBody | How::Place)
            || m.tokens.len() == 1 && tokens[m.tokens.start].span != m.span
        {
            continue;
        }
        match home {
            None => home = Some(li),
            Some(h) if h != li => return None,
            Some(_) => {}
        }
    }
    home
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Police or troops named without a state ("police", "Police", "riot
/// police", "police officers", "soldiers"): the state's force, when the
/// passage is about one state. "local police" belong to a town, and a
/// place before them ("Hong Kong police") names whose they are.
fn state_force(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let head = words
        .iter()
        .position(|w| matches!(*w, "police" | "policemen"));
    head.is_some_and(|h| {
        words[..h]
            .iter()
            .all(|w| matches!(*w, "riot" | "secret" | "security" | "military" | "border"))
    }) || state_troops(name)
}

/// Soldiers named without whose they are ("soldiers", "government
/// troops", see `mentions::bare_troops`): the state's, when the passage
/// is about one state, else no one's.
fn state_troops(name: &str) -> bool {
    matches!(
        name,
        "soldiers"
            | "troops"
            | "government soldiers"
            | "government troops"
            | "army soldiers"
            | "army troops"
            | "government forces"
            | "security forces"
    )
}

/// Resolves every mention of a document to a document actor.
pub fn resolve(analysis: &Analysis, mentions: &mut [Mention], lex: &Lexicon) -> Vec<DocActor> {
    let tokens = &analysis.tokens;
    let mut actors: Vec<DocActor> = Vec::new();
    let mut by_id: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    let mut add = |actors: &mut Vec<DocActor>, actor: DocActor| -> usize {
        if let Some(&i) = by_id.get(&actor.id) {
            return i;
        }
        by_id.insert(actor.id.clone(), actors.len());
        actors.push(actor);
        actors.len() - 1
    };
    // Pass 1: names (known and new), so that surnames can look forward too.
    // (full name, actor, token position, salience) of every full name in the document
    let mut full_names: Vec<(String, usize, usize, u8)> = Vec::new();
    let mut group_heads = GroupHeads::new();
    let home = home_country(tokens, mentions, lex);
    // the people named in full so far, by surname, the latest last
    let mut by_surname: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
    let note_full_name =
        |by_surname: &mut foldhash::HashMap<String, Vec<usize>>, full: &str, a: usize| {
            let people = by_surname.entry(last_word(full).to_string()).or_default();
            people.retain(|&p| p != a);
            people.push(a);
        };
    // the latest state named, with its sentence: "Austria said its police
    // ..." gives the police to the state "its" refers to
    let mut last_state: Option<(usize, usize)> = None;
    for m in mentions.iter_mut() {
        let sentence = analysis.sentence_of(m.tokens.start);
        // a description keeps its state for the resolve of pass 3
        if let Some(li) = m.lexicon.filter(|_| m.how != How::Description) {
            // "Francesca Albanese ... Albanese": a one-word alias of a known
            // person refers to the person of that name already in the text.
            if lex.actors[li].kind == ActorKind::Person && m.tokens.len() == 1 {
                let surname = crate::text::fold(last_word(&lex.actors[li].name)).to_lowercase();
                if let Some(&prev) = by_surname.get(&surname).and_then(|people| {
                    people
                        .iter()
                        .rev()
                        .find(|&&a| actors[a].id != lex.actors[li].id)
                }) {
                    m.actor = Some(prev);
                    continue;
                }
            }
            let a = &lex.actors[li];
            let i = add(&mut actors, DocActor::of_entry(a));
            m.actor = Some(i);
            if a.kind == ActorKind::Country
                && let Some(si) = sentence
            {
                last_state = Some((si, i));
            }
            if matches!(a.kind, ActorKind::Organization | ActorKind::Group) {
                note_group_head(&mut group_heads, tokens, m, i, &actors);
            }
            if a.kind == ActorKind::Person && a.name.contains(' ') {
                let full = crate::text::fold(&a.name).to_lowercase();
                note_full_name(&mut by_surname, &full, i);
                full_names.push((full, i, m.tokens.start, salience(tokens, m)));
            }
        } else if m.how == How::Group {
            let police = m.kind == ActorKind::Organization && state_force(&m.name);
            let central_bank = m.kind == ActorKind::Organization && m.name == "central bank";
            // "its police", "their troops": the state named before in
            // the sentence, whose they are
            let owned = m.tokens.start > 0
                && matches!(tokens[m.tokens.start - 1].lower.as_str(), "its" | "their");
            if owned
                && (police || state_troops(&m.name))
                && let Some((si, state)) = last_state
                && sentence == Some(si)
            {
                m.actor = Some(state);
                continue;
            }
            if home.is_none() && state_troops(&m.name) {
                continue; // whose soldiers they are is not said
            }
            let i = match (earlier_group(tokens, m, &group_heads), home) {
                (_, Some(h)) if police => add(&mut actors, DocActor::of_entry(&lex.actors[h])),
                (_, Some(h)) if central_bank => {
                    let state = lex.demonym(h).unwrap_or_else(|| lex.actors[h].name.clone());
                    let name = format!("{state} central bank");
                    add(&mut actors, DocActor::named(&name, m.kind))
                }
                (Some(i), _) => i,
                (None, _) => add(&mut actors, DocActor::named(&m.name, m.kind)),
            };
            m.actor = Some(i);
            note_group_head(&mut group_heads, tokens, m, i, &actors);
        } else if m.kind != ActorKind::Person && matches!(m.how, How::Context | How::Model) {
            // "the Commission" after "the European Commission": the same body
            let i = match shortened_name(&m.name, m.kind, &actors) {
                Some(i) => i,
                None => add(&mut actors, DocActor::named(&m.name, m.kind)),
            };
            m.actor = Some(i);
            note_group_head(&mut group_heads, tokens, m, i, &actors);
        } else if matches!(m.how, How::Title | How::Context | How::Model) && m.name.contains(' ') {
            let i = match fuzzy_person(&m.name, lex) {
                Some(li) => {
                    let a = &lex.actors[li];
                    add(&mut actors, DocActor::of_entry(a))
                }
                None => add(&mut actors, DocActor::named(&m.name, ActorKind::Person)),
            };
            m.actor = Some(i);
            let full = m.name.to_lowercase();
            note_full_name(&mut by_surname, &full, i);
            full_names.push((full, i, m.tokens.start, salience(tokens, m)));
        }
    }
    // Pass 2: single-word new names: a surname of a full name in the
    // document, a variant of a known person, or a new person. Only full
    // names within NAME_WINDOW tokens are candidates, so that the cost stays
    // linear in the length of a long document.
    full_names.sort_by_key(|e| e.2);
    for m in mentions.iter_mut() {
        if m.actor.is_some() || !matches!(m.how, How::Title | How::Context | How::Model) {
            continue;
        }
        let l = m.name.to_lowercase();
        let key = translit_key(&l);
        // Two people may share a surname: the closest full name before the
        // mention wins, else the first after it.
        // Two people may share a name word ("Kim"): the most salient, then
        // closest, full name before the mention wins, else the first after.
        let lo = full_names.partition_point(|e| e.2 + NAME_WINDOW < m.tokens.start);
        let hi = full_names.partition_point(|e| e.2 < m.tokens.start + NAME_WINDOW);
        let full_names = &full_names[lo..hi.max(lo)];
        let pick = |pred: &dyn Fn(&str) -> bool| {
            let matches = |(n, _, _, _): &&(String, usize, usize, u8)| {
                pred(last_word(n)) || n.split_whitespace().next().is_some_and(pred)
            };
            let before = full_names
                .iter()
                .filter(|e| matches(e) && e.2 < m.tokens.start)
                .min_by_key(|e| (e.3, usize::MAX - e.2));
            before
                .or_else(|| full_names.iter().filter(|e| matches(e)).min_by_key(|e| e.2))
                .map(|e| e.1)
        };
        // "King Hussein": a monarch is known by one name, his own, and is
        // neither a namesake's relative nor a lexicon person of that surname
        let royal = m
            .title
            .as_ref()
            .map(|t| tokens[t.end - 1].lower.as_str())
            .filter(|t| {
                matches!(
                    *t,
                    "king" | "queen" | "prince" | "princess" | "emir" | "sultan"
                )
            })
            .filter(|_| !l.contains(' '));
        let i = if let Some(title) = royal {
            // the lexicon's monarch of that name, else a new person
            let known = fuzzy_person(&m.name, lex)
                .or_else(|| unique_name_word(&l, lex))
                .filter(|&li| {
                    lex.actors[li]
                        .role
                        .as_deref()
                        .is_some_and(|r| r.to_lowercase().contains(title))
                });
            match known {
                Some(li) => add(&mut actors, DocActor::of_entry(&lex.actors[li])),
                None => add(&mut actors, DocActor::named(&m.name, ActorKind::Person)),
            }
        } else if let Some(i) = pick(&|s: &str| s == l) {
            i
        } else if let Some(i) = pick(&|s: &str| {
            s.len() >= 4
                && variant_similarity(&translit_key(s), &key).is_some()
                && translit_key(s).chars().next() == key.chars().next()
        }) {
            i
        } else if let Some(li) = fuzzy_person(&m.name, lex).or_else(|| unique_name_word(&l, lex)) {
            let a = &lex.actors[li];
            add(&mut actors, DocActor::of_entry(a))
        } else {
            add(&mut actors, DocActor::named(&m.name, ActorKind::Person))
        };
        m.actor = Some(i);
    }
    affiliations(tokens, mentions, &mut actors, lex);
    // Aliases: every surface form, with its title.
    for m in mentions.iter() {
        let Some(i) = m.actor else { continue };
        if matches!(m.how, How::InTitle | How::Venue | How::Place) {
            continue;
        }
        actors[i].mentions += 1;
        let surface = surface_of(tokens, m.tokens.clone());
        actors[i].aliases.insert(surface.clone());
        if let Some(t) = &m.title {
            actors[i]
                .aliases
                .insert(format!("{} {}", surface_of(tokens, t.clone()), surface));
        }
        if let How::Gazetteer(Form::Demonym) = m.how {
            actors[i].aliases.insert(surface.clone());
        }
        // "Serbia's opposition": the group named with its country
        let first = m.title.as_ref().map_or(m.tokens.start, |t| t.start);
        if m.how == How::Group
            && first > 0
            && tokens[first - 1].lower == "'s"
            && let Some(c) = mentions.iter().find(|c| {
                c.tokens.end == first - 1 && c.kind == ActorKind::Country && c.how != How::Group
            })
        {
            actors[i].aliases.insert(format!(
                "{}'s {}",
                surface_of(tokens, c.tokens.clone()),
                surface
            ));
        }
    }
    // Pass 3: pronouns and descriptions, in text order; pronouns inside
    // quotations last, once the speakers are known.
    let quotes = crate::text::quotes_in(analysis);
    let ends = ending_at(mentions);
    let speakers: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| speaker_of(tokens, q, mentions))
        .collect();
    for inside_pass in [false, true] {
        for k in 0..mentions.len() {
            if mentions[k].actor.is_some()
                || !matches!(mentions[k].how, How::Pronoun | How::Description)
            {
                continue;
            }
            let pos = mentions[k].tokens.start;
            // quotations come in text order and do not overlap
            let quote = Some(quotes.partition_point(|q| q.end <= pos))
                .filter(|&q| quotes.get(q).is_some_and(|r| r.contains(&pos)));
            if quote.is_some() != inside_pass {
                continue;
            }
            let speaker = quote
                .and_then(|q| speakers[q])
                .and_then(|m| mentions[m].actor);
            let m = mentions[k].clone();
            let target = match m.how {
                How::Pronoun if m.name.ends_with('+') => {
                    coordination_partner(tokens, &m, mentions, &ends)
                }
                How::Pronoun => antecedent(analysis, &m, mentions, &actors, speaker),
                How::Description => {
                    let state = m.lexicon.map(|li| lex.actors[li].name.as_str());
                    apposed_name(analysis, &m, mentions, &actors)
                        .or_else(|| {
                            description_antecedent(analysis, &m, k, mentions, &actors, &ends, state)
                        })
                        .or_else(
                            // "the Israeli president" with no president named: the state
                            || {
                                m.lexicon
                                    .map(|li| add(&mut actors, DocActor::of_entry(&lex.actors[li])))
                            },
                        )
                }
                _ => None,
            };
            // "the king's request" with no king named: the country's
            // monarch, an actor of his own (a state has one)
            let target = target.or_else(|| {
                let office = m.name.as_str();
                if m.how != How::Description
                    || !matches!(office, "king" | "queen" | "emir" | "sultan" | "pope")
                {
                    return None;
                }
                let label = match home.filter(|_| office != "pope") {
                    Some(h) => format!("{} of {}", upper_first(office), lex.actors[h].name),
                    None => format!("the {office}"),
                };
                let i = add(&mut actors, DocActor::named(&label, ActorKind::Person));
                actors[i].mentions += 1;
                actors[i]
                    .aliases
                    .insert(surface_of(tokens, m.tokens.clone()));
                Some(i)
            });
            mentions[k].actor = target;
        }
    }
    actors
}

/// The mention that speaks a quotation: "..., X said", "..., said X",
/// "X said: ...".
pub fn speaker_of(
    tokens: &[Token],
    quote: &std::ops::Range<usize>,
    mentions: &[Mention],
) -> Option<usize> {
    let speech = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| crate::mentions::SPEECH_VERBS.contains(&t.lower.as_str()))
    };
    let named = |m: &Mention| m.actor.is_some() || m.how == How::Pronoun;
    // after the closing quote
    let mut j = quote.end + 1;
    while tokens.get(j).is_some_and(|t| t.lower == ",") {
        j += 1;
    }
    if let Some(mi) = starting_in(mentions, j..j + 2).find(|&mi| {
        let m = &mentions[mi];
        named(m) && m.title.as_ref().is_none_or(|t| t.start >= j)
    }) {
        let end = mentions[mi].tokens.end;
        if speech(end) || speech(end + 1) {
            return Some(mi);
        }
    }
    // a longer title run before the name: "..., State Department spokesman
    // Glyn Davies said" (the run holds words only, no verb of speech)
    if let Some(mi) = starting_in(mentions, j..j + 8).find(|&mi| {
        let m = &mentions[mi];
        named(m)
            && m.how != How::InTitle
            && (speech(m.tokens.end) || speech(m.tokens.end + 1))
            && (j..m.tokens.start).all(|k| tokens[k].is_word() && !speech(k))
    }) {
        return Some(mi);
    }
    // a title starts before its name: "said Kremlin spokesman Dmitry Peskov"
    if speech(j)
        && let Some(mi) = starting_in(mentions, j + 1..j + 1 + crate::text::MAX_SENTENCE_TOKENS)
            .find(|&mi| {
                let m = &mentions[mi];
                named(m)
                    && (m.tokens.start == j + 1
                        || m.title.as_ref().is_some_and(|t| t.start == j + 1))
            })
    {
        return Some(mi);
    }
    // before the opening quote: "X said: “...”"
    let open = quote.start.checked_sub(1)?;
    let mut v = open;
    while v > 0 && matches!(tokens[v - 1].lower.as_str(), ":" | ",") {
        v -= 1;
    }
    if v > 0 && speech(v - 1) {
        // the last mention ending just before the speech verb (a mention
        // lies inside one sentence, so it starts at most a sentence before)
        let window = v.saturating_sub(2 + crate::text::MAX_SENTENCE_TOKENS)..v;
        return starting_in(mentions, window).rev().find(|&mi| {
            named(&mentions[mi]) && mentions[mi].tokens.end + 2 >= v && mentions[mi].tokens.end < v
        });
    }
    None
}

/// Grammatical salience of a mention, 0 best: 0 subject, 1 object of a
/// verb, 2 inside a prepositional phrase or parenthesis.
fn salience(tokens: &[Token], m: &Mention) -> u8 {
    let start = m.title.as_ref().map(|t| t.start).unwrap_or(m.tokens.start);
    let mut p = start;
    while p > 0
        && matches!(
            tokens[p - 1].lower.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        )
    {
        p -= 1;
    }
    if p == 0 {
        return 0;
    }
    let before = &tokens[p - 1];
    if crate::english::is(crate::english::PREPOSITIONS, &before.lower)
        || matches!(before.lower.as_str(), ")" | "(")
    {
        2
    } else if before.is_verb()
        && !crate::english::is(crate::english::SPEECH, &before.lower)
        && !crate::english::is(crate::english::BE, &before.lower)
    {
        1
    } else {
        0
    }
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

/// Whether a personal pronoun can stand for `actor`: "he" not for
/// "Margaret McCullough" or "Queen Noor", "she" not for "King Hussein".
/// An actor whose names show no sex (or both) fits either.
fn sex_agrees(pronoun: &str, actor: &DocActor) -> bool {
    use crate::english::{Sex, sex_of};
    let wanted = match pronoun {
        "he" | "him" | "his" => Sex::Male,
        "she" | "her" => Sex::Female,
        _ => return true,
    };
    let mut shown = std::iter::once(actor.label.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .filter_map(sex_of);
    let Some(first) = shown.next() else {
        return true;
    };
    if shown.any(|s| s != first) {
        return true;
    }
    first == wanted
}

/// The actor a pronoun refers to: in the same sentence the closest
/// subject-like fitting mention before it, else the same in the previous
/// two sentences. Inside a quotation, "we"/"I" are the speaker (or the
/// speaker's country) and "they"/"it" never are.
fn antecedent(
    analysis: &Analysis,
    p: &Mention,
    mentions: &[Mention],
    actors: &[DocActor],
    speaker: Option<usize>,
) -> Option<usize> {
    let tokens = &analysis.tokens;
    let w = p.name.as_str();
    let person = matches!(w, "he" | "him" | "his" | "she" | "her");
    let plural = matches!(w, "they" | "them" | "their");
    let neuter = matches!(w, "it" | "its");
    let first = matches!(w, "we" | "our" | "us" | "i" | "my");
    let speaker_country = speaker
        .and_then(|s| actors[s].affiliation.as_deref())
        .and_then(|a| {
            let id = slug(a);
            actors.iter().position(|x| x.id == id)
        });
    if first {
        return if matches!(w, "i" | "my") {
            speaker
        } else {
            speaker_country.or(speaker)
        };
    }
    let fits = |m: &Mention, a: usize| {
        let kind = actors[a].kind;
        if Some(a) == speaker || (!person && Some(a) == speaker_country) {
            return false;
        }
        if person {
            kind == ActorKind::Person && sex_agrees(w, &actors[a])
        } else if neuter {
            kind != ActorKind::Person
        } else {
            kind != ActorKind::Person || plural && m.how == How::Description
        }
    };
    // "Trump hosted him": an object pronoun is not the subject of its own clause.
    // "Ghana said it would ...": after a verb of saying, "it" opens the
    // reported clause as its subject.
    let after_saying = p.tokens.start > 0 && {
        let before = tokens[p.tokens.start - 1].lower.as_str();
        crate::english::is(crate::english::SPEECH, before)
            && !matches!(before, "told" | "tells" | "tell")
    };
    let object_pronoun = matches!(w, "him" | "her" | "them")
        || w == "it"
            && p.tokens.start > 0
            && !after_saying
            && (tokens[p.tokens.start - 1].is_verb()
                || crate::english::is(
                    crate::english::PREPOSITIONS,
                    &tokens[p.tokens.start - 1].lower,
                ));
    let same_clause = |m: &Mention| {
        m.tokens.end <= p.tokens.start
            && p.tokens.start - m.tokens.end <= 5
            && !tokens[m.tokens.end..p.tokens.start].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "," | "that"
                        | "and"
                        | "but"
                        | "\""
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "because"
                )
            })
    };
    // "Yeltsin met Kohl and signed a deal with him": verbs coordinated
    // after one subject share it, so an object pronoun of a later verb is
    // not that subject either (unless a new clause opens between them:
    // "and he", "said", "that", "to", a comma)
    let shares_subject = |m: &Mention| {
        m.tokens.end <= p.tokens.start
            && salience(tokens, m) == 0
            && tokens[m.tokens.end..p.tokens.start]
                .iter()
                .enumerate()
                .all(|(k, t)| {
                    let at = m.tokens.end + k;
                    match t.lower.as_str() {
                        "and" | "but" => tokens.get(at + 1).is_some_and(|n| n.is_verb()),
                        // "A hit back, accusing him": the participle's
                        // subject is A, so its object is someone else
                        "," => at + 2 == p.tokens.start && tokens[at + 1].tag() == "VBG",
                        "that" | "\"" | "to" | "who" | "which" | "whom" | "if" | "after"
                        | "before" | "when" | "while" | "because" | ";" | ":" => false,
                        w => !crate::english::is(crate::english::SPEECH, w),
                    }
                })
            && tokens[m.tokens.end..p.tokens.start]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "and" | "but" | ","))
    };
    // "Izetbegovic, whom he met": the subject of a relative clause is not
    // the noun the clause is about
    let relative_head_end = (p.tokens.start > 0
        && matches!(tokens[p.tokens.start - 1].lower.as_str(), "whom" | "which"))
    .then(|| p.tokens.start - 1);
    let heads_the_relative = |m: &Mention| {
        relative_head_end.is_some_and(|r| {
            m.tokens.end == r || m.tokens.end + 1 == r && tokens[m.tokens.end].lower == ","
        })
    };
    let here = analysis.sentence_of(p.tokens.start).unwrap_or(0);
    for back in 0..=2usize {
        let Some(si) = here.checked_sub(back) else {
            break;
        };
        let range = &analysis.sentences[si].tokens;
        // sorted by start: those before the pronoun come before it
        let cands: Vec<(&Mention, usize)> = mentions
            [starting_in(mentions, range.start..range.end.min(p.tokens.start))]
        .iter()
        .filter(|m| !matches!(m.how, How::Venue | How::Place))
        .filter_map(|m| m.actor.map(|a| (m, a)))
        .filter(|(m, a)| fits(m, *a))
        .filter(|(m, _)| !(object_pronoun && back == 0 && same_clause(m)))
        .filter(|(m, _)| !(back == 0 && matches!(w, "him" | "her" | "them") && shares_subject(m)))
        .filter(|(m, _)| !(back == 0 && heads_the_relative(m)))
        .collect();
        // the most salient fitting mention: the closest among equals in the
        // same sentence, the first (the main subject) in an earlier one
        if let Some(best) = cands.iter().map(|(m, _)| salience(tokens, m)).min() {
            let mut best_cands = cands.iter().filter(|(m, _)| salience(tokens, m) == best);
            let pick = if back == 0 {
                best_cands.next_back()
            } else {
                best_cands.next()
            };
            if let Some((_, a)) = pick {
                return Some(*a);
            }
        }
    }
    None
}

/// For the second copy of a plural pronoun: when the first copy's
/// antecedent was named in a coordination ("Britain and France"), the other
/// member of that coordination.
fn coordination_partner(
    tokens: &[Token],
    p: &Mention,
    mentions: &[Mention],
    ends: &foldhash::HashMap<usize, Vec<usize>>,
) -> Option<usize> {
    let first = mentions[starting_in(mentions, p.tokens.start..p.tokens.start + 1)]
        .iter()
        .find(|m| m.tokens == p.tokens && m.how == How::Pronoun && !m.name.ends_with('+'))?
        .actor?;
    let named = |m: &&Mention| {
        !matches!(
            m.how,
            How::Pronoun | How::Description | How::Venue | How::Place | How::InTitle
        ) && m.tokens.end <= p.tokens.start
    };
    // the antecedent was found within the last sentences
    let anchor = mentions[starting_in(
        mentions,
        p.tokens.start.saturating_sub(NAME_WINDOW)..p.tokens.start,
    )]
    .iter()
    .filter(named)
    .rfind(|m| m.actor == Some(first))?;
    let joined = |a: &Mention, b: &Mention| {
        a.tokens.end <= b.tokens.start
            && b.tokens.start - a.tokens.end <= 2
            && tokens[a.tokens.end..b.tokens.start]
                .iter()
                .all(|t| matches!(t.lower.as_str(), "and" | ","))
            && tokens[a.tokens.end..b.tokens.start]
                .iter()
                .any(|t| t.lower == "and")
    };
    // the mentions next to the anchor: ending up to two tokens before it,
    // or starting up to two tokens after it; the first in mention order
    let before = (anchor.tokens.start.saturating_sub(2)..=anchor.tokens.start)
        .filter_map(|e| ends.get(&e))
        .flatten()
        .copied();
    let after = starting_in(mentions, anchor.tokens.end..anchor.tokens.end + 3);
    before
        .chain(after)
        .filter(|&i| {
            let m = &mentions[i];
            named(&m)
                && m.actor.is_some()
                && m.actor != Some(first)
                && m.kind != ActorKind::Person
                && (joined(m, anchor) || joined(anchor, m))
        })
        .min()
        .and_then(|i| mentions[i].actor)
}

/// The person named in apposition right after a description of one:
/// "The mayor of Tallinn, Edgar Saar, said", "met the governor, Jo Reyes,
/// on Monday". The name stands between commas, and the description may
/// carry an "of" phrase of proper nouns; a name followed by "and" or "or"
/// is an item of a list ("the mayor, Edgar Saar, and Jo Reyes"), not an
/// apposition.
fn apposed_name(
    analysis: &Analysis,
    d: &Mention,
    mentions: &[Mention],
    actors: &[DocActor],
) -> Option<usize> {
    let tokens = &analysis.tokens;
    let sentence = analysis.sentences[analysis.sentence_of(d.tokens.start)?]
        .tokens
        .clone();
    if d.kind != ActorKind::Person || d.name.starts_with("plural:") {
        return None;
    }
    let word = |i: usize| {
        Some(i)
            .filter(|i| sentence.contains(i))
            .map_or("", |i| tokens[i].lower.as_str())
    };
    let mut i = d.tokens.end;
    if word(i) == "of" {
        i += 1;
        if word(i) == "the" {
            i += 1;
        }
        let first = i;
        while sentence.contains(&i) && tokens[i].is_word() && tokens[i].is_capitalized() {
            i += 1;
        }
        if i == first {
            return None;
        }
    }
    if word(i) != "," {
        return None;
    }
    let name = mentions[starting_in(mentions, i + 1..i + 2)]
        .iter()
        .filter(|m| m.how != How::Description && m.how != How::Pronoun)
        .max_by_key(|m| m.tokens.end)?;
    let after = name.tokens.end;
    let closed = word(after) == "," && !matches!(word(after + 1), "and" | "or");
    let a = name
        .actor
        .filter(|&a| actors[a].kind == ActorKind::Person)?;
    closed.then_some(a)
}

/// The actor a description refers to: the most recent fitting actor that is
/// not in the description's own close context ("Russia's invasion of the
/// country" is not Russia). Plural descriptions take the two most recent
/// distinct fitting actors, one per copy of the mention.
fn description_antecedent(
    analysis: &Analysis,
    d: &Mention,
    k: usize,
    mentions: &[Mention],
    actors: &[DocActor],
    ends: &foldhash::HashMap<usize, Vec<usize>>,
    state: Option<&str>,
) -> Option<usize> {
    let plural = d.name.starts_with("plural:");
    let head = d.name.trim_start_matches("plural:");
    let sentence = analysis
        .sentence_of(d.tokens.start)
        .map(|s| analysis.sentences[s].tokens.clone())
        .unwrap_or(0..0);
    // the copies of a plural description already resolved
    let taken: Vec<usize> = mentions[starting_in(mentions, d.tokens.start..d.tokens.start + 1)]
        .iter()
        .filter(|m| m.tokens == d.tokens && m.actor.is_some())
        .filter_map(|m| m.actor)
        .collect();
    // "Keir Starmer, the British prime minister, ...": an office in
    // apposition describes the person named right before it
    if state.is_some()
        && d.tokens.start > 0
        && analysis.tokens[d.tokens.start - 1].lower == ","
        && let Some(a) = ends
            .get(&(d.tokens.start - 1))
            .and_then(|before| before.iter().rev().find(|&&q| q < k))
            .and_then(|&q| mentions[q].actor)
            .filter(|&a| actors[a].kind == ActorKind::Person)
    {
        return Some(a);
    }
    // "expressed Washington's support for the government": a description
    // inside a phrase that another actor owns is not that actor
    let owner = (1..=5)
        .filter_map(|back| d.tokens.start.checked_sub(back))
        .take_while(|&p| sentence.contains(&p))
        .take_while(|&p| {
            let t = &analysis.tokens[p];
            t.lower == "'s" || t.is_word() && !t.tag().starts_with("VB")
        })
        .find(|&p| analysis.tokens[p].lower == "'s")
        .and_then(|p| ends.get(&p))
        .and_then(|owners| owners.iter().rev().find(|&&q| q < k))
        .and_then(|&q| mentions[q].actor);
    // "urged both sides to end the conflict between A and B": the parties
    // a "between" names later in the sentence are the sides
    if plural && matches!(head, "sides" | "parties") {
        let between = (d.tokens.end..sentence.end).find(|&i| analysis.tokens[i].lower == "between");
        if let Some(b) = between {
            let parties: Vec<usize> = mentions
                [starting_in(mentions, b + 1..(b + 10).min(sentence.end))]
            .iter()
            .filter(|m| !matches!(m.how, How::Venue | How::Pronoun | How::Description))
            .filter_map(|m| m.actor)
            .fold(Vec::new(), |mut v, a| {
                if !v.contains(&a) {
                    v.push(a);
                }
                v
            });
            if parties.len() == 2 {
                return parties.into_iter().find(|a| !taken.contains(a));
            }
        }
    }
    let mut seen = Vec::new();
    // a description refers back within the window a surname does
    let earliest = starting_in(mentions, 0..d.tokens.start.saturating_sub(NAME_WINDOW)).end;
    for m in mentions[earliest.min(k)..k].iter().rev() {
        if m.tokens.start >= d.tokens.start {
            continue;
        }
        let Some(a) = m.actor else { continue };
        if m.how == How::Venue {
            continue;
        }
        // "a Danish honorary consul", "a Sudanese airliner": a nationality
        // describing a person or thing is no antecedent of "the government"
        if !plural
            && m.how == How::Gazetteer(crate::lexicon::Form::Demonym)
            && analysis
                .tokens
                .get(m.tokens.end)
                .is_some_and(|t| t.is_word() && !t.is_capitalized())
        {
            continue;
        }
        if !plural && sentence.contains(&m.tokens.start) && d.tokens.start - m.tokens.end < 6 {
            continue;
        }
        // "Ghana urged both sides": the subject of the verb whose object
        // the description is stands apart from what it describes
        let between = &analysis.tokens[m.tokens.end.min(d.tokens.start)..d.tokens.start];
        if plural
            && sentence.contains(&m.tokens.start)
            && between.len() <= 3
            && between.iter().any(|t| t.is_verb())
            && between
                .iter()
                .all(|t| t.is_verb() || matches!(t.tag(), "RB" | "RP" | "IN" | "TO" | "MD"))
        {
            continue;
        }
        // "Davies said the two leaders had agreed": the speaker of the
        // clause a description stands in is not what it describes
        // ("Sri Lanka said ... support for the government": a state that
        // speaks of "the government" speaks of its own)
        let own_government = head == "government" && actors[a].kind == ActorKind::Country;
        if sentence.contains(&m.tokens.start)
            && !own_government
            && analysis
                .tokens
                .get(m.tokens.end)
                .is_some_and(|t| crate::english::is(crate::english::SPEECH, &t.lower))
        {
            continue;
        }
        if seen.contains(&a) || owner == Some(a) {
            continue;
        }
        seen.push(a);
        let fits = if plural {
            if m.how == How::Pronoun {
                false
            } else if head.is_empty() || head == "men" {
                true
            } else if matches!(head, "sides" | "parties") {
                actors[a].kind != ActorKind::Person
            } else if matches!(head, "countries" | "nations" | "governments") {
                actors[a].kind == ActorKind::Country
            } else if head == "leaders" {
                actors[a].kind == ActorKind::Person
            } else {
                description_fits(head, &actors[a])
            }
        } else {
            description_fits(head, &actors[a])
                && state.is_none_or(|st| {
                    actors[a].kind == ActorKind::Person
                        && actors[a].affiliation.as_deref() == Some(st)
                })
        };
        if fits && !taken.contains(&a) {
            return Some(a);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::lexicon::ActorKind;
    use crate::{Document, Pipeline};

    fn pipeline() -> &'static Pipeline {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().expect("built-in pipeline"))
    }

    /// The labels of the actors of `text`, in order.
    fn labels(text: &str) -> Vec<String> {
        actors(text).into_iter().map(|a| a.label).collect()
    }

    fn actors(text: &str) -> Vec<super::DocActor> {
        pipeline()
            .extract(&Document::new("t", text))
            .actors
            .into_iter()
            .filter(|a| a.mentions > 0)
            .collect()
    }

    #[test]
    fn a_bare_head_resolves_to_the_earlier_group() {
        let a = actors("Uzbek guerrillas ambushed a convoy. The guerrillas later withdrew.");
        let groups: Vec<&str> = a
            .iter()
            .filter(|a| a.kind == crate::lexicon::ActorKind::Group)
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(groups, vec!["Uzbek guerrillas"]);
        assert_eq!(
            a.iter()
                .find(|a| a.label == "Uzbek guerrillas")
                .unwrap()
                .mentions,
            2
        );
    }

    #[test]
    fn a_nationality_describing_a_person_is_no_government() {
        let x = pipeline().extract(&Document::new(
            "t",
            "Peru detained dozens of activists. One of them was a friend of a Danish \
             honorary consul. The government said the arrests were lawful.",
        ));
        let government = x
            .mentions
            .iter()
            .find(|m| m.name == "government")
            .and_then(|m| m.actor)
            .map(|a| x.actors[a].label.as_str());
        assert_ne!(government, Some("Denmark"));
    }

    /// The actors the plural descriptions of `text` resolve to, sorted.
    fn plural_referents(text: &str) -> Vec<String> {
        let x = pipeline().extract(&Document::new("t", text));
        let mut sides: Vec<String> = x
            .mentions
            .iter()
            .filter(|m| m.name.starts_with("plural:"))
            .filter_map(|m| m.actor)
            .map(|a| x.actors[a].label.clone())
            .collect();
        sides.sort();
        sides
    }

    #[test]
    fn both_sides_are_the_parties_of_a_later_between() {
        let sides = plural_referents(
            "Chile met Peru. Ghana urged both sides to end the war between Mali and Niger.",
        );
        assert_eq!(sides, vec!["Mali", "Niger"]);
    }

    #[test]
    fn two_sides_without_a_between_are_the_last_two_actors() {
        let sides = plural_referents("Chile met Peru. Ghana urged both sides to keep talking.");
        assert_eq!(sides, vec!["Chile", "Peru"]);
    }

    #[test]
    fn it_after_a_verb_of_saying_is_the_speaker() {
        // "it" opens the reported clause; it is not the object of "said"
        let x = pipeline().extract(&Document::new(
            "t",
            "Iraq criticised Kuwait. Ghana said it would punish Togo.",
        ));
        let it = x.mentions.iter().find(|m| m.name == "it").unwrap();
        let ghana = x.actors.iter().position(|a| a.label == "Ghana");
        assert_eq!(it.actor, ghana, "{:?}", x.actors);
    }

    #[test]
    fn a_short_name_one_letter_from_a_known_one_is_another_person() {
        // "Said" is not a spelling of the known "Saied"; "Witkov" is one of
        // "Witkoff" (six letters and more may vary).
        let a = actors("Police arrested Said in the capital on Monday.");
        let labels: Vec<&str> = a
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(labels, vec!["Said"]);
        let a = actors("Envoy Steve Witkov arrived on Monday.");
        assert!(a.iter().any(|a| a.label == "Steve Witkoff"), "{a:?}");
    }

    #[test]
    fn a_surname_two_known_people_share_is_neither() {
        // Bill and Hillary Clinton are both in the lexicon: "Clinton" alone
        // is a person of its own, not one of them picked at random.
        let l = labels("Clinton met Yeltsin in Helsinki on Friday.");
        assert!(l.iter().any(|l| l == "Clinton"), "{l:?}");
        // a full name in the document decides
        let l = labels("Hillary Clinton arrived in Oslo. Clinton spoke.");
        assert_eq!(l, vec!["Hillary Clinton"]);
    }

    #[test]
    fn a_surname_after_an_arabic_article_is_the_full_name() {
        // "Assad" is the surname of "Bashar al-Assad" named before it
        let l = labels("Syria's Bashar al-Assad met Vladimir Putin. Assad left.");
        assert_eq!(l, vec!["Syria", "Bashar al-Assad", "Vladimir Putin"]);
    }

    #[test]
    fn a_name_four_letters_from_a_known_one_is_another_person() {
        // "Karadzic" shares its start with the known "Karzai", which makes
        // them alike by Jaro-Winkler, but four letters differ
        let l = labels("Karadzic did not meet the envoy.");
        assert!(l.iter().any(|l| l == "Karadzic"), "{l:?}");
        // one letter of a longer name may differ
        let l = labels("President Lukashenka spoke on Monday.");
        assert!(l.iter().any(|l| l == "Alexander Lukashenko"), "{l:?}");
    }

    #[test]
    fn a_lone_given_name_is_no_known_person() {
        // "Bruno" is the first word of a known Cuban's name, but a given
        // name alone names someone else (only where family names come
        // first, "Hun" for Hun Sen, may a first word stand for the person).
        let a = actors("Bruno lost three fights before he won the title.");
        let labels: Vec<&str> = a.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, vec!["Bruno"]);
    }

    #[test]
    fn the_numbers_before_a_group_stay_in_an_alias() {
        let a = actors("Four Uzbek guerrillas ambushed a convoy.");
        let g = a.iter().find(|a| a.label == "Uzbek guerrillas").unwrap();
        assert!(
            g.aliases.contains("Four Uzbek guerrillas"),
            "{:?}",
            g.aliases
        );
    }

    #[test]
    fn affiliation_from_a_possessive_title() {
        let a = actors("Peru's trade minister Ana Rojas met the envoy.");
        let p = a
            .iter()
            .find(|a| a.label == "Ana Rojas")
            .expect("one person");
        assert_eq!(p.affiliation.as_deref(), Some("Peru"));
        assert!(
            a.iter().all(|a| a.label != "Peru"),
            "no second actor: {a:?}"
        );
    }

    #[test]
    fn affiliation_from_a_nationality_and_a_body_in_the_title() {
        let a = actors("Peruvian army chief Luis Vargas inspected the troops.");
        let p = a
            .iter()
            .find(|a| a.label == "Luis Vargas")
            .expect("one person");
        assert_eq!(p.affiliation.as_deref(), Some("Peru"));
    }

    #[test]
    fn affiliation_through_the_patron_of_a_title() {
        let a = actors("Peruvian President Rosa Flores's security chief Juan Soto resigned.");
        let p = a
            .iter()
            .find(|a| a.label == "Juan Soto")
            .expect("one person");
        assert_eq!(p.affiliation.as_deref(), Some("Peru"));
    }

    #[test]
    fn state_bodies_resolve_to_their_state() {
        for (text, state) in [
            ("The State Department condemned the vote.", "United States"),
            ("The Foreign Office condemned the vote.", "United Kingdom"),
            ("The Russian Defence Ministry condemned the vote.", "Russia"),
        ] {
            let a = actors(text);
            assert_eq!(
                a.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(),
                vec![state],
                "{text}"
            );
        }
    }

    #[test]
    fn a_shortened_organisation_name_is_the_full_one() {
        let a = actors(
            "The European Commission fined the firm. Lawyers accused the Commission of bias.",
        );
        assert!(
            a.iter().all(|a| !a.label.starts_with("Commission")),
            "{:?}",
            a.iter().map(|a| &a.label).collect::<Vec<_>>()
        );
    }

    #[test]
    fn bare_police_are_the_one_state_of_the_passage() {
        let a = actors("Police detained twelve members of Kenya's main opposition party.");
        let kenya = a.iter().find(|a| a.label == "Kenya").unwrap();
        assert!(kenya.aliases.contains("Police"), "{a:?}");
        // two states: the police stay their own
        let a =
            actors("Police said Kenya and Uganda had closed the border, and police arrested six.");
        assert!(a.iter().any(|a| a.label == "police"), "{a:?}");
        // local police belong to a town
        let a = actors("Local police clashed with Kenya's army.");
        assert!(
            a.iter()
                .any(|a| a.label == "Local police" || a.label == "local police"),
            "{a:?}"
        );
    }

    #[test]
    fn a_central_bank_takes_the_state_of_the_passage() {
        let a = actors("Peru's finance minister said the central bank would cut rates.");
        assert!(
            a.iter().any(|a| a.label == "Peruvian central bank"),
            "{a:?}"
        );
    }

    #[test]
    fn the_subject_of_a_relative_clause_is_not_its_head() {
        // "he" is Bildt, not Tudjman whom the clause is about
        let x = pipeline().extract(&Document::new(
            "t",
            "Radio said Carl Bildt had reassured officials, including \
             Croatian President Franjo Tudjman, whom he met on Monday.",
        ));
        let he = x.mentions.iter().find(|m| m.name == "he").unwrap();
        assert_eq!(x.actors[he.actor.unwrap()].label, "Carl Bildt");
    }

    #[test]
    fn an_object_pronoun_is_not_the_subject_its_verb_shares() {
        // "him" is Kohl: "signed" shares Yeltsin as its subject
        assert_eq!(
            actor_of("Yeltsin met Kohl and signed a deal with him.", "him").as_deref(),
            Some("Kohl")
        );
        // a new clause with its own subject may take the first one back
        assert_eq!(
            actor_of("Yeltsin met Kohl and Kohl thanked him.", "him").as_deref(),
            Some("Yeltsin")
        );
    }

    #[test]
    fn its_police_are_the_state_named_before() {
        let text = "Chile said Peru had closed the road. Bolivia said its border police had left.";
        assert_eq!(actor_of(text, "border police").as_deref(), Some("Bolivia"));
    }

    #[test]
    fn a_king_is_known_by_one_name() {
        let a = actors("Hussein Ali met envoys before King Hussein flew to Cairo.");
        assert!(a.iter().any(|a| a.label == "Hussein Ali"), "{a:?}");
        let king = a
            .iter()
            .find(|a| a.aliases.contains("King Hussein"))
            .unwrap();
        assert_eq!(king.label, "Hussein");
    }

    #[test]
    fn an_unnamed_king_is_his_country_s_monarch() {
        let a = actors("Nepal's prime minister agreed to the king's request.");
        assert!(a.iter().any(|a| a.label == "King of Nepal"), "{a:?}");
    }

    #[test]
    fn the_home_country_ignores_hyphen_parts_and_venues() {
        let a = actors("Police seized copies of books on the Israel-PLO deal.");
        assert!(a.iter().any(|a| a.label == "police"), "{a:?}");
    }

    /// The actor of the mention whose text is `surface` in `text`.
    fn actor_of(text: &str, surface: &str) -> Option<String> {
        let x = pipeline().extract(&Document::new("t", text));
        let m = x
            .mentions
            .iter()
            .find(|m| &text[m.span.start..m.span.end] == surface)?;
        Some(x.actors[m.actor?].label.clone())
    }

    #[test]
    fn a_description_is_the_name_in_apposition_after_it() {
        let text = "The mayor of Tartu, Edgar Saar, criticised the plan.";
        assert_eq!(actor_of(text, "The mayor").as_deref(), Some("Edgar Saar"));
        let text = "They met the governor, Jo Reyes, on Monday.";
        assert_eq!(actor_of(text, "the governor").as_deref(), Some("Jo Reyes"));
        // a list, not an apposition
        let text = "The mayor, Edgar Saar, and Jo Reyes met on Monday.";
        assert_ne!(actor_of(text, "The mayor").as_deref(), Some("Edgar Saar"));
    }
}
