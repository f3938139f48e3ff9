//! Roles read from the dependency tree.
//!
//! Given a sentence whose tokens carry a head and a dependency label (the
//! parse stage), a trigger's source and target come from its grammatical
//! relations instead of token windows: the subject (`nsubj`), the object
//! (`dobj`, `dative`), the passive subject and agent (`nsubjpass`,
//! `agent`), prepositional objects the trigger licenses (`talks with X`,
//! `sanctions on X`), the possessor or modifier of a nominal trigger
//! (`Russia's invasion`, `U.N. sanctions`), coordination (`conj`) on either
//! side, appositions and relative clauses. Subjects are inherited along
//! coordinated verbs, control verbs (`urged Iran to meet X` has Iran as the
//! subject of meeting) and participles. Modality comes from the tree too:
//! negation and modal auxiliaries on the trigger or on the verbs that
//! govern it, infinitive complements of plans and wishes, conditional
//! clauses, denied complements and questions.

use super::units::Unit;
use super::{Event, Modality, Trigger};
use crate::english::*;
use crate::lexicon::{Lexicon, TriggerPos};
use crate::text::Token;
use std::ops::Range;
use std::sync::LazyLock;

/// A parsed sentence with its actor units, for role look-ups.
pub struct Tree<'a> {
    tokens: &'a [Token],
    range: Range<usize>,
    units: &'a [Unit],
    /// Children of every token of the sentence (absolute indices).
    children: Vec<Vec<usize>>,
    /// The unit covering each token of the sentence.
    unit_at: Vec<Option<usize>>,
}

impl<'a> Tree<'a> {
    /// The tree of sentence `range`; `None` when the sentence is not parsed.
    pub fn new(tokens: &'a [Token], range: Range<usize>, units: &'a [Unit]) -> Option<Self> {
        if range.is_empty() || tokens[range.clone()].iter().all(|t| t.dep.is_empty()) {
            return None;
        }
        let n = range.len();
        let mut children = vec![Vec::new(); n];
        for i in range.clone() {
            if let Some(h) = tokens[i].head
                && range.contains(&h)
                && h != i
            {
                children[h - range.start].push(i);
            }
        }
        let mut unit_at = vec![None; n];
        for (ui, u) in units.iter().enumerate() {
            for i in u.tokens.clone() {
                if range.contains(&i) && unit_at[i - range.start].is_none() {
                    unit_at[i - range.start] = Some(ui);
                }
            }
        }
        Some(Tree {
            tokens,
            range,
            units,
            children,
            unit_at,
        })
    }

