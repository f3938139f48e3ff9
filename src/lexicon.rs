//! Knowledge that is data: actors, countries, relation triggers and the CAMEO
//! table. The built-in files under `data/` are embedded at build time; a user
//! file with the same tables is merged on top (an entry with the same name
//! replaces the built-in one).

use crate::error::{Error, Result};
use crate::text::tokenize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const BUILTIN_COUNTRIES: &str = include_str!("../data/countries.toml");
const BUILTIN_ACTORS: &str = include_str!("../data/actors.toml");
/// Groups and organisations derived from PETRARCH2's Phoenix dictionaries
/// by `data/tools/phoenix_groups.py` (a file of its own, so that it can be
/// regenerated without touching the hand-kept actors.toml).
const BUILTIN_GROUPS: &str = include_str!("../data/groups.toml");
const BUILTIN_RELATIONS: &str = include_str!("../data/relations.toml");
const BUILTIN_CAMEO: &str = include_str!("../data/cameo.toml");
const BUILTIN_ROLES: &str = include_str!("../data/roles.toml");

/// What kind of actor a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An organisation: agency, company, institution, outlet.
    Organization,
    /// A state (or its government, capital, seat, army...).
    Country,
    /// An armed, political or social group.
    Group,
}

impl ActorKind {
    /// The lower-case name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

/// How a surface form refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The canonical name or one of its aliases.
    Name,
    /// A capital city standing for its country.
    Capital,
    /// A seat of government standing for its country ("the Kremlin").
    Seat,
    /// A nationality adjective or noun ("Russian", "Israelis").
    Demonym,
}

/// One country record of a lexicon file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryRecord {
    /// Canonical short name.
    pub name: String,
    /// ISO 3166-1 alpha-3 code.
    #[serde(default)]
    pub iso: Option<String>,
    /// Other names of the state.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Capital cities (metonyms).
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Seats of government (metonyms).
    #[serde(default)]
    pub seats: Vec<String>,
    /// Nationality adjectives and nouns.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Whether its people's names are written family name first ("Xi
    /// Jinping", "Hun Sen"): then a lone first word of a known name is
    /// the family name and may stand for the person.
    #[serde(default)]
    pub family_name_first: bool,
}

/// One person, organisation or group record of a lexicon file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord {
    /// Canonical name.
    pub name: String,
    /// person, organization, group (or country).
    pub kind: ActorKind,
    /// Other surface forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Country or organisation the actor belongs to.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Short description of the office or nature of the actor.
    #[serde(default)]
    pub role: Option<String>,
}

/// Extra surface forms for an actor defined elsewhere (`[[alias]]`): they
/// are added to the actor's own aliases instead of replacing its entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasRecord {
    /// Canonical name of the actor (or country) the aliases belong to.
    pub actor: String,
    /// Other surface forms of that actor.
    pub aliases: Vec<String>,
}

/// One relation label with its defaults.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRecord {
    /// Label used in exports ("meets", "accuses", ...).
    pub label: String,
    /// Default CAMEO code (a string, "040").
    pub cameo: String,
    /// True when "A rel B" equals "B rel A" (meets).
    #[serde(default)]
    pub symmetric: bool,
    /// Prepositions that introduce the target of this relation's triggers
    /// ("meet with X", "sanctions against X").
    #[serde(default)]
    pub preps: Vec<String>,
}

/// Trigger words for one relation and CAMEO code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerRecord {
    /// Relation label this trigger signals.
    pub relation: String,
    /// CAMEO code of this trigger (defaults to the relation's).
    #[serde(default)]
    pub cameo: Option<String>,
    /// Verb lemmas; inflected forms are generated.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Nominal triggers (singular); plurals are generated.
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Light-verb constructions "verb object-noun" ("hold talks", "cut ties"):
    /// the first word is a verb lemma, the last is the object noun; up to
    /// three words may stand between them in text.
    #[serde(default)]
    pub light: Vec<String>,
    /// Whether a direct object can be the target (default true; "discuss"
    /// takes a topic as object, its partner only after "with").
    #[serde(default)]
    pub direct: Option<bool>,
    /// Prepositions introducing the target; default: the relation's.
    #[serde(default)]
    pub preps: Option<Vec<String>>,
    /// Whether the act goes both ways between its two sides ("clashed
    /// with", "exchanged fire with"); default false.
    #[serde(default)]
    pub mutual: bool,
    /// Whether a "that" clause after these verbs is a demand only in the
    /// subjunctive ("insisted that Israel withdraw"): with a verb in the
    /// indicative it states a fact ("insisted that the talks were over").
    #[serde(default)]
    pub mandative: bool,
    /// When set, these verbs signal this relation only when one of these
    /// nouns heads their object ("blocked the sanctions package" rejects;
    /// "blocked the country's trade" coerces).
    #[serde(default)]
    pub objects: Vec<String>,
}

/// One CAMEO code with its Goldstein value.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CameoRecord {
    /// Code as a string ("112").
    pub code: String,
    /// Short name of the event type.
    pub name: String,
    /// Goldstein conflict-cooperation score, -10..10.
    pub goldstein: f64,
}

/// Words that name roles and titles, used to find people and to read
/// descriptions ("the envoy").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolesRecord {
    /// Titles that precede a person's name ("President", "spokesman").
    #[serde(default)]
    pub person_titles: Vec<String>,
    /// Nouns for bodies that stand for their state ("ministry", "forces").
    #[serde(default)]
    pub state_bodies: Vec<String>,
    /// Nouns for people acting for a state ("negotiators", "officials").
    #[serde(default)]
    pub state_agents: Vec<String>,
    /// Head nouns of a phrase that names a group actor ("rebels").
    #[serde(default)]
    pub group_heads: Vec<String>,
    /// Head nouns that name a group only with a left modifier ("armed men").
    #[serde(default)]
    pub group_heads_modified: Vec<String>,
    /// Words before a group phrase that are not part of its name ("three").
    #[serde(default)]
    pub group_quantifiers: Vec<String>,
    /// Singular nouns for a person or a pair that name an actor after a
    /// nationality ("a Guinean man", "a Dutch couple").
    #[serde(default)]
    pub group_persons: Vec<String>,
    /// Plurals naming a people or a faith that may follow "the" ("the Moslems").
    #[serde(default)]
    pub peoples: Vec<String>,
}

