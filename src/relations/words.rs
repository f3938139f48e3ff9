//! Closed-class words the role and modality rules look at. These are
//! grammar, not knowledge, so they live in code.

/// Prepositions.
pub const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "with", "by", "from", "to", "for", "of", "into", "onto", "against", "between", "among", "over",
    "under", "about", "after", "before", "during", "since", "through", "toward", "towards", "amid", "amidst", "despite",
    "including", "like", "near", "via", "per", "within", "without", "across", "behind", "beyond", "around", "upon",
    "following", "regarding", "concerning", "alongside", "outside", "inside", "until", "throughout",
];

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "some", "any", "each", "every", "both", "all", "several", "many", "two", "three", "four"];

/// Forms of "to be".
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"];

/// Subordinators and relative words that open a new clause.
pub const SUBORDINATORS: &[&str] = &["because", "although", "though", "whereas", "while", "when", "where", "if", "unless", "whether", "as", "since", "after", "before", "once", "until"];

/// Relative pronouns.
pub const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// Verbs of saying and reporting.
pub const SPEECH: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "wrote", "writes", "stated", "states", "declared",
    "announced", "claimed", "claims", "insisted", "argued", "noted", "asserted", "explained", "tweeted", "posted",
    "remarked", "replied", "responded", "stressed", "emphasized", "emphasised", "reported", "reports", "believes",
    "believed", "thinks", "considers", "alleged", "alleges", "charged", "contended",
    "maintained", "suggested", "indicated", "confirmed", "acknowledged", "admitted", "concluded", "complained",
    "adding", "noting", "insisting", "arguing", "claiming", "stating",
];

/// Plural common nouns that often open a sentence before a speech verb and
/// are never a person's name ("Officials said ...").
pub const GENERIC_SUBJECTS: &[&str] = &[
    "officials", "diplomats", "analysts", "experts", "observers", "critics", "residents", "witnesses", "sources",
    "authorities", "protesters", "demonstrators", "activists", "lawmakers", "investigators", "prosecutors", "police",
    "troops", "soldiers", "militants", "rebels", "leaders", "ministers", "negotiators", "mediators", "scientists",
    "doctors", "officers", "workers", "voters", "citizens", "people", "others", "reports", "documents", "statements",
    "organizers", "organisers", "researchers", "journalists", "reporters", "spokesmen", "spokespeople", "aides",
];

/// Verbs after which an infinitive trigger is still an act that happened
/// ("tried to get Moscow to negotiate" is an appeal that was made).
pub const ATTEMPT: &[&str] = &[
    "try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting", "voted", "votes", "vote",
    "moved", "began", "begin", "begins", "started", "starts", "continued", "continues", "continue", "managed",
    "decided", "went", "proceeded", "sought", "seeks", "seeking", "used", "rushed", "stepped", "agreed", "opted",
    "chose", "dared", "refused", "declined", "failed", "threatened", "announced", "announces", "vowed", "pledged",
];

/// Cues that make a relation negated when they precede its trigger.
pub const NEGATION: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without", "denied", "denies", "deny", "denying", "refused", "refuses", "refuse", "declined", "declines", "failed", "fails", "cannot", "nothing", "none", "nobody", "canceled", "cancelled", "ruled", "rejected"];

/// Cues that make a relation hypothetical when they stand in its clause
/// before the trigger (modals, conditionals, plans, possibilities).
pub const HYPOTHETICAL: &[&str] = &[
    "might", "may", "could", "would", "will", "shall", "should", "'ll", "'d", "must", "if", "whether", "unless",
    "possible", "possibility", "potential", "potentially", "proposed", "prospective", "upcoming", "future",
    "planned", "scheduled", "expected", "perhaps", "maybe", "chance", "prospect", "prospects", "hypothetical", "next",
];

/// Verbs whose "that" clause is wished for, not reported as fact
/// ("requested that Ukraine ban ...").
pub const IRREALIS_THAT: &[&str] = &[
    "requested", "requests", "request", "demanded", "demands", "demand", "insisted", "insists", "urged", "urges",
    "asked", "asks", "proposed", "proposes", "suggested", "suggests", "recommended", "recommends", "hoped", "hopes",
    "wished", "wishes", "wants", "wanted", "ordered", "orders", "called",
];

/// Words that end a noun phrase search to the right of a trigger.
pub const OBJECT_STOPS: &[&str] = &[",", ";", ":", ".", "!", "?", "\"", "(", ")", "which", "who", "whom", "whose", "but", "because", "while", "although", "when", "where", "if", "as", "after", "before", "since", "and", "or"];

/// Nouns for proposals whose author is the target of agreeing to,
/// rejecting or criticising them.
pub const PROPOSAL_NOUNS: &[&str] = &[
    "proposal", "proposals", "plan", "plans", "offer", "initiative", "terms", "conditions", "ruling", "resolution", "draft",
    "framework", "blueprint", "visit", "decision", "policy", "policies", "actions", "presence", "move", "demands",
];

/// True when the word is in the list.
pub fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}