    fn dep(&self, i: usize) -> &str {
        self.tokens[i].dep
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i].head.filter(|h| self.range.contains(h))
    }

    /// The root of the sentence that holds `i` (none if its heads loop).
    fn clause_root(&self, mut i: usize) -> Option<usize> {
        for _ in 0..self.range.len() {
            match self.head(i) {
                Some(h) => i = h,
                None => return Some(i),
            }
        }
        None
    }

    fn kids(&self, i: usize) -> &[usize] {
        &self.children[i - self.range.start]
    }

    fn kid(&self, i: usize, labels: &[&str]) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&c| labels.contains(&self.dep(c)))
    }

    fn unit(&self, i: usize) -> Option<usize> {
        self.unit_at[i - self.range.start]
    }

    fn lower(&self, i: usize) -> &str {
        &self.tokens[i].lower
    }

    /// The units a noun phrase headed by `h` stands for, with its
    /// coordinated conjuncts ("Egypt, Qatar and Turkey").
    pub fn np(&self, h: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.np_one(h, &mut out, 0);
        let mut stack: Vec<usize> = self.members(h).collect();
        let mut seen = 0;
        while let Some(c) = stack.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            self.np_one(c, &mut out, 0);
            stack.extend(self.members(c));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Further members of the phrase headed by `h`: its conjuncts and
    /// what an "including" phrase names ("officials and politicians,
    /// including X").
    fn members(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids(h).iter().copied().filter_map(move |c| {
            if self.dep(c) == "conj" {
                Some(c)
            } else if self.dep(c) == "prep" && self.lower(c) == "including" {
                self.kid(c, &["pobj"])
            } else {
                None
            }
        })
    }

    fn np_one(&self, h: usize, out: &mut Vec<usize>, depth: u8) {
        if depth > 3 {
            return;
        }
        // "a team led by X", "negotiators headed by X": the leader acts
        if let Some(a) = self.kid(h, &["acl"])
            && matches!(self.lower(a), "led" | "headed")
            && let Some(o) = self.kid(a, &["agent"]).and_then(|b| self.kid(b, &["pobj"]))
            && self.unit(o).is_some()
        {
            out.extend(self.np(o));
            return;
        }
        if let Some(u) = self.unit(h) {
            // "his Slovenian counterpart, Milan Kucan": the name in apposition
            // to a described actor is the one meant
            if !self.tokens[h].tag().starts_with("NNP")
                && let Some(a) = self.kid(h, &["appos"])
                && let Some(ua) = self.unit(a)
                && self.tokens[a].tag().starts_with("NNP")
            {
                out.push(ua);
                return;
            }
            // "They" for "Britain and France": one unit per actor, same words
            out.extend(
                (0..self.units.len()).filter(|&k| self.units[k].tokens == self.units[u].tokens),
            );
            return;
        }
        // "a Saudi-led coalition", "a U.S.-led air force": the leader acts
        // (a "Russian-backed" group acts itself)
        for &c in self.kids(h) {
            if !matches!(self.dep(c), "amod" | "compound") {
                continue;
            }
            let w = self.lower(c);
            let led = w.ends_with("-led") && self.unit(c).is_some();
            let split = w == "led"
                && c > 0
                && self.lower(c - 1) == "-"
                && self.kids(c).iter().any(|&k| self.unit(k).is_some());
            if led {
                out.extend(self.unit(c));
                return;
            }
            if split {
                out.extend(self.kids(c).iter().filter_map(|&k| self.unit(k)));
                return;
            }
        }
        let w = self.lower(h);
        // "The assembly last month suspended", "met Putin today": the parser
        // makes a time word the head and the name its modifier
        if TIME_NOUNS.contains(&w) || WEEKDAYS.contains(&w) {
            for &c in self.kids(h) {
                if matches!(self.dep(c), "compound" | "nmod" | "poss")
                    && let Some(u) = self.unit(c)
                {
                    out.push(u);
                }
            }
            return;
        }
        // relative pronoun: "rebels who attacked" -> the noun the clause modifies
        if matches!(w, "who" | "which" | "that" | "whom")
            && let Some(v) = self.head(h)
            && self.dep(v) == "relcl"
            && let Some(n) = self.head(v)
        {
            self.np_one(n, out, depth + 1);
            return;
        }
        // "thousands of Kurds", "26 of the rebels", "some of them": a
        // quantity stands for what it counts
        if (QUANTITY_NOUNS.contains(&w) || self.tokens[h].tag() == "CD")
            && let Some(p) = self.kid(h, &["prep"])
            && self.lower(p) == "of"
            && let Some(o) = self.kid(p, &["pobj"])
        {
            out.extend(self.np(o));
            return;
        }
        // "French oil company Elf Aquitaine", "Moscow's envoy, Yevgeny
        // Primakov": a name in apposition is the one meant, before any
        // nationality or owner that modifies the description
        if let Some(a) = self.kid(h, &["appos"])
            && self.unit(a).is_some()
            && self.tokens[a].tag().starts_with("NNP")
        {
            self.np_one(a, out, depth + 1);
            return;
        }
        // "Moscow's envoy", "a U.S. delegation", "leaders of Egypt": a
        // state noun or agent noun stands for the actor that modifies it.
        let agentive = AGENT_NOUNS.contains(&w);
        for &c in self.kids(h) {
            let d = self.dep(c);
            if let Some(u) = self.unit(c) {
                let modifier = matches!(d, "compound" | "amod" | "nmod" | "npadvmod")
                    && !OFFICE_HOLDER_NOUNS.contains(&w)
                    || d == "poss" && agentive;
                if modifier && agentive || d == "appos" {
                    // "the U.S. and Colombian governments"
                    out.push(u);
                    for &k in self.kids(c) {
                        if self.dep(k) == "conj"
                            && let Some(uk) = self.unit(k)
                        {
                            out.push(uk);
                        }
                    }
                    return;
                }
            }
        }
        if agentive
            && let Some(p) = self.kid(h, &["prep"])
            && matches!(self.lower(p), "of" | "from")
            && let Some(o) = self.kid(p, &["pobj"])
        {
            // "representatives from Armenia and Azerbaijan", "members of
            // the militant group Hamas" (the name in apposition; not when
            // this noun was itself reached through an apposition, a chain
            // that misparses build)
            let owners = if depth == 0 || self.unit(o).is_some() {
                self.np(o)
            } else {
                Vec::new()
            };
            if !owners.is_empty() {
                out.extend(owners);
                return;
            }
        }
        // an apposition names the phrase: "the ministry's spokesman, X"
        if let Some(a) = self.kid(h, &["appos"]) {
            self.np_one(a, out, depth + 1);
        }
    }

    /// Whether word `i` may stand for an actor the mentions left without
    /// one: a personal pronoun may be unresolved, a name may be unknown.
    fn may_name_an_unknown_actor(&self, i: usize) -> bool {
        let tag = self.tokens[i].tag();
        tag.starts_with("PRP") || tag.starts_with("NNP")
    }

    /// First and last token of the subtree headed by `h`.
    fn subtree_bounds(&self, h: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (h, h);
        let mut stack = vec![h];
        while let Some(c) = stack.pop() {
            lo = lo.min(c);
            hi = hi.max(c);
            stack.extend(self.kids(c));
        }
        (lo, hi)
    }

    /// Sources (subjects) of verb `v`, and whether the verb is passive.
    fn subject(&self, v: usize, depth: u8) -> (Vec<usize>, bool) {
        if depth > 6 {
            return (Vec::new(), false);
        }
        // every subject: a misparsed long subject may be split in two
        let subjects: Vec<usize> = self
            .kids(v)
            .iter()
            .copied()
            // a noun before a possessive 's is a possessor, whatever the parse
            .filter(|&c| {
                self.dep(c) == "nsubj" && self.tokens.get(c + 1).is_none_or(|t| t.lower != "'s")
            })
            .flat_map(|c| self.np(c))
            .collect();
        if !subjects.is_empty() || self.kid(v, &["nsubj", "csubj"]).is_some() {
            return (subjects, false);
        }
        if self.kid(v, &["nsubjpass", "auxpass"]).is_some() {
            return (Vec::new(), true);
        }
        let Some(g) = self.head(v) else {
            return (Vec::new(), false);
        };
        match self.dep(v) {
            // "A met B and signed ...": shared subject
            // "said X would not negotiate and accused Y": a past verb is
            // no conjunct of a bare verb under a modal; it joins the
            // clause that governs it
            "conj"
                if self.tokens[v].tag() == "VBD"
                    && self.tokens[g].tag() == "VB"
                    && self.dep(g) == "ccomp"
                    && let Some(gg) = self.head(g)
                    && self.tokens[gg].is_verb() =>
            {
                self.subject(gg, depth + 1)
            }
            "conj" if self.tokens[g].is_verb() => self.subject(g, depth + 1),
            // "urged Iran to meet X": the object controls; "agreed to meet": the subject
            "xcomp" => {
                if let Some(o) = self.kid(g, &["dobj", "dative"]) {
                    (self.np(o), false)
                } else {
                    self.subject(g, depth + 1)
                }
            }
            // "the rebels who attacked X" is handled by the relative pronoun;
            // "rebels fighting X": the noun is the subject of an active participle
            "acl" | "relcl" if self.tokens[v].tag() == "VBG" || self.dep(v) == "relcl" => {
                (self.np(g), false)
            }
            // "X signed an agreement to sell Y", "X's plan to buy Y": the
            // one who holds the agreement or plan does what it is for
            "acl"
                if self.tokens[v].tag() == "VB"
                    && self.kid(v, &["aux"]).is_some_and(|a| self.lower(a) == "to") =>
            {
                if let Some(p) = self.kid(g, &["poss"]) {
                    return (self.np(p), false);
                }
                if !AGREEMENT_NOUNS.contains(&self.lower(g)) {
                    return (Vec::new(), false);
                }
                let mut holder = g;
                // "entered into an agreement": up through the preposition
                if self.dep(holder) == "pobj"
                    && let Some(p) = self.head(holder)
                {
                    holder = p;
                }
                match (self.dep(holder), self.head(holder)) {
                    ("dobj" | "prep", Some(gv)) if self.tokens[gv].is_verb() => {
                        self.subject(gv, depth + 1)
                    }
                    _ => (Vec::new(), false),
                }
            }
            // "Thousands of students protested against X": a sentence
            // with no verb for its root; its one verb, read as a participle
            // modifying the subject, is the main verb, and active
            "acl"
                if matches!(self.tokens[v].tag(), "VBN" | "VBD")
                    && self.kid(v, &["aux", "auxpass", "agent"]).is_none()
                    && self
                        .clause_root(g)
                        .is_some_and(|r| self.tokens[r].tag().starts_with("NN")) =>
            {
                (self.np(g), false)
            }
            "acl" => (Vec::new(), true),
            // "..., saying X", "after meeting X": the governing clause's subject
            "advcl" if matches!(self.tokens[v].tag(), "VBG" | "VB") => self.subject(g, depth + 1),
            // "sanctions imposed on Iraq for invading Kuwait": the patient of
            // the governing verb; "X was praised for helping Y" likewise
            "pcomp" => {
                if self.dep(g) != "prep" {
                    return (Vec::new(), false);
                }
                let Some(gv) = self.head(g) else {
                    return (Vec::new(), false);
                };
                // "punished X for invading Y", "sanctions imposed on X for
                // invading Y": the one acted upon did the deed
                if matches!(self.lower(g), "for" | "of") {
                    let object = self
                        .kid(gv, &["dobj"])
                        .map(|o| self.np(o))
                        .filter(|o| !o.is_empty())
                        .or_else(|| {
                            let on = ["on".to_string(), "against".to_string()];
                            Some(self.prep_objects(gv, &on)).filter(|o| !o.is_empty())
                        });
                    if let Some(o) = object {
                        return (o, false);
                    }
                }
                if self.tokens[gv].tag() == "VBN" || self.kid(gv, &["nsubjpass"]).is_some() {
                    let (pat, _) = self.patients(gv);
                    (pat, false)
                } else if self.tokens[gv].is_verb() {
                    self.subject(gv, depth + 1)
                } else {
                    (Vec::new(), false)
                }
            }
            // "after X, a visitor, accused Y": a subordinator read as a
            // preposition leaves the clause's subject as its object
            _ if matches!(self.tokens[v].tag(), "VBD" | "VBZ" | "VBP") => {
                let misread = self.kids(g).iter().copied().find(|&p| {
                    self.dep(p) == "prep"
                        && p < v
                        && matches!(
                            self.lower(p),
                            "after" | "before" | "since" | "until" | "as" | "because" | "while"
                        )
                        && self.kid(p, &["pobj"]).is_some_and(|o| o < v)
                });
                match misread.and_then(|p| self.kid(p, &["pobj"])) {
                    Some(o) => (self.np(o), false),
                    None => (Vec::new(), false),
                }
            }
            _ => (Vec::new(), false),
        }
    }

    /// Whether `v` lies inside what an accusation says ("accused X of
    /// shelling Y"), through infinitives, gerunds and coordination.
    fn accused_content(&self, v: usize, lex: &Lexicon) -> bool {
        let mut cur = v;
        for _ in 0..6 {
            let Some(g) = self.head(cur) else {
                return false;
            };
            match self.dep(cur) {
                "pcomp" | "pobj" if matches!(self.lower(g), "of" | "for") => {
                    return self.head(g).is_some_and(|gv| {
                        lex.triggers_relation(self.lower(gv), "accuses")
                            // "suspected of murdering X", "charges of
                            // having contacts with X"
                            || self.lower(g) == "of" && SUSPICION_WORDS.contains(self.lower(gv))
                    });
                }
                // "charged X with arming Y"
                "pcomp" | "pobj" if self.lower(g) == "with" => {
                    return self
                        .head(g)
                        .is_some_and(|gv| ALLEGING_VERBS.contains(self.lower(gv)));
                }
                // "accused X of ordering the killing of Y": the object of
                // an act accused is accused too
                "xcomp" | "conj" | "pcomp" | "pobj" | "prep" | "dobj" => cur = g,
                _ => return false,
            }
        }
        false
    }

    /// The patient of a passive verb: its passive subject, or the noun a
    /// passive participle modifies ("sanctions imposed on").
    fn patients(&self, v: usize) -> (Vec<usize>, bool) {
        if let Some(s) = self.kid(v, &["nsubjpass"]) {
            return (self.np(s), true);
        }
        if self.dep(v) == "acl"
            && let Some(n) = self.head(v)
        {
            return (self.np(n), true);
        }
        (Vec::new(), false)
    }

    /// The actors named after every "between" of `h` ("talks between A
    /// and B").
    fn between_parties(&self, h: usize) -> Vec<usize> {
        self.actors_after(h, "between")
    }

    /// The actors named in every `prep` phrase of `h` ("the decision by
    /// Kiev", "talks between A and B").
    fn actors_after(&self, h: usize, prep: &str) -> Vec<usize> {
        self.kids(h)
            .iter()
            .filter(|&&p| self.dep(p) == "prep" && self.lower(p) == prep)
            .filter_map(|&p| self.kid(p, &["pobj"]))
            .flat_map(|o| self.np(o))
            .collect()
    }

    /// The speech verb whose reported clause `c` is, with its speakers:
    /// "Iran said [the sanctions were illegal]". None when `c` reports no
    /// one's words, or the speech verb is passive or names no actor.
    fn reporters_of(&self, c: usize) -> Option<(usize, Vec<usize>)> {
        let speech = self.head(c).filter(|&g| {
            self.dep(c) == "ccomp" && is(SPEECH, self.lower(g)) && self.tokens[g].is_verb()
        })?;
        let (speakers, passive) = self.subject(speech, 0);
        (!passive && !speakers.is_empty()).then_some((speech, speakers))
    }

    /// Parties of a passive agreement verb whose subject is the agreement
    /// ("a truce was agreed between A and B", "the deal was signed at
    /// talks between A and B"): the objects of "between" on the verb, or
    /// on the noun of an "in" or "at" phrase of the verb.
    fn agreement_parties(&self, v: usize) -> Vec<usize> {
        let Some(s) = self.kid(v, &["nsubjpass"]) else {
            return Vec::new();
        };
        if !AGREEMENT_NOUNS.contains(&self.lower(s)) {
            return Vec::new();
        }
        let mut parties = self.between_parties(v);
        if parties.is_empty() {
            for &p in self.kids(v) {
                if self.dep(p) == "prep"
                    && matches!(self.lower(p), "in" | "at")
                    && let Some(o) = self.kid(p, &["pobj"])
                    && AGREEMENT_NOUNS.contains(&self.lower(o))
                {
                    parties.extend(self.between_parties(o));
                }
            }
        }
        parties
    }

    /// Prepositional objects of `h` introduced by one of `preps`.
    fn prep_objects(&self, h: usize, preps: &[String]) -> Vec<usize> {
        let mut out = Vec::new();
        for &p in self.kids(h) {
            // "between A and B" names both parties, read apart; a country
            // after "in" or "at" is where it happened (but "its embassy in
            // Chad" names the host state)
            let hosted = self.lower(p) == "in" && is(MISSION_NOUNS, self.lower(h));
            if self.dep(p) != "prep"
                || matches!(self.lower(p), "between" | "in" | "at" | "inside") && !hosted
                || !preps.iter().any(|x| x == self.lower(p))
            {
                continue;
            }
            if let Some(o) = self.kid(p, &["pobj"]) {
                out.extend(self.np(o));
            }
        }
        // "talks with officials, including X": the parser often hangs the
        // "including" phrase on the head of the phrase, not on its object
        if !out.is_empty() {
            for &p in self.kids(h) {
                if self.dep(p) == "prep"
                    && self.lower(p) == "including"
                    && let Some(o) = self.kid(p, &["pobj"])
                {
                    out.extend(self.np(o));
                }
            }
        }
        // one hop through a phrase that names no actor to a partner: "ties
        // at ambassadorial level with Yugoslavia", "talks on trade with China"
        if out.is_empty() {
            for &p in self.kids(h) {
                if self.dep(p) != "prep" || self.lower(p) == "between" {
                    continue;
                }
                if let Some(o) = self.kid(p, &["pobj"])
                    && self.unit(o).is_none()
                    && self.np(o).is_empty()
                {
                    for &q in self.kids(o) {
                        // only a partner: "on his return to Moscow" is no target
                        if self.dep(q) == "prep"
                            && self.lower(q) == "with"
                            && preps.iter().any(|x| x == "with")
                            && let Some(x) = self.kid(q, &["pobj"])
                            // a partner is named, not owned: "in connection
                            // with Mia's killing" names no one
                            && self.kid(x, &["poss"]).is_none()
                        {
                            out.extend(self.np(x));
                        }
                    }
                }
            }
        }
        out
    }

    /// The subject of a "for X to do" clause on `h`: "called for Russia
    /// to withdraw", "its call for Iran to stop". The parser hangs the
    /// infinitive anywhere, so the words after the actor decide.
    fn infinitive_subject(&self, h: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &p in self.kids(h) {
            if self.dep(p) == "prep"
                && self.lower(p) == "for"
                && let Some(o) = self.kid(p, &["pobj"])
                && self.tokens.get(o + 1).is_some_and(|t| t.lower == "to")
                && self.tokens.get(o + 2).is_some_and(|t| t.tag() == "VB")
            {
                out.extend(self.np(o));
            }
        }
        out
    }

    /// Whose life an attempt is on: "an attempt on her life", "an attempt
    /// on the life of the president".
    fn life_owner(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &p in self.kids(n) {
            if self.dep(p) != "prep" || self.lower(p) != "on" {
                continue;
            }
            let Some(o) = self.kid(p, &["pobj"]) else {
                continue;
            };
            if !matches!(self.lower(o), "life" | "lives") {
                continue;
            }
            out.extend(self.owner(o));
            if let Some(of) = self
                .kids(o)
                .iter()
                .copied()
                .find(|&k| self.dep(k) == "prep" && self.lower(k) == "of")
                && let Some(x) = self.kid(of, &["pobj"])
            {
                out.extend(self.np(x));
            }
        }
        out
    }

    /// The people harmed in the act that noun `n` names: "three soldiers
    /// were wounded in an attack by X", "two died in the raid".
    fn harmed_in(&self, n: usize) -> Vec<usize> {
        let Some(p) = self.head(n).filter(|_| self.dep(n) == "pobj") else {
            return Vec::new();
        };
        match self.head(p) {
            Some(v) if self.lower(p) == "in" && HARM_WORDS.contains(&self.lower(v)) => self
                .kid(v, &["nsubjpass", "nsubj"])
                .map(|s| self.np(s))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// The actors a phrase names, or else the owner of the thing it names
    /// ("Israel", "Israel's decision").
    fn actor_or_owner(&self, n: usize) -> Vec<usize> {
        let named = self.np(n);
        if named.is_empty() {
            self.owner(n)
        } else {
            named
        }
    }

    /// The owner of a non-actor object: "condemned Israel's policy",
    /// "agreed to the king's request".
    fn owner(&self, o: usize) -> Vec<usize> {
        if self.unit(o).is_some() {
            return Vec::new();
        }
        if let Some(p) = self.kid(o, &["poss"]) {
            return self.np(p);
        }
        // "a package of proposals X made": the owner of what it measures
        if MEASURE_NOUNS.contains(&self.lower(o))
            && let Some(of) = self.kid(o, &["prep"]).filter(|&p| self.lower(p) == "of")
            && let Some(x) = self.kid(of, &["pobj"])
        {
            return self.owner(x);
        }
        // "Iraqi involvement", "the PUNR demand", "the U.S. proposal"
        let modifiers: Vec<usize> = self.modifier_units(o).collect();
        if !modifiers.is_empty() {
            return modifiers;
        }
        // "the decision by Kiev": a "by" phrase on the noun names its doer
        let by = self.actors_after(o, "by");
        if !by.is_empty() {
            return by;
        }
        // "the proposal, which was put forward by Egypt", "the plan drawn up
        // by X", "the proposals Lebed took to the talks": who made it
        for &c in self.kids(o) {
            if !matches!(self.dep(c), "relcl" | "acl") {
                continue;
            }
            let by = self.agent(c);
            if !by.is_empty() {
                return by;
            }
            if self.dep(c) == "relcl"
                && self.kid(c, &["dobj", "nsubjpass"]).is_none()
                && let Some(s) = self.kid(c, &["nsubj"])
                && !matches!(self.lower(s), "which" | "that" | "who")
            {
                return self.np(s);
            }
        }
        Vec::new()
    }

    /// "killed in an Iraqi air raid", "wounded by Israeli gunfire", "killed
    /// by a bomb planted by X": the actor behind the attack noun or weapon
    /// of a passive attack verb.
    fn attack_instrument_owner(&self, v: usize, lex: &Lexicon) -> Vec<usize> {
        let mut out = Vec::new();
        for &p in self.kids(v) {
            let d = self.dep(p);
            if !(d == "agent" || d == "prep" && matches!(self.lower(p), "in" | "during")) {
                continue;
            }
            if let Some(o) = self.kid(p, &["pobj"]) {
                out.extend(self.instrument_owner(o, lex));
            }
        }
        out
    }

    /// Who wields instrument `n`, an attack noun or a weapon that is no
    /// actor itself: the agent of a participle on it ("a mine planted by
    /// X", "rockets fired by X") or the actor that modifies it ("Israeli
    /// shelling", "an Iraqi missile").
    fn instrument_owner(&self, n: usize, lex: &Lexicon) -> Vec<usize> {
        let w = self.lower(n);
        let instrument = self.unit(n).is_none()
            && self.tokens[n].tag().starts_with("NN")
            && (WEAPON_NOUNS.contains(&w) || lex.triggers_relation(w, "attacks"));
        if !instrument {
            return Vec::new();
        }
        let wielder: Vec<usize> = self
            .kids(n)
            .iter()
            .filter(|&&c| self.dep(c) == "acl" && self.tokens[c].tag() == "VBN")
            .flat_map(|&c| self.agent(c))
            .collect();
        if !wielder.is_empty() {
            return wielder;
        }
        self.modifier_units(n).collect()
    }

    /// Actor units that modify noun `n`: "Russia's invasion", "U.N.
    /// sanctions", "an Iraqi air raid".
    fn modifier_units(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids(n).iter().copied().filter_map(|c| {
            matches!(self.dep(c), "poss" | "compound" | "amod" | "nmod")
                .then(|| self.unit(c))
                .flatten()
        })
    }

    /// The preposition and the verb of the phrase whose object is noun
    /// `n` ("marched *in* protest", "*came under* attack"), if a verb
    /// governs it.
    fn adverbial_governor(&self, n: usize) -> Option<(usize, usize)> {
        if self.dep(n) != "pobj" {
            return None;
        }
        let p = self.head(n)?;
        let g = self.head(p)?;
        self.tokens[g].is_verb().then_some((p, g))
    }

    fn agent(&self, v: usize) -> Vec<usize> {
        // every object of "by": "by mediators Egypt and Qatar" may be
        // parsed as two
        let Some(a) = self.kid(v, &["agent"]) else {
            return Vec::new();
        };
        self.kids(a)
            .iter()
            .filter(|&&o| self.dep(o) == "pobj")
            .flat_map(|&o| self.np(o))
            .collect()
    }

    /// Whether verb `v`, coordinated with verb `g`, is a finite verb that
    /// cannot share `g`'s auxiliaries: a past or present form after a base
    /// form or another tense ("will meet and signed" does not occur).
    fn finite_conjunct(&self, v: usize, g: usize) -> bool {
        let (tv, tg) = (self.tokens[v].tag(), self.tokens[g].tag());
        let has_own_aux = self.kids(v).iter().any(|&c| self.dep(c) == "aux");
        !has_own_aux
            && (matches!(tv, "VBD" | "VBZ" | "VBP")
                || tv == "VBN"
                    && tg == "VB"
                    && !self
                        .kids(g)
                        .iter()
                        .any(|&c| self.dep(c) == "aux" && HAVE_FORMS.contains(&self.lower(c))))
    }

    /// Modality of the event whose trigger is `v`, read up the tree.
    pub fn modality(&self, v: usize) -> Modality {
        self.modality_for(v, false)
    }

    /// Modality of the event whose trigger is `v`; with `deal`, the event
    /// is cooperation, which an agreement to do it already is ("agreed to
    /// buy X" is a deal with X; "agreed to meet X" is a meeting to come).
    fn modality_for(&self, v: usize, deal: bool) -> Modality {
        let mut m = Modality::Asserted;
        let mut cur = v;
        for _ in 0..8 {
            for &c in self.kids(cur) {
                match self.dep(c) {
                    "neg" => return Modality::Negated,
                    "aux" if MODALS.contains(&self.lower(c)) => m = Modality::Hypothetical,
                    "mark" if matches!(self.lower(c), "if" | "unless" | "whether") => {
                        m = Modality::Hypothetical
                    }
                    // "when he visits Poland in September": a present tense
                    // in a time clause speaks of what is still to come
                    "mark" | "advmod"
                        if matches!(
                            self.lower(c),
                            "when" | "once" | "until" | "till" | "before" | "after"
                        ) && matches!(self.tokens[cur].tag(), "VBZ" | "VBP") =>
                    {
                        m = Modality::Hypothetical
                    }
                    // "a proposed summit", "possible talks"
                    "amod" | "compound" if PROSPECT_MODIFIERS.contains(&self.lower(c)) => {
                        m = Modality::Hypothetical
                    }
                    _ => {}
                }
            }
            // "to meet": an infinitive is a purpose or a plan unless an act governs it
            let infinitive = self
                .kids(cur)
                .iter()
                .any(|&c| self.dep(c) == "aux" && self.lower(c) == "to");
            let Some(g) = self.head(cur) else {
                // "Polish minister to visit Yugoslavia": a headline's
                // infinitive announces what is planned
                if infinitive {
                    m = Modality::Hypothetical;
                }
                break;
            };
            let gw = self.lower(g).to_string();
            match self.dep(cur) {
                "xcomp" => {
                    if NEGATING_GOVERNORS.contains(&gw) {
                        return Modality::Negated;
                    }
                    if !(ACT_GOVERNORS.contains(&gw) || deal && AGREEING_VERBS.contains(&gw)) {
                        m = Modality::Hypothetical;
                    }
                }
                "ccomp" => {
                    if DENYING_VERBS.contains(&gw) {
                        return Modality::Negated;
                    }
                    if IRREALIS_GOVERNORS.contains(&gw) || DOUBTING_VERBS.contains(&gw) {
                        m = Modality::Hypothetical;
                    }
                    // "says A to meet B on Sunday": an infinitive with a
                    // subject of its own reports a plan, as in a headline
                    if infinitive && self.kids(cur).iter().any(|&c| self.dep(c) == "nsubj") {
                        m = Modality::Hypothetical;
                    }
                }
                // "flew to Ottawa to meet", "a plan to attack": purposes and plans
                // "signed an agreement to sell X to Y": a cooperation the
                // agreement is made for stands as the agreement does
                "acl" if deal && infinitive && AGREEMENT_NOUNS.contains(&gw.as_str()) => {}
                "advcl" | "acl" | "relcl" => {
                    // "evidence that Y armed the rebels": claimed, not reported
                    if infinitive || self.dep(cur) == "acl" && CLAIM_NOUNS.contains(&gw.as_str()) {
                        m = Modality::Hypothetical;
                    }
                    // a clause of its own: the governor's modals do not reach it
                    break;
                }
                // "without meeting X"; "a condition for resuming talks", "the
                // possibility of talks": not (yet) events
                "pcomp" | "pobj" => {
                    let governor = self.head(g).map(|h| self.lower(h)).unwrap_or("");
                    match gw.as_str() {
                        "without" | "instead" => return Modality::Negated,
                        // "evidence of Russian support": claimed, not reported
                        "of" if CLAIM_NOUNS.contains(&governor) => m = Modality::Hypothetical,
                        // "called for talks", "a condition for resuming talks"
                        // (but "thanked X for its support" is a reason)
                        "for" | "to" | "toward" | "towards" | "about" | "of"
                            if IRREALIS_GOVERNORS.contains(governor)
                                || PROSPECT_NOUNS.contains(governor) =>
                        {
                            m = Modality::Hypothetical
                        }
                        _ => {}
                    }
                }
                // "the summit was cancelled", "called off the talks"
                "dobj" | "nsubjpass" | "nsubj" if CANCELLING_VERBS.contains(&gw) => {
                    return Modality::Negated;
                }
                // "plans a trip to Moscow", "wants talks with Iran", "the
                // meeting is expected in November": an event named as the
                // object of a plan or wish is not (yet) one
                // ("the talks are aimed at a ceasefire" are held: only
                // passives that put the event itself ahead count)
                "dobj" | "nsubjpass"
                    if !self.tokens[cur].is_verb()
                        && IRREALIS_GOVERNORS.contains(&gw)
                        && (self.dep(cur) == "dobj"
                            || PROSPECT_PASSIVES.contains(&gw.as_str())) =>
                {
                    m = Modality::Hypothetical
                }
                // the governor's own negation and modals reach a coordinated
                // verb or a nominal trigger ("did not hold talks")
                // a finite verb is a clause of its own ("must be responsible
                // and warned of ...": "must" cannot reach a past form)
                // "declined to comment on the talks": a topic of speech
                // keeps its own modality
                "prep" if TOPIC_SPEECH_VERBS.contains(&gw) => break,
                "conj" if self.finite_conjunct(cur, g) => break,
                "conj" | "dobj" | "prep" | "nsubj" | "nsubjpass" => {}
                _ => break,
            }
            cur = g;
        }
        if self
            .tokens
            .get(self.range.end - 1)
            .is_some_and(|t| t.lower == "?")
        {
            m = Modality::Hypothetical;
        }
        m
    }
}

const HAVE_FORMS: &[&str] = &["have", "has", "had", "'ve"];

static RULE: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["rule"]));
static TURN: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["turn"]));