/// Words that carry a relation inside reported speech.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechRecord {
    /// Blame predicates: "X said Y violated the truce" is an accusation of Y.
    #[serde(default)]
    pub blame: Vec<String>,
    /// Obligation modals: "X said Y should withdraw" is a demand on Y.
    #[serde(default)]
    pub obligation: Vec<String>,
}

/// The schema shared by built-in data files and user lexicons.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Countries.
    #[serde(default)]
    pub country: Vec<CountryRecord>,
    /// People, organisations and groups.
    #[serde(default)]
    pub actor: Vec<ActorRecord>,
    /// Extra aliases of actors defined in this or an earlier file.
    #[serde(default)]
    pub alias: Vec<AliasRecord>,
    /// Relation labels.
    #[serde(default)]
    pub relation: Vec<RelationRecord>,
    /// Relation triggers.
    #[serde(default)]
    pub trigger: Vec<TriggerRecord>,
    /// CAMEO codes.
    #[serde(default)]
    pub code: Vec<CameoRecord>,
    /// Role and title words.
    #[serde(default)]
    pub roles: Option<RolesRecord>,
    /// Reported-speech words.
    #[serde(default)]
    pub speech: Option<SpeechRecord>,
    /// Where the file came from and where each name stands in it (filled by
    /// [`LexiconFile::parse`]), for error messages.
    #[serde(skip)]
    origin: Origin,
}

/// The file a lexicon was read from and the place of each actor and
/// country name in it.
#[derive(Debug, Clone, Default)]
struct Origin {
    path: PathBuf,
    names: HashMap<String, Place>,
}

/// A 1-based line and column in a lexicon file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    line: usize,
    column: usize,
}

/// Byte offsets where the lines of a text start, so that finding the
/// place of each of a file's many names costs a binary search instead
/// of a scan from the start of the file.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let breaks = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        LineStarts(
            std::iter::once(0)
                .chain(breaks.map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// Line and column of byte `offset` (the end of the text when `offset`
    /// is not a character boundary inside it).
    fn place(&self, text: &str, offset: usize) -> Place {
        let end = if text.get(..offset).is_some() {
            offset
        } else {
            text.len()
        };
        // the number of line starts at or before `end`, less the one at 0
        let line = self.0.partition_point(|&s| s <= end);
        let line_start = self.0[line - 1];
        Place {
            line,
            column: text[line_start..end].chars().count() + 1,
        }
    }
}

impl Origin {
    /// `file:line:column` of a name, or the file alone.
    fn at(&self, name: &str) -> String {
        match self.names.get(name) {
            Some(p) => format!("{}:{}:{}", self.path.display(), p.line, p.column),
            None => self.path.display().to_string(),
        }
    }
}

/// The fields of a lexicon file that are checked beyond their type, with
/// their places (a second, lenient reading of the same text).
#[derive(Deserialize)]
struct Checked {
    #[serde(default)]
    country: Vec<CheckedName>,
    #[serde(default)]
    actor: Vec<CheckedName>,
    #[serde(default)]
    relation: Vec<CheckedRelation>,
    #[serde(default)]
    trigger: Vec<CheckedTrigger>,
    #[serde(default)]
    code: Vec<CheckedCode>,
}

#[derive(Deserialize)]
struct CheckedName {
    name: toml::Spanned<String>,
}

#[derive(Deserialize)]
struct CheckedRelation {
    cameo: toml::Spanned<String>,
}

#[derive(Deserialize)]
struct CheckedTrigger {
    #[serde(default)]
    cameo: Option<toml::Spanned<String>>,
}

#[derive(Deserialize)]
struct CheckedCode {
    code: toml::Spanned<String>,
    goldstein: toml::Spanned<f64>,
}

