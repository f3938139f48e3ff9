//! The arc-eager transition system (with the root at the end of the
//! buffer) and its dynamic oracle.
//!
//! Words are numbered `0..n`; the artificial root is `n` and sits at the
//! end of the buffer, so it is never pushed on the stack and every word
//! left headless on the stack gets the root as its head by a left arc
//! (Ballesteros & Nivre 2013). Transitions, as class ids of the model:
//!
//! * `SHIFT` (0): push the buffer front `b` (not the root);
//! * `REDUCE` (1): pop the stack top `s` (it must have a head);
//! * `LEFT(l)` (`2 + l`): `b -l-> s`, pop `s` (`s` must be headless; with
//!   the root as `b` only the root label, and only then);
//! * `RIGHT(l)` (`2 + L + l`): `s -l-> b`, push `b` (`b` not the root).
//!
//! The oracle gives the cost of a transition: how many gold arcs that are
//! still reachable it makes unreachable (Goldberg & Nivre 2012); any
//! zero-cost sequence from the start builds the gold tree of a projective
//! sentence.

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;

/// Class id of SHIFT.
pub(crate) const SHIFT: u8 = 0;
/// Class id of REDUCE.
pub(crate) const REDUCE: u8 = 1;

/// Class id of a left arc with label `l`.
#[inline]
pub(crate) fn left(l: u8) -> u8 {
    2 + l
}

/// Class id of a right arc with label `l`, given `nl` labels.
#[inline]
pub(crate) fn right(l: u8, nl: usize) -> u8 {
    2 + nl as u8 + l
}

/// Number of classes for `nl` labels.
pub(crate) fn n_classes(nl: usize) -> usize {
    2 + 2 * nl
}

/// A parser configuration and the partial tree built so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct State {
    /// Number of words (the root is node `n`).
    pub n: usize,
    /// Stack, top last.
    pub stack: Vec<u32>,
    /// Buffer front (`n` once only the root is left).
    pub b: u32,
    /// Head of each word and of the root (`NONE` while unattached).
    pub heads: Vec<u32>,
    /// Label id of each node's arc (`NO_LABEL` while unattached).
    pub labels: Vec<u8>,
    /// Leftmost and second leftmost child of each node.
    pub lc: Vec<[u32; 2]>,
    /// Rightmost and second rightmost child of each node.
    pub rc: Vec<[u32; 2]>,
    /// Number of left and right children of each node.
    pub val: Vec<[u8; 2]>,
    /// Sets (bit per label id) of the labels of left / right children.
    pub lset: Vec<[u64; 2]>,
    /// Whether each node is on the stack.
    pub on_stack: Vec<bool>,
    /// Index of the root label (only left arcs to the root carry it).
    pub root_label: u8,
    /// Number of labels.
    pub nl: usize,
}

/// Label id of a node without a head.
pub(crate) const NO_LABEL: u8 = 254;

impl State {
    /// Resets to the start configuration of a sentence of `n` words.
    pub(crate) fn reset(&mut self, n: usize, nl: usize, root_label: u8) {
        assert!(nl <= 64, "label sets are 64-bit masks");
        self.n = n;
        self.nl = nl;
        self.root_label = root_label;
        self.stack.clear();
        self.b = 0;
        let m = n + 1;
        self.heads.clear();
        self.heads.resize(m, NONE);
        self.labels.clear();
        self.labels.resize(m, NO_LABEL);
        self.lc.clear();
        self.lc.resize(m, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(m, [NONE; 2]);
        self.val.clear();
        self.val.resize(m, [0; 2]);
        self.lset.clear();
        self.lset.resize(m, [0; 2]);
        self.on_stack.clear();
        self.on_stack.resize(m, false);
    }

    /// True when the sentence is parsed.
    #[inline]
    pub(crate) fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b as usize == self.n
    }

