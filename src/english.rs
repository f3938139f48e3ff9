//! English closed-class words and verb classes that the stages read
//! (prepositions, speech verbs, modals, the governors the tree rules look
//! at). They are grammar, not knowledge, so they live in code, once, below
//! every stage; names and trigger words live in `data/`.

use crate::lexicon::verb_forms;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Lower-case words seen in lower case in news text (data/english/
/// common_words.txt, made by the script beside it).
static COMMON_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/english/common_words.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
});

/// Whether lower-case `w` is a common English word (not a name).
pub fn is_common_word(w: &str) -> bool {
    COMMON_WORDS.contains(w)
}

/// The sex a person's given name or title shows, when it shows one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// "Margaret", "Mrs", "Queen".
    Female,
    /// "John", "Mr", "King".
    Male,
}

/// Given names of near-certain sex (data/english/given_names.txt).
static GIVEN_NAMES: LazyLock<std::collections::HashMap<&'static str, Sex>> = LazyLock::new(|| {
    include_str!("../data/english/given_names.txt")
        .lines()
        .filter_map(|l| {
            let (sex, name) = l.split_once(' ')?;
            match sex {
                "f" => Some((name, Sex::Female)),
                "m" => Some((name, Sex::Male)),
                _ => None,
            }
        })
        .collect()
});

/// The sex that a person's name or title shows: its first word is a
/// title ("Mrs Thatcher", "King Hassan") or a given name ("Margaret
/// McCullough"); None when neither tells.
pub fn sex_of(name: &str) -> Option<Sex> {
    let first = name.split_whitespace().next()?.trim_end_matches('.');
    match first.to_lowercase().as_str() {
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "queen" | "princess" | "lady"
        | "baroness" | "duchess" | "empress" | "sister" => return Some(Sex::Female),
        "mr" | "sir" | "king" | "prince" | "lord" | "baron" | "duke" | "emperor" | "sultan"
        | "father" | "brother" | "monsignor" | "pope" | "ayatollah" => {
            return Some(Sex::Male);
        }
        _ => {}
    }
    GIVEN_NAMES.get(first).copied()
}

/// Verb lemmas with all their inflected forms, built once: membership of a
/// word form is one hash look-up, and no lemma has to be guessed from a form.
pub struct VerbSet {
    forms: HashSet<String>,
}

impl VerbSet {
    /// The set of `lemmas` and every form `verb_forms` gives for them.
    pub fn new(lemmas: &[&str]) -> Self {
        let mut forms = HashSet::new();
        for l in lemmas {
            forms.insert((*l).to_string());
            forms.extend(verb_forms(l));
        }
        VerbSet { forms }
    }

    /// Whether lower-case word form `w` is one of the set's forms.
    pub fn contains(&self, w: &str) -> bool {
        self.forms.contains(w)
    }
}

/// Prepositions.
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "with",
    "by",
    "from",
    "to",
    "for",
    "of",
    "into",
    "onto",
    "against",
    "between",
    "among",
    "over",
    "under",
    "about",
    "after",
    "before",
    "during",
    "since",
    "through",
    "toward",
    "towards",
    "amid",
    "amidst",
    "despite",
    "including",
    "like",
    "near",
    "via",
    "per",
    "within",
    "without",
    "across",
    "behind",
    "beyond",
    "around",
    "upon",
    "following",
    "regarding",
    "concerning",
    "alongside",
    "outside",
    "inside",
    "until",
    "throughout",
];

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "some", "any", "each", "every", "both", "all", "several", "many", "two", "three", "four",
];

/// Irregular past forms that are always finite (never a bare verb):
/// "insisted that the talks were over" states a fact.
pub const IRREGULAR_PAST_FINITE: &[&str] = &["was", "were", "had", "did"];

/// Endings of nationality adjectives written as proper nouns ("Iranian",
/// "Kurdish", "Chinese", "Israeli", "Arabic").
pub const NATIONALITY_SUFFIXES: &[&str] = &["an", "ish", "ese", "i", "ic"];

/// Definite determiners and possessive pronouns: after one, a word in -s
/// closing the phrase is a plural noun ("their demands.").
pub const DEFINITE_DETERMINERS: &[&str] =
    &["the", "these", "those", "its", "their", "his", "her", "our"];

/// Forms of "to be".
pub const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re",
];

/// Subordinators and relative words that open a new clause.
pub const SUBORDINATORS: &[&str] = &[
    "because", "although", "though", "whereas", "while", "when", "where", "if", "unless",
    "whether", "as", "since", "after", "before", "once", "until",
];