/// Whether `code` looks like a CAMEO code: one to six ASCII letters or
/// digits ("040", "1123", "15A").
fn valid_cameo(code: &str) -> bool {
    (1..=6).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

impl LexiconFile {
    /// Parses a lexicon from TOML; `origin` names the file in errors.
    ///
    /// Beyond the types, every name must give a non-empty id (it needs a
    /// letter or a digit), two names of the file must not give the same id
    /// (`Hamas` and `HAMAS!`), CAMEO codes are short ASCII codes and
    /// Goldstein scores numbers in -10..10; each error names the file, the
    /// line and the column.
    pub fn parse(text: &str, origin: &Path) -> Result<Self> {
        let syntax = |e: toml::de::Error| Error::Lexicon {
            path: origin.to_path_buf(),
            message: e.to_string().trim_end().replace('\n', " "),
        };
        let mut file: LexiconFile = toml::from_str(text).map_err(syntax)?;
        let checked: Checked = toml::from_str(text).map_err(syntax)?;
        let lines = LineStarts::new(text);
        let at = |span: std::ops::Range<usize>, message: String| {
            let p = lines.place(text, span.start);
            Error::Lexicon {
                path: PathBuf::from(format!("{}:{}:{}", origin.display(), p.line, p.column)),
                message,
            }
        };
        let mut by_id: HashMap<String, (String, Place)> = HashMap::new();
        let mut names = HashMap::new();
        let entries = checked
            .country
            .iter()
            .map(|c| ("country", &c.name))
            .chain(checked.actor.iter().map(|a| ("actor", &a.name)));
        for (what, name) in entries {
            let id = slug(name.get_ref());
            if id.is_empty() {
                return Err(at(
                    name.span(),
                    format!(
                        "{what} name {:?} gives an empty id: a name needs a letter or a digit",
                        name.get_ref()
                    ),
                ));
            }
            let place = lines.place(text, name.span().start);
            match by_id.get(&id) {
                Some((other, p)) if other != name.get_ref() => {
                    return Err(at(
                        name.span(),
                        format!(
                            "{what} name {:?} gives the id {id:?} of {other:?} (line {}): the two would merge into one node; use one name, or names that differ in letters or digits",
                            name.get_ref(),
                            p.line
                        ),
                    ));
                }
                _ => {
                    by_id.insert(id, (name.get_ref().clone(), place));
                }
            }
            names.insert(name.get_ref().clone(), place);
        }
        let cameo_codes = checked
            .relation
            .iter()
            .map(|r| &r.cameo)
            .chain(checked.trigger.iter().filter_map(|t| t.cameo.as_ref()))
            .chain(checked.code.iter().map(|c| &c.code));
        for code in cameo_codes {
            if !valid_cameo(code.get_ref()) {
                return Err(at(
                    code.span(),
                    format!(
                        "CAMEO code {:?} must be 1 to 6 ASCII letters or digits (\"040\")",
                        code.get_ref()
                    ),
                ));
            }
        }
        for c in &checked.code {
            let g = *c.goldstein.get_ref();
            if !(-10.0..=10.0).contains(&g) {
                return Err(at(
                    c.goldstein.span(),
                    format!(
                        "Goldstein score {g} of code {:?} must be a number from -10 to 10",
                        c.code.get_ref()
                    ),
                ));
            }
        }
        file.origin = Origin {
            path: origin.to_path_buf(),
            names,
        };
        Ok(file)
    }

    /// Reads and parses a lexicon file.
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Utf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Self::parse(&text, path)
    }
}

/// One actor known to the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Stable slug used as node id ("vladimir-putin").
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Affiliation (country or organisation), if known.
    pub affiliation: Option<String>,
    /// Role description, if known.
    pub role: Option<String>,
}

/// A surface form of an actor, ready for matching.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Lower-cased folded token forms joined by single spaces.
    pub key: String,
    /// Folded token forms with case, to check capitalisation.
    pub tokens: Vec<String>,
    /// Index into [`Lexicon::actors`].
    pub actor: usize,
    /// How the form refers to the actor.
    pub form: Form,
}

/// A relation label with defaults.
#[derive(Debug, Clone)]
pub struct RelationInfo {
    /// Label.
    pub label: String,
    /// Default CAMEO code.
    pub cameo: String,
    /// Symmetric relation (meets).
    pub symmetric: bool,
    /// Default target prepositions.
    pub preps: Vec<String>,
}

/// What a trigger word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    /// A verb form.
    Verb,
    /// A nominal trigger.
    Noun,
}

/// A trigger form found in the lexicon.
#[derive(Debug, Clone)]
pub struct TriggerSense {
    /// Relation label.
    pub relation: String,
    /// CAMEO code.
    pub cameo: String,
    /// Verb or noun.
    pub pos: TriggerPos,
    /// The lemma ("accuse").
    pub lemma: String,
    /// Whether a direct object can be the target.
    pub direct: bool,
    /// Prepositions that introduce the target.
    pub preps: Vec<String>,
    /// Object nouns this sense requires (empty: any object).
    pub objects: Vec<String>,
    /// The act goes both ways between source and target.
    pub mutual: bool,
    /// A "that" clause is a demand only with a bare verb or a modal.
    pub mandative: bool,
}

/// A light-verb construction ("hold ... talks").
#[derive(Debug, Clone)]
pub struct LightVerb {
    /// Object nouns (lower case; plural forms included).
    pub objects: Vec<String>,
    /// A particle the construction needs, between the verb and the object
    /// or right after the object: "call off talks", "called the talks
    /// off", but not "called for talks".
    pub particle: Option<String>,
    /// The relation it signals.
    pub sense: TriggerSense,
}

/// The merged, indexed lexicon the pipeline runs on.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every known actor; indices are stable for the lexicon's lifetime.
    pub actors: Vec<ActorEntry>,
    /// Every surface form of every actor.
    pub patterns: Vec<Pattern>,
    /// Relation labels by name.
    pub relations: BTreeMap<String, RelationInfo>,
    /// Single-word triggers by lower-case word form.
    pub triggers: HashMap<String, Vec<TriggerSense>>,
    /// Light-verb constructions by lower-case verb form.
    pub light_verbs: HashMap<String, Vec<LightVerb>>,
    /// CAMEO table by code.
    pub cameo: BTreeMap<String, CameoRecord>,
    /// Lower-case person titles (multi-word titles joined by spaces).
    pub person_titles: Vec<String>,
    /// Lower-case nouns for state bodies.
    pub state_bodies: Vec<String>,
    /// Lower-case nouns for state agents.
    pub state_agents: Vec<String>,
    /// Lower-case head nouns of group phrases ("rebels"), sorted.
    pub group_heads: Vec<String>,
    /// Lower-case head nouns of group phrases that need a modifier, sorted.
    pub group_heads_modified: Vec<String>,
    /// Lower-case words that stand before a group phrase but are not part of it, sorted.
    pub group_quantifiers: Vec<String>,
    /// Lower-case singular nouns for a person or a pair named by a nationality, sorted.
    pub group_persons: Vec<String>,
    /// Lower-case plurals naming a people or a faith, sorted.
    pub peoples: Vec<String>,
    /// Blame predicates as lower-case token sequences.
    pub blame: Vec<Vec<String>>,
    /// Obligation modals as lower-case token sequences.
    pub obligation: Vec<Vec<String>>,
    /// Countries whose names are written family name first, sorted.
    pub family_name_first: Vec<String>,
    by_name: HashMap<String, usize>,
    /// Every person, with the keys the spelling-variant search compares,
    /// computed once here rather than for each mention it looks up.
    person_keys: Vec<PersonKey>,
}

