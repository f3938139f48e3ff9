//! Feature extraction shared by the POS and NER taggers.
//!
//! Every feature is a 64-bit hash. Token-level pieces (normalised word,
//! shapes, prefixes, suffixes) are hashed once per token into a [`Tok`];
//! the per-position features of a tagger are then cheap combinations of
//! those hashes with a template id, so no strings are built while tagging.

/// Version of the feature definitions. It is written into every model file
/// and checked on load, so a model trained with other features is refused.
pub(crate) const FEATURE_VERSION: u32 = 5;

/// Final avalanche step of a 64-bit hash (the MurmurHash3 finaliser).
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// Feature hash of a template id and one value.
#[inline]
pub(crate) fn f1(template: u64, a: u64) -> u64 {
    mix(a ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Feature hash of a template id and two values.
#[inline]
pub(crate) fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a) ^ b.wrapping_mul(0xd6e8_feb8_6659_fd93))
}

/// Feature hash of a template id and three values.
#[inline]
pub(crate) fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(template, a, b) ^ c.wrapping_mul(0xa076_1d64_78bd_642f))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Streaming FNV-1a over the UTF-8 bytes of chars.
#[derive(Clone, Copy)]
struct StrHash(u64);

impl StrHash {
    #[inline]
    fn new() -> Self {
        StrHash(FNV_OFFSET)
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    #[inline]
    fn char(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c as u8);
        } else {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
        }
    }
    #[inline]
    fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// Typographic quotes and dashes as their ASCII forms (as in CoNLL text),
/// so that `’s`, `“` and `–` in news prose look like `'s`, `"` and `-`.
#[inline]
fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

#[inline]
fn norm_char(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_digit() {
            '0'
        } else {
            c.to_ascii_lowercase()
        }
    } else if c.is_numeric() {
        '0'
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

#[inline]
fn shape_char(c: char) -> char {
    if c.is_ascii_uppercase() {
        'X'
    } else if c.is_ascii_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else if c.is_ascii() {
        c
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        '*'
    }
}

/// Bit flags of a token.
pub(crate) mod flag {
    /// First char is an upper-case letter.
    pub const INIT_CAP: u8 = 1;
    /// Has letters and none of them is lower case.
    pub const ALL_CAPS: u8 = 2;
    /// Has at least one letter.
    pub const HAS_LETTER: u8 = 4;
    /// Has a digit.
    pub const HAS_DIGIT: u8 = 8;
    /// Has a hyphen.
    pub const HAS_HYPHEN: u8 = 16;
    /// Has a period.
    pub const HAS_PERIOD: u8 = 32;
}

/// Hashed token-level pieces of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tok {
    /// The word exactly as written.
    pub word: u64,
    /// Lower-cased, digits replaced by `0`.
    pub norm: u64,
    /// Shape with runs capped at 4 (`Xxxx`, `dddd-dd-dd`, `X.X.`).
    pub shape: u64,
    /// Shape with runs collapsed (`Xx`, `d-d-d`, `X.X.`).
    pub short_shape: u64,
    /// Normalised prefixes of 1 and 2 chars (0 when the word is shorter).
    pub prefix: [u64; 2],
    /// Normalised suffixes of 1..=4 chars (0 when the word is shorter).
    pub suffix: [u64; 4],
    /// [`flag`] bits.
    pub flags: u8,
}