/// "ruled out talks with the rebels", "rejected cooperation with Iran":
/// turning down a meeting or cooperation proposed with someone rejects
/// them (CAMEO 125, 120).
fn rejected_proposal(
    tree: &Tree,
    t: &Trigger,
    np_node: usize,
    lex: &Lexicon,
    si: usize,
    preps: &[String],
    out: &mut Vec<Event>,
) {
    let relation = t.sense.relation.as_str();
    if !matches!(relation, "meets" | "cooperates") || tree.dep(np_node) != "dobj" {
        return;
    }
    let Some(g) = tree.head(np_node) else { return };
    let particle = tree.kid(g, &["prt"]).map(|p| tree.lower(p));
    let w = tree.lower(g);
    let rejecting = if RULE.contains(w) {
        particle == Some("out")
    } else if TURN.contains(w) {
        particle == Some("down")
    } else {
        REJECTING_VERBS.contains(w)
    };
    if !rejecting || tree.modality(g) != Modality::Asserted {
        return;
    }
    let sources = tree.subject(g, 0).0;
    let targets = tree.prep_objects(np_node, preps);
    let cameo = if relation == "meets" { "125" } else { "120" };
    let reading = Reading {
        relation: "rejects",
        cameo,
        goldstein: lex.goldstein(cameo),
        symmetric: false,
        modality: Modality::Asserted,
        sentence: si,
        trigger: crate::document::Span::new(
            tree.tokens[g].span.start,
            tree.tokens[np_node].span.end,
        ),
    };
    let pairs = sources
        .iter()
        .flat_map(|&s| targets.iter().map(move |&g| (s, g)));
    reading.push(tree, pairs, out);
}

/// Whether a nominal agreement or talks trigger is only background: named
/// inside another phrase ("under the 1994 accord between X and Y", "an
/// impasse in talks between X and Y", "the deal's terms"), not reported
/// as being signed, reached or held (the convention of the gold sets). As
/// the object of a verb ("welcomed the pact") it stays an event: on the
/// training passages most such objects are.
pub fn background(tree: &Tree, t: &Trigger) -> bool {
    let (node, nominal) = trigger_node(tree, t);
    if !nominal
        || !matches!(t.sense.relation.as_str(), "meets" | "cooperates")
        || !AGREEMENT_NOUNS.contains(&tree.lower(node))
    {
        return false;
    }
    let mut n = node;
    for _ in 0..8 {
        if tree.dep(n) == "conj"
            && let Some(h) = tree.head(n)
        {
            n = h;
        } else {
            break;
        }
    }
    if tree.dep(n) == "pobj"
        && let Some(p) = tree.head(n)
        && tree.lower(p) == "of"
        && let Some(m) = tree.head(p)
        && MEASURE_NOUNS.contains(&tree.lower(m))
    {
        n = m;
    }
    let Some(g) = tree.head(n) else {
        return false;
    };
    match tree.dep(n) {
        "compound" | "poss" | "nmod" => true,
        // "the pact with the U.N. gives it the right to ...": a document
        // that does something is in force, not being made now
        "nsubj" => DOCUMENT_NOUNS.contains(&tree.lower(node)),
        // ("the possibility of talks between X and Y" stays, as a prospect)
        "pobj" => {
            let governor = tree.head(g);
            !governor.is_some_and(|h| PROSPECT_NOUNS.contains(tree.lower(h)))
                && (matches!(tree.lower(g), "under" | "of")
                    || governor.is_some_and(|h| tree.tokens[h].tag().starts_with("NN"))
                    // "the levels set in the treaty between X and Y": a
                    // document inside a phrase is cited, not concluded
                    || DOCUMENT_NOUNS.contains(&tree.lower(node)))
        }
        _ => false,
    }
}

/// The tree node a trigger stands on (the verb, or the head noun of a
/// nominal trigger) and whether it is read as a noun.
fn trigger_node(tree: &Tree, t: &Trigger) -> (usize, bool) {
    let tokens = tree.tokens;
    // a noun in the sentence is read as a noun, whatever sense was picked
    let nominal = (t.sense.pos == TriggerPos::Noun
        || t.end == t.start + 1
            && (tokens[t.start].tag().starts_with("NN")
                || matches!(
                    tree.dep(t.start),
                    "pobj" | "dobj" | "nsubj" | "nsubjpass" | "attr" | "appos" | "compound"
                )))
        && t.verb_end == t.end;
    (if nominal { t.end - 1 } else { t.start }, nominal)
}

/// The modality of trigger `t` as the tree reads it, whoever its roles are.
pub fn trigger_modality(tree: &Tree, t: &Trigger) -> Modality {
    let (node, _) = trigger_node(tree, t);
    let m = tree.modality_for(node, t.sense.relation == "cooperates");
    // the noun of a light-verb construction passes on only its negation
    // (not the one its own verb gives it: "suspended talks with X" is an
    // act of suspending, asserted)
    if t.verb_end < t.end
        && !CANCELLING_VERBS.contains(tree.lower(t.start))
        && tree.modality(t.end - 1) == Modality::Negated
    {
        return Modality::Negated;
    }
    m
}

/// Whether attack trigger `t` is a verbal attack: "attacked X for its
/// record", "came under attack over the plan". A reason phrase (for, over)
/// that names no actor makes "attack" criticism; bombs need no reasons.
pub fn verbal_attack(tree: &Tree, t: &Trigger) -> bool {
    if t.sense.relation != "attacks"
        || !(t.sense.mutual
            || ATTACK_WORDS.contains(&tree.lower(t.start))
            || ATTACK_WORDS.contains(&tree.lower(t.end - 1)))
    {
        return false;
    }
    let (node, _) = trigger_node(tree, t);
    // "came under attack ... for": the reason hangs on the verb
    let mut holders = vec![node];
    if let Some((p, g)) = tree.adverbial_governor(node)
        && tree.lower(p) == "under"
    {
        holders.push(g);
    }
    // "attacking Israel's decision", "an attack on the budget": only words
    // attack a decision or a policy
    let aimed_at_words = |n: usize| {
        tree.unit(n).is_none()
            && (PROPOSAL_NOUNS.contains(&tree.lower(n)) || STANCE_NOUNS.contains(&tree.lower(n)))
    };
    // (a light verb's noun carries the object: "launched an attack on")
    let heads = [node, t.end - 1];
    if !t.sense.mutual
        && heads
            .iter()
            .flat_map(|&h| tree.kids(h))
            .any(|&c| match tree.dep(c) {
                "dobj" => aimed_at_words(c),
                "prep" if matches!(tree.lower(c), "on" | "against") => {
                    tree.kid(c, &["pobj"]).is_some_and(aimed_at_words)
                }
                _ => false,
            })
    {
        return true;
    }
    holders.iter().any(|&h| {
        tree.kids(h).iter().any(|&p| {
            // ("clashed for control of the town" is a fight; "clashed
            // over the budget" a quarrel)
            tree.dep(p) == "prep"
                && (tree.lower(p) == "over" || tree.lower(p) == "for" && !t.sense.mutual)
                && tree
                    .kid(p, &["pobj", "pcomp"])
                    .is_some_and(|o| tree.unit(o).is_none() && !TIME_NOUNS.contains(&tree.lower(o)))
        })
    })
}

