//! Text stage: tokens and sentences with byte offsets into the original text.
//!
//! The tokenizer follows the conventions of news treebanks (and of the
//! CoNLL-2003 data our tagger is trained on): punctuation is split off,
//! the possessive `'s` and the negation `n't` are tokens of their own, and
//! abbreviations keep their period (`U.S.`, `Mr.`, `Gen.`, `Jan.`) so that a
//! period inside them is never taken for the end of a sentence.

use crate::document::Span;
use std::ops::Range;

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the token in the original text.
    pub span: Span,
    /// Folded form: curly quotes and apostrophes straightened, accents and
    /// other scripts transliterated to ASCII, case kept.
    pub norm: String,
    /// `norm` in lower case, the key for every lexicon lookup.
    pub lower: String,
    /// For a curly double quote: `Some(true)` when opening, `Some(false)`
    /// when closing; `None` for every other token.
    pub curly: Option<bool>,
    /// Part-of-speech tag, once [`tag`] has run.
    pub pos: Option<crate::ner::PosTag>,
    /// Syntactic head (absolute token index), once the sentence is parsed;
    /// `None` for the root or an unparsed token.
    pub head: Option<usize>,
    /// Dependency label towards the head (spaCy's English labels: `nsubj`,
    /// `dobj`, `prep`, ...); empty when the sentence is not parsed.
    pub dep: &'static str,
}

impl Token {
    /// True when the surface form starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.norm.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// True when the token is tagged as a verb (any VB* tag).
    pub fn is_verb(&self) -> bool {
        self.pos.is_some_and(|p| p.is_verb())
    }

    /// The Penn Treebank tag, or "" when untagged.
    pub fn tag(&self) -> &'static str {
        self.pos.map(|p| p.as_str()).unwrap_or("")
    }

    /// True when the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.norm
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }
}

/// A sentence: its byte span and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence in the original text.
    pub span: Span,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// Tokens and sentences of one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Every token of the document in text order.
    pub tokens: Vec<Token>,
    /// Every sentence of the document in text order.
    pub sentences: Vec<Sentence>,
    /// Agency headers (place, date, reporter's name) before a story, each a
    /// sentence of its own that names no actor (see [`crate::dateline`]).
    pub datelines: Vec<Range<usize>>,
}

impl Analysis {
    /// Index of the sentence that holds token `i` (a binary search: the
    /// sentences are in text order).
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        self.sentences
            .get(k)
            .filter(|s| s.tokens.contains(&i))
            .map(|_| k)
    }
}

/// Tags every sentence of an analysis with the built-in POS tagger, then
/// mends two of its errors that the later stages cannot undo (a plural
/// noun read as a verb after adjectives, a capitalised name word read as
/// a verb).
pub fn tag(analysis: &mut Analysis) {
    let tagger = crate::ner::PosTagger::builtin();
    for s in &analysis.sentences {
        let words: Vec<&str> = analysis.tokens[s.tokens.clone()]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        let tags = tagger.tag(&words);
        for (t, p) in analysis.tokens[s.tokens.clone()].iter_mut().zip(tags) {
            t.pos = Some(p);
        }
        plural_noun_after_modifiers(&mut analysis.tokens, s.tokens.clone());
        capitalised_verb_in_a_name(&mut analysis.tokens, s.tokens.clone());
    }
}

/// "Omar Said insisted ...": inside a sentence written in lower case, a
/// capitalised word after a proper noun that the tagger reads as a verb
/// ("Said", "Hadi") is the next word of the name. Headlines, where every
/// word is capitalised ("Hamas Says It Will ..."), are left alone.
fn capitalised_verb_in_a_name(tokens: &mut [Token], range: Range<usize>) {
    let Some(nnp) = crate::ner::PosTag::from_ptb("NNP") else {
        return;
    };
    let in_name = |i: usize| {
        let (t, before) = (&tokens[i], &tokens[i - 1]);
        t.tag().starts_with("VB")
            && t.is_capitalized()
            && t.norm.chars().skip(1).any(|c| c.is_lowercase())
            && before.tag() == "NNP"
            && before.is_capitalized()
    };
    let found: Vec<usize> = (range.start + 1..range.end)
        .filter(|&i| in_name(i))
        .collect();
    // the sentence's shape is read only when it matters (rarely): the
    // first word is capitalised in any sentence
    if found.is_empty() {
        return;
    }
    let words = tokens[range.clone()].iter().filter(|t| t.is_word()).skip(1);
    let (mut all, mut capitalised) = (0usize, 0usize);
    for t in words {
        all += 1;
        capitalised += usize::from(t.is_capitalized());
    }
    if 2 * capitalised > all {
        return;
    }
    for i in found {
        tokens[i].pos = Some(nnp);
    }
}

