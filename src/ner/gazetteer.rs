//! Gazetteer of entity phrases and lexicon of words seen in training.
//!
//! Both live in one hash map from `u64` keys to `u8` values (the model
//! file's gazetteer section), in separate key spaces:
//!
//! * phrases: keys are hashes of normalised token sequences (see
//!   [`phrase_key`]); a value holds one bit per entity type the phrase was
//!   annotated with, plus [`GAZ_PREFIX`] when a longer phrase starts with
//!   it, so matching stops as soon as a token sequence is no known phrase
//!   or prefix;
//! * words: keys are [`word_key`]s of normalised words; a value is how the
//!   word is usually written inside mixed-case sentences ([`casing_class`]).
//!   That tells names from common words where the text itself does not:
//!   in headlines in capitals and at sentence starts. Trained with
//!   fold-wise lexicons, the tagger also learns what "never seen in mixed
//!   case" (class 0, most new names) implies.

use super::features::{Tok, f1, f2, flag, unpad};
use super::model::{GAZ_PREFIX, IdMap};

/// Longest phrase, in tokens, that is stored or matched.
pub(crate) const MAX_PHRASE: usize = 8;

/// Hash of a phrase extended by one token (`prev` = 0 for the empty phrase).
#[inline]
pub(crate) fn phrase_key(prev: u64, norm: u64) -> u64 {
    f2(900, prev, norm)
}

/// Adds a phrase (normalised token hashes) annotated with type `kind` (0..4).
pub(crate) fn add_phrase(gaz: &mut IdMap<u8>, norms: &[u64], kind: u8) {
    if norms.is_empty() || norms.len() > MAX_PHRASE {
        return;
    }
    let mut key = 0u64;
    for (i, &n) in norms.iter().enumerate() {
        key = phrase_key(key, n);
        let v = gaz.entry(key).or_insert(0);
        if i + 1 == norms.len() {
            *v |= 1 << kind;
        } else {
            *v |= GAZ_PREFIX;
        }
    }
}

/// Gazetteer bits of each token of a padded sentence (see
/// `features::padded_toks`); `out[i]` belongs to sentence token `i`.
///
/// Bit `4 * type + p` is set when the token is at position `p` (0 = first,
/// 1 = inside, 2 = last, 3 = single-token phrase) of a matched phrase of
/// that type. All matches are marked, overlapping ones too.
pub(crate) fn match_bits(gaz: &IdMap<u8>, padded: &[Tok], out: &mut Vec<u32>) {
    let toks = unpad(padded);
    out.clear();
    out.resize(toks.len(), 0);
    if gaz.is_empty() {
        return;
    }
    for s in 0..toks.len() {
        let mut key = 0u64;
        for e in s..toks.len().min(s + MAX_PHRASE) {
            key = phrase_key(key, toks[e].norm);
            let Some(&v) = gaz.get(&key) else { break };
            let types = v & 0x0f;
            if types != 0 {
                for t in 0..4u32 {
                    if types & (1 << t) == 0 {
                        continue;
                    }
                    if s == e {
                        out[s] |= 1 << (4 * t + 3);
                    } else {
                        out[s] |= 1 << (4 * t);
                        for x in &mut out[s + 1..e] {
                            *x |= 1 << (4 * t + 1);
                        }
                        out[e] |= 1 << (4 * t + 2);
                    }
                }
            }
            if v & GAZ_PREFIX == 0 {
                break;
            }
        }
    }
}

/// Key of a word (normalised hash) in the lexicon key space.
#[inline]
pub(crate) fn word_key(norm: u64) -> u64 {
    f1(901, norm)
}

/// Occurrence counts of a word's lower-case, capitalised and all-capitals
/// forms at non-initial positions of mixed-case sentences.
pub(crate) type WordCounts = [u32; 3];