/// Relative pronouns.
pub const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// Verbs of saying and reporting.
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "wrote",
    "writes",
    "stated",
    "states",
    "declared",
    "announced",
    "claimed",
    "claims",
    "insisted",
    "argued",
    "noted",
    "asserted",
    "explained",
    "tweeted",
    "posted",
    "remarked",
    "replied",
    "responded",
    "stressed",
    "emphasized",
    "emphasised",
    "reported",
    "reports",
    "believes",
    "believed",
    "thinks",
    "considers",
    "alleged",
    "alleges",
    "charged",
    "contended",
    "maintained",
    "suggested",
    "indicated",
    "confirmed",
    "acknowledged",
    "admitted",
    "concluded",
    "complained",
    "adding",
    "noting",
    "insisting",
    "arguing",
    "claiming",
    "stating",
];

/// Plural common nouns that often open a sentence before a speech verb and
/// are never a person's name ("Officials said ...").
pub const GENERIC_SUBJECTS: &[&str] = &[
    "officials",
    "diplomats",
    "analysts",
    "experts",
    "observers",
    "critics",
    "residents",
    "witnesses",
    "sources",
    "authorities",
    "protesters",
    "demonstrators",
    "activists",
    "lawmakers",
    "investigators",
    "prosecutors",
    "police",
    "troops",
    "soldiers",
    "militants",
    "rebels",
    "leaders",
    "ministers",
    "negotiators",
    "mediators",
    "scientists",
    "doctors",
    "officers",
    "workers",
    "voters",
    "citizens",
    "people",
    "others",
    "reports",
    "documents",
    "statements",
    "organizers",
    "organisers",
    "researchers",
    "journalists",
    "reporters",
    "spokesmen",
    "spokespeople",
    "aides",
];

/// Verbs after which an infinitive trigger is still an act that happened
/// ("tried to get Moscow to negotiate" is an appeal that was made).
pub const ATTEMPT: &[&str] = &[
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "voted",
    "votes",
    "vote",
    "moved",
    "began",
    "begin",
    "begins",
    "started",
    "starts",
    "continued",
    "continues",
    "continue",
    "managed",
    "decided",
    "went",
    "proceeded",
    "sought",
    "seeks",
    "seeking",
    "used",
    "rushed",
    "stepped",
    "agreed",
    "opted",
    "chose",
    "dared",
    "refused",
    "declined",
    "failed",
    "threatened",
    "announced",
    "announces",
    "vowed",
    "pledged",
];

/// Cues that make a relation negated when they precede its trigger.
pub const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "neither",
    "nor",
    "without",
    "denied",
    "denies",
    "deny",
    "denying",
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "failed",
    "fails",
    "cannot",
    "nothing",
    "none",
    "nobody",
    "canceled",
    "cancelled",
    "ruled",
    "rejected",
];

/// Cues that make a relation hypothetical when they stand in its clause
/// before the trigger (modals, conditionals, plans, possibilities).
pub const HYPOTHETICAL: &[&str] = &[
    "might",
    "may",
    "could",
    "would",
    "will",
    "shall",
    "should",
    "'ll",
    "'d",
    "must",
    "if",
    "whether",
    "unless",
    "possible",
    "possibility",
    "potential",
    "potentially",
    "proposed",
    "prospective",
    "upcoming",
    "future",
    "planned",
    "scheduled",
    "expected",
    "perhaps",
    "maybe",
    "chance",
    "prospect",
    "prospects",
    "hypothetical",
    "next",
];

/// Verbs whose "that" clause is wished for, not reported as fact
/// ("requested that Ukraine ban ...").
pub const IRREALIS_THAT: &[&str] = &[
    "requested",
    "requests",
    "request",
    "demanded",
    "demands",
    "demand",
    "insisted",
    "insists",
    "urged",
    "urges",
    "asked",
    "asks",
    "proposed",
    "proposes",
    "suggested",
    "suggests",
    "recommended",
    "recommends",
    "hoped",
    "hopes",
    "wished",
    "wishes",
    "wants",
    "wanted",
    "ordered",
    "orders",
    "called",
];

/// Words that end a noun phrase search to the right of a trigger.
pub const OBJECT_STOPS: &[&str] = &[
    ",", ";", ":", ".", "!", "?", "\"", "(", ")", "which", "who", "whom", "whose", "but",
    "because", "while", "although", "when", "where", "if", "as", "after", "before", "since", "and",
    "or",
];