/// "the Iranian Kurdish oppositions\".": a word in -s that the tagger reads
/// as a verb (VBZ) right after a determiner and adjectives only, and before
/// punctuation or a conjunction, heads that noun phrase: it is a plural
/// noun. A name before the word makes it a verb ("The Kremlin says ."), so
/// every modifier must be an adjective, or a capitalised nationality or
/// language word ("Iranian", "Kurdish", "Sudanese"), and speech verbs are
/// left alone.
fn plural_noun_after_modifiers(tokens: &mut [Token], range: Range<usize>) {
    let Some(nns) = crate::ner::PosTag::from_ptb("NNS") else {
        return;
    };
    let adjectival = |t: &Token| {
        t.tag() == "JJ"
            || matches!(t.tag(), "NNP" | "NNPS")
                && crate::english::NATIONALITY_SUFFIXES
                    .iter()
                    .any(|suffix| t.lower.len() > suffix.len() + 2 && t.lower.ends_with(suffix))
    };
    for i in range.clone() {
        let t = &tokens[i];
        if t.tag() != "VBZ"
            || t.is_capitalized()
            || !t.lower.ends_with('s')
            || crate::english::is(crate::english::SPEECH, &t.lower)
        {
            continue;
        }
        let closes = tokens
            .get(i + 1)
            .filter(|_| i + 1 < range.end)
            .is_none_or(|n| {
                !n.is_word() && !matches!(n.lower.as_str(), "$" | "%" | "--")
                    || matches!(n.lower.as_str(), "and" | "or")
            });
        let mut k = i;
        while k > range.start && adjectival(&tokens[k - 1]) {
            k -= 1;
        }
        let determiner = k < i
            && k > range.start
            && crate::english::is(crate::english::DEFINITE_DETERMINERS, &tokens[k - 1].lower);
        if closes && determiner {
            tokens[i].pos = Some(nns);
        }
    }
}

/// Parses the sentences whose flag in `wanted` is set with the built-in
/// dependency parser, filling each token's `head` and `dep`. Sentences
/// that cannot hold a relation are left unparsed: parsing is the most
/// expensive step of the pipeline.
///
/// `names` are token ranges of multi-word names (sorted, not overlapping):
/// each is parsed as one proper noun, its last word, so that a foreign or
/// long name ("Cartel de los Soles", "Liberation Tigers of Tamil Eelam")
/// cannot be torn apart by the parser; inside the name every word depends
/// on the last one as a `compound`.
pub fn parse(analysis: &mut Analysis, wanted: &[bool], names: &[Range<usize>]) {
    let parser = crate::parse::Parser::builtin();
    let nnp = crate::ner::PosTag::from_ptb("NNP");
    let mut next_name = 0;
    for (si, s) in analysis.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        while next_name < names.len() && names[next_name].start < range.start {
            next_name += 1;
        }
        if !wanted.get(si).copied().unwrap_or(false) {
            continue;
        }
        // one parser word per token, or per name: (first token, last token)
        let mut pieces: Vec<(usize, usize)> = Vec::with_capacity(range.len());
        let mut named: Vec<bool> = Vec::with_capacity(range.len());
        let mut k = range.start;
        let mut n = next_name;
        while k < range.end {
            named.push(false);
            if let Some(r) = names.get(n).filter(|r| r.start == k && r.end <= range.end) {
                named[pieces.len()] = true;
                pieces.push((r.start, r.end - 1));
                k = r.end;
                n += 1;
            } else {
                pieces.push((k, k));
                k += 1;
                while names.get(n).is_some_and(|r| r.start < k) {
                    n += 1;
                }
            }
        }
        verb_of_a_verbless_sentence(&mut analysis.tokens, range.clone());
        let words: Vec<&str> = pieces
            .iter()
            .map(|&(_, last)| analysis.tokens[last].norm.as_str())
            .collect();
        let tags: Vec<crate::ner::PosTag> = pieces
            .iter()
            .zip(&named)
            .map_while(|(&(first, last), &name)| {
                let pos = analysis.tokens[last].pos;
                // a name is a proper noun: "Hamas" is no verb to the parser
                // (a one-word name the tagger reads as a noun stays one)
                if first < last || name && pos.is_none_or(|p| !p.as_str().starts_with("NN")) {
                    nnp.or(pos)
                } else {
                    pos
                }
            })
            .collect();
        let tree = parser.parse(&words, &tags);
        for (p, &(first, last)) in pieces.iter().enumerate() {
            let head = tree.head(p).map(|h| pieces[h].1);
            let dep = tree.label(p).as_str();
            for t in first..last {
                analysis.tokens[t].head = Some(last);
                analysis.tokens[t].dep = "compound";
            }
            analysis.tokens[last].head = head;
            analysis.tokens[last].dep = dep;
        }
        reattach_name_conjuncts(&mut analysis.tokens, range);
    }
}