/// Adds the words of a padded sentence to `counts`.
pub(crate) fn count_words(counts: &mut IdMap<WordCounts>, padded: &[Tok], caps_sentence: bool) {
    if caps_sentence {
        return;
    }
    for t in unpad(padded).iter().skip(1) {
        if t.flags & flag::HAS_LETTER == 0 {
            continue;
        }
        let c = counts.entry(t.norm).or_insert([0; 3]);
        if t.flags & flag::ALL_CAPS != 0 {
            c[2] += 1;
        } else if t.flags & flag::INIT_CAP != 0 {
            c[1] += 1;
        } else {
            c[0] += 1;
        }
    }
}

/// Casing class of counted forms: 0 never seen (not stored), 1 mostly
/// (4 in 5) lower case, 2 mostly capitalised, 3 mostly capitals, 4 mixed.
pub(crate) fn casing_class(c: &WordCounts) -> u8 {
    let seen = c[0] + c[1] + c[2];
    if seen == 0 {
        return 0;
    }
    match (0..3).find(|&k| c[k] * 5 >= seen * 4) {
        Some(k) => k as u8 + 1,
        None => 4,
    }
}

/// Lexicon entries `(word_key, casing class)` of counted words.
pub(crate) fn lexicon_entries(counts: &IdMap<WordCounts>) -> impl Iterator<Item = (u64, u8)> + '_ {
    counts
        .iter()
        .map(|(&norm, c)| (word_key(norm), casing_class(c)))
        .filter(|&(_, class)| class != 0)
}

/// Casing class (0 = unknown) of each real token of a padded sentence.
pub(crate) fn word_bits(map: &IdMap<u8>, padded: &[Tok], out: &mut Vec<u8>) {
    out.clear();
    out.extend(
        unpad(padded)
            .iter()
            .map(|t| map.get(&word_key(t.norm)).copied().unwrap_or(0)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::padded_toks;

    fn norms(ws: &[&str]) -> Vec<u64> {
        ws.iter().map(|w| Tok::new(w).norm).collect()
    }

    #[test]
    fn matches_phrases_case_insensitively() {
        let mut gaz = IdMap::default();
        add_phrase(&mut gaz, &norms(&["New", "York"]), 2);
        add_phrase(&mut gaz, &norms(&["New", "York", "Times"]), 1);
        add_phrase(&mut gaz, &norms(&["York"]), 0);
        let mut toks = Vec::new();
        padded_toks(&["the", "NEW", "YORK", "Times", "said"], &mut toks);
        let mut bits = Vec::new();
        match_bits(&gaz, &toks, &mut bits);
        assert_eq!(bits[0], 0);
        // "new": first of LOC and of ORG
        assert_eq!(bits[1], (1 << 8) | (1 << 4));
        // "york": last of LOC, inside ORG, single-token PER
        assert_eq!(bits[2], (1 << 10) | (1 << 5) | (1 << 3));
        // "times": last of ORG
        assert_eq!(bits[3], 1 << 6);
        assert_eq!(bits[4], 0);
    }

    #[test]
    fn lexicon_counts_frequency_and_casing() {
        let mut counts = IdMap::default();
        for s in [
            &["The", "man", "met", "Smith", "."][..],
            &["Then", "Smith", "left", "the", "room", "."][..],
            &["SMITH", "WINS", "AGAIN"][..],
        ] {
            let mut toks = Vec::new();
            padded_toks(s, &mut toks);
            let caps = crate::ner::features::caps_sentence(unpad(&toks));
            count_words(&mut counts, &toks, caps);
        }
        let map: IdMap<u8> = lexicon_entries(&counts).collect();
        let mut toks = Vec::new();
        padded_toks(&["smith", "the", "wins", "unseen"], &mut toks);
        let mut v = Vec::new();
        word_bits(&map, &toks, &mut v);
        assert_eq!(v[0], 2, "capitalised (the headline is ignored)");
        assert_eq!(v[1], 1, "lower case (sentence starts are ignored)");
        assert_eq!(v[2], 0, "only seen in a headline");
        assert_eq!(v[3], 0, "never seen");
    }
}