/// A lexicon person's name in the forms that
/// [`crate::resolve`] compares with an unknown name.
#[derive(Debug, Clone)]
pub struct PersonKey {
    /// Index of the person in [`Lexicon::actors`].
    pub actor: usize,
    /// The name, folded to ASCII and lower case.
    pub full: String,
    /// [`crate::resolve::translit_key`] of the last word of `full`.
    pub surname: String,
}

/// Makes a stable id from a name: ASCII, lower case, words joined by `-`.
pub fn slug(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Inflected forms of an English verb lemma: base, 3rd person, past, participle, gerund.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let irregular: &[(&str, &[&str])] = &[
        ("meet", &["met"]),
        ("hold", &["held"]),
        ("fight", &["fought"]),
        ("strike", &["struck", "stricken"]),
        ("take", &["took", "taken"]),
        ("give", &["gave", "given"]),
        ("speak", &["spoke", "spoken"]),
        ("shake", &["shook", "shaken"]),
        ("seek", &["sought"]),
        ("lose", &["lost"]),
        ("win", &["won"]),
        ("shoot", &["shot"]),
        ("tell", &["told"]),
        ("say", &["said"]),
        ("begin", &["began", "begun"]),
        ("forbid", &["forbade", "forbidden"]),
        ("withdraw", &["withdrew", "withdrawn"]),
        ("draw", &["drew", "drawn"]),
        ("break", &["broke", "broken"]),
        ("cut", &["cut"]),
        ("put", &["put"]),
        ("set", &["set"]),
        ("sell", &["sold"]),
        ("bring", &["brought"]),
        ("drive", &["drove", "driven"]),
        ("send", &["sent"]),
        ("lead", &["led"]),
        ("do", &["did", "done"]),
        ("go", &["went", "gone"]),
        ("see", &["saw", "seen"]),
        ("beat", &["beaten"]),
        ("catch", &["caught"]),
        ("bid", &["bid"]),
        ("hit", &["hit"]),
        ("shut", &["shut"]),
        ("forgive", &["forgave", "forgiven"]),
        ("undertake", &["undertook", "undertaken"]),
        ("overthrow", &["overthrew", "overthrown"]),
        ("throw", &["threw", "thrown"]),
        ("blow", &["blew", "blown"]),
        ("bomb", &[]),
        ("make", &["made"]),
        ("pay", &["paid"]),
        ("lay", &["laid"]),
        ("seize", &[]),
        ("bear", &["bore", "borne"]),
        ("keep", &["kept"]),
        ("stand", &["stood"]),
        ("understand", &["understood"]),
        ("sit", &["sat"]),
        ("build", &["built"]),
        ("spend", &["spent"]),
        ("lend", &["lent"]),
        ("feel", &["felt"]),
        ("leave", &["left"]),
        ("run", &["ran"]),
        ("rise", &["rose", "risen"]),
        ("write", &["wrote", "written"]),
        ("ride", &["rode", "ridden"]),
        ("swear", &["swore", "sworn"]),
        ("tear", &["tore", "torn"]),
        ("wear", &["wore", "worn"]),
        ("fly", &["flew", "flown"]),
        ("freeze", &["froze", "frozen"]),
        ("get", &["got", "gotten"]),
        ("slay", &["slew", "slain"]),
        ("overrun", &["overran"]),
        ("withhold", &["withheld"]),
    ];
    let mut forms = vec![lemma.to_string()];
    if let Some((_, extra)) = irregular.iter().find(|(l, _)| *l == lemma) {
        forms.extend(extra.iter().map(|s| s.to_string()));
    }
    let b = lemma.as_bytes();
    let last = *b.last().unwrap_or(&b'x');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'x' };
    let vowel = |c: u8| b"aeiou".contains(&c);
    // third person singular
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || lemma.ends_with('o')
    {
        forms.push(format!("{lemma}es"));
    } else if last == b'y' && !vowel(before_last) {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past / participle and gerund
    if last == b'e' {
        forms.push(format!("{lemma}d"));
        let stem = &lemma[..lemma.len() - 1];
        if lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe") {
            forms.push(format!("{lemma}ing"));
        } else {
            forms.push(format!("{stem}ing"));
        }
    } else if last == b'y' && !vowel(before_last) {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        forms.push(format!("{lemma}ing"));
    } else {
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
        // consonant doubling (ban -> banned); the undoubled forms are kept too,
        // an impossible spelling never matches real text.
        if !vowel(last)
            && !b"wxy".contains(&last)
            && vowel(before_last)
            && (b.len() < 3 || !vowel(b[b.len() - 3]))
        {
            let c = last as char;
            forms.push(format!("{lemma}{c}ed"));
            forms.push(format!("{lemma}{c}ing"));
        }
    }
    if lemma.ends_with('c') {
        forms.push(format!("{lemma}ked"));
        forms.push(format!("{lemma}king"));
    }
    forms.sort();
    forms.dedup();
    forms
}

/// Plural forms of a noun (the singular included).
pub fn noun_forms(noun: &str) -> Vec<String> {
    let mut forms = vec![noun.to_string()];
    if noun.ends_with('s') {
        // "talks", "negotiations" are listed in the plural already.
    } else if noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') {
        forms.push(format!("{noun}es"));
    } else if noun.ends_with('y')
        && !noun.ends_with("ey")
        && !noun.ends_with("ay")
        && !noun.ends_with("oy")
    {
        forms.push(format!("{}ies", &noun[..noun.len() - 1]));
    } else {
        forms.push(format!("{noun}s"));
    }
    forms
}

