//! Gazetteer of entity phrases seen in the training data.
//!
//! Keys are hashes of normalised token sequences (see [`phrase_key`]).
//! A value holds one bit per entity type the phrase was annotated with,
//! plus [`GAZ_PREFIX`] when a longer phrase starts with it, so matching
//! stops as soon as a token sequence is no known phrase or prefix.

use super::features::{Tok, f2, unpad};
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
}