/// Nouns for what someone said, holds or decided: only words attack them
/// ("attacked his remarks", "an attack on the budget").
pub const STANCE_NOUNS: &[&str] = &[
    "remarks",
    "comments",
    "statement",
    "statements",
    "speech",
    "stance",
    "position",
    "record",
    "handling",
    "claims",
    "views",
    "attitude",
    "approach",
    "budget",
    "bill",
    "law",
    "laws",
    "reforms",
    "report",
];

/// Nouns for proposals whose author is the target of agreeing to,
/// rejecting or criticising them.
pub const PROPOSAL_NOUNS: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "plans",
    "offer",
    "initiative",
    "terms",
    "conditions",
    "ruling",
    "resolution",
    "draft",
    "framework",
    "blueprint",
    "visit",
    "decision",
    "policy",
    "policies",
    "actions",
    "presence",
    "move",
    "demands",
];

/// True when the word is in the list.
pub fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

// ---- words the tree rules look at

/// Verbs whose infinitive complement reports an act ("tried to", "agreed
/// to"); any other governor makes it a plan or wish ("plans to meet").
pub static ACT_GOVERNORS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "try", "attempt", "begin", "start", "continue", "manage", "proceed", "move", "rush",
        "step", "vote", "use", "announce", "appear", "seem", "dare", "go", "seek", "help", "busy",
        "keep", "quick", "first",
    ])
});

/// Verbs of agreeing: an agreement to cooperate is cooperation already.
pub static AGREEING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["agree"]));

/// Verbs of speaking whose prepositional phrase is a topic ("declined to
/// comment on the talks"): refusing to speak about an event says nothing
/// about whether it happened.
pub static TOPIC_SPEECH_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "comment",
        "elaborate",
        "speak",
        "remark",
        "say",
        "talk",
        "answer",
    ])
});

/// Governors whose complement did not happen ("refused to meet").
pub static NEGATING_GOVERNORS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["refuse", "decline", "fail", "deny", "reject", "cancel"]));

/// Verbs that make their complement a plan or a wish, not a fact.
pub static IRREALIS_GOVERNORS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "plan", "intend", "want", "wish", "hope", "expect", "prepare", "aim", "propose", "offer",
        "threaten", "promise", "pledge", "vow", "consider", "demand", "urge", "ask", "call",
        "request", "seek", "need", "like", "prefer", "wait", "decide", "schedule", "set", "due",
        "likely", "ready", "willing", "able", "invite",
    ])
});

/// Passive participles that put the event that is their subject ahead:
/// "the meeting is expected in November", "talks are scheduled for Monday".
pub const PROSPECT_PASSIVES: &[&str] = &[
    "expected",
    "planned",
    "scheduled",
    "set",
    "proposed",
    "intended",
    "slated",
];

/// Nouns whose complement is only in prospect ("a condition for talks",
/// "the possibility of a meeting").
pub static PROSPECT_NOUNS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "condition",
        "conditions",
        "plan",
        "plans",
        "proposal",
        "bid",
        "push",
        "appeal",
        "hope",
        "hopes",
        "request",
        "demand",
        "preparation",
        "preparations",
        "need",
        "way",
        "chance",
        "possibility",
        "prospect",
        "prospects",
        "idea",
        "threat",
        "risk",
        "readiness",
        "call",
        "calls",
        "invitation",
        "offer",
        "option",
        "step",
        "steps",
        "pressure",
        "efforts",
        "effort",
    ])
});

/// Nouns whose "of" complement is only claimed, not reported as fact
/// ("evidence of Russian support", "allegations of vote rigging").
pub const CLAIM_NOUNS: &[&str] = &[
    "evidence",
    "proof",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "suspicion",
    "suspicions",
    "claim",
    "claims",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
];

/// Nouns a speaker uses to present a fact as showing another's act:
/// "the rockets were proof of Pakistani support".
pub const EVIDENCE_NOUNS: &[&str] = &["evidence", "proof"];

/// Nouns that name the doer of an act: "the bombing was the work of X".
pub const AUTHORSHIP_NOUNS: &[&str] = &["work", "handiwork"];

/// Modifiers that make an event noun a prospect ("a proposed summit").
pub const PROSPECT_MODIFIERS: &[&str] = &[
    "proposed",
    "planned",
    "possible",
    "potential",
    "future",
    "upcoming",
    "expected",
    "scheduled",
    "prospective",
    "hypothetical",
    "mooted",
    "envisaged",
    "would-be",
];