impl Lexicon {
    /// The built-in lexicon only.
    pub fn builtin() -> Result<Self> {
        Self::with_user_files(&[])
    }

    /// The built-in lexicon with user files merged on top, in order.
    pub fn with_user_files(paths: &[&Path]) -> Result<Self> {
        let mut files = vec![
            LexiconFile::parse(BUILTIN_COUNTRIES, Path::new("data/countries.toml"))?,
            LexiconFile::parse(BUILTIN_ACTORS, Path::new("data/actors.toml"))?,
            LexiconFile::parse(BUILTIN_GROUPS, Path::new("data/groups.toml"))?,
            LexiconFile::parse(BUILTIN_RELATIONS, Path::new("data/relations.toml"))?,
            LexiconFile::parse(BUILTIN_CAMEO, Path::new("data/cameo.toml"))?,
            LexiconFile::parse(BUILTIN_ROLES, Path::new("data/roles.toml"))?,
        ];
        for p in paths {
            files.push(LexiconFile::read(p)?);
        }
        Self::build(files)
    }

    /// Builds the lexicon from parsed files; later files override earlier ones.
    /// The error names the file (and line) at fault where it is known.
    pub fn from_files(files: Vec<LexiconFile>) -> std::result::Result<Self, String> {
        Self::build(files).map_err(|e| e.to_string())
    }