/// A sentence needs a verb: "The RDR appeals to all refugees.", "The monk
/// lives in Lima." come out of the tagger with no finite verb, the verb
/// read as a plural noun after its subject. In a sentence of five words or
/// more with no finite verb (and not a capitalised headline) that opens
/// with its subject (a determiner, name or capitalised adjective, then
/// nouns), the plural noun in lower case right after the subject and
/// before a preposition, determiner, pronoun or name is made a verb (VBZ).
fn verb_of_a_verbless_sentence(tokens: &mut [Token], range: Range<usize>) {
    let Some(vbz) = crate::ner::PosTag::from_ptb("VBZ") else {
        return;
    };
    let tag = |t: &Token| t.tag();
    let noun_before = |tokens: &[Token], i: usize| {
        i > range.start && matches!(tokens[i - 1].tag(), "NN" | "NNP" | "NNPS")
    };
    let plural_in_lower_case =
        |t: &Token| t.tag() == "NNS" && !t.is_capitalized() && t.lower.ends_with('s');
    let words = tokens[range.clone()].iter().filter(|t| t.is_word()).count();
    let finite = tokens[range.clone()]
        .iter()
        .any(|t| matches!(tag(t), "VBD" | "VBZ" | "VBP" | "MD"));
    let lower_case = tokens[range.clone()]
        .iter()
        .any(|t| t.norm.chars().any(|c| c.is_lowercase()) && t.is_word() && !t.is_capitalized());
    if words < 5 || finite || !lower_case {
        return;
    }
    // the subject opens the sentence: a determiner, a name (not a common
    // word capitalised as the first of a sentence) or a capitalised
    // adjective ("Israeli army"), then nouns; "Trade talks between ..." (a
    // noun phrase alone) and "Both X and Y mount air and land strikes" (a
    // coordination) are left as they are
    let opener = &tokens[range.start];
    let name =
        matches!(tag(opener), "NNP" | "NNPS") && !crate::english::is_common_word(&opener.lower);
    if !(tag(opener) == "DT" || name || tag(opener) == "JJ" && opener.is_capitalized()) {
        return;
    }
    let verb = range.clone().find(|&i| {
        plural_in_lower_case(&tokens[i])
            && noun_before(tokens, i)
            && tokens[range.start..i]
                .iter()
                .all(|t| matches!(tag(t), "DT" | "JJ" | "NN" | "NNP" | "NNPS" | "POS"))
            && i + 1 < range.end
            && tokens[i + 1].lower != "of"
            && matches!(
                tag(&tokens[i + 1]),
                "IN" | "TO" | "DT" | "PRP$" | "PRP" | "NNP"
            )
    });
    if let Some(i) = verb {
        tokens[i].pos = Some(vbz);
    }
}