impl Tok {
    /// Computes the hashed pieces of `word`.
    pub(crate) fn new(word: &str) -> Tok {
        let mut exact = StrHash::new();
        let mut norm = StrHash::new();
        let mut shape = StrHash::new();
        let mut short = StrHash::new();
        let mut prefix = [0u64; 2];
        let mut last = ['\0'; 4];
        let mut n = 0usize;
        let mut run_char = '\0';
        let mut run_len = 0usize;
        let mut flags = 0u8;
        let mut lower = false;
        let step = |c: char| {
            let c = fold_punct(c);
            exact.char(c);
            let nc = norm_char(c);
            norm.char(nc);
            if n < 2 {
                prefix[n] = norm.finish();
            }
            last[n % 4] = nc;
            let sc = shape_char(c);
            if sc == run_char {
                run_len += 1;
            } else {
                run_char = sc;
                run_len = 1;
                short.char(sc);
            }
            if run_len <= 4 {
                shape.char(sc);
            }
            match sc {
                'X' => {
                    flags |= flag::HAS_LETTER;
                    if n == 0 {
                        flags |= flag::INIT_CAP;
                    }
                }
                'x' => {
                    flags |= flag::HAS_LETTER;
                    lower = true;
                }
                'd' => flags |= flag::HAS_DIGIT,
                '-' => flags |= flag::HAS_HYPHEN,
                '.' => flags |= flag::HAS_PERIOD,
                _ => {}
            }
            n += 1;
        };
        word.chars().for_each(step);
        if flags & flag::HAS_LETTER != 0 && !lower {
            flags |= flag::ALL_CAPS;
        }
        let mut suffix = [0u64; 4];
        for (k, slot) in suffix.iter_mut().enumerate() {
            if k < n {
                let mut h = StrHash::new();
                // chars n-1-k ..= n-1, oldest first
                for j in (0..=k).rev() {
                    h.char(last[(n - 1 - j) % 4]);
                }
                *slot = h.finish();
            }
        }
        Tok {
            word: exact.finish(),
            norm: norm.finish(),
            shape: shape.finish(),
            short_shape: short.finish(),
            prefix,
            suffix,
            flags,
        }
    }

    /// Pseudo-token used for positions before the sentence start.
    pub(crate) fn start() -> Tok {
        Tok::marker(0x5354_4152_545f_5f5f)
    }

    /// Pseudo-token used for positions after the sentence end.
    pub(crate) fn end() -> Tok {
        Tok::marker(0x454e_445f_5f5f_5f5f)
    }

    fn marker(v: u64) -> Tok {
        let h = mix(v);
        Tok {
            word: h,
            norm: h,
            shape: h,
            short_shape: h,
            prefix: [h; 2],
            suffix: [h; 4],
            flags: 0,
        }
    }
}

/// True when most words of a sentence are written in capitals (a headline).
pub(crate) fn caps_sentence(toks: &[Tok]) -> bool {
    let mut letters = 0usize;
    let mut caps = 0usize;
    for t in toks {
        if t.flags & flag::HAS_LETTER != 0 {
            letters += 1;
            if t.flags & flag::ALL_CAPS != 0 {
                caps += 1;
            }
        }
    }
    letters > 0 && caps * 10 >= letters * 7
}

/// Token hashes of a sentence padded with three start and three end markers,
/// so that position `i` of the sentence is `padded[i + 3]`.
pub(crate) fn padded_toks(words: &[&str], out: &mut Vec<Tok>) {
    out.clear();
    out.reserve(words.len() + 2 * PAD);
    out.extend([Tok::start(); PAD]);
    out.extend(words.iter().map(|w| Tok::new(w)));
    out.extend([Tok::end(); PAD]);
}

/// Padding on each side of a padded sentence.
pub(crate) const PAD: usize = 3;

/// The real tokens of a padded sequence.
#[inline]
pub(crate) fn unpad<T>(padded: &[T]) -> &[T] {
    &padded[PAD..padded.len() - PAD]
}

/// Pads POS ids like [`padded_toks`] pads tokens.
pub(crate) fn padded_pos(ids: impl Iterator<Item = u8>, out: &mut Vec<u8>) {
    out.clear();
    out.extend([POS_PAD_START; PAD]);
    out.extend(ids);
    out.extend([POS_PAD_END; PAD]);
}

/// Context of one sentence as the feature templates see it.
pub(crate) struct SentCtx<'a> {
    /// Padded token hashes (see [`padded_toks`]).
    pub toks: &'a [Tok],
    /// Padded POS ids (see [`padded_pos`]), NER only.
    pub pos: &'a [u8],
    /// Gazetteer bits per token (see `gazetteer`), NER only.
    pub gaz: &'a [u32],
    /// Casing class per token (see `gazetteer::casing_class`), NER only.
    pub lex: &'a [u8],
    /// The sentence is mostly capitals.
    pub caps: bool,
}

impl SentCtx<'_> {
    /// Number of real tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len() - 2 * PAD
    }
}

/// POS id used as padding before the start / after the end of a sentence.
pub(crate) const POS_PAD_START: u8 = 254;
/// POS id used as padding after the end of a sentence.
pub(crate) const POS_PAD_END: u8 = 255;