/// Verbs that call an event off ("the summit was cancelled").
pub static CANCELLING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "cancel", "postpone", "scrap", "abort", "suspend", "shelve", "delay", "block", "prevent",
        "avert", "stop", "halt", "oppose", "rule", "reject", "refuse", "veto", "deny",
    ])
});

/// Modal auxiliaries (future, possibility, obligation).
pub const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "should", "shall", "must", "can", "'ll", "'d", "wo",
    "ca",
];

/// Verbs whose subjects do one thing together ("A and B signed a deal").
pub static JOINT_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "agree",
        "sign",
        "reach",
        "conclude",
        "ally",
        "cooperate",
        "collaborate",
        "initial",
        "seal",
        "strike",
        "forge",
        "negotiate",
        "meet",
        "talk",
        "hold",
        "start",
        "open",
        "resume",
        "begin",
    ])
});

/// Weapons that stand for whoever used them when they are the subject of
/// an attack verb: "a mine planted by X killed", "an Iraqi missile struck".
pub const WEAPON_NOUNS: &[&str] = &[
    "bomb",
    "bombs",
    "mine",
    "mines",
    "landmine",
    "landmines",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "shell",
    "shells",
    "mortar",
    "mortars",
    "grenade",
    "grenades",
    "bullet",
    "bullets",
    "explosive",
    "explosives",
    "device",
    "gunfire",
    "artillery",
    "shellfire",
    "drone",
    "drones",
    "warplane",
    "warplanes",
    "jets",
    "aircraft",
    "helicopter",
    "helicopters",
    "tank",
    "tanks",
    "gunboat",
    "gunboats",
    "sniper",
    "snipers",
];

/// Nouns that measure out an event noun ("a round of talks").
pub const MEASURE_NOUNS: &[&str] = &[
    "round", "series", "rounds", "wave", "spate", "string", "number", "set", "day", "days", "week",
    "weeks", "hours", "package", "raft", "list",
];

/// Quantities that stand for what they count ("thousands of Kurds",
/// "some of the rebels").
pub const QUANTITY_NOUNS: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "some",
    "many",
    "several",
    "most",
    "all",
    "both",
    "each",
    "one",
    "none",
    "few",
    "handful",
    "group",
];

/// Agreement nouns that name a standing document: cited inside a phrase
/// ("under the treaty", "levels set in the accord"), they are background.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "treaty",
    "pact",
    "memorandum",
    "protocol",
    "declaration",
    "communique",
    "contract",
];

/// Objects that a joint verb's subjects make together ("signed a deal").
pub const AGREEMENT_NOUNS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "treaty",
    "pact",
    "ceasefire",
    "truce",
    "memorandum",
    "protocol",
    "declaration",
    "communique",
    "alliance",
    "partnership",
    "talks",
    "negotiations",
    "round",
    "meeting",
    "contract",
    "compromise",
    "settlement",
    "understanding",
    "armistice",
    "peace",
];

/// Light verbs whose subject is the source of a nominal trigger object
/// ("imposed sanctions on", "launched an attack on").
pub static SUPPORT_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "impose",
        "launch",
        "make",
        "hold",
        "have",
        "sign",
        "reach",
        "conclude",
        "level",
        "lodge",
        "file",
        "issue",
        "deliver",
        "carry",
        "mount",
        "stage",
        "open",
        "start",
        "begin",
        "resume",
        "continue",
        "give",
        "offer",
        "extend",
        "express",
        "voice",
        "announce",
        "seal",
        "strike",
        "forge",
        "enter",
        "initial",
        "slap",
        "order",
        "tighten",
        "renew",
        "conduct",
        "pursue",
        "interrupt",
        "end",
        "attend",
        "join",
    ])
});

/// Verbs that turn down what their object proposes ("ruled out talks
/// with the rebels", "rejected cooperation with X").
pub static REJECTING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["reject", "refuse", "rule", "dismiss", "spurn", "turn"]));

/// Verbs of coming and going whose "for" phrase is the purpose the trip
/// served ("flew to Belgrade for talks with X").
pub static TRAVEL_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "arrive", "come", "go", "fly", "travel", "land", "head", "return", "gather", "convene",
        "leave", "depart",
    ])
});

/// Verbs whose "that" clause is denied ("denied that it attacked").
pub static DENYING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["deny", "dismiss", "reject"]));

