//! Feature templates of the parser (Zhang & Nivre 2011, plus suffixes,
//! shapes and neighbouring tags).
//!
//! A configuration yields exactly [`N_FEATS`] hashed features, written
//! into a fixed array: nothing is allocated while parsing. Word-level
//! pieces (lower-cased form with digits folded, suffix, shape) come from
//! the taggers' [`Tok`] hashes, computed once per word.

use crate::ner::features::{Tok, f1, f2, f3};

use super::system::{NONE, State};

/// Version of the parser's features, written into its model file.
pub(crate) const FEATURE_VERSION: u32 = 2;

/// Number of features of one configuration.
pub(crate) const N_FEATS: usize = 98;

/// POS id of the root node.
const POS_ROOT: u8 = 250;
/// POS id of a missing node.
const POS_NONE: u8 = 251;
/// Label id of a missing node.
const LABEL_NONE: u8 = 253;

/// Token hashes and POS ids of a sentence of `n` words, followed by the
/// root (index `n`) and a "missing node" (index `n + 1`).
#[derive(Default, Debug)]
pub(crate) struct Sent {
    pub toks: Vec<Tok>,
    pub pos: Vec<u8>,
}

impl Sent {
    /// Fills the arrays for `words` with POS ids `pos` (same length).
    pub(crate) fn prepare(&mut self, words: &[&str], pos: impl Iterator<Item = u8>) {
        self.toks.clear();
        self.toks.extend(words.iter().map(|w| Tok::new(w)));
        self.toks.push(Tok::end());
        self.toks.push(Tok::start());
        self.pos.clear();
        self.pos.extend(pos.take(words.len()));
        self.pos.resize(words.len(), POS_NONE);
        self.pos.push(POS_ROOT);
        self.pos.push(POS_NONE);
    }
}

/// Packs up to four small ids into one value.
#[inline]
fn pack(a: u8, b: u8, c: u8, d: u8) -> u64 {
    u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16 | u64::from(d) << 24
}