/// Coordination joins like with like: "contacts with Massoud Barzani,
/// leader of the KDP, and Jalal Talabani" coordinates the two names, but
/// the parser often hangs the second name on the head noun ("contacts")
/// across the first one's apposition. A proper name coordinated with a
/// common noun or a verb whose with/to/between/against/on-phrase holds a
/// proper name between them is moved to that name, with its conjunction.
fn reattach_name_conjuncts(tokens: &mut [Token], range: Range<usize>) {
    let proper = |t: &Token| matches!(t.tag(), "NNP" | "NNPS");
    for c in range.clone() {
        let Some(h) = tokens[c].head else { continue };
        if tokens[c].dep != "conj"
            || !proper(&tokens[c])
            || h >= c
            || proper(&tokens[h])
            || !(tokens[h].is_verb()
                || matches!(
                    tokens[h].dep,
                    "dobj" | "pobj" | "nsubj" | "nsubjpass" | "attr" | "appos"
                ))
        {
            continue;
        }
        let below_h = |mut k: usize| {
            for _ in 0..range.len() {
                match tokens[k].head {
                    Some(x) if x == h => return true,
                    Some(x) => k = x,
                    None => return false,
                }
            }
            false
        };
        let name = (h + 1..c).rev().find(|&p| {
            proper(&tokens[p])
                && tokens[p].dep == "pobj"
                && tokens[p].head.is_some_and(|prep| {
                    matches!(
                        tokens[prep].lower.as_str(),
                        "with" | "to" | "between" | "against" | "on"
                    )
                })
                && below_h(p)
        });
        let Some(p) = name else { continue };
        tokens[c].head = Some(p);
        for t in &mut tokens[p + 1..c] {
            if t.head == Some(h) && matches!(t.dep, "cc" | "punct") {
                t.head = Some(p);
            }
        }
    }
}

/// Abbreviations that keep their final period and never end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "st", "lt", "col", "gov", "pres", "prof", "sgt",
    "capt", "adm", "maj", "cmdr", "brig", "rev", "hon", "amb", "jr", "sr", "messrs", "mt", "ft",
    "vs", "no", "nos", "inc", "corp", "ltd", "co", "dept", "univ", "approx", "est", "fig", "vol",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "etc",
];

/// Abbreviations that may also end a sentence ("... in the U.S. The talks").
fn is_sentence_final_capable(tok: &str) -> bool {
    tok.matches('.').count() >= 2 || tok.eq_ignore_ascii_case("etc.")
}

/// Words that often begin a sentence and so mark a boundary after an
/// ambiguous abbreviation like "U.S.".
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "there",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "both",
    "some",
    "many",
];