    /// Stack top.
    #[inline]
    pub(crate) fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// Whether class `c` can be applied.
    #[inline]
    pub(crate) fn valid(&self, c: u8) -> bool {
        let s = self.s0();
        let at_root = self.b as usize == self.n;
        match c {
            SHIFT => !at_root,
            REDUCE => s != NONE && self.heads[s as usize] != NONE,
            _ => {
                if s == NONE || (c as usize) >= n_classes(self.nl) {
                    return false;
                }
                let l = (c - 2) as usize;
                if l < self.nl {
                    self.heads[s as usize] == NONE && (at_root == (l as u8 == self.root_label))
                } else {
                    !at_root && (l - self.nl) as u8 != self.root_label
                }
            }
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hi, di) = (h as usize, d as usize);
        self.heads[di] = h;
        self.labels[di] = l;
        let side = usize::from(d > h);
        let bit = 1u64 << l;
        self.lset[hi][side] |= bit;
        self.val[hi][side] = self.val[hi][side].saturating_add(1);
        let slot = if side == 0 {
            &mut self.lc[hi]
        } else {
            &mut self.rc[hi]
        };
        // outermost first: smallest index on the left, largest on the right
        let outer = |a: u32, b: u32| if side == 0 { a < b } else { a > b };
        if slot[0] == NONE || outer(d, slot[0]) {
            slot[1] = slot[0];
            slot[0] = d;
        } else if slot[1] == NONE || outer(d, slot[1]) {
            slot[1] = d;
        }
    }

    /// Applies class `c` (which must be valid).
    pub(crate) fn apply(&mut self, c: u8) {
        debug_assert!(self.valid(c), "invalid transition {c}");
        let b = self.b;
        match c {
            SHIFT => {
                self.stack.push(b);
                self.on_stack[b as usize] = true;
                self.b += 1;
            }
            REDUCE => {
                // only valid moves are applied: the stack is never empty here
                if let Some(s) = self.stack.pop() {
                    self.on_stack[s as usize] = false;
                }
            }
            _ => {
                let l = (c - 2) as usize;
                if l < self.nl {
                    if let Some(s) = self.stack.pop() {
                        self.on_stack[s as usize] = false;
                        self.add_arc(b, s, l as u8);
                    }
                } else {
                    let s = self.s0();
                    self.add_arc(s, b, (l - self.nl) as u8);
                    self.stack.push(b);
                    self.on_stack[b as usize] = true;
                    self.b += 1;
                }
            }
        }
    }

    /// Unlabelled costs `[SHIFT, REDUCE, LEFT, RIGHT]` against the gold
    /// heads `gh` (root = `n`); entries of invalid transitions are
    /// meaningless. The label of an arc costs one more when it is a gold
    /// arc with another label (see [`State::costs`]).
    fn arc_costs(&self, gh: &[u32]) -> [u32; 4] {
        let n = self.n as u32;
        let b = self.b;
        let s = self.s0();
        // words in the buffer are b..n (the root n has no head)
        let buffer_deps = |x: u32| (b..n).filter(|&d| gh[d as usize] == x).count() as u32;
        let headless_stack_deps_of = |x: u32| {
            self.stack
                .iter()
                .filter(|&&k| gh[k as usize] == x && self.heads[k as usize] == NONE)
                .count() as u32
        };
        let mut c = [0u32; 4];
        if b < n {
            let hb = gh[b as usize];
            let head_on_stack = hb != NONE && hb < b && self.on_stack[hb as usize];
            // SHIFT: b can no longer take a head from the stack nor take a
            // headless stack word as dependent.
            c[0] = u32::from(head_on_stack) + headless_stack_deps_of(b);
            // RIGHT: b gets head s, so its gold head elsewhere is lost, and
            // so are its headless dependents on the stack (s included).
            if s != NONE {
                c[3] = u32::from(hb != s && (hb > b || head_on_stack)) + headless_stack_deps_of(b);
            }
        }
        if s != NONE {
            let deps = buffer_deps(s);
            // REDUCE: dependents of s in the buffer are lost.
            c[1] = deps;
            // LEFT: also the gold head of s if it is in the buffer but not b.
            let hs = gh[s as usize];
            c[2] = deps + u32::from(hs > b);
        }
        c
    }

    /// Cost of every class (`u32::MAX` for invalid ones) against gold
    /// heads `gh` (root = `n`) and labels `gl`.
    pub(crate) fn costs(&self, gh: &[u32], gl: &[u8], out: &mut Vec<u32>) {
        let nl = self.nl;
        out.clear();
        out.resize(n_classes(nl), u32::MAX);
        let c = self.arc_costs(gh);
        let s = self.s0();
        let b = self.b;
        for (class, cost) in out.iter_mut().enumerate() {
            let class = class as u8;
            if !self.valid(class) {
                continue;
            }
            *cost = match class {
                SHIFT => c[0],
                REDUCE => c[1],
                _ => {
                    let l = (class - 2) as usize;
                    if l < nl {
                        let wrong = gh[s as usize] == b && gl[s as usize] as usize != l;
                        c[2] + u32::from(wrong)
                    } else {
                        let wrong = gh[b as usize] == s && gl[b as usize] as usize != l - nl;
                        c[3] + u32::from(wrong)
                    }
                }
            };
        }
    }
}