/// Writes the features of configuration `st` of sentence `x` into `out`.
#[inline]
pub(crate) fn extract(st: &State, x: &Sent, out: &mut [u64; N_FEATS]) {
    let n = st.n;
    let none = n + 1;
    let ix = |v: u32| if v == NONE { none } else { v as usize };
    let s0 = ix(st.s0());
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2] as usize
    } else {
        none
    };
    let b = st.b as usize;
    let n0 = b;
    let n1 = if b < n { b + 1 } else { none };
    let n2 = if b + 1 < n { b + 2 } else { none };
    let head = |i: usize| if i < n { ix(st.heads[i]) } else { none };
    // unattached words (and the root) have NO_LABEL
    let label = |i: usize| if i <= n { st.labels[i] } else { LABEL_NONE };
    let lc = |i: usize, k: usize| if i < none { ix(st.lc[i][k]) } else { none };
    let rc = |i: usize, k: usize| if i < none { ix(st.rc[i][k]) } else { none };
    let s0h = head(s0);
    let s0h2 = head(s0h);
    let (s0l, s0l2) = (lc(s0, 0), lc(s0, 1));
    let (s0r, s0r2) = (rc(s0, 0), rc(s0, 1));
    let (n0l, n0l2) = (lc(n0, 0), lc(n0, 1));

    let w = |i: usize| x.toks[i].norm;
    let p = |i: usize| x.pos[i];
    let pu = |i: usize| u64::from(x.pos[i]);

    let dist = if s0 < n { (n0 - s0).min(10) as u8 } else { 0 };
    let d = u64::from(dist);
    let (s0vl, s0vr, n0vl) = if s0 < none {
        (st.val[s0][0], st.val[s0][1], st.val[n0][0])
    } else {
        (0, 0, st.val[n0][0])
    };
    let (s0sl, s0sr, n0sl) = if s0 < none {
        (st.lset[s0][0], st.lset[s0][1], st.lset[n0][0])
    } else {
        (0, 0, st.lset[n0][0])
    };
    let s0p_n0p = pack(p(s0), p(n0), 0, 0);

    let mut k = 0;
    let mut put = |h: u64| {
        out[k] = h;
        k += 1;
    };
    // single words
    put(f2(1, w(s0), pu(s0)));
    put(f1(2, w(s0)));
    put(f1(3, pu(s0)));
    put(f2(4, w(n0), pu(n0)));
    put(f1(5, w(n0)));
    put(f1(6, pu(n0)));
    put(f2(7, w(n1), pu(n1)));
    put(f1(8, w(n1)));
    put(f1(9, pu(n1)));
    put(f2(10, w(n2), pu(n2)));
    put(f1(11, w(n2)));
    put(f1(12, pu(n2)));
    // pairs
    put(f3(13, w(s0), w(n0), s0p_n0p));
    put(f3(14, w(s0), w(n0), pu(s0)));
    put(f3(15, w(s0), w(n0), pu(n0)));
    put(f2(16, w(s0), s0p_n0p));
    put(f2(17, w(n0), s0p_n0p));
    put(f2(18, w(s0), w(n0)));
    put(f1(19, s0p_n0p));
    put(f1(20, pack(p(n0), p(n1), 0, 0)));
    // three tags
    put(f1(21, pack(p(n0), p(n1), p(n2), 0)));
    put(f1(22, pack(p(s0), p(n0), p(n1), 0)));
    put(f1(23, pack(p(s0h), p(s0), p(n0), 0)));
    put(f1(24, pack(p(s0), p(s0l), p(n0), 0)));
    put(f1(25, pack(p(s0), p(s0r), p(n0), 0)));
    put(f1(26, pack(p(s0), p(n0), p(n0l), 0)));
    // distance
    put(f2(27, w(s0), d));
    put(f2(28, pu(s0), d));
    put(f2(29, w(n0), d));
    put(f2(30, pu(n0), d));
    put(f3(31, w(s0), w(n0), d));
    put(f2(32, s0p_n0p, d));
    // valency
    put(f2(33, w(s0), u64::from(s0vr)));
    put(f2(34, pu(s0), u64::from(s0vr)));
    put(f2(35, w(s0), u64::from(s0vl)));
    put(f2(36, pu(s0), u64::from(s0vl)));
    put(f2(37, w(n0), u64::from(n0vl)));
    put(f2(38, pu(n0), u64::from(n0vl)));
    // second-order unigrams
    put(f1(39, w(s0h)));
    put(f1(40, pu(s0h)));
    put(f1(41, u64::from(label(s0))));
    put(f1(42, w(s0l)));
    put(f1(43, pu(s0l)));
    put(f1(44, u64::from(label(s0l))));
    put(f1(45, w(s0r)));
    put(f1(46, pu(s0r)));
    put(f1(47, u64::from(label(s0r))));
    put(f1(48, w(n0l)));
    put(f1(49, pu(n0l)));
    put(f1(50, u64::from(label(n0l))));
    // third-order
    put(f1(51, w(s0h2)));
    put(f1(52, pu(s0h2)));
    put(f1(53, u64::from(label(s0h))));
    put(f1(54, w(s0l2)));
    put(f1(55, pu(s0l2)));
    put(f1(56, u64::from(label(s0l2))));
    put(f1(57, w(s0r2)));
    put(f1(58, pu(s0r2)));
    put(f1(59, u64::from(label(s0r2))));
    put(f1(60, w(n0l2)));
    put(f1(61, pu(n0l2)));
    put(f1(62, u64::from(label(n0l2))));
    put(f1(63, pack(p(s0), p(s0l), p(s0l2), 0)));
    put(f1(64, pack(p(s0), p(s0r), p(s0r2), 0)));
    put(f1(65, pack(p(s0), p(s0h), p(s0h2), 0)));
    put(f1(66, pack(p(n0), p(n0l), p(n0l2), 0)));
    // label sets
    put(f2(67, w(s0), s0sr));
    put(f2(68, pu(s0), s0sr));
    put(f2(69, w(s0), s0sl));
    put(f2(70, pu(s0), s0sl));
    put(f2(71, w(n0), n0sl));
    put(f2(72, pu(n0), n0sl));
    // suffixes, shapes, the second stack word, neighbouring tags
    put(f2(73, x.toks[n0].suffix[2], pu(n0)));
    put(f2(74, x.toks[s0].suffix[2], pu(s0)));
    put(f2(75, x.toks[n1].suffix[2], pu(n1)));
    put(f1(76, pack(p(s1), p(s0), p(n0), 0)));
    put(f2(77, w(s1), pu(s1)));
    put(f2(78, x.toks[n0].short_shape, pu(n0)));
    let n0_prev = if n0 > 0 && n0 <= n { n0 - 1 } else { none };
    let s0_next = if s0 < n { s0 + 1 } else { none };
    put(f1(79, pack(p(n0_prev), p(n0), p(s0), 0)));
    put(f1(80, pack(p(s0), p(s0_next), p(n0), 0)));
    put(f1(
        81,
        pack(p(s0), p(n0), dist, (st.stack.len().min(3)) as u8),
    ));
    put(f1(82, pack(p(s1), p(s0), label(s0), p(n0))));
    // context of the two focus words, wider lookahead, words with labels
    let n3 = if b + 2 < n { b + 3 } else { none };
    let s0_prev = if s0 > 0 && s0 < n { s0 - 1 } else { none };
    let n0_next = if n0 + 1 < n { n0 + 1 } else { none };
    put(f2(83, w(n0), w(n1)));
    put(f3(84, w(n0), w(n1), pack(p(n0), p(n1), 0, 0)));
    put(f2(85, w(s0), pack(p(n0), p(n1), 0, 0)));
    put(f2(86, w(n0), pack(p(s0), p(n1), 0, 0)));
    put(f1(87, pack(p(n1), p(n2), p(n3), 0)));
    put(f2(88, w(s0), pack(p(s0_prev), p(s0_next), 0, 0)));
    put(f1(89, pack(p(s0_prev), p(s0), p(s0_next), p(n0))));
    put(f1(90, pack(p(s0), p(n0_prev), p(n0), p(n0_next))));
    put(f2(91, w(n0), pack(p(n0_prev), p(n0_next), 0, 0)));
    put(f2(92, w(s0), pack(label(s0), p(n0), 0, 0)));
    put(f2(93, w(n0), pack(p(s0), label(s0), 0, 0)));
    put(f1(94, pack(p(s0), p(n0), label(s0l), label(s0r))));
    put(f1(95, pack(p(n0), label(n0l), p(s0), dist)));
    put(f2(96, w(s0r), w(n0)));
    put(f1(97, pack(p(s1), p(s0), p(n0), p(n1))));
    put(f2(98, w(s1), pack(p(s0), p(n0), 0, 0)));
    debug_assert_eq!(k, N_FEATS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_distinct_and_complete() {
        let mut x = Sent::default();
        x.prepare(
            &["Qatar", "denied", "it", "."],
            [13u8, 27, 17, 38].into_iter(),
        );
        let mut st = State::default();
        st.reset(4, 45, 0);
        st.apply(super::super::system::SHIFT);
        let mut out = [0u64; N_FEATS];
        extract(&st, &x, &mut out);
        let mut v = out.to_vec();
        v.sort_unstable();
        v.dedup();
        // a few templates may coincide only if their inputs do; most differ
        assert!(v.len() > N_FEATS - 5, "{} distinct", v.len());
        assert!(out.iter().all(|&h| h != 0));
    }
}