/// Verbs whose "that" clause is itself an accusation of the clause's
/// subject: "Egypt alleged that Sudan trained the gunmen".
pub static ALLEGING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["allege", "charge"]));

/// Verbs and nouns of suspicion whose content is not asserted: "is
/// suspected of murdering X", "on charges of having contacts with X",
/// "allegations of arming X".
pub static SUSPICION_WORDS: LazyLock<VerbSet> = LazyLock::new(|| {
    // (the nouns take their plural in -s among the generated forms)
    VerbSet::new(&[
        "suspect",
        "charge",
        "allege",
        "accuse",
        "suspicion",
        "allegation",
        "accusation",
    ])
});

/// Participles that name who is held responsible for an act: "attacks
/// blamed on rebels", "killings attributed to the army".
pub static ATTRIBUTING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["blame", "attribute", "pin"]));

/// Verbs that admit a fact when a clause follows them: "conceded his
/// players would struggle", "accepted that the talks had failed" yield
/// nothing to anyone.
pub static ADMITTING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["concede", "accept", "recognise", "recognize"]));

/// Verbs that call a clause into doubt in public: "X questioned whether Y
/// should resign" criticises Y.
pub static QUESTIONING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["question", "challenge"]));

/// Nouns that make a "pro-X" or "anti-X" phrase a group ("pro-Russia forces").
pub const PRO_GROUP_NOUNS: &[&str] = &[
    "forces",
    "rebels",
    "separatists",
    "militants",
    "fighters",
    "militias",
    "militia",
    "protesters",
    "demonstrators",
    "activists",
    "groups",
    "insurgents",
    "gunmen",
    "supporters",
    "leaders",
    "politicians",
    "parties",
    "officials",
    "government",
    "authorities",
    "leadership",
    "deputies",
    "factions",
];

/// Verbs that ask a question when a question word opens their complement
/// ("asked Scots if they wanted a parliament") and make a request
/// otherwise ("asked Bonn to extradite him").
pub static ASKING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["ask"]));

/// Words that open an indirect question.
pub const QUESTION_WORDS: &[&str] = &[
    "if", "whether", "what", "why", "how", "when", "where", "who", "which",
];

/// Verbs whose "that" clause is in doubt ("doubts that they will meet").
pub static DOUBTING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["doubt", "wonder"]));

/// Nouns for people or bodies acting for an actor that modifies them
/// ("Moscow's envoy", "a U.S. delegation").
pub const AGENT_NOUNS: &[&str] = &[
    "government",
    "governments",
    "officials",
    "official",
    "authorities",
    "forces",
    "troops",
    "army",
    "military",
    "police",
    "policemen",
    "paratroopers",
    "members",
    "ministry",
    "delegation",
    "delegates",
    "representatives",
    "envoy",
    "envoys",
    "leaders",
    "leadership",
    "negotiators",
    "diplomats",
    "side",
    "administration",
    "regime",
    "soldiers",
    "spokesman",
    "spokeswoman",
    "commanders",
    "minister",
    "ministers",
    "ambassador",
    "ambassadors",
    "delegations",
    "presidents",
    "heads",
    "president",
    "leader",
    "head",
    "chief",
    "premier",
];

/// Agent nouns for one office holder: they stand for the actor that owns
/// them ("Egypt's president", "the leader of Hamas") but not for a name
/// before them, which is often a title run coordinated with the holder's
/// own name ("Party leader and lawmaker Qasim Ibrahim").
pub const OFFICE_HOLDER_NOUNS: &[&str] = &["president", "leader", "head", "chief", "premier"];

/// Nouns of time: "for the second day", "over the weekend" say when, not why.
pub const TIME_NOUNS: &[&str] = &[
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "time",
    "times",
    "period",
    "morning",
    "afternoon",
    "evening",
    "decade",
    "decades",
    "minutes",
    "while",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
];

/// Days of the week, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months, full names in lower case.
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Verb forms of harm to people that are no attack triggers themselves
/// ("killed", "slain" are): the victims of "were wounded in an attack by X" are
/// the attack's targets.
pub const HARM_WORDS: &[&str] = &["wounded", "injured", "hurt", "died", "die", "dies"];