    fn build(files: Vec<LexiconFile>) -> Result<Self> {
        // Where each actor and country entry was read, for errors.
        let mut place: HashMap<String, String> = HashMap::new();
        let mut countries: BTreeMap<String, CountryRecord> = BTreeMap::new();
        let mut country_order: Vec<String> = Vec::new();
        let mut actors: BTreeMap<String, ActorRecord> = BTreeMap::new();
        let mut actor_order: Vec<String> = Vec::new();
        let mut relations = BTreeMap::new();
        let mut trigger_records = Vec::new();
        let mut cameo = BTreeMap::new();
        let mut roles = RolesRecord::default();
        let mut speech = SpeechRecord::default();
        let mut alias_records: Vec<(AliasRecord, PathBuf)> = Vec::new();
        for f in files {
            let origin = f.origin;
            if let Some(sp) = f.speech {
                speech.blame.extend(sp.blame);
                speech.obligation.extend(sp.obligation);
            }
            for c in f.country {
                if !countries.contains_key(&c.name) {
                    country_order.push(c.name.clone());
                }
                place.insert(c.name.clone(), origin.at(&c.name));
                countries.insert(c.name.clone(), c);
            }
            for a in f.actor {
                if a.kind == ActorKind::Country {
                    let c = CountryRecord {
                        name: a.name.clone(),
                        iso: None,
                        aliases: a.aliases,
                        capitals: vec![],
                        seats: vec![],
                        demonyms: vec![],
                        family_name_first: false,
                    };
                    if !countries.contains_key(&c.name) {
                        country_order.push(c.name.clone());
                    }
                    place.insert(c.name.clone(), origin.at(&c.name));
                    countries.insert(c.name.clone(), c);
                    continue;
                }
                if !actors.contains_key(&a.name) {
                    actor_order.push(a.name.clone());
                }
                place.insert(a.name.clone(), origin.at(&a.name));
                actors.insert(a.name.clone(), a);
            }
            for r in f.relation {
                relations.insert(
                    r.label.clone(),
                    RelationInfo {
                        label: r.label,
                        cameo: r.cameo,
                        symmetric: r.symmetric,
                        preps: r.preps,
                    },
                );
            }
            trigger_records.extend(f.trigger.into_iter().map(|t| (t, origin.path.clone())));
            alias_records.extend(f.alias.into_iter().map(|a| (a, origin.path.clone())));
            for c in f.code {
                cameo.insert(c.code.clone(), c);
            }
            if let Some(r) = f.roles {
                roles.person_titles.extend(r.person_titles);
                roles.state_bodies.extend(r.state_bodies);
                roles.state_agents.extend(r.state_agents);
                roles.group_heads.extend(r.group_heads);
                roles.group_heads_modified.extend(r.group_heads_modified);
                roles.group_quantifiers.extend(r.group_quantifiers);
                roles.group_persons.extend(r.group_persons);
                roles.peoples.extend(r.peoples);
            }
        }
        let mut lex = Lexicon {
            actors: Vec::new(),
            patterns: Vec::new(),
            relations,
            triggers: HashMap::new(),
            light_verbs: HashMap::new(),
            cameo,
            person_titles: lower_all(roles.person_titles),
            state_bodies: lower_all(roles.state_bodies),
            state_agents: lower_all(roles.state_agents),
            group_heads: lower_all(roles.group_heads),
            group_heads_modified: lower_all(roles.group_heads_modified),
            group_quantifiers: lower_all(roles.group_quantifiers),
            group_persons: lower_all(roles.group_persons),
            peoples: lower_all(roles.peoples),
            blame: token_sequences(speech.blame),
            obligation: token_sequences(speech.obligation),
            family_name_first: {
                let mut v: Vec<String> = countries
                    .values()
                    .filter(|c| c.family_name_first)
                    .map(|c| c.name.clone())
                    .collect();
                v.sort();
                v
            },
            by_name: HashMap::new(),
            person_keys: Vec::new(),
        };
        // Two different names with one id would merge into one node.
        let mut ids: HashMap<String, &str> = HashMap::new();
        for name in country_order.iter().chain(&actor_order) {
            let id = slug(name);
            let at = |n: &str| place.get(n).cloned().unwrap_or_default();
            if id.is_empty() {
                return Err(Error::Invalid(format!(
                    "{}: name {name:?} gives an empty id: a name needs a letter or a digit",
                    at(name)
                )));
            }
            if let Some(other) = ids.insert(id.clone(), name) {
                return Err(Error::Invalid(format!(
                    "{}: name {name:?} gives the id {id:?} of {other:?} ({}): the two would merge into one node; use one name, or names that differ in letters or digits",
                    at(name),
                    at(other)
                )));
            }
        }
        for name in country_order {
            let Some(c) = countries.get(&name) else {
                continue;
            };
            let idx = lex.push_actor(&c.name, ActorKind::Country, None, None);
            lex.add_pattern(&c.name, idx, Form::Name);
            for a in &c.aliases {
                lex.add_pattern(a, idx, Form::Name);
            }
            for a in &c.capitals {
                lex.add_pattern(a, idx, Form::Capital);
            }
            for a in &c.seats {
                lex.add_pattern(a, idx, Form::Seat);
            }
            for a in &c.demonyms {
                lex.add_pattern(a, idx, Form::Demonym);
            }
        }
        for name in actor_order {
            let Some(a) = actors.get(&name) else {
                continue;
            };
            let idx = lex.push_actor(
                &a.name,
                a.kind,
                a.affiliation.clone().filter(|s| !s.is_empty()),
                a.role.clone(),
            );
            lex.add_pattern(&a.name, idx, Form::Name);
            for al in &a.aliases {
                lex.add_pattern(al, idx, Form::Name);
            }
        }
        // Extra aliases come after every entry's own strings: where a string
        // is shared, the gazetteer prefers the earlier pattern, so an
        // added alias never takes a string from the entry that had it.
        for (r, path) in alias_records {
            let Some(idx) = lex.actor_by_name(&r.actor) else {
                return Err(Error::Lexicon {
                    path,
                    message: format!(
                        "[[alias]] names the actor {:?}, which no [[actor]] or [[country]] defines",
                        r.actor
                    ),
                });
            };
            for al in &r.aliases {
                lex.add_pattern(al, idx, Form::Name);
            }
        }
        for (t, path) in trigger_records {
            let info = lex
                .relations
                .get(&t.relation)
                .ok_or_else(|| Error::Lexicon {
                    path: path.clone(),
                    message: format!("trigger for unknown relation {:?}", t.relation),
                })?;
            let cameo = t.cameo.clone().unwrap_or_else(|| info.cameo.clone());
            let direct = t.direct.unwrap_or(true);
            let preps = t.preps.clone().unwrap_or_else(|| info.preps.clone());
            let mk = |pos: TriggerPos, lemma: &str| TriggerSense {
                relation: t.relation.clone(),
                cameo: cameo.clone(),
                pos,
                lemma: lemma.to_string(),
                direct,
                preps: preps.clone(),
                objects: t.objects.iter().map(|o| o.to_lowercase()).collect(),
                mutual: t.mutual,
                mandative: t.mandative,
            };
            for v in &t.verbs {
                let lemma = v.to_lowercase();
                for f in verb_forms(&lemma) {
                    let sense = mk(TriggerPos::Verb, &lemma);
                    lex.triggers.entry(f).or_default().push(sense);
                }
            }
            for n in &t.nouns {
                let lemma = n.to_lowercase();
                for f in noun_forms(&lemma) {
                    let sense = mk(TriggerPos::Noun, &lemma);
                    lex.triggers.entry(f).or_default().push(sense);
                }
            }
            for l in &t.light {
                let words: Vec<String> = l.split_whitespace().map(|w| w.to_lowercase()).collect();
                if words.len() < 2 {
                    return Err(Error::Lexicon {
                        path: path.clone(),
                        message: format!("light-verb trigger {l:?} needs a verb and an object"),
                    });
                }
                let objects = noun_forms(words.last().map(String::as_str).unwrap_or_default());
                let sense = mk(TriggerPos::Verb, &l.to_lowercase());
                // Other middle words ("send humanitarian aid") may be left
                // out; a particle changes the verb's meaning and may not
                // ("call for X to act" is a demand, "call X to talk" a
                // phone call).
                let particle = words[1..words.len() - 1]
                    .iter()
                    .find(|w| {
                        matches!(
                            w.as_str(),
                            "off" | "out" | "up" | "down" | "on" | "away" | "back" | "for"
                        )
                    })
                    .cloned();
                for f in verb_forms(&words[0]) {
                    lex.light_verbs.entry(f).or_default().push(LightVerb {
                        objects: objects.clone(),
                        particle: particle.clone(),
                        sense: sense.clone(),
                    });
                }
            }
        }
        // Deterministic order of senses for each form.
        for v in lex.triggers.values_mut() {
            v.sort_by(|a, b| {
                (&a.relation, &a.cameo, &a.lemma).cmp(&(&b.relation, &b.cameo, &b.lemma))
            });
            v.dedup_by(|a, b| a.relation == b.relation && a.pos == b.pos && a.objects == b.objects);
        }
        Ok(lex)
    }

    fn push_actor(
        &mut self,
        name: &str,
        kind: ActorKind,
        affiliation: Option<String>,
        role: Option<String>,
    ) -> usize {
        let idx = self.actors.len();
        self.actors.push(ActorEntry {
            id: slug(name),
            name: name.to_string(),
            kind,
            affiliation,
            role,
        });
        self.by_name.insert(name.to_lowercase(), idx);
        if kind == ActorKind::Person {
            let full = crate::text::fold(name).to_lowercase();
            let surname = crate::resolve::translit_key(crate::resolve::last_word(&full));
            self.person_keys.push(PersonKey {
                actor: idx,
                full,
                surname,
            });
        }
        idx
    }