/// The prepositions that introduce trigger `t`'s target: its own, or its
/// relation's.
fn target_preps<'l>(t: &'l Trigger, lex: &'l Lexicon) -> &'l [String] {
    if t.sense.preps.is_empty() {
        lex.relation(&t.sense.relation)
            .map(|i| i.preps.as_slice())
            .unwrap_or_default()
    } else {
        &t.sense.preps
    }
}

/// Events that trigger `t` yields, read from the tree.
pub fn events_for(tree: &Tree, t: &Trigger, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    let tokens = tree.tokens;
    let info = lex.relation(&t.sense.relation);
    let symmetric = info.is_some_and(|i| i.symmetric);
    let preps = target_preps(t, lex);
    let (node, nominal) = trigger_node(tree, t);
    let light = t.verb_end < t.end;
    let noun = if light { Some(t.end - 1) } else { None };
    // what someone is accused of is not itself asserted: "accused X of
    // trying to kill Y", "blamed X for the attack on Y"
    if tree.accused_content(node, lex) {
        return;
    }
    let owner_is_target = matches!(
        t.sense.relation.as_str(),
        "accuses" | "rejects" | "cooperates"
    );
    let mut sources: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut between: Vec<usize> = Vec::new();
    if nominal {
        // own dependents: "Russia's invasion of Ukraine", "U.N. sanctions on Iraq"
        sources.extend(tree.modifier_units(node));
        for &c in tree.kids(node) {
            let d = tree.dep(c);
            if d == "prep"
                && matches!(tree.lower(c), "by" | "from")
                && let Some(o) = tree.kid(c, &["pobj"])
            {
                sources.extend(tree.np(o));
            }
        }
        between.extend(tree.between_parties(node));
        // "fighting broke out between A and B": the parties of an event
        // noun that is the subject hang on its verb
        if between.is_empty()
            && tree.dep(node) == "nsubj"
            && let Some(g) = tree.head(node)
            && let Some(p) = tree
                .kids(g)
                .iter()
                .copied()
                .find(|&p| tree.dep(p) == "prep" && tree.lower(p) == "between")
            && let Some(o) = tree.kid(p, &["pobj"])
        {
            between.extend(tree.np(o));
        }
        targets.extend(tree.prep_objects(node, preps));
        if targets.is_empty() {
            targets.extend(tree.life_owner(node));
        }
        if targets.is_empty() && t.sense.relation == "attacks" {
            targets.extend(tree.harmed_in(node));
        }
        // "Germany's request that Russia withdraw", "a call for Iran to
        // stop": the subject of the clause the demand noun governs
        if t.sense.relation == "demands" {
            for &c in tree.kids(node) {
                if tree.dep(c) == "acl"
                    && tree
                        .kid(c, &["mark"])
                        .is_some_and(|m| matches!(tree.lower(m), "that" | "for"))
                    && let Some(subject) = tree.kid(c, &["nsubj"])
                {
                    targets.extend(tree.np(subject));
                }
            }
            targets.extend(tree.infinitive_subject(node));
        }
        // "sanctions imposed on Iraq": the participle carries the target
        for &c in tree.kids(node) {
            // "bomb attacks blamed on rebels": the participle names the
            // author of the act, not its target
            if tree.dep(c) == "acl" && ATTRIBUTING_VERBS.contains(tree.lower(c)) {
                if sources.is_empty() {
                    let by = ["on".to_string(), "to".to_string()];
                    sources.extend(tree.prep_objects(c, &by));
                }
                continue;
            }
            if tree.dep(c) == "acl" {
                targets.extend(tree.prep_objects(c, preps));
                // "sanctions imposed by X", "talks sponsored by X": a
                // participle that carries out or names the act; "a deal
                // with Y of the group run by X" describes another noun
                let carries_out = SUPPORT_VERBS.contains(tree.lower(c))
                    || lex.triggers_relation(tree.lower(c), &t.sense.relation);
                if sources.is_empty() && carries_out {
                    sources.extend(tree.agent(c));
                }
            }
        }
        // "a new round of talks", "a series of meetings": the measure noun
        // stands in for the trigger
        let mut np_node = node;
        if tree.dep(node) == "pobj"
            && let Some(p) = tree.head(node)
            && tree.lower(p) == "of"
            && let Some(m) = tree.head(p)
            && MEASURE_NOUNS.contains(&tree.lower(m))
        {
            np_node = m;
        }
        // "imposed sanctions on Iraq", "held talks with X": the support verb
        if let Some(g) = tree.head(np_node)
            && tree.dep(np_node) == "dobj"
            && SUPPORT_VERBS.contains(tree.lower(g))
        {
            if sources.is_empty() {
                sources = tree.subject(g, 0).0;
            }
            targets.extend(tree.prep_objects(g, preps));
        }
        // the preposition and the verb of a phrase the noun is the object of
        let governor = tree.adverbial_governor(np_node);
        // "flew to Belgrade for talks with X": the traveller takes part
        if sources.is_empty()
            && let Some((p, g)) = governor
            && tree.lower(p) == "for"
            && TRAVEL_VERBS.contains(tree.lower(g))
        {
            sources = tree.subject(g, 0).0;
        }
        // "fought Russia in alliance with Sweden", "marched in protest
        // against the decree", "signed after talks with X": an adverbial
        // phrase of the clause makes its subject the noun's source. After,
        // following, during and at only for joint acts: "condemned Israel
        // after attacks on Gaza" does not make the condemner the attacker.
        if sources.is_empty()
            && let Some((p, g)) = governor
            && tree.dep(p) == "prep"
        {
            let joint_act = matches!(t.sense.relation.as_str(), "meets" | "cooperates");
            let adverbial = match tree.lower(p) {
                // "two died in the raid": the subject is harmed, not acting
                "in" => !HARM_WORDS.contains(&tree.lower(g)),
                "after" | "following" | "during" | "at" => joint_act,
                _ => false,
            };
            if adverbial {
                let (subj, passive) = tree.subject(g, 0);
                if !passive {
                    sources = subj;
                }
            }
        }
        // "came under attack from X", "is under pressure from X": the
        // subject of the clause is the one acted upon (and "from X" is the
        // source, even where the relation reads "from" as a target)
        if let Some((p, g)) = governor
            && tree.lower(p) == "under"
        {
            let (subj, passive) = tree.subject(g, 0);
            if !passive && !subj.is_empty() {
                targets = subj;
            }
        }
        // "China's test drew protests from Japan", "the Iraqi attack brought
        // a U.S. strike": a reaction an act draws is aimed at its doer
        if targets.is_empty()
            && tree.dep(np_node) == "dobj"
            && let Some(g) = tree.head(np_node)
            && REACTION_VERBS.contains(tree.lower(g))
            && let Some(act) = tree.kid(g, &["nsubj"])
        {
            targets = tree.owner(act);
            // ("drew protests from Japan": "from" hung on the verb)
            if sources.is_empty() {
                sources = tree.prep_objects(g, &["from".to_string()]);
            }
        }
        rejected_proposal(tree, t, np_node, lex, si, preps, out);
    } else {
        let (subj, passive) = tree.subject(node, 0);
        // "X agreed to be acquired by Y": agreeing is X's act
        let agreed_to_undergo = passive
            && t.sense.relation == "cooperates"
            && tree.dep(node) == "xcomp"
            && tree
                .head(node)
                .is_some_and(|g| AGREEING_VERBS.contains(tree.lower(g)));
        if agreed_to_undergo && let Some(g) = tree.head(node) {
            sources = tree.subject(g, 0).0;
            targets = tree.agent(node);
        } else if passive {
            sources = tree.agent(node);
            if sources.is_empty() && t.sense.relation == "attacks" {
                sources = tree.attack_instrument_owner(node, lex);
            }
            targets = tree.patients(node).0;
            // "a truce was agreed between A and B", "... was signed in
            // talks between A and B": with no agent, the parties of a
            // passive agreement are the ones it was made between
            if sources.is_empty() && targets.is_empty() {
                between = tree.agreement_parties(node);
            }
        } else {
            sources = subj;
            // "a mine planted by X killed Y", "Israeli shelling killed Y"
            if sources.is_empty()
                && t.sense.relation == "attacks"
                && let Some(s) = tree.kid(node, &["nsubj"])
            {
                sources = tree.instrument_owner(s, lex);
            }
            if t.sense.direct
                && let Some(o) = tree.kid(node, &["dobj", "dative", "attr"])
                // "urged the release of X" asks X's captors, not X
                && !(t.sense.relation == "demands" && CUSTODY_NOUNS.contains(&tree.lower(o)))
            {
                let objs = tree.np(o);
                if objs.is_empty() {
                    // "condemned Israel's policy", "rejected Iran's proposal";
                    // "toppled Mubarak's government", "attacked the regime
                    // of Assad": a government stands for its leader
                    // ... but the owner of a light verb's own noun acts
                    // with the subject: "expressed Washington's support
                    // for the government" supports the government
                    let own_noun = noun == Some(o);
                    if !own_noun && (owner_is_target || GOVERNMENT_NOUNS.contains(&tree.lower(o))) {
                        targets.extend(tree.owner(o));
                    }
                    if GOVERNMENT_NOUNS.contains(&tree.lower(o)) {
                        let of = ["of".to_string()];
                        targets.extend(tree.prep_objects(o, &of));
                    }
                } else {
                    targets.extend(objs);
                }
            }
        }
        if owner_is_target && targets.is_empty() {
            for &p in tree.kids(node) {
                if tree.dep(p) == "prep"
                    && preps.iter().any(|x| x == tree.lower(p))
                    && let Some(o) = tree.kid(p, &["pobj"])
                {
                    targets.extend(tree.owner(o));
                }
            }
        }
        let particle: Vec<String> = t.particle.iter().cloned().collect();
        // "suspended Russia from the council", "expelled X from Y": with
        // an actor as the object, "from" names what it is removed from
        let without_from: Vec<String> = preps.iter().filter(|p| *p != "from").cloned().collect();
        let p: &[String] = if !particle.is_empty() {
            &particle
        } else if targets.is_empty() {
            preps
        } else {
            &without_from
        };
        targets.extend(tree.prep_objects(node, p));
        if let Some(n) = noun {
            targets.extend(tree.prep_objects(n, preps));
        }
        if t.sense.relation == "demands" {
            // "renewed its call for Russia to withdraw": the light verb's noun
            targets.extend(tree.infinitive_subject(node));
            if let Some(n) = noun {
                targets.extend(tree.infinitive_subject(n));
            }
        }
        // "expelled another man seized in a raid": the parser reads the
        // object and its participle as a clause, but a bare participle
        // (no auxiliary) cannot head one
        if targets.is_empty()
            && t.sense.direct
            && !passive
            && tree.kid(node, &["dobj"]).is_none()
            && let Some(c) = tree.kid(node, &["ccomp"])
            && tokens[c].tag() == "VBN"
            && tree.kid(c, &["aux", "auxpass"]).is_none()
            && let Some(o) = tree.kid(c, &["nsubj"])
        {
            targets.extend(tree.np(o));
        }
        // "blamed the attack on X": the one an act is blamed on is the
        // accused, whether the parser hangs "on X" on the verb or on the act
        if targets.is_empty()
            && t.sense.relation == "accuses"
            && ATTRIBUTING_VERBS.contains(tree.lower(node))
            && let Some(o) = tree.kid(node, &["dobj"])
            && tree.np(o).is_empty()
        {
            let on = ["on".to_string()];
            targets.extend(tree.prep_objects(node, &on));
            if targets.is_empty() {
                targets.extend(tree.prep_objects(o, &on));
            }
        }
        // "sought Germany's help", "asked for Japan's support": help is
        // asked of the one who would give it
        if targets.is_empty() && t.sense.relation == "demands" {
            let mut wanted: Vec<usize> = tree.kid(node, &["dobj"]).into_iter().collect();
            for &p in tree.kids(node) {
                if tree.dep(p) == "prep"
                    && tree.lower(p) == "for"
                    && let Some(o) = tree.kid(p, &["pobj"])
                {
                    wanted.push(o);
                }
            }
            let of = ["of".to_string()];
            for o in wanted {
                if SUPPORT_NOUNS.contains(&tree.lower(o)) {
                    let owner = tree.owner(o);
                    if owner.is_empty() {
                        // "the support of Germany"
                        targets.extend(tree.prep_objects(o, &of));
                    }
                    targets.extend(owner);
                }
            }
        }
        // "asked Greece to explain": object of the verb is the target of a demand
        if targets.is_empty()
            && let Some(o) = tree.kid(node, &["dobj"])
            && t.sense.relation == "demands"
            // "urged the release of X" asks X's captors, not X
            && !CUSTODY_NOUNS.contains(&tree.lower(o))
        {
            targets.extend(tree.np(o));
        }
    }
    sources.sort_unstable();
    sources.dedup();
    targets.sort_unstable();
    targets.dedup();
    let modality = trigger_modality(tree, t);
    // Together only when nothing else is the object: "A and B signed a
    // deal" but not "A and B agreed to C's request".
    let other_object = !nominal
        && tree.kids(node).iter().any(|&c| {
            let d = tree.dep(c);
            // (a light verb's own noun is no other object: "held summits")
            d == "dobj" && !AGREEMENT_NOUNS.contains(&tree.lower(c)) && Some(c) != noun
                || d == "prep"
                    && preps.iter().any(|p| p == tree.lower(c))
                    && tree.kid(c, &["pobj"]).is_some()
        });
    // ("A and B clashed", "traded fire": a mutual act is joint too)
    let joint =
        (symmetric || t.sense.mutual || JOINT_VERBS.contains(tree.lower(t.start))) && !other_object;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &s in &sources {
        for &g in &targets {
            pairs.push((s, g));
        }
    }
    // "A and B signed a deal", "talks between A and B"
    if targets.is_empty() && joint {
        let group: Vec<usize> = if between.len() >= 2 {
            between.clone()
        } else if sources.len() >= 2 {
            sources.clone()
        } else if sources.len() == 1 && between.len() == 1 {
            vec![sources[0], between[0]]
        } else {
            Vec::new()
        };
        for &a in &group {
            for &b in &group {
                if a != b && (!symmetric || a < b) {
                    pairs.push((a, b));
                }
            }
        }
    } else if targets.is_empty() && sources.len() == 1 && between.len() == 1 {
        pairs.push((sources[0], between[0]));
    } else if nominal
        && targets.is_empty()
        && sources.is_empty()
        && between.len() >= 2
        && t.sense.relation == "attacks"
    {
        // "fighting between A and B", "clashes between A and B": violence
        // between two sides goes both ways
        for &a in &between {
            for &b in &between {
                if a != b {
                    pairs.push((a, b));
                }
            }
        }
    }
    // "after a meeting with A and B": A and B met each other too, whoever
    // else was there (one meeting: "talks with A and B" may be two)
    if nominal && symmetric && targets.len() >= 2 && tokens[node].tag() == "NN" {
        for &a in &targets {
            for &b in &targets {
                if a < b {
                    pairs.push((a, b));
                }
            }
        }
    }
    // (an attack in words is relabelled as an accusation by the caller,
    // once for the tree's and the window's readings alike)
    let reading = Reading {
        relation: t.sense.relation.as_str(),
        cameo: t.sense.cameo.as_str(),
        goldstein: lex.goldstein(&t.sense.cameo),
        symmetric,
        modality,
        sentence: si,
        trigger: crate::document::Span::new(tokens[t.start].span.start, tokens[t.end - 1].span.end),
    };
    reading.push(tree, pairs, out);
}