/// True if no two arcs cross (heads: `NONE` or `n` for the root child).
pub(crate) fn is_projective(heads: &[u32]) -> bool {
    let n = heads.len() as u32;
    let arcs: Vec<(u32, u32)> = heads
        .iter()
        .enumerate()
        .map(|(d, &h)| {
            let h = if h == NONE { n } else { h };
            let d = d as u32;
            (h.min(d), h.max(d))
        })
        .collect();
    for &(a, b) in &arcs {
        for &(c, d) in &arcs {
            if a < c && c < b && b < d {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows zero-cost transitions (first one found) from the start.
    fn oracle_parse(gh: &[u32], gl: &[u8], nl: usize, root: u8) -> (Vec<u32>, Vec<u8>, usize) {
        let mut st = State::default();
        st.reset(gh.len(), nl, root);
        let mut costs = Vec::new();
        let mut steps = 0;
        while !st.is_final() {
            st.costs(gh, gl, &mut costs);
            let c = costs
                .iter()
                .position(|&c| c == 0)
                .expect("a zero-cost move");
            st.apply(c as u8);
            steps += 1;
        }
        (
            st.heads[..gh.len()].to_vec(),
            st.labels[..gh.len()].to_vec(),
            steps,
        )
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "Egypt accused Qatar of funding militants ." with root = node 7
        let gh = [1, 7, 1, 1, 3, 4, 1];
        let gl = [0, 5, 1, 2, 3, 1, 4];
        let (h, l, steps) = oracle_parse(&gh, &gl, 6, 5);
        assert_eq!(h, gh);
        assert_eq!(l, gl);
        // arc-eager: at most 2n transitions (n words plus one per pop)
        assert!(steps <= 2 * gh.len() + 1, "{steps}");
        // a right-branching chain, a left-branching one, multiple deps
        for gh in [
            vec![4u32, 0, 1, 2],
            vec![1, 2, 3, 4],
            vec![3, 3, 3, 5, 3],
            vec![1, 5, 1, 4, 1],
        ] {
            let gl: Vec<u8> = gh
                .iter()
                .map(|&h| if h as usize == gh.len() { 5 } else { 2 })
                .collect();
            assert!(is_projective(&gh));
            let (h, l, _) = oracle_parse(&gh, &gl, 6, 5);
            assert_eq!(h, gh);
            assert_eq!(l, gl);
        }
    }

    #[test]
    fn detects_non_projective_trees() {
        // 0 -> 2 crosses 1 -> 3
        assert!(!is_projective(&[2, 3, 4, 2]));
        assert!(is_projective(&[1, 4, 1, 2]));
    }

    #[test]
    fn transitions_round_trip_a_tree() {
        // Build a tree by explicit transitions and check every arc.
        let mut st = State::default();
        st.reset(3, 4, 3);
        // "Qatar denied it": 0 <-nsubj- 1 -dobj-> 2, 1 is the root child
        for c in [SHIFT, left(0), SHIFT, right(1, 4), REDUCE, left(3)] {
            assert!(st.valid(c), "{c}");
            st.apply(c);
        }
        assert!(st.is_final());
        assert_eq!(&st.heads[..3], &[1, 3, 1]);
        assert_eq!(&st.labels[..3], &[0, 3, 1]);
        assert_eq!(st.lc[1], [0, NONE]);
        assert_eq!(st.rc[1], [2, NONE]);
        assert_eq!(st.val[1], [1, 1]);
        assert_eq!(st.lset[1], [1, 2]);
        // the root label only on arcs to the root
        st.reset(2, 4, 3);
        st.apply(SHIFT);
        assert!(!st.valid(left(3)) && st.valid(left(0)) && !st.valid(right(3, 4)));
        st.apply(SHIFT);
        // only the root is left in the buffer
        assert!(!st.valid(SHIFT) && !st.valid(REDUCE) && !st.valid(left(0)));
        assert!(st.valid(left(3)) && !st.valid(right(0, 4)));
    }
}