    /// The first demonym of country `actor` as written in the lexicon
    /// ("Serbian" for Serbia), if it has one. A scan of the patterns: it is
    /// asked for rarely (a group named with a state's possessive).
    pub fn demonym(&self, actor: usize) -> Option<String> {
        self.patterns
            .iter()
            .find(|p| p.actor == actor && p.form == Form::Demonym)
            .map(|p| p.tokens.join(" "))
    }

    /// Every person of [`Lexicon::actors`] in index order, with the keys
    /// of the spelling-variant search.
    pub fn person_keys(&self) -> &[PersonKey] {
        &self.person_keys
    }

    fn add_pattern(&mut self, surface: &str, actor: usize, form: Form) {
        let toks = tokenize(surface);
        if toks.is_empty() {
            return;
        }
        let key = toks
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let tokens = toks.into_iter().map(|t| t.norm).collect();
        self.patterns.push(Pattern {
            key,
            tokens,
            actor,
            form,
        });
    }

    /// Looks an actor up by canonical name (case-insensitive).
    pub fn actor_by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name.to_lowercase()).copied()
    }

    /// The Goldstein value of a CAMEO code, falling back to its root code.
    pub fn goldstein(&self, code: &str) -> f64 {
        if let Some(c) = self.cameo.get(code) {
            return c.goldstein;
        }
        // `get`, not `[..2]`: a code is user data and may hold any character.
        if code.len() > 2
            && let Some(root) = code.get(..2)
        {
            if let Some(c) = self.cameo.get(root) {
                return c.goldstein;
            }
            if let Some(c) = self.cameo.get(&format!("{root}0")) {
                return c.goldstein;
            }
        }
        0.0
    }

    /// Whether lower-case word `w` is a trigger of `relation` in some sense.
    pub fn triggers_relation(&self, w: &str, relation: &str) -> bool {
        self.triggers
            .get(w)
            .is_some_and(|s| s.iter().any(|s| s.relation == relation))
    }

    /// Information about a relation label.
    pub fn relation(&self, label: &str) -> Option<&RelationInfo> {
        self.relations.get(label)
    }
}