/// Currency nouns: a state's name or nationality word before one names
/// money, not the state ("10,000 Swiss francs", "the U.S. dollar").
pub const CURRENCIES: &[&str] = &[
    "dollar",
    "dollars",
    "franc",
    "francs",
    "mark",
    "marks",
    "pound",
    "pounds",
    "yen",
    "lira",
    "lire",
    "peso",
    "pesos",
    "rupee",
    "rupees",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "yuan",
    "renminbi",
    "dinar",
    "dinars",
    "shilling",
    "shillings",
    "crown",
    "crowns",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "guilder",
    "guilders",
    "escudo",
    "escudos",
    "peseta",
    "pesetas",
    "rand",
    "baht",
    "ringgit",
    "rupiah",
    "zloty",
    "forint",
    "drachma",
    "drachmas",
    "shekel",
    "shekels",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "euro",
    "euros",
    "punt",
    "punts",
    "cedi",
    "naira",
    "kwacha",
    "leu",
    "lei",
    "lev",
    "koruna",
    "tolar",
    "hryvnia",
    "won",
    "currency",
];

/// Forms of "attack", which news uses for words as often as for weapons.
pub const ATTACK_WORDS: &[&str] = &["attack", "attacks", "attacked", "attacking"];

/// Capitalised adjectives of regions and blocs: they name which states a
/// group phrase means ("Western nations", "the Baltic states", "Arab
/// countries") but are never a name of their own.
pub const BLOC_ADJECTIVES: &[&str] = &[
    "western",
    "eastern",
    "arab",
    "european",
    "african",
    "asian",
    "gulf",
    "nordic",
    "baltic",
    "balkan",
    "islamic",
    "muslim",
    "moslem",
    "latin",
    "scandinavian",
    "caribbean",
    "pacific",
    "andean",
    "central",
    "southeast",
    "south-east",
];

/// Verbs of displeasure whose cause is another's act or words: "Syria was
/// dismayed by Netanyahu's refusal", "the decision angered Egypt".
pub static DISPLEASURE_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "anger",
        "dismay",
        "outrage",
        "infuriate",
        "incense",
        "enrage",
        "irritate",
        "annoy",
        "upset",
        "exasperate",
        "offend",
        "disappoint",
    ])
});

/// Verbs that name what their object is ("called Israel a terrorist
/// state", "described the plan as a provocation").
pub static NAMING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "call", "brand", "label", "dub", "term", "describe", "portray", "dismiss",
    ])
});

/// Naming verbs that dismiss what they name: "dismissed the unrest as the
/// work of foreigners" lays it at the foreigners' door.
pub static DISMISSING_VERBS: LazyLock<VerbSet> = LazyLock::new(|| VerbSet::new(&["dismiss"]));

/// Words of a predicate that makes naming someone an accusation: "called
/// Israel a terrorist state", "branded the decision illegal".
pub const PEJORATIVES: &[&str] = &[
    "absurd",
    "aggression",
    "aggressor",
    "aggressors",
    "blackmail",
    "criminal",
    "criminals",
    "danger",
    "dangerous",
    "dictator",
    "disgrace",
    "enemy",
    "enemies",
    "farce",
    "fascist",
    "fascists",
    "fraud",
    "hostile",
    "hypocritical",
    "illegal",
    "insult",
    "irresponsible",
    "liar",
    "liars",
    "lie",
    "lies",
    "menace",
    "murderer",
    "murderers",
    "outlaw",
    "propaganda",
    "provocation",
    "provocative",
    "puppet",
    "racist",
    "rogue",
    "sham",
    "terrorism",
    "terrorist",
    "terrorists",
    "threat",
    "traitor",
    "traitors",
    "tyrant",
    "unacceptable",
    "violation",
];

/// Verbs of thanks whose "for" phrase names what the thanked one did:
/// "thanked Gabon for its support".
pub static THANKING_VERBS: LazyLock<VerbSet> =
    LazyLock::new(|| VerbSet::new(&["thank", "praise", "commend", "hail", "salute"]));

/// Help one actor gives another.
pub const SUPPORT_NOUNS: &[&str] = &[
    "support",
    "help",
    "backing",
    "assistance",
    "aid",
    "solidarity",
    "cooperation",
    "co-operation",
    "contribution",
    "contributions",
    "hospitality",
];

/// Nouns for a government that stands for whoever owns it: "Mubarak's
/// government", "the regime of Assad".
pub const GOVERNMENT_NOUNS: &[&str] = &["government", "regime", "administration", "cabinet"];

/// Nouns whose "of" names someone held, not the one a demand is made of:
/// "urged the release of X" asks X's captors, not X.
pub const CUSTODY_NOUNS: &[&str] = &[
    "release",
    "freeing",
    "extradition",
    "handover",
    "hand-over",
    "repatriation",
    "return",
    "transfer",
    "pardon",
];