/// Tag id used for "no previous tag" (sentence start).
pub(crate) const TAG_START: u8 = 255;

// ---------------------------------------------------------------- POS

/// Static (history-free) POS features of position `i`.
pub(crate) fn pos_static(ctx: &SentCtx, i: usize, out: &mut Vec<u64>) {
    let t = &ctx.toks;
    let p = i + PAD;
    let w = &t[p];
    let caps = u64::from(ctx.caps);
    out.push(f1(1, 0));
    out.push(f1(2, w.norm));
    out.push(f1(3, w.word));
    out.push(f2(5, w.short_shape, caps));
    for k in 0..4 {
        if w.suffix[k] != 0 {
            out.push(f1(10 + k as u64, w.suffix[k]));
        }
    }
    out.push(f1(20, w.prefix[0]));
    out.push(f1(30, t[p - 1].norm));
    out.push(f1(31, t[p + 1].norm));
    out.push(f1(36, t[p + 1].short_shape));
    out.push(f2(37, t[p - 1].norm, w.norm));
    out.push(f2(38, w.norm, t[p + 1].norm));
    out.push(f2(39, u64::from(i == 0), w.short_shape));
}

/// History POS features of position `i` given the two previous tags.
pub(crate) fn pos_dynamic(ctx: &SentCtx, i: usize, prev: u8, prev2: u8, out: &mut [u64; 4]) {
    let w = &ctx.toks[i + PAD];
    let (a, b) = (u64::from(prev), u64::from(prev2));
    out[0] = f1(50, a);
    out[1] = f2(51, a, b);
    out[2] = f2(52, a, w.norm);
    out[3] = f2(53, a, w.suffix[2]);
}

// ---------------------------------------------------------------- NER

/// Static (history-free) NER features of position `i`.
pub(crate) fn ner_static(ctx: &SentCtx, i: usize, out: &mut Vec<u64>) {
    let t = &ctx.toks;
    let p = i + PAD;
    let w = &t[p];
    let pos = ctx.pos;
    let caps = u64::from(ctx.caps);
    let first = u64::from(i == 0);
    out.push(f1(101, 0));
    out.push(f1(102, w.norm));
    out.push(f2(104, w.shape, caps));
    out.push(f2(105, w.short_shape, caps | (first << 1)));
    for k in 0..4 {
        if w.suffix[k] != 0 {
            out.push(f1(110 + k as u64, w.suffix[k]));
        }
    }
    for k in 0..2 {
        if w.prefix[k] != 0 {
            out.push(f1(114 + k as u64, w.prefix[k]));
        }
    }
    out.push(f1(120, t[p - 1].norm));
    out.push(f1(121, t[p + 1].norm));
    out.push(f1(122, t[p - 2].norm));
    out.push(f1(123, t[p + 2].norm));
    out.push(f2(124, t[p - 1].shape, caps));
    out.push(f2(125, t[p + 1].shape, caps));
    out.push(f2(126, t[p - 1].norm, w.norm));
    out.push(f2(127, w.norm, t[p + 1].norm));
    out.push(f3(
        128,
        t[p - 1].short_shape,
        w.short_shape,
        t[p + 1].short_shape,
    ));
    out.push(f2(129, t[p - 1].norm, w.short_shape));
    out.push(f2(130, w.short_shape, t[p + 1].norm));
    out.push(f1(140, u64::from(pos[p])));
    out.push(f2(141, u64::from(pos[p - 1]), u64::from(pos[p])));
    out.push(f2(142, u64::from(pos[p]), u64::from(pos[p + 1])));
    out.push(f2(143, u64::from(pos[p]), w.norm));
    let g = ctx.gaz[i];
    if g != 0 {
        out.push(f1(150, u64::from(g)));
    }
    out.push(f3(152, u64::from(ctx.lex[i]), w.short_shape, caps));
}