fn token_sequences(v: Vec<String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = lower_all(v)
        .into_iter()
        .map(|p| tokenize(&p).into_iter().map(|t| t.lower).collect())
        .collect();
    // longest first, so that "drag out" wins over "drag"
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

fn lower_all(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = v
        .into_iter()
        .map(|s| crate::text::fold(&s).to_lowercase())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_cover_regular_and_irregular_inflection() {
        let f = verb_forms("meet");
        for w in ["meet", "meets", "met", "meeting"] {
            assert!(f.contains(&w.to_string()), "{w} missing from {f:?}");
        }
        let f = verb_forms("accuse");
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(f.contains(&w.to_string()), "{w} missing");
        }
        let f = verb_forms("ban");
        assert!(f.contains(&"banned".to_string()) && f.contains(&"banning".to_string()));
        let f = verb_forms("deny");
        assert!(f.contains(&"denied".to_string()) && f.contains(&"denies".to_string()));
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("U.S. Army"), "u-s-army");
    }

    #[test]
    fn builtin_lexicon_loads() {
        let lex = Lexicon::builtin().expect("built-in data parses");
        assert!(lex.actor_by_name("Russia").is_some());
        assert!(lex.triggers.contains_key("accused"));
    }

    #[test]
    fn malformed_user_file_names_file_and_line() {
        let err = LexiconFile::parse(
            "[[actor]]\nname = \"X\"\nkind = \"pirate\"\n",
            Path::new("mine.toml"),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("mine.toml:"), "{msg}");
        assert!(msg.contains("line 3"), "{msg}");
    }

    fn user(text: &str) -> Result<Lexicon> {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(&path, text).unwrap();
        Lexicon::with_user_files(&[&path])
    }

    #[test]
    fn a_non_ascii_cameo_code_is_an_error_not_a_panic() {
        let text = "[[trigger]]\nrelation = \"accuses\"\ncameo = \"1€\"\nverbs = [\"blame\"]\n";
        let msg = user(text).unwrap_err().to_string();
        assert!(msg.contains("mine.toml:3:9") && msg.contains("1€"), "{msg}");
        // The Goldstein lookup itself never cuts a character.
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.goldstein("1€"), 0.0);
        assert_eq!(lex.goldstein("€€€"), 0.0);
    }

    #[test]
    fn names_without_letters_or_digits_are_errors() {
        for name in ["", "!!!", "  ", "—"] {
            let text = format!("[[actor]]\nkind = \"group\"\nname = {name:?}\n");
            let msg = user(&text).unwrap_err().to_string();
            assert!(
                msg.contains("mine.toml:3:8") && msg.contains("empty id"),
                "{msg}"
            );
        }
    }

    #[test]
    fn names_that_slug_alike_do_not_merge_silently() {
        let text = "[[actor]]\nname = \"Zorg Front\"\nkind = \"group\"\n\n[[actor]]\nname = \"ZORG-FRONT!\"\nkind = \"group\"\n";
        let msg = user(text).unwrap_err().to_string();
        assert!(
            msg.contains("mine.toml:6:8")
                && msg.contains("\"zorg-front\"")
                && msg.contains("line 2"),
            "{msg}"
        );
        // Against the built-in lexicon: the place of both.
        let text = "[[actor]]\nname = \"HAMAS!\"\nkind = \"group\"\n";
        let msg = user(text).unwrap_err().to_string();
        assert!(
            msg.contains("mine.toml:2:8") && msg.contains("\"Hamas\""),
            "{msg}"
        );
        // The same name again replaces the built-in entry.
        let text = "[[actor]]\nname = \"Hamas\"\nkind = \"group\"\nrole = \"x\"\n";
        assert!(user(text).is_ok());
    }

    #[test]
    fn family_name_first_states_come_from_the_country_table() {
        let lex = Lexicon::builtin().unwrap();
        assert!(
            lex.family_name_first
                .binary_search(&"China".to_string())
                .is_ok()
        );
        assert!(
            lex.family_name_first
                .binary_search(&"Cambodia".to_string())
                .is_ok()
        );
        assert!(
            lex.family_name_first
                .binary_search(&"Cuba".to_string())
                .is_err()
        );
    }

    #[test]
    fn light_verbs_keep_their_particle_only() {
        let lex = Lexicon::builtin().unwrap();
        let particle = |verb: &str, object: &str| {
            lex.light_verbs[verb]
                .iter()
                .find(|l| l.objects.iter().any(|o| o == object))
                .map(|l| l.particle.clone())
        };
        assert_eq!(particle("called", "talks"), Some(Some("off".to_string())));
        // an adjective in the middle may be left out
        assert_eq!(particle("send", "aid"), Some(None));
    }

    #[test]
    fn goldstein_scores_are_numbers_in_range() {
        for (value, column) in [("nan", 37), ("inf", 37), ("11.0", 37), ("-10.5", 37)] {
            let text = format!("[[code]]\ncode = \"999\"\nname = \"x\"\ngoldstein = {value}\n");
            let msg = user(&text).unwrap_err().to_string();
            assert!(
                msg.contains("mine.toml:4:13") && msg.contains("-10 to 10"),
                "{value} {column}: {msg}"
            );
        }
        let ok = "[[code]]\ncode = \"999\"\nname = \"x\"\ngoldstein = -10\n";
        assert!(user(ok).is_ok());
    }

    /// The patterns whose key is `key` ("tamil tigers"), as actor names.
    fn owners(lex: &Lexicon, key: &str) -> Vec<String> {
        let mut v: Vec<String> = lex
            .patterns
            .iter()
            .filter(|p| p.key == key)
            .map(|p| lex.actors[p.actor].name.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn derived_groups_resolve_by_name_and_alias() {
        let lex = Lexicon::builtin().unwrap();
        let ltte = lex
            .actor_by_name("Liberation Tigers of Tamil Eelam")
            .expect("LTTE is derived from the Phoenix list");
        let a = &lex.actors[ltte];
        assert_eq!(a.kind, ActorKind::Group);
        assert_eq!(a.affiliation.as_deref(), Some("Sri Lanka"));
        for key in ["liberation tigers of tamil eelam", "ltte", "tamil tigers"] {
            assert_eq!(owners(&lex, key), vec![a.name.clone()], "{key}");
        }
        let oau = lex.actor_by_name("Organization of African Unity").unwrap();
        assert_eq!(lex.actors[oau].kind, ActorKind::Organization);
        let ira = lex.actor_by_name("Irish Republican Army").unwrap();
        assert_eq!(owners(&lex, "ira"), vec![lex.actors[ira].name.clone()]);
        // Spellings added to an actor of actors.toml keep its own strings.
        assert_eq!(owners(&lex, "hezballah"), vec!["Hezbollah".to_string()]);
        assert_eq!(owners(&lex, "hizbollah"), vec!["Hezbollah".to_string()]);
    }

    #[test]
    fn ambiguous_source_strings_are_left_out() {
        let lex = Lexicon::builtin().unwrap();
        // an ordinary word, a date, an alias of two source entries, a name
        // the source tells apart only by a country in brackets
        for key in [
            "tigers",
            "may 15",
            "17 november",
            "islamic group",
            "red line",
        ] {
            assert!(
                owners(&lex, key).is_empty(),
                "{key}: {:?}",
                owners(&lex, key)
            );
        }
        // INLA's "People's Liberation Army" stays China's army.
        assert_eq!(
            owners(&lex, "people 's liberation army"),
            vec!["People's Liberation Army".to_string()]
        );
        assert_eq!(
            owners(&lex, "pla"),
            vec!["People's Liberation Army".to_string()]
        );
    }

    #[test]
    fn no_built_in_string_has_two_owners() {
        // The gazetteer would quietly give a shared string to the first
        // entry; the built-in data must not rely on that.
        let lex = Lexicon::builtin().unwrap();
        let mut owner: HashMap<&str, usize> = HashMap::new();
        let mut shared = Vec::new();
        for p in &lex.patterns {
            match owner.insert(p.key.as_str(), p.actor) {
                Some(a) if a != p.actor => shared.push(format!(
                    "{:?}: {} and {}",
                    p.key, lex.actors[a].name, lex.actors[p.actor].name
                )),
                _ => {}
            }
        }
        assert!(shared.is_empty(), "{shared:#?}");
    }

    #[test]
    fn alias_tables_add_to_an_entry_and_name_their_file() {
        let lex = user("[[alias]]\nactor = \"Hamas\"\naliases = [\"Zorgmovement\"]\n").unwrap();
        assert_eq!(owners(&lex, "zorgmovement"), vec!["Hamas".to_string()]);
        assert_eq!(
            owners(&lex, "islamic resistance movement"),
            vec!["Hamas".to_string()]
        );
        let msg = user("[[alias]]\nactor = \"Nobody Known\"\naliases = [\"X\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("mine.toml") && msg.contains("Nobody Known"),
            "{msg}"
        );
    }

    #[test]
    fn builtin_data_passes_the_checks() {
        // The built-in files go through the same validation.
        let lex = Lexicon::builtin().unwrap();
        let mut ids: Vec<&str> = lex.actors.iter().map(|a| a.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "built-in ids are unique");
        assert!(ids.iter().all(|id| !id.is_empty()));
    }
}