/// Whether the tree names a subject of verbal trigger `t` that is no
/// actor: "a man who threatened to blow himself up outside X's office",
/// "analysts said", "the court". The window rules, which look for a source
/// among the actors nearby, would give the act to someone else.
pub fn subject_is_no_actor(tree: &Tree, t: &Trigger) -> bool {
    let (node, nominal) = trigger_node(tree, t);
    if nominal {
        return false;
    }
    // "extracts from Lauck's material praising Hitler": an active
    // participle's subject is the noun it modifies; a thing is no actor
    if tree.dep(node) == "acl"
        && tree.tokens[node].tag() == "VBG"
        && let Some(n) = tree.head(node)
        && tree.tokens[n].tag().starts_with("NN")
        // ("spent 20 minutes speaking to X", "at times urging X": a time
        // word is a misparse, the clause's subject acts)
        && !TIME_NOUNS.contains(&tree.lower(n))
        && !tree.may_name_an_unknown_actor(n)
        && tree.unit(n).is_none()
        && tree.np(n).is_empty()
    {
        return true;
    }
    let Some(c) = tree.kid(node, &["nsubj"]) else {
        return false;
    };
    if tree.may_name_an_unknown_actor(c) {
        return false;
    }
    // "Its air force", "IAEA inspectors": an actor modifies the subject
    tree.np(c).is_empty()
        && tree.modifier_units(c).next().is_none()
        && tree.subject(node, 0).0.is_empty()
}

/// Actors buried in a verb trigger's patient phrase when that phrase names
/// no actor itself: the phrase is the direct object ("confiscated copies of
/// books on the Israel-PLO deals") or, for a passive, the subject
/// ("protests demanding unity with X were crushed"). An actor that only
/// modifies a noun in there, or is the object of a preposition the trigger
/// does not take its target with, is not what was acted upon, so the
/// window may not make it the target. Returns their byte spans.
pub fn buried_in_patient(tree: &Tree, t: &Trigger, lex: &Lexicon) -> Vec<crate::document::Span> {
    let preps = target_preps(t, lex);
    let (node, nominal) = trigger_node(tree, t);
    if nominal || !t.sense.direct || t.verb_end != t.end {
        return Vec::new();
    }
    let Some(c) = tree
        .kid(node, &["dobj"])
        .or_else(|| tree.kid(node, &["nsubjpass"]))
    else {
        return Vec::new();
    };
    if tree.may_name_an_unknown_actor(c) || tree.unit(c).is_some() {
        return Vec::new();
    }
    // ("received Swiss francs": meeting is done with people, not with
    // what someone owns)
    if !tree.np(c).is_empty() || !tree.owner(c).is_empty() && t.sense.relation != "meets" {
        return Vec::new();
    }
    // "welcomed the appointment of X": the act's own "of" names its patient
    if let Some(of) = tree.kid(c, &["prep"]).filter(|&p| tree.lower(p) == "of")
        && tree
            .kid(of, &["pobj"])
            .is_some_and(|o| !tree.np(o).is_empty())
    {
        return Vec::new();
    }
    // "struck Iranian sites hours later": a time word read as the object
    // is a misparse, not a patient
    if TIME_NOUNS.contains(&tree.lower(c)) {
        return Vec::new();
    }
    let (lo, hi) = tree.subtree_bounds(c);
    let mut out = Vec::new();
    for u in tree.units {
        // judge a name by its last word
        let i = u.tokens.end - 1;
        if i < lo || i > hi {
            continue;
        }
        let buried = match tree.dep(i) {
            "compound" | "amod" | "nmod" | "poss" => true,
            "pobj" => tree
                .head(i)
                .is_some_and(|p| !preps.iter().any(|x| x == tree.lower(p))),
            _ => false,
        };
        if buried {
            out.push(u.span);
        }
    }
    out
}

/// A passive participle that modifies a noun naming no actor ("a treaty
/// blocked by India"): the noun is what was acted upon, so a target from
/// outside the participle's own phrase ("China reaffirmed its support for
/// a treaty blocked by India") is none. Returns the byte span of the
/// participle's phrase, within which a target may still lie ("sanctions
/// imposed on Iraq").
pub fn reduced_passive_of_a_thing(tree: &Tree, t: &Trigger) -> Option<crate::document::Span> {
    let (node, nominal) = trigger_node(tree, t);
    if nominal || tree.dep(node) != "acl" || tree.tokens[node].tag() != "VBN" {
        return None;
    }
    let n = tree.head(node)?;
    if tree.may_name_an_unknown_actor(n)
        || TIME_NOUNS.contains(&tree.lower(n))
        || !tree.np(n).is_empty()
        || tree.kid(n, &["poss"]).is_some()
        || tree.modifier_units(n).next().is_some()
    {
        return None;
    }
    let (lo, hi) = tree.subtree_bounds(node);
    Some(crate::document::Span::new(
        tree.tokens[lo].span.start,
        tree.tokens[hi].span.end,
    ))
}

/// The phrase of a nominal trigger whose own patient phrase names a thing
/// and no actor: "the Iraqi attack on Kurdish towns brought a U.S. strike".
/// The act was aimed at the thing, so the window may take no target from
/// outside the phrase. Returns the phrase's byte span.
pub fn nominal_patient_is_a_thing(
    tree: &Tree,
    t: &Trigger,
    lex: &Lexicon,
) -> Option<crate::document::Span> {
    let (node, nominal) = trigger_node(tree, t);
    if !nominal {
        return None;
    }
    let preps = target_preps(t, lex);
    let thing = tree.kids(node).iter().any(|&p| {
        tree.dep(p) == "prep"
            && preps.iter().any(|x| x == tree.lower(p))
            && !matches!(tree.lower(p), "with" | "between")
            && tree.kid(p, &["pobj"]).is_some_and(|o| {
                tree.unit(o).is_none()
                    && !tree.may_name_an_unknown_actor(o)
                    && !TIME_NOUNS.contains(&tree.lower(o))
                    && tree.np(o).is_empty()
                    && tree.owner(o).is_empty()
            })
    });
    if !thing {
        return None;
    }
    let (lo, hi) = tree.subtree_bounds(node);
    Some(crate::document::Span::new(
        tree.tokens[lo].span.start,
        tree.tokens[hi].span.end,
    ))
}

/// Accusations a clause carries: "X alleged that Y trained the gunmen",
/// "X questioned whether Y should resign". The speaker accuses the subject
/// of the clause, whatever its verb: alleging is accusing, and questioning
/// in public whether someone acts rightly is criticism.
pub fn clause_accusations(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    for v in tree.range.clone() {
        let w = tree.lower(v);
        let alleging = ALLEGING_VERBS.contains(w);
        if !(alleging || QUESTIONING_VERBS.contains(w)) || !tree.tokens[v].is_verb() {
            continue;
        }
        let (sources, passive) = tree.subject(v, 0);
        if passive || sources.is_empty() {
            continue;
        }
        for &c in tree.kids(v) {
            if tree.dep(c) != "ccomp" {
                continue;
            }
            let mark = tree.kid(c, &["mark"]).map(|m| tree.lower(m));
            let fits = if alleging {
                matches!(mark, None | Some("that"))
            } else {
                matches!(mark, Some("whether" | "if"))
            };
            if !fits {
                continue;
            }
            // the clause's doer: its subject, or the agent of a passive
            // clause ("alleged that voters were intimidated by soldiers")
            let targets = match tree.kid(c, &["nsubj"]) {
                Some(subject) => tree.np(subject),
                None if tree.kid(c, &["nsubjpass"]).is_some() => tree.agent(c),
                None => continue,
            };
            let cameo = if alleging { "112" } else { "111" };
            let reading = Reading {
                relation: "accuses",
                cameo,
                goldstein: lex.goldstein(cameo),
                symmetric: false,
                modality: tree.modality(v),
                sentence: si,
                trigger: crate::document::Span::new(
                    tree.tokens[v].span.start,
                    tree.tokens[v].span.end,
                ),
            };
            let pairs = sources
                .iter()
                .flat_map(|&s| targets.iter().map(move |&g| (s, g)));
            reading.push(tree, pairs, out);
        }
    }
}

/// Naming someone with a pejorative: "Iran called Israel a terrorist
/// state", "Egypt branded Sudan's move illegal", "described the plan of X
/// as a provocation". The one who names accuses (CAMEO 111) the one
/// named, or the owner of what is named.
pub fn name_calling(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    for v in tree.range.clone() {
        if !NAMING_VERBS.contains(tree.lower(v)) || !tree.tokens[v].is_verb() {
            continue;
        }
        let (namers, passive) = tree.subject(v, 0);
        let Some(o) = tree.kid(v, &["dobj"]) else {
            continue;
        };
        if passive || namers.is_empty() {
            continue;
        }
        // the predicate: "a terrorist state" (oprd), "as a provocation"
        let mut predicates: Vec<usize> = tree
            .kids(v)
            .iter()
            .copied()
            .filter(|&c| {
                matches!(tree.dep(c), "oprd" | "xcomp" | "ccomp" | "attr")
                    // a second object is the predicate, however parsed
                    || c > o && tree.dep(c) == "dobj"
            })
            .collect();
        for &p in tree.kids(v) {
            if tree.dep(p) == "prep"
                && tree.lower(p) == "as"
                && let Some(x) = tree.kid(p, &["pobj"])
            {
                predicates.push(x);
            }
        }
        // an adjective after the object is its predicate, however parsed
        // ("branded the move illegal": English adjectives precede nouns)
        predicates.extend(
            tree.kids(o)
                .iter()
                .copied()
                .filter(|&m| m > o && tree.dep(m) == "amod"),
        );
        // the predicate's head and its modifiers ("a terrorist state")
        let pejorative = predicates.iter().any(|&x| {
            std::iter::once(x)
                .chain(
                    tree.kids(x)
                        .iter()
                        .copied()
                        .filter(|&m| matches!(tree.dep(m), "amod" | "compound")),
                )
                .any(|w| PEJORATIVES.contains(&tree.lower(w)))
        });
        // "dismissed the unrest as the work of foreigners", "described
        // the bombing as the handiwork of X": the author named is accused
        let authors: Vec<usize> = predicates
            .iter()
            .filter(|&&x| AUTHORSHIP_NOUNS.contains(&tree.lower(x)))
            .flat_map(|&x| tree.prep_objects(x, &["of".to_string()]))
            .collect();
        let blaming = DISMISSING_VERBS.contains(tree.lower(v)) || violent_act(tree, o, lex);
        let named = if !authors.is_empty() && blaming {
            authors
        } else if pejorative {
            tree.actor_or_owner(o)
        } else {
            continue;
        };
        let reading = Reading::of_verb(tree, v, "accuses", "111", lex, si);
        let pairs = namers
            .iter()
            .flat_map(|&s| named.iter().map(move |&g| (s, g)));
        reading.push(tree, pairs, out);
    }
}

/// Displeasure one actor feels at another's act or words: "Syria was
/// dismayed by Netanyahu's refusal", "Israel's decision angered Egypt".
/// The one who feels it disapproves of (accuses, CAMEO 110) the one whose
/// act caused it: in the active the cause is the subject, in the passive
/// the one who feels it is.
pub fn displeasure(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    for v in tree.range.clone() {
        if !DISPLEASURE_VERBS.contains(tree.lower(v)) || !tree.tokens[v].is_verb() {
            continue;
        }
        // the one who feels it: the subject of a passive, or the noun a
        // participle modifies ("officials, angered by X's remarks")
        let (patients, passive) = tree.patients(v);
        let passive = passive && tree.tokens[v].tag() == "VBN";
        let (feelers, causes) = if passive {
            // "by X's refusal", "at the decision of X", "over X's remarks"
            let causes: Vec<usize> = tree
                .kids(v)
                .iter()
                .filter(|&&p| {
                    matches!(tree.dep(p), "agent" | "prep")
                        && matches!(tree.lower(p), "by" | "at" | "over" | "with")
                })
                .filter_map(|&p| tree.kid(p, &["pobj"]))
                .flat_map(|n| tree.actor_or_owner(n))
                .collect();
            (patients, causes)
        } else {
            let (Some(o), Some(s)) = (tree.kid(v, &["dobj"]), tree.kid(v, &["nsubj"])) else {
                continue;
            };
            (tree.np(o), tree.actor_or_owner(s))
        };
        let reading = Reading::of_verb(tree, v, "accuses", "110", lex, si);
        let pairs = feelers
            .iter()
            .flat_map(|&f| causes.iter().map(move |&c| (f, c)));
        reading.push(tree, pairs, out);
    }
}