/// People who belong to someone without being them: "arrested her aunt"
/// acts on the aunt, not on the woman the pronoun names.
pub const KIN_NOUNS: &[&str] = &[
    "aunt",
    "aunts",
    "uncle",
    "uncles",
    "wife",
    "wives",
    "husband",
    "husbands",
    "son",
    "sons",
    "daughter",
    "daughters",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "father",
    "mother",
    "parents",
    "cousin",
    "cousins",
    "nephew",
    "nephews",
    "niece",
    "nieces",
    "companion",
    "companions",
    "friend",
    "friends",
    "relatives",
    "relative",
    "bodyguard",
    "bodyguards",
    "driver",
    "lawyer",
    "lawyers",
    "grandson",
    "granddaughter",
    "children",
    "widow",
];

/// Nouns for private people: a nationality before them says where they
/// come from, not that their state acts or is acted upon ("kidnapped a
/// Dutch couple", "two British tourists were killed").
pub const PRIVATE_PERSON_NOUNS: &[&str] = &[
    "couple",
    "couples",
    "family",
    "families",
    "tourist",
    "tourists",
    "girl",
    "girls",
    "boy",
    "boys",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "teenager",
    "teenagers",
    "student",
    "students",
    "worker",
    "workers",
    "businessman",
    "businessmen",
    "businesswoman",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "photographer",
    "photographers",
    "priest",
    "priests",
    "nun",
    "nuns",
    "missionary",
    "missionaries",
    "engineer",
    "engineers",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "pensioner",
    "pensioners",
    "passenger",
    "passengers",
    "fisherman",
    "fishermen",
    "climber",
    "climbers",
    "hiker",
    "hikers",
    "backpacker",
    "backpackers",
    "volunteer",
    "volunteers",
    "expatriate",
    "expatriates",
    "teacher",
    "teachers",
    "hostage",
    "hostages",
];

/// Group nouns used in the singular before what the group holds ("rebel
/// positions"), with the plural that names the group.
pub const GROUP_MODIFIERS: &[(&str, &str)] = &[
    ("rebel", "rebels"),
    ("guerrilla", "guerrillas"),
    ("militant", "militants"),
    ("separatist", "separatists"),
    ("insurgent", "insurgents"),
    ("militia", "militia"),
];

/// The plural that names the group a singular group noun stands for
/// ("rebel" -> "rebels"), if `w` is one of [`GROUP_MODIFIERS`].
pub fn group_plural(w: &str) -> Option<&'static str> {
    GROUP_MODIFIERS
        .iter()
        .find(|(one, _)| *one == w)
        .map(|&(_, plural)| plural)
}

/// What an armed group holds: "rebel positions", "guerrilla bases".
pub const HOLDING_NOUNS: &[&str] = &[
    "position",
    "positions",
    "base",
    "bases",
    "camp",
    "camps",
    "stronghold",
    "strongholds",
    "hideout",
    "hideouts",
    "territory",
    "lines",
    "targets",
    "outpost",
    "outposts",
    "enclave",
    "enclaves",
    "redoubt",
    "redoubts",
];

/// Verbs by which an act draws a reaction to its doer: "X's test drew
/// protests from Y", "the attack prompted a strike by Z".
pub static REACTION_VERBS: LazyLock<VerbSet> = LazyLock::new(|| {
    VerbSet::new(&[
        "draw", "prompt", "provoke", "spark", "trigger", "bring", "earn", "attract",
    ])
});

/// Verbs after which "at" names where something happens, not whom an act
/// is aimed at: "met at Camp David", "arrived at Moscow".
pub const PLACE_AT_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "arrived",
    "arrive",
    "arrives",
    "arriving",
    "held",
    "hold",
    "holds",
    "gathered",
    "landed",
    "stopped",
    "stayed",
    "signed",
    "spoke",
    "speaking",
    "reached",
    "based",
    "stationed",
    "born",
    "died",
    "killed",
    "wounded",
    "said",
    "told",
];

/// A state's missions abroad: the state after "in" hosts the mission and
/// is a party to what is done to it ("closed its embassy in Chad").
pub const MISSION_NOUNS: &[&str] = &["embassy", "embassies", "consulate", "consulates"];