/// Folds one token to ASCII for matching: quotes straightened, accents dropped.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_ascii() => out.push(c),
            c => out.push_str(deunicode::deunicode_char(c).unwrap_or("")),
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens with byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let ch = |i: usize| if i < n { Some(chars[i].1) } else { None };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // Apostrophe-led clitics: 's as a token of its own.
            if is_apostrophe(c)
                && matches!(ch(i + 1), Some('s' | 'S'))
                && !ch(i + 2).is_some_and(|c| c.is_alphanumeric())
                && !spans.is_empty()
                && spans.last().is_some_and(|&(_, e)| e == i)
            {
                spans.push((i, i + 2));
                i += 2;
                continue;
            }
            // "--" and "---" are one dash, as in the treebanks the taggers
            // and the parser learnt from
            if c == '-' && ch(i + 1) == Some('-') {
                let mut j = i + 1;
                while ch(j) == Some('-') {
                    j += 1;
                }
                spans.push((i, j));
                i = j;
                continue;
            }
            spans.push((i, i + 1));
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        let mut seg_start = i; // start of the current period-separated segment
        let mut has_inner_period = false;
        while let Some(c) = ch(j) {
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = ch(j + 1);
            let next_alnum = next.is_some_and(|c| c.is_alphanumeric());
            if is_apostrophe(c) && next_alnum {
                // Possessive 's and n't split off; O'Brien stays whole.
                let after = ch(j + 2);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(|c| c.is_alphanumeric()) {
                    break;
                }
                if matches!(next, Some('t' | 'T'))
                    && j > start
                    && matches!(ch(j - 1), Some('n' | 'N'))
                    && !after.is_some_and(|c| c.is_alphanumeric())
                    && j - 1 > start
                {
                    // "don't" -> "do" + "n't"
                    j -= 1;
                    break;
                }
                j += 1;
                continue;
            }
            if is_hyphen(c) && next_alnum {
                j += 1;
                seg_start = j;
                continue;
            }
            if (c == ',' || c == '.')
                && next.is_some_and(|d| d.is_ascii_digit())
                && ch(j - 1).is_some_and(|d| d.is_ascii_digit())
            {
                j += 1;
                continue;
            }
            if c == '.' {
                let seg_len = j - seg_start;
                let seg_is_alpha = (seg_start..j).all(|k| chars[k].1.is_alphabetic());
                if seg_is_alpha
                    && seg_len <= 2
                    && next.is_some_and(|c| c.is_alphabetic())
                    && (has_inner_period || seg_len == 1)
                {
                    // U.S., U.N., p.m.: letters separated by periods.
                    has_inner_period = true;
                    j += 1;
                    seg_start = j;
                    continue;
                }
                let word: String = chars[start..j].iter().map(|&(_, c)| c).collect();
                let lower = word.to_lowercase();
                let single_initial =
                    seg_is_alpha && seg_len == 1 && chars[seg_start].1.is_uppercase();
                if has_inner_period
                    || single_initial
                    || TITLE_ABBREVIATIONS.contains(&lower.as_str())
                {
                    j += 1; // keep the period: "U.S.", "Mr.", "J."
                }
                break;
            }
            break;
        }
        spans.push((start, j));
        i = j;
    }
    spans
        .into_iter()
        .map(|(s, e)| {
            let span = Span::new(byte_at(s), byte_at(e));
            let surface = &text[span.start..span.end];
            let norm = fold(surface);
            let lower = norm.to_lowercase();
            let curly = match surface {
                "\u{201C}" => Some(true),
                "\u{201D}" => Some(false),
                _ => None,
            };
            Token {
                span,
                norm,
                lower,
                curly,
                pos: None,
                head: None,
                dep: "",
            }
        })
        .collect()
}

fn is_closing(tok: &str) -> bool {
    matches!(tok, "\"" | "'" | ")" | "]")
}

fn is_terminal(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "...")
}

/// Splits a document into tokens and sentences.
pub fn analyze(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut boundary_after: Option<usize> = None;
        if is_terminal(&t.norm) {
            // Run of terminal marks and closing quotes/brackets stays in the sentence.
            let mut k = i + 1;
            while k < tokens.len()
                && (is_terminal(&tokens[k].norm)
                    || is_closing(&tokens[k].norm) && closes_quote(text, &tokens, k))
            {
                k += 1;
            }
            if k >= tokens.len() || starts_sentence(&tokens[k]) {
                boundary_after = Some(k);
            }
        } else if t.norm.ends_with('.') && t.norm.len() > 1 && is_sentence_final_capable(&t.norm) {
            let k = i + 1;
            if k < tokens.len()
                && SENTENCE_STARTERS.contains(&tokens[k].lower.as_str())
                && tokens[k].is_capitalized()
            {
                boundary_after = Some(k);
            }
        }
        // A blank line always ends a sentence (paragraphs, headlines).
        if boundary_after.is_none() && i + 1 < tokens.len() {
            let gap = &text[t.span.end..tokens[i + 1].span.start];
            if gap.matches('\n').count() >= 2
                || (gap.contains('\n') && line_break_ends_sentence(&tokens, i))
            {
                boundary_after = Some(i + 1);
            }
        }
        match boundary_after {
            Some(k) => {
                push_sentence(&mut sentences, &tokens, begin, k);
                begin = k;
                i = k;
            }
            None => i += 1,
        }
    }
    push_sentence(&mut sentences, &tokens, begin, tokens.len());
    let (sentences, datelines) = cut_datelines(text, &tokens, sentences);
    Analysis {
        tokens,
        sentences,
        datelines,
    }
}