/// Blame a speaker puts on what another actor did: "Iran said the sanctions
/// imposed by Washington were illegal", "Oslo said the measures Moscow took
/// were a provocation". The reported clause's subject names no actor, so
/// the window rules of reported speech find no target; the one who owns or
/// made the thing is blamed (CAMEO 112).
pub fn blamed_owner(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    let blames = |w: &str| lex.blame.iter().any(|p| p.len() == 1 && p[0] == w);
    for c in tree.range.clone() {
        let Some((speech, speakers)) = tree.reporters_of(c) else {
            continue;
        };
        // the predicate: the clause's verb, or what its copula links
        let blamed = blames(tree.lower(c))
            || tree
                .kids(c)
                .iter()
                .any(|&p| matches!(tree.dep(p), "acomp" | "attr") && blames(tree.lower(p)));
        let Some(subject) = tree.kid(c, &["nsubj"]) else {
            continue;
        };
        if !blamed || tree.unit(subject).is_some() || tree.kid(c, &["neg"]).is_some() {
            continue;
        }
        let owners = tree.owner(subject);
        let reading = Reading::of_verb(tree, speech, "accuses", "112", lex, si);
        let pairs = speakers
            .iter()
            .flat_map(|&s| owners.iter().map(move |&o| (s, o)));
        reading.push(tree, pairs, out);
    }
}

/// Whether noun `n` names a violent act ("bombing", "attack", "unrest"
/// is not one: "the work of X" blames X for an act of violence).
fn violent_act(tree: &Tree, n: usize, lex: &Lexicon) -> bool {
    lex.triggers.get(tree.lower(n)).is_some_and(|senses| {
        senses
            .iter()
            .any(|t| t.pos == TriggerPos::Noun && t.relation == "attacks")
    })
}

/// A speaker who calls something evidence of another's act accuses the
/// one who acted: "Kabul said the rockets were proof of Pakistani support
/// for the rebels" (CAMEO 112). The act itself is only claimed (see
/// `CLAIM_NOUNS` in the modality). A violent act said to be someone's work
/// is laid at their door too: "police said the bombing was the work of X".
pub fn evidence_of(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    for n in tree.range.clone() {
        let w = tree.lower(n);
        let evidence = EVIDENCE_NOUNS.contains(&w);
        // "X said it had evidence that Y armed the rebels": the one who
        // holds the evidence accuses the doer of the clause it shows
        if evidence
            && tree.dep(n) == "dobj"
            && let Some(g) = tree.head(n)
        {
            let (holders, passive) = tree.subject(g, 0);
            // (the clause may hang on the verb: "has evidence that ...")
            let doers: Vec<usize> = tree
                .kids(n)
                .iter()
                .chain(tree.kids(g).iter().filter(|&&c| c > n))
                .filter(|&&c| {
                    matches!(tree.dep(c), "acl" | "ccomp")
                        && tree
                            .kid(c, &["mark"])
                            .is_some_and(|m| tree.lower(m) == "that")
                })
                .filter_map(|&c| tree.kid(c, &["nsubj"]))
                .flat_map(|x| tree.np(x))
                .collect();
            if !passive {
                let mut reading = Reading::of_verb(tree, g, "accuses", "112", lex, si);
                // "had no evidence that ...": no accusation made
                if tree
                    .kids(n)
                    .iter()
                    .any(|&d| tree.dep(d) == "det" && tree.lower(d) == "no")
                {
                    reading.modality = Modality::Negated;
                }
                let pairs = holders
                    .iter()
                    .flat_map(|&s| doers.iter().map(move |&d| (s, d)));
                reading.push(tree, pairs, out);
            }
            continue;
        }
        if !(evidence || AUTHORSHIP_NOUNS.contains(&w)) || tree.dep(n) != "attr" {
            continue;
        }
        // the copula of "... were proof of" reports what a speaker said
        let Some(copula) = tree.head(n) else {
            continue;
        };
        let Some((speech, speakers)) = tree.reporters_of(copula) else {
            continue;
        };
        // "the bombing was the work of X", not "the plan was the work of X"
        if !evidence
            && !tree
                .kid(copula, &["nsubj"])
                .is_some_and(|s| violent_act(tree, s, lex))
        {
            continue;
        }
        let doers: Vec<usize> = tree
            .kids(n)
            .iter()
            .filter(|&&p| tree.dep(p) == "prep" && tree.lower(p) == "of")
            .filter_map(|&p| tree.kid(p, &["pobj"]))
            .flat_map(|x| tree.actor_or_owner(x))
            .collect();
        let reading = Reading::of_verb(tree, speech, "accuses", "112", lex, si);
        let pairs = speakers
            .iter()
            .flat_map(|&s| doers.iter().map(move |&d| (s, d)));
        reading.push(tree, pairs, out);
    }
}

/// Support that a thanked actor gave: "China thanked Gabon for its
/// support" also says that Gabon backed China. The thanked one cooperates
/// with the one who thanks.
pub fn thanked_support(tree: &Tree, lex: &Lexicon, si: usize, out: &mut Vec<Event>) {
    for v in tree.range.clone() {
        if !THANKING_VERBS.contains(tree.lower(v)) || !tree.tokens[v].is_verb() {
            continue;
        }
        let (thankers, passive) = tree.subject(v, 0);
        let Some(o) = tree.kid(v, &["dobj"]) else {
            continue;
        };
        let helpers = tree.np(o);
        if passive || thankers.is_empty() || helpers.is_empty() {
            continue;
        }
        let for_support = tree.kids(v).iter().any(|&p| {
            tree.dep(p) == "prep"
                && tree.lower(p) == "for"
                && tree
                    .kid(p, &["pobj"])
                    .is_some_and(|n| SUPPORT_NOUNS.contains(&tree.lower(n)))
        });
        if !for_support {
            continue;
        }
        let reading = Reading::of_verb(tree, v, "cooperates", "050", lex, si);
        let pairs = helpers
            .iter()
            .flat_map(|&h| thankers.iter().map(move |&t| (h, t)));
        reading.push(tree, pairs, out);
    }
}

/// What the events of one trigger share, whoever their actors are.
struct Reading<'a> {
    relation: &'a str,
    cameo: &'a str,
    goldstein: f64,
    symmetric: bool,
    modality: Modality,
    sentence: usize,
    trigger: crate::document::Span,
}

impl<'a> Reading<'a> {
    /// A one-way reading whose trigger is verb `v`, with the verb's modality.
    fn of_verb(
        tree: &Tree,
        v: usize,
        relation: &'a str,
        cameo: &'a str,
        lex: &Lexicon,
        si: usize,
    ) -> Self {
        Reading {
            relation,
            cameo,
            goldstein: lex.goldstein(cameo),
            symmetric: false,
            modality: tree.modality(v),
            sentence: si,
            trigger: crate::document::Span::new(tree.tokens[v].span.start, tree.tokens[v].span.end),
        }
    }