/// Nouns of a situation a country is the subject of: in "the crisis in
/// Sudan" or "human rights abuses in Burma" the country is what the phrase
/// is about, not only where it happens.
pub const SITUATION_NOUNS: &[&str] = &[
    "crisis",
    "conflict",
    "war",
    "violence",
    "fighting",
    "situation",
    "violations",
    "abuses",
    "intervention",
    "involvement",
    "interference",
    "unrest",
    "turmoil",
];

/// The legal forms that end a company's name: "Banc One Corp.", "Acme Inc".
pub const COMPANY_SUFFIXES: &[&str] = &[
    "corp.",
    "corp",
    "inc.",
    "inc",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "nv",
    "corporation",
];

/// Nouns that head a place's name ("Mexico City", "Spratly Islands",
/// "Tiananmen Square"): a name with such a head is a place, not an actor.
pub const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "island",
    "islands",
    "shoal",
    "reef",
    "valley",
    "river",
    "lake",
    "bay",
    "sea",
    "gulf",
    "strait",
    "straits",
    "peninsula",
    "province",
    "county",
    "district",
    "square",
    "street",
    "avenue",
    "airport",
    "harbour",
    "harbor",
    "coast",
    "desert",
    "canal",
    "mountains",
    "hills",
    "heights",
    "plain",
    "plateau",
];

/// Offices a state has one holder of: "the Israeli president", "the
/// king of Morocco" without a name refer to that office holder (named
/// earlier, or else the state itself).
pub const NATIONAL_OFFICES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "premier",
    "king",
    "queen",
    "emir",
    "sultan",
    "monarch",
    "chancellor",
    "crown prince",
    "leader",
];

/// Relations that a sports report uses for play, each with the stem of
/// its trigger words there: a rally is a comeback ("the Orioles rallied
/// against reliever X") and help a team-mate's play ("two hits apiece,
/// helping the Padres").
pub const SPORTS_PLAY_STEMS: &[(&str, &str)] = &[
    ("protests", "rall"),
    ("cooperates", "help"),
    // a bowler dismisses a batsman
    ("rejects", "dismiss"),
    // a champion defends a title; two batsmen share a partnership
    ("cooperates", "defend"),
    ("cooperates", "partner"),
    // a goalkeeper under pressure from the strikers
    ("demands", "pressure"),
];

/// Holders of a sporting title: after "defending" they name a champion,
/// not an act of defence ("defending champion Johan Museeuw").
pub const CHAMPION_NOUNS: &[&str] = &[
    "champion",
    "champions",
    "titleholder",
    "titleholders",
    "title-holder",
    "title-holders",
    "holder",
    "holders",
    "title",
];

/// Words that mark a sports report: a game, its positions and its results.
/// Words of politics too ("final", "race", "league", "cup", "draw",
/// "season", "coach") are left out; "coached" is a trainer's verb.
pub const SPORTS_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "hockey",
    "basketball",
    "baseball",
    "squash",
    "bobsleigh",
    "game",
    "games",
    "match",
    "matches",
    "goal",
    "goals",
    "goalkeeper",
    "striker",
    "strikers",
    "midfielder",
    "defender",
    "penalty",
    "offside",
    "half-time",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "quarter-final",
    "quarter-finals",
    "semi-final",
    "semi-finals",
    "qualifier",
    "tournament",
    "championship",
    "playoff",
    "playoffs",
    "quarterback",
    "touchdown",
    "inning",
    "pitcher",
    "seeded",
    "top-seeded",
    "titleholder",
    "olympic",
    "medal",
    "scored",
    "rallied",
    "all-rounder",
    "coached",
    "relegation",
    "relegated",
    "unbeaten",
    "hat-trick",
    "equaliser",
    "equalizer",
    "featherweight",
    "lightweight",
    "welterweight",
    "middleweight",
    "bantamweight",
    "flyweight",
    "cruiserweight",
    "knockout",
    "defenceman",
    "defenseman",
    "goaltender",
    "goalie",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sex_from_title_or_given_name() {
        assert_eq!(sex_of("Margaret McCullough"), Some(Sex::Female));
        assert_eq!(sex_of("Mrs. Thatcher"), Some(Sex::Female));
        assert_eq!(sex_of("King Hussein"), Some(Sex::Male));
        assert_eq!(sex_of("Boris Yeltsin"), Some(Sex::Male));
        // a surname alone, or an unlisted name, tells nothing
        assert_eq!(sex_of("Lebed"), None);
        assert_eq!(sex_of("Sheikh Hasina"), None);
        assert_eq!(sex_of(""), None);
    }
}