/// History NER features of position `i` given the two previous tags.
pub(crate) fn ner_dynamic(ctx: &SentCtx, i: usize, prev: u8, prev2: u8, out: &mut [u64; 4]) {
    let w = &ctx.toks[i + PAD];
    let (a, b) = (u64::from(prev), u64::from(prev2));
    out[0] = f2(160, a, b);
    out[1] = f2(161, a, w.norm);
    out[2] = f3(162, a, w.short_shape, u64::from(ctx.caps));
    out[3] = f2(163, a, ctx.toks[i + PAD + 1].short_shape);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(w: &str) -> u64 {
        Tok::new(w).shape
    }

    #[test]
    fn shapes_group_similar_words() {
        assert_eq!(shape_of("Peskov"), shape_of("Putins"));
        assert_ne!(shape_of("Peskov"), shape_of("PESKOV"));
        assert_eq!(shape_of("U.S."), shape_of("U.N."));
        assert_eq!(Tok::new("Kremlin").short_shape, Tok::new("Mo").short_shape);
        assert_eq!(shape_of("1996-08-22"), shape_of("2024-11-25"));
        assert_ne!(shape_of("1996-08-22"), shape_of("96-08-22"));
    }

    #[test]
    fn norm_folds_case_and_digits() {
        let a = Tok::new("CHINA");
        let b = Tok::new("China");
        assert_eq!(a.norm, b.norm);
        assert_ne!(a.word, b.word);
        assert_eq!(Tok::new("1996").norm, Tok::new("2024").norm);
        assert_eq!(a.norm, Tok::new("china").norm);
    }

    #[test]
    fn prefixes_and_suffixes() {
        let a = Tok::new("Running");
        let b = Tok::new("jumping");
        assert_eq!(a.suffix[2], b.suffix[2]); // "ing"
        assert_ne!(a.suffix[3], b.suffix[3]); // "ning" vs "ping"
        assert_eq!(a.prefix[1], Tok::new("rust").prefix[1]); // "ru"
        let short = Tok::new("to");
        assert_eq!(Tok::new("a").prefix[1], 0);
        assert_eq!(short.suffix[2], 0);
        assert_ne!(short.suffix[1], 0);
        // suffix of the whole word equals its prefix of the same length
        assert_eq!(short.suffix[1], short.prefix[1]);
        // non-ASCII words work char by char
        let e = Tok::new("Erdoğan");
        assert_eq!(e.suffix[1], Tok::new("Pagan").suffix[1]); // "an"
        assert_eq!(e.suffix[2], Tok::new("ĞAN").norm); // "ğan", case-folded
        assert!(e.flags & flag::INIT_CAP != 0);
    }

    #[test]
    fn typographic_punctuation_folds_to_ascii() {
        assert_eq!(Tok::new("\u{2019}s"), Tok::new("'s"));
        assert_eq!(Tok::new("\u{201C}"), Tok::new("\""));
        assert_eq!(Tok::new("\u{2014}"), Tok::new("-"));
        assert_eq!(Tok::new("Biden\u{2013}Harris"), Tok::new("Biden-Harris"));
    }

    #[test]
    fn flags_and_caps_sentences() {
        let t = Tok::new("NATO");
        assert!(t.flags & flag::ALL_CAPS != 0);
        assert!(Tok::new("Well-known").flags & flag::HAS_HYPHEN != 0);
        let head: Vec<Tok> = ["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."]
            .iter()
            .map(|w| Tok::new(w))
            .collect();
        assert!(caps_sentence(&head));
        let prose: Vec<Tok> = ["The", "EU", "said", "on", "Monday", "."]
            .iter()
            .map(|w| Tok::new(w))
            .collect();
        assert!(!caps_sentence(&prose));
    }

    #[test]
    fn templates_produce_distinct_hashes() {
        let mut toks = Vec::new();
        padded_toks(&["Putin", "met", "Witkoff"], &mut toks);
        let pos = [
            POS_PAD_START,
            POS_PAD_START,
            1,
            2,
            1,
            POS_PAD_END,
            POS_PAD_END,
        ];
        let gaz = [0u32; 3];
        let ctx = SentCtx {
            toks: &toks,
            pos: &pos,
            gaz: &gaz,
            lex: &[0, 1, 2],
            caps: false,
        };
        assert_eq!(ctx.len(), 3);
        let mut out = Vec::new();
        ner_static(&ctx, 1, &mut out);
        let mut sorted = out.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), out.len(), "feature hashes collide");
        out.clear();
        pos_static(&ctx, 0, &mut out);
        assert!(out.len() > 12);
    }
}