    /// One event per (source unit, target unit) pair of different actors.
    fn push(
        &self,
        tree: &Tree,
        pairs: impl IntoIterator<Item = (usize, usize)>,
        out: &mut Vec<Event>,
    ) {
        for (s, g) in pairs {
            let (us, ug) = (&tree.units[s], &tree.units[g]);
            if us.actor == ug.actor {
                continue;
            }
            out.push(Event {
                source: us.actor,
                target: ug.actor,
                relation: self.relation.to_string(),
                cameo: self.cameo.to_string(),
                goldstein: self.goldstein,
                symmetric: self.symmetric,
                modality: self.modality,
                confidence: 0.8,
                sentence: self.sentence,
                trigger: self.trigger,
                source_span: us.span,
                target_span: ug.span,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::lexicon::Lexicon;

    /// A parsed sentence from "word/head/label" triples (heads 1-based, 0 =
    /// root) and the words that are actors (each its own actor index).
    fn parsed(spec: &str, actors: &[&str]) -> (Vec<Token>, Vec<Unit>) {
        let mut tokens = Vec::new();
        let mut pos = 0;
        for item in spec.split_whitespace() {
            let mut parts = item.rsplitn(3, '/');
            let label = parts.next().unwrap();
            let head: usize = parts.next().unwrap().parse().unwrap();
            let word = parts.next().unwrap();
            let mut t = crate::text::tokenize(word).remove(0);
            t.span = Span::new(pos, pos + word.len());
            pos += word.len() + 1;
            t.head = head.checked_sub(1);
            t.dep = Box::leak(label.to_string().into_boxed_str());
            tokens.push(t);
        }
        let tags = crate::ner::PosTagger::builtin()
            .tag(&tokens.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>());
        for (t, p) in tokens.iter_mut().zip(tags) {
            t.pos = Some(p);
        }
        let units = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let a = actors.iter().position(|a| *a == t.norm)?;
                Some(Unit {
                    tokens: i..i + 1,
                    span: t.span,
                    actor: a,
                    possessive: false,
                    demonym_modifier: false,
                    pronoun: false,
                    named_agent: true,
                    group: i,
                })
            })
            .collect();
        (tokens, units)
    }

    /// Runs `f` on the tree and the triggers of a parsed sentence.
    fn with_tree<R>(
        spec: &str,
        actors: &[&str],
        f: impl FnOnce(&Tree, &[Trigger], &Lexicon) -> R,
    ) -> R {
        let lex = Lexicon::builtin().unwrap();
        let (tokens, units) = parsed(spec, actors);
        let mut analysis = crate::text::Analysis::default();
        analysis.sentences.push(crate::text::Sentence {
            span: Span::new(0, tokens.last().unwrap().span.end),
            tokens: 0..tokens.len(),
        });
        analysis.tokens = tokens;
        let triggers = super::super::find_triggers(&analysis, 0..analysis.tokens.len(), &lex);
        let tree = Tree::new(&analysis.tokens, 0..analysis.tokens.len(), &units).unwrap();
        f(&tree, &triggers, &lex)
    }

    /// (source, relation, target, modality) of every event of the sentence.
    fn events(spec: &str, actors: &[&str]) -> Vec<(String, String, String, Modality)> {
        let out = with_tree(spec, actors, |tree, triggers, lex| {
            let mut out = Vec::new();
            for t in triggers {
                events_for(tree, t, lex, 0, &mut out);
            }
            // the readings that need no trigger
            clause_accusations(tree, lex, 0, &mut out);
            thanked_support(tree, lex, 0, &mut out);
            displeasure(tree, lex, 0, &mut out);
            name_calling(tree, lex, 0, &mut out);
            evidence_of(tree, lex, 0, &mut out);
            blamed_owner(tree, lex, 0, &mut out);
            out
        });
        let mut v: Vec<_> = out
            .iter()
            .map(|e| {
                (
                    actors[e.source].to_string(),
                    e.relation.clone(),
                    actors[e.target].to_string(),
                    e.modality,
                )
            })
            .collect();
        v.sort();
        v
    }

    fn ev(s: &str, r: &str, t: &str, m: Modality) -> (String, String, String, Modality) {
        (s.into(), r.into(), t.into(), m)
    }

    const A: Modality = Modality::Asserted;

    #[test]
    fn subject_and_object() {
        let e = events(
            "Egypt/2/nsubj accused/0/ROOT Qatar/2/dobj ./2/punct",
            &["Egypt", "Qatar"],
        );
        assert_eq!(e, vec![ev("Egypt", "accuses", "Qatar", A)]);
    }

    #[test]
    fn apposition_between_subject_and_verb() {
        // "Pinas, a visitor from Ghana, accused Okoro."
        let e = events(
            "Pinas/8/nsubj ,/1/punct a/4/det visitor/1/appos from/4/prep Ghana/5/pobj ,/1/punct accused/0/ROOT Okoro/8/dobj ./8/punct",
            &["Pinas", "Ghana", "Okoro"],
        );
        assert_eq!(e, vec![ev("Pinas", "accuses", "Okoro", A)]);
    }

    #[test]
    fn passive_with_agent() {
        let e = events(
            "Qatar/3/nsubjpass was/3/auxpass accused/0/ROOT by/3/agent Egypt/4/pobj ./3/punct",
            &["Qatar", "Egypt"],
        );
        assert_eq!(e, vec![ev("Egypt", "accuses", "Qatar", A)]);
    }

    #[test]
    fn coordinated_subjects_of_a_joint_verb() {
        let e = events(
            "Chile/4/nsubj and/1/cc Peru/1/conj signed/0/ROOT a/6/det deal/4/dobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "cooperates", "Peru", A)), "{e:?}");
        assert!(e.contains(&ev("Peru", "cooperates", "Chile", A)), "{e:?}");
    }

    #[test]
    fn coordinated_subjects_of_a_light_verb_meet() {
        // "summits" is the light verb's own noun, not another object
        let e = events(
            "Chile/4/nsubj and/1/cc Peru/1/conj held/0/ROOT summits/4/dobj in/4/prep Lima/6/pobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "meets", "Peru", A)]);
    }

    #[test]
    fn a_time_word_heading_a_name_stands_aside() {
        let e = events(
            "The/2/det assembly/4/nmod last/4/amod month/5/nsubj suspended/0/ROOT Russia/5/dobj from/5/prep the/9/det council/7/pobj ./5/punct",
            &["assembly", "Russia", "council"],
        );
        // and "from" names what Russia was suspended from, not a target
        assert_eq!(e, vec![ev("assembly", "coerces", "Russia", A)]);
        let e = events(
            "Obama/3/nsubj is/3/aux meeting/0/ROOT with/3/prep Putin/6/compound today/4/pobj ./3/punct",
            &["Obama", "Putin"],
        );
        assert_eq!(e, vec![ev("Obama", "meets", "Putin", A)]);
    }

    #[test]
    fn a_bare_participle_is_no_clause() {
        let e = events(
            "France/2/nsubj expelled/0/ROOT another/5/det Malian/5/amod man/6/nsubj seized/2/ccomp in/6/prep a/9/det raid/7/pobj ./2/punct",
            &["France", "man"],
        );
        assert_eq!(e, vec![ev("France", "coerces", "man", A)]);
    }

    #[test]
    fn leaving_for_a_visit_makes_it() {
        let e = events(
            "Obama/2/nsubj left/0/ROOT Chile/2/dobj for/2/prep a/6/det visit/4/pobj to/6/prep Peru/7/pobj ./2/punct",
            &["Obama", "Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Obama", "meets", "Peru", A)]);
    }

    #[test]
    fn whose_proposal_it_was() {
        // the agent of a relative clause on the object, "by" read as two objects
        let e = events(
            "Chile/2/nsubj agreed/0/ROOT to/2/prep the/5/det proposal/3/pobj ,/5/punct which/9/nsubjpass was/9/auxpass put/5/relcl forward/9/advmod by/9/agent mediators/11/pobj Peru/11/pobj and/13/cc Bolivia/13/conj ./2/punct",
            &["Chile", "Peru", "Bolivia"],
        );
        assert_eq!(
            e,
            vec![
                ev("Chile", "cooperates", "Bolivia", A),
                ev("Chile", "cooperates", "Peru", A)
            ]
        );
        // the subject of a relative clause with its object gap, through a measure noun
        let e = events(
            "Obama/2/nsubj backed/0/ROOT a/4/det package/2/dobj of/4/prep proposals/5/pobj Putin/8/nsubj took/6/relcl to/8/prep the/11/det talks/9/pobj ./2/punct",
            &["Obama", "Putin"],
        );
        assert_eq!(e, vec![ev("Obama", "cooperates", "Putin", A)]);
        // a nationality on the object noun
        let e = events(
            "Chile/2/nsubj condemned/0/ROOT Peruvian/4/amod involvement/2/dobj ./2/punct",
            &["Chile", "Peruvian"],
        );
        assert_eq!(e, vec![ev("Chile", "accuses", "Peruvian", A)]);
    }

    #[test]
    fn a_subject_that_is_no_actor_is_named() {
        let no_actor = |spec: &str, actors: &[&str]| {
            with_tree(spec, actors, |tree, triggers, _| {
                triggers.iter().any(|t| subject_is_no_actor(tree, t))
            })
        };
        // "a man who threatened ...": the relative pronoun's noun is no actor
        assert!(no_actor(
            "a/2/det man/0/ROOT who/4/nsubj threatened/2/relcl Obama/4/dobj ./2/punct",
            &["Obama"],
        ));
        // "Its air force struck": an actor modifies the subject
        assert!(!no_actor(
            "Chile/3/poss air/3/compound force/4/nsubj struck/0/ROOT Peru/4/dobj ./4/punct",
            &["Chile", "Peru"],
        ));
    }

    #[test]
    fn an_including_phrase_adds_members() {
        // the parser hangs "including" on the trigger noun here
        let e = events(
            "Okafor/2/nsubj held/0/ROOT talks/2/dobj with/3/prep officials/4/pobj ,/3/punct including/3/prep Mensah/7/pobj ./2/punct",
            &["Okafor", "Mensah"],
        );
        assert_eq!(e, vec![ev("Okafor", "meets", "Mensah", A)]);
        // and on the object noun there
        let e = events(
            "Obama/2/nsubj met/0/ROOT officials/2/dobj ,/3/punct including/3/prep Mensah/5/pobj ./2/punct",
            &["Obama", "Mensah"],
        );
        assert_eq!(e, vec![ev("Obama", "meets", "Mensah", A)]);
    }

    #[test]
    fn a_quantity_stands_for_what_it_counts() {
        let e = events(
            "Chile/2/nsubj deported/0/ROOT thousands/2/dobj of/3/prep Peru/4/pobj and/5/cc Bolivia/5/conj ./2/punct",
            &["Chile", "Peru", "Bolivia"],
        );
        assert_eq!(
            e,
            vec![
                ev("Chile", "coerces", "Bolivia", A),
                ev("Chile", "coerces", "Peru", A)
            ]
        );
        let e = events(
            "Chile/2/nsubj arrested/0/ROOT 26/2/dobj of/3/prep Peru/4/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "coerces", "Peru", A)]);
    }

    #[test]
    fn members_of_a_group_named_in_apposition() {
        // "members of the militant group Hamas": the name stands beside a
        // common noun
        let e = events(
            "Chile/2/nsubj detained/0/ROOT members/2/dobj of/3/prep the/7/det militant/7/amod group/4/pobj Hamas/7/appos ./2/punct",
            &["Chile", "Hamas"],
        );
        assert_eq!(e, vec![ev("Chile", "coerces", "Hamas", A)]);
        // but not through an apposition misread onto a thing: "demanding
        // pay, the chief of the union Solidarnosc said"
        let e = events(
            "Chile/2/nsubj demanded/0/ROOT pay/2/dobj ,/3/punct the/6/det chief/3/appos of/6/prep the/9/det union/7/pobj Hamas/9/appos ./2/punct",
            &["Chile", "Hamas"],
        );
        assert_eq!(e, vec![]);
    }

    #[test]
    fn actors_buried_in_a_thing_patient() {
        let buried = |spec: &str, actors: &[&str]| {
            with_tree(spec, actors, |tree, triggers, lex| {
                triggers
                    .iter()
                    .map(|t| buried_in_patient(tree, t, lex).len())
                    .sum::<usize>()
            })
        };
        // "seized copies of a book on the Chile-Peru treaty"
        assert_eq!(
            buried(
                "Obama/2/nsubj seized/0/ROOT copies/2/dobj of/3/prep a/6/det book/4/pobj on/6/prep the/10/det Chile/10/compound treaty/7/pobj ./2/punct",
                &["Obama", "Chile"],
            ),
            1
        );
        // a target preposition of the trigger still gives the target
        assert_eq!(
            buried(
                "Obama/2/nsubj struck/0/ROOT a/4/det refinery/2/dobj inside/4/prep Chile/5/pobj ./2/punct",
                &["Obama", "Chile"],
            ),
            0
        );
        // the act's own "of": "welcomed the appointment of X"
        assert_eq!(
            buried(
                "Obama/2/nsubj welcomed/0/ROOT the/4/det appointment/2/dobj of/4/prep Chile/7/poss envoy/5/pobj ./2/punct",
                &["Obama", "Chile"],
            ),
            0
        );

        // meeting is done with people, not with what they own: "received
        // Chile's money" buries Chile, "condemned Chile's policy" does not
        assert_eq!(
            buried(
                "Obama/2/nsubj received/0/ROOT Chile/5/poss 's/3/case money/2/dobj ./2/punct",
                &["Obama", "Chile"],
            ),
            1
        );
        assert_eq!(
            buried(
                "Obama/2/nsubj condemned/0/ROOT Chile/5/poss 's/3/case policy/2/dobj ./2/punct",
                &["Obama", "Chile"],
            ),
            0
        );
    }

    #[test]
    fn an_agreement_to_act_is_its_holders_act() {
        let e = events(
            "Chile/2/nsubj signed/0/ROOT an/4/det agreement/2/dobj to/6/aux sell/4/acl goods/6/dobj to/6/prep Peru/8/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "cooperates", "Peru", A)]);
        let e = events(
            "Chile/3/nsubj had/3/aux entered/0/ROOT into/3/prep an/6/det agreement/4/pobj to/8/aux buy/6/acl arms/8/dobj from/8/prep Peru/10/pobj ./3/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "cooperates", "Peru", A)]);
    }

    #[test]
    fn agreeing_to_be_bought_is_the_sellers_act() {
        let e = events(
            "Chile/2/nsubj agreed/0/ROOT to/5/aux be/5/auxpass acquired/2/xcomp by/5/agent Peru/6/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "cooperates", "Peru", A)]);
    }

    #[test]
    fn those_met_together_meet_each_other() {
        let e = events(
            "Obama/2/nsubj spoke/0/ROOT after/2/prep a/5/det meeting/3/pobj with/5/prep Mensah/6/pobj and/7/cc Diallo/7/conj ./2/punct",
            &["Obama", "Mensah", "Diallo"],
        );
        assert!(e.contains(&ev("Mensah", "meets", "Diallo", A)), "{e:?}");
        // "talks with A and B" may be two sets of talks
        let e = events(
            "Obama/2/nsubj spoke/0/ROOT after/2/prep talks/3/pobj with/4/prep Mensah/5/pobj and/6/cc Diallo/6/conj ./2/punct",
            &["Obama", "Mensah", "Diallo"],
        );
        assert!(!e.contains(&ev("Mensah", "meets", "Diallo", A)), "{e:?}");
        // one side of a meeting is no pair: "a meeting with Mensah"
        let e = events(
            "Obama/2/nsubj spoke/0/ROOT after/2/prep a/5/det meeting/3/pobj with/5/prep Mensah/6/pobj ./2/punct",
            &["Obama", "Mensah"],
        );
        let mut e = e;
        e.dedup(); // read from "spoke ... with" and from "meeting with"
        assert_eq!(e, vec![ev("Obama", "meets", "Mensah", A)]);
    }

    #[test]
    fn a_pronoun_for_two_actors_gives_both() {
        // "They" resolved to two actors: two units over the same word
        let mut out = Vec::new();
        let lex = Lexicon::builtin().unwrap();
        let (tokens, mut units) = parsed(
            "They/2/nsubj urged/0/ROOT Chile/2/dobj to/5/aux leave/2/xcomp ./2/punct",
            &["They", "Chile"],
        );
        let mut twin = units[0].clone();
        twin.actor = 2;
        units.push(twin);
        let mut analysis = crate::text::Analysis::default();
        analysis.sentences.push(crate::text::Sentence {
            span: Span::new(0, tokens.last().unwrap().span.end),
            tokens: 0..tokens.len(),
        });
        analysis.tokens = tokens;
        let triggers = super::super::find_triggers(&analysis, 0..analysis.tokens.len(), &lex);
        let tree = Tree::new(&analysis.tokens, 0..analysis.tokens.len(), &units).unwrap();
        for t in &triggers {
            events_for(&tree, t, &lex, 0, &mut out);
        }
        let mut pairs: Vec<(usize, usize)> = out.iter().map(|e| (e.source, e.target)).collect();
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (2, 1)]);
    }

    #[test]
    fn object_control_and_plans() {
        // "Norway urged Chile to meet Peru": a demand, and a meeting only wished for
        let e = events(
            "Norway/2/nsubj urged/0/ROOT Chile/2/dobj to/5/aux meet/2/xcomp Peru/5/dobj ./2/punct",
            &["Norway", "Chile", "Peru"],
        );
        assert!(e.contains(&ev("Norway", "demands", "Chile", A)), "{e:?}");
        assert!(
            e.contains(&ev("Chile", "meets", "Peru", Modality::Hypothetical)),
            "{e:?}"
        );
    }

    #[test]
    fn negation_and_modals() {
        let e = events(
            "Chile/4/nsubj did/4/aux not/4/neg attack/0/ROOT Peru/4/dobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "attacks", "Peru", Modality::Negated)]);
        let e = events(
            "Chile/3/nsubj could/3/aux attack/0/ROOT Peru/3/dobj ./3/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(
            e,
            vec![ev("Chile", "attacks", "Peru", Modality::Hypothetical)]
        );
    }

    #[test]
    fn an_attempt_on_a_life_attacks_its_owner() {
        // "Rebels made an attempt on Ruiz's life."
        let e = events(
            "Rebels/2/nsubj made/0/ROOT an/4/det attempt/2/dobj on/4/prep Ruiz/8/poss 's/6/case life/5/pobj ./2/punct",
            &["Rebels", "Ruiz"],
        );
        assert_eq!(e, vec![ev("Rebels", "attacks", "Ruiz", A)]);
        // "Rebels made an attempt on the record of Ruiz." is no attack
        let e = events(
            "Rebels/2/nsubj made/0/ROOT an/4/det attempt/2/dobj on/4/prep the/7/det record/5/pobj of/7/prep Ruiz/8/pobj ./2/punct",
            &["Rebels", "Ruiz"],
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn a_demand_noun_clause_names_whom_it_is_made_of() {
        // "Chile's request that Peru should withdraw was ignored."
        let e = events(
            "Chile/3/poss 's/1/case request/9/nsubjpass that/7/mark Peru/7/nsubj should/7/aux withdraw/3/acl was/9/auxpass ignored/0/ROOT ./9/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "demands", "Peru", A)), "{e:?}");
        // "Chile called for Peru to withdraw."
        let e = events(
            "Chile/2/nsubj called/0/ROOT for/2/prep Peru/3/pobj to/6/aux withdraw/2/advcl ./2/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "demands", "Peru", A)), "{e:?}");
    }

    #[test]
    fn a_pejorative_name_is_an_accusation() {
        // "Chile called Peru a rogue state."
        let e = events(
            "Chile/2/nsubj called/0/ROOT Peru/2/dobj a/6/det rogue/6/amod state/2/oprd ./2/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "accuses", "Peru", A)]);
        // "Chile called Peru a good neighbour."
        let e = events(
            "Chile/2/nsubj called/0/ROOT Peru/2/dobj a/6/det good/6/amod neighbour/2/oprd ./2/punct",
            &["Chile", "Peru"],
        );
        assert!(e.is_empty(), "{e:?}");
    }

    /// Every event `doer` is the source of is only claimed (hypothetical).
    fn assert_claimed_only(e: &[(String, String, String, Modality)], doer: &str) {
        assert!(
            e.iter()
                .filter(|x| x.0 == doer)
                .all(|x| x.3 == Modality::Hypothetical),
            "{e:?}"
        );
    }

    #[test]
    fn proof_of_an_act_accuses_its_doer_and_only_claims_the_act() {
        // "Kabul said the rockets were proof of Pakistan's support."
        let e = events(
            "Kabul/2/nsubj said/0/ROOT the/4/det rockets/5/nsubj were/2/ccomp proof/5/attr of/6/prep Pakistan/10/poss 's/8/case support/7/pobj ./2/punct",
            &["Kabul", "Pakistan"],
        );
        assert_eq!(e, vec![ev("Kabul", "accuses", "Pakistan", A)]);
        // "Chile said the raid was proof of Peru's aid to Bolivia."
        let e = events(
            "Chile/2/nsubj said/0/ROOT the/4/det raid/5/nsubj was/2/ccomp proof/5/attr of/6/prep Peru/10/poss 's/8/case aid/7/pobj to/10/prep Bolivia/11/pobj ./2/punct",
            &["Chile", "Peru", "Bolivia"],
        );
        assert!(e.contains(&ev("Chile", "accuses", "Peru", A)), "{e:?}");
        assert_claimed_only(&e, "Peru");
    }

    #[test]
    fn reported_blame_of_a_thing_falls_on_its_maker() {
        // "Iran said the sanctions imposed by Chile were illegal."
        let e = events(
            "Iran/2/nsubj said/0/ROOT the/4/det sanctions/8/nsubj imposed/4/acl by/5/agent Chile/6/pobj were/2/ccomp illegal/8/acomp ./2/punct",
            &["Iran", "Chile"],
        );
        assert!(e.contains(&ev("Iran", "accuses", "Chile", A)), "{e:?}");
        // "Iran said the sanctions imposed by Chile were not illegal."
        let e = events(
            "Iran/2/nsubj said/0/ROOT the/4/det sanctions/8/nsubj imposed/4/acl by/5/agent Chile/6/pobj were/2/ccomp not/8/neg illegal/8/acomp ./2/punct",
            &["Iran", "Chile"],
        );
        assert!(e.iter().all(|x| x.1 != "accuses"), "{e:?}");
    }

    #[test]
    fn a_violent_act_said_to_be_someones_work_accuses_them() {
        // "Chile said the bombing was the work of Peru."
        let e = events(
            "Chile/2/nsubj said/0/ROOT the/4/det bombing/5/nsubj was/2/ccomp the/7/det work/5/attr of/7/prep Peru/8/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "accuses", "Peru", A)), "{e:?}");
        // "Chile said the plan was the work of Peru."
        let e = events(
            "Chile/2/nsubj said/0/ROOT the/4/det plan/5/nsubj was/2/ccomp the/7/det work/5/attr of/7/prep Peru/8/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn a_reaction_an_act_draws_is_aimed_at_its_doer() {
        // "Chile's test drew condemnation from Peru."
        let e = events(
            "Chile/3/poss 's/1/case test/4/nsubj drew/0/ROOT condemnation/4/dobj from/4/prep Peru/6/pobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Peru", "accuses", "Chile", A)]);
    }

    #[test]
    fn evidence_that_a_clause_accuses_its_doer() {
        // "Chile has evidence that Peru armed rebels."
        let e = events(
            "Chile/2/nsubj has/0/ROOT evidence/2/dobj that/6/mark Peru/6/nsubj armed/3/acl rebels/6/dobj ./2/punct",
            &["Chile", "Peru", "rebels"],
        );
        assert!(e.contains(&ev("Chile", "accuses", "Peru", A)), "{e:?}");
        assert_claimed_only(&e, "Peru");
    }

    #[test]
    fn dismissing_an_act_as_someones_work_accuses_them() {
        // "Chile dismissed the riots as the work of Peru."
        let e = events(
            "Chile/2/nsubj dismissed/0/ROOT the/4/det riots/2/dobj as/2/prep the/7/det work/5/pobj of/7/prep Peru/8/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "accuses", "Peru", A)), "{e:?}");
    }

    #[test]
    fn a_by_phrase_on_a_noun_names_its_owner() {
        // "Chile welcomed the decision by Peru."
        let e = events(
            "Chile/2/nsubj welcomed/0/ROOT the/4/det decision/2/dobj by/4/prep Peru/5/pobj ./2/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "cooperates", "Peru", A)]);
    }

    #[test]
    fn a_reported_infinitive_with_its_own_subject_is_a_plan() {
        // "Bolger says Chile to meet Peru."
        let e = events(
            "Bolger/2/nsubj says/0/ROOT Chile/5/nsubj to/5/aux meet/2/ccomp Peru/5/dobj ./2/punct",
            &["Bolger", "Chile", "Peru"],
        );
        assert_eq!(
            e,
            vec![ev("Chile", "meets", "Peru", Modality::Hypothetical)]
        );
    }

    #[test]
    fn displeasure_points_from_who_feels_it_to_its_cause() {
        // "Chile was angered by Peru's decision."
        let e = events(
            "Chile/3/nsubjpass was/3/auxpass angered/0/ROOT by/3/agent Peru/7/poss 's/5/case decision/4/pobj ./3/punct",
            &["Chile", "Peru"],
        );
        assert_eq!(e, vec![ev("Chile", "accuses", "Peru", A)]);
        // "Peru's decision angered Chile."
        let e = events(
            "Peru/3/poss 's/1/case decision/4/nsubj angered/0/ROOT Chile/4/dobj ./4/punct",
            &["Peru", "Chile"],
        );
        assert_eq!(e, vec![ev("Chile", "accuses", "Peru", A)]);
    }

    #[test]
    fn a_passive_agreement_is_made_between_its_parties() {
        // "A truce was agreed between Chile and Peru."
        let e = events(
            "A/2/det truce/4/nsubjpass was/4/auxpass agreed/0/ROOT between/4/prep Chile/5/pobj and/6/cc Peru/6/conj ./4/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "cooperates", "Peru", A)), "{e:?}");
        assert!(e.contains(&ev("Peru", "cooperates", "Chile", A)), "{e:?}");
        // "Grain was agreed between Chile and Peru.": not an agreement noun
        let e = events(
            "Grain/3/nsubjpass was/3/auxpass agreed/0/ROOT between/3/prep Chile/4/pobj and/5/cc Peru/5/conj ./3/punct",
            &["Chile", "Peru"],
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn an_accord_inside_another_phrase_is_background() {
        let background = |spec: &str| {
            with_tree(spec, &["Chile", "Peru"], |tree, triggers, _| {
                triggers.iter().any(|t| super::background(tree, t))
            })
        };
        // "Trade runs under the accord between Chile and Peru."
        assert!(background(
            "Trade/2/nsubj runs/0/ROOT under/2/prep the/5/det accord/3/pobj between/5/prep Chile/6/pobj and/7/cc Peru/7/conj ./2/punct"
        ));
        // "Prices broke levels set in the treaty between Chile and Peru.":
        // a document cited inside a phrase
        assert!(background(
            "Prices/2/nsubj broke/0/ROOT levels/2/dobj set/3/acl in/4/prep the/7/det treaty/5/pobj between/7/prep Chile/8/pobj and/9/cc Peru/9/conj ./2/punct"
        ));
        // "Chile met Peru after talks.": talks are an event wherever they
        // are named
        assert!(!background(
            "Chile/2/nsubj met/0/ROOT Peru/2/dobj after/2/prep talks/4/pobj ./2/punct"
        ));
        // "The pact between Chile and Peru gives Peru access.": a document
        // that does something is in force
        assert!(background(
            "The/2/det pact/7/nsubj between/2/prep Chile/3/pobj and/4/cc Peru/4/conj gives/0/ROOT Peru/7/dative access/7/dobj ./7/punct"
        ));
        // "Chile and Peru signed an accord." is an event
        let e = events(
            "Chile/4/nsubj and/1/cc Peru/1/conj signed/0/ROOT an/6/det accord/4/dobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert!(e.contains(&ev("Chile", "cooperates", "Peru", A)), "{e:?}");
    }

    #[test]
    fn the_thanked_supporter_cooperates_with_the_thanker() {
        // "Ghana thanked Togo for its support."
        let spec = "Ghana/2/nsubj thanked/0/ROOT Togo/2/dobj for/2/prep its/6/poss support/4/pobj ./2/punct";
        let e = with_tree(spec, &["Ghana", "Togo"], |tree, _, lex| {
            let mut out = Vec::new();
            thanked_support(tree, lex, 0, &mut out);
            out.iter().map(|e| (e.source, e.target)).collect::<Vec<_>>()
        });
        assert_eq!(e, vec![(1, 0)]);
        // "for its courage" is no support
        let spec = "Ghana/2/nsubj thanked/0/ROOT Togo/2/dobj for/2/prep its/6/poss courage/4/pobj ./2/punct";
        let e = with_tree(spec, &["Ghana", "Togo"], |tree, _, lex| {
            let mut out = Vec::new();
            thanked_support(tree, lex, 0, &mut out);
            out.len()
        });
        assert_eq!(e, 0);
    }

    #[test]
    fn nominal_trigger_with_possessor_and_of() {
        // "Ghana condemned Togo's invasion of Benin."
        let e = events(
            "Ghana/2/nsubj condemned/0/ROOT Togo/5/poss 's/3/case invasion/2/dobj of/5/prep Benin/6/pobj ./2/punct",
            &["Ghana", "Togo", "Benin"],
        );
        assert!(e.contains(&ev("Togo", "attacks", "Benin", A)), "{e:?}");
        assert!(e.contains(&ev("Ghana", "accuses", "Togo", A)), "{e:?}");
    }

    #[test]
    fn ruling_out_talks_rejects_the_other_side() {
        // "Oslo ruled out talks with Hamas."
        let e = events(
            "Oslo/2/nsubj ruled/0/ROOT out/2/prt talks/2/dobj with/4/prep Hamas/5/pobj ./2/punct",
            &["Oslo", "Hamas"],
        );
        assert!(e.contains(&ev("Oslo", "rejects", "Hamas", A)), "{e:?}");
        assert!(!e.contains(&ev("Oslo", "meets", "Hamas", A)), "{e:?}");
    }

    #[test]
    fn passive_attack_with_an_attack_noun_of_an_actor() {
        // "Farmers were killed in a Chilean air raid."
        let e = events(
            "Farmers/3/nsubjpass were/3/auxpass killed/0/ROOT in/3/prep a/7/det Chilean/7/amod raid/4/pobj ./3/punct",
            &["Farmers", "Chilean"],
        );
        assert_eq!(e, vec![ev("Chilean", "attacks", "Farmers", A)]);
    }

    #[test]
    fn the_wounded_of_an_attack_by_an_actor_are_its_targets() {
        // "Soldiers were wounded in an attack by Hamas."
        let e = events(
            "Soldiers/3/nsubjpass were/3/auxpass wounded/0/ROOT in/3/prep an/6/det attack/4/pobj by/6/prep Hamas/7/pobj ./3/punct",
            &["Soldiers", "Hamas"],
        );
        assert_eq!(e, vec![ev("Hamas", "attacks", "Soldiers", A)]);
    }

    #[test]
    fn travelling_for_talks_takes_part_in_them() {
        // "Kucan flew to Rome for talks with Prodi."
        let e = events(
            "Kucan/2/nsubj flew/0/ROOT to/2/prep Rome/3/pobj for/2/prep talks/5/pobj with/6/prep Prodi/7/pobj ./2/punct",
            &["Kucan", "Prodi"],
        );
        assert_eq!(e, vec![ev("Kucan", "meets", "Prodi", A)]);
    }

    #[test]
    fn a_light_verb_needs_its_own_object() {
        // "Chile and Peru concluded negotiations on the treaty." signs no treaty
        let e = events(
            "Chile/4/nsubj and/1/cc Peru/1/conj concluded/0/ROOT negotiations/4/dobj on/5/prep the/8/det treaty/6/pobj ./4/punct",
            &["Chile", "Peru"],
        );
        assert!(e.iter().all(|x| x.1 != "cooperates"), "{e:?}");
    }

    #[test]
    fn a_modal_does_not_reach_a_finite_conjunct() {
        // "Peru must be patient and warned Chile of reprisals."
        let e = events(
            "Peru/3/nsubj must/3/aux be/0/ROOT patient/3/acomp and/3/cc warned/3/conj Chile/6/dobj of/6/prep reprisals/8/pobj ./3/punct",
            &["Peru", "Chile"],
        );
        assert!(e.contains(&ev("Peru", "threatens", "Chile", A)), "{e:?}");
        // "Peru will meet and sign with Chile": both stay in prospect
        let e = events(
            "Peru/3/nsubj will/3/aux meet/0/ROOT and/3/cc sign/3/conj with/5/prep Chile/6/pobj ./3/punct",
            &["Peru", "Chile"],
        );
        assert!(e.iter().all(|x| x.3 == Modality::Hypothetical), "{e:?}");
    }

    #[test]
    fn verb_sets_hold_inflected_forms() {
        for f in [
            "agreed", "signed", "urged", "planning", "tries", "refused", "hopes", "intends",
            "held", "imposed", "launched",
        ] {
            let known = [
                &ACT_GOVERNORS,
                &AGREEING_VERBS,
                &IRREALIS_GOVERNORS,
                &NEGATING_GOVERNORS,
                &SUPPORT_VERBS,
            ]
            .iter()
            .any(|set| set.contains(f));
            assert!(known, "{f}");
        }
        assert!(REJECTING_VERBS.contains("ruled") && RULE.contains("ruled"));
        assert!(!SUPPORT_VERBS.contains("said"));
    }
}