/// Cuts every dateline off the sentence it opens: one starts a sentence,
/// a line, or follows an editor's note. The headline before it and the
/// story after it become sentences of their own.
fn cut_datelines(
    text: &str,
    tokens: &[Token],
    sentences: Vec<Sentence>,
) -> (Vec<Sentence>, Vec<Range<usize>>) {
    let mut out = Vec::with_capacity(sentences.len());
    let mut datelines = Vec::new();
    for s in sentences {
        let mut begin = s.tokens.start;
        let mut k = s.tokens.start;
        while k < s.tokens.end {
            let line_start = k == s.tokens.start
                || text[tokens[k - 1].span.end..tokens[k].span.start].contains('\n');
            let found = if line_start {
                crate::dateline::at(tokens, k).filter(|r| r.end <= s.tokens.end)
            } else {
                None
            };
            match found {
                Some(r) => {
                    push_sentence(&mut out, tokens, begin, r.start);
                    push_sentence(&mut out, tokens, r.start, r.end);
                    begin = r.end;
                    k = r.end;
                    datelines.push(r);
                }
                None => k += 1,
            }
        }
        push_sentence(&mut out, tokens, begin, s.tokens.end);
    }
    (out, datelines)
}

/// A single line break ends a sentence after a line that already looks
/// complete: the line ends with a closing quote, or the next line starts a
/// quotation, so hard-wrapped prose stays joined. A line that starts with
/// a bullet ("* Carrefour gained ...", "• ...") is a list item of its own;
/// a hyphen counts as a bullet only after a complete sentence, since a
/// wrapped line may start with a dash.
fn line_break_ends_sentence(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let next = &tokens[i + 1];
    let terminal = matches!(t.norm.as_str(), "." | "!" | "?");
    (is_closing(&t.norm) && i > 0 && is_terminal(&tokens[i - 1].norm))
        || (next.norm == "\"" && terminal)
        || matches!(next.norm.as_str(), "*" | "\u{2022}" | "\u{00B7}")
        || (next.norm == "-" && terminal)
}

/// Whether the quote-like token at `k` closes a quotation rather than opening one.
fn closes_quote(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let surface = &text[t.span.start..t.span.end];
    match surface {
        "\u{201C}" | "\u{2018}" | "(" | "[" => false,
        "\u{201D}" | "\u{2019}" | ")" | "]" => true,
        // A straight quote closes when it touches the previous token.
        _ => k > 0 && tokens[k - 1].span.end == t.span.start,
    }
}

fn starts_sentence(t: &Token) -> bool {
    let c = t.norm.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '-')
}

/// Longest sentence the later stages see, in tokens. Real news sentences
/// stay far below it; a list, a table or text without punctuation is cut
/// into pieces so that every sentence-local step (parse, roles, speech)
/// stays linear in the length of the document.
pub const MAX_SENTENCE_TOKENS: usize = 150;

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], mut begin: usize, end: usize) {
    if begin >= end {
        return;
    }
    while end - begin > MAX_SENTENCE_TOKENS {
        // cut after the last clause mark of the window, else at the limit
        let limit = begin + MAX_SENTENCE_TOKENS;
        let cut = (begin + MAX_SENTENCE_TOKENS / 2..limit)
            .rev()
            .find(|&k| matches!(tokens[k].norm.as_str(), ";" | "," | ":"))
            .map_or(limit, |k| k + 1);
        out.push(Sentence {
            span: Span::new(tokens[begin].span.start, tokens[cut - 1].span.end),
            tokens: begin..cut,
        });
        begin = cut;
    }
    out.push(Sentence {
        span: Span::new(tokens[begin].span.start, tokens[end - 1].span.end),
        tokens: begin..end,
    });
}

/// Quotations of an analysed document: token ranges of their content (the
/// quote marks excluded), in text order. Curly quotes tell opening from
/// closing; straight double quotes alternate.
pub fn quotes_in(analysis: &Analysis) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in analysis.tokens.iter().enumerate() {
        if t.norm != "\"" {
            continue;
        }
        let closes = match t.curly {
            Some(true) => false,
            Some(false) => true,
            None => open.is_some(),
        };
        if closes {
            if let Some(o) = open.take() {
                out.push(o + 1..i);
            }
        } else {
            open = Some(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_word_name_is_parsed_as_a_proper_noun() {
        let mut a = analyze("Hamas agreed to the proposal.");
        tag(&mut a);
        // the tagger reads the unknown name as a verb
        assert!(a.tokens[0].tag().starts_with("VB"), "{}", a.tokens[0].tag());
        let names = [Range { start: 0, end: 1 }];
        parse(&mut a, &[true], &names);
        assert_eq!(a.tokens[0].dep, "nsubj");
        assert_eq!(a.tokens[0].head, Some(1));
    }

    #[test]
    fn a_verbless_sentence_gets_its_verb_after_the_subject() {
        let mut a = analyze("The KDP appeals to Iraq to free the prisoners.");
        tag(&mut a);
        parse(&mut a, &[true], &[]);
        assert_eq!(a.tokens[2].tag(), "VBZ");
        assert_eq!(a.tokens[2].head, None, "appeals is the root");
        // a noun phrase that opens with a common word stays one
        let mut a = analyze("Trade talks between Chile and Peru on Monday.");
        tag(&mut a);
        let before = a.tokens[1].tag();
        parse(&mut a, &[true], &[]);
        assert_eq!(a.tokens[1].tag(), before);
    }

    #[test]
    fn a_word_in_s_after_a_determiner_and_adjectives_is_a_plural_noun() {
        let text = "Envoys praised ties between Tehran and the Iranian Kurdish oppositions\".";
        let mut a = analyze(text);
        let words: Vec<&str> = a.tokens.iter().map(|t| t.norm.as_str()).collect();
        let raw = crate::ner::PosTagger::builtin().tag(&words);
        let at = a
            .tokens
            .iter()
            .position(|t| t.norm == "oppositions")
            .unwrap();
        // the tagger alone reads it as a verb
        assert_eq!(raw[at].as_str(), "VBZ");
        tag(&mut a);
        assert_eq!(a.tokens[at].tag(), "NNS");
        // a name before the word leaves it a verb
        let mut a = analyze("In Moscow, the Kremlin says.");
        tag(&mut a);
        let at = a.tokens.iter().position(|t| t.norm == "says").unwrap();
        assert_eq!(a.tokens[at].tag(), "VBZ");
    }

    #[test]
    fn a_capitalised_verb_form_after_a_name_is_part_of_it() {
        let mut a = analyze("On Monday Omar Said urged Lebanon to release the prisoners.");
        tag(&mut a);
        let at = a.tokens.iter().position(|t| t.norm == "Said").unwrap();
        assert_eq!(a.tokens[at].tag(), "NNP");
        // a headline capitalises every word: left to the tagger
        let mut a = analyze("Hamas Leader Said Ready To Talk");
        let words: Vec<&str> = a.tokens.iter().map(|t| t.norm.as_str()).collect();
        let raw = crate::ner::PosTagger::builtin().tag(&words);
        tag(&mut a);
        assert_eq!(a.tokens[2].tag(), raw[2].as_str());
    }

    #[test]
    fn a_second_name_is_coordinated_with_the_first_across_its_apposition() {
        let text =
            "Chile followed contacts with Ana Reyes, head of the Andean Union, and Pablo Vega.";
        let mut a = analyze(text);
        tag(&mut a);
        parse(&mut a, &[true], &[]);
        let at = |w: &str| a.tokens.iter().position(|t| t.norm == w).unwrap();
        assert_eq!(a.tokens[at("Vega")].dep, "conj");
        assert_eq!(a.tokens[at("Vega")].head, Some(at("Reyes")));
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| text[t.span.start..t.span.end].to_string())
            .collect()
    }

    fn sents(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.sentences
            .iter()
            .map(|s| text[s.span.start..s.span.end].to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_clitics() {
        assert_eq!(
            words("The U.S. envoy met Mr. Lavrov's aide."),
            [
                "The", "U.S.", "envoy", "met", "Mr.", "Lavrov", "'s", "aide", "."
            ]
        );
        assert_eq!(
            words("Kyiv’s army didn't move"),
            ["Kyiv", "’s", "army", "did", "n't", "move"]
        );
        assert_eq!(
            words("face-to-face talks on 1,200.5 tonnes"),
            ["face-to-face", "talks", "on", "1,200.5", "tonnes"]
        );
        assert_eq!(
            words("O'Brien and J. Smith"),
            ["O'Brien", "and", "J.", "Smith"]
        );
    }

    #[test]
    fn folding_straightens_quotes_and_drops_accents() {
        let t = tokenize("“Erdoğan’s”");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["\"", "Erdogan", "'s", "\""]);
    }

    #[test]
    fn a_double_hyphen_is_one_dash() {
        let t = tokenize("its unit -- which runs stores --- to Aldi - now");
        let words: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            [
                "its", "unit", "--", "which", "runs", "stores", "---", "to", "Aldi", "-", "now"
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Zelenskyy – “no” to São Tomé.";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sents("Gen. Ivan Kurov met Sen. Ada Low in St. Petersburg on Jan. 5. They talked."),
            [
                "Gen. Ivan Kurov met Sen. Ada Low in St. Petersburg on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn sentences_end_after_closing_quotes() {
        assert_eq!(
            sents("“We will not yield,” the minister said. “Never!” Then he left."),
            [
                "“We will not yield,” the minister said.",
                "“Never!”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence() {
        assert_eq!(
            sents("Talks moved to the U.S. The envoy agreed."),
            ["Talks moved to the U.S.", "The envoy agreed."]
        );
        assert_eq!(sents("The U.S. Army said so."), ["The U.S. Army said so."]);
    }

    #[test]
    fn bulleted_lines_are_sentences_of_their_own() {
        let s = sents(
            "Shares fell.\n* Acme gained 2 percent after Bolt Inc sold its unit\n* Zeta lost 1 percent.\n- Omega rose.",
        );
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[1].starts_with('*') && s[1].ends_with("unit"), "{s:?}");
        // a wrapped line may start with a dash inside a sentence
        assert_eq!(
            sents("He said the plan\n- a bold one - would work.").len(),
            1
        );
    }

    #[test]
    fn blank_lines_split_paragraphs() {
        assert_eq!(
            sents("Headline without stop\n\nBody starts here."),
            ["Headline without stop", "Body starts here."]
        );
    }

    #[test]
    fn datelines_are_sentences_of_their_own() {
        let text = "Cabinet quits . Anna Kowal WARSAW 2001-03-14 The premier resigned on Monday .";
        assert_eq!(
            sents(text),
            [
                "Cabinet quits .",
                "Anna Kowal WARSAW 2001-03-14",
                "The premier resigned on Monday ."
            ]
        );
        let a = analyze(text);
        assert_eq!(a.datelines.len(), 1);
        assert_eq!(a.datelines[0], 3..7);
        // a dateline on its own line after a headline without a stop
        assert_eq!(
            sents("Cabinet quits\nWARSAW (Reuters) - The premier resigned."),
            [
                "Cabinet quits",
                "WARSAW (Reuters) -",
                "The premier resigned."
            ]
        );
        // a name inside a sentence is no byline
        assert!(
            analyze("Aid reached Anna Kowal WARSAW 2001-03-14 too.")
                .datelines
                .is_empty()
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_clause_marks() {
        let text = "Chile, Peru".repeat(400);
        let a = analyze(&text);
        assert!(a.sentences.len() > 1);
        let mut next = 0;
        for s in &a.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            assert_eq!(s.tokens.start, next, "pieces cover every token once");
            next = s.tokens.end;
            // cut after a comma, not inside a name
            assert!(s.tokens.end == a.tokens.len() || a.tokens[s.tokens.end - 1].norm == ",");
        }
        assert_eq!(next, a.tokens.len());
    }
}
