//! Weight tables, the model file format and the greedy decoder.
//!
//! # File format (version 3, all integers little-endian)
//!
//! ```text
//! offset size  field
//! 0      8     magic "AGTAGGER"
//! 8      4     format version (u32, = 3)
//! 12     4     feature version (u32, must equal the task's feature version:
//!              features::FEATURE_VERSION for the taggers,
//!              parse::features::FEATURE_VERSION for the parser)
//! 16     4     task (u32): 0 = POS tagger, 1 = NER tagger, 2 = dependency
//!              parser (labels are its transitions)
//! 20     4     L = number of labels (u32, 1..=255)
//! 24     4     R = number of weight rows (u32)
//! 28     4     G = number of gazetteer entries (u32, 0 for POS)
//! 32     ...   L labels, each: u8 byte length, then UTF-8 bytes
//!        8*R   feature key of each row (u64 hash, distinct)
//!        4     B = byte length of the row blob (u32)
//!        B     R rows, in the order of the keys, each:
//!                f32 scale; u8 count C;
//!                C = 0: dense, L weights q (i8), weight of label l = scale * q[l]
//!                C > 0: C pairs (u8 label < L, i8 q != 0); weight = scale * q
//!        8*G   gazetteer keys (u64 phrase hashes, distinct)
//!        G     gazetteer values (u8; bits 0..3 = seen as PER/ORG/LOC/MISC,
//!              bit 7 = the key is a proper prefix of a longer phrase)
//!        8     checksum of every byte before it: FNV-1a over u64 words
//!              (last one zero-padded), length mixed in (see `checksum`)
//! ```
//!
//! A feature's score for label `l` is `scale * q` of the pair with label
//! `l` in the row whose key equals the feature hash; labels without a pair
//! and features without a row score zero. Most rows are sparse because most
//! features only separate a few labels (about 4 of the 45 POS tags), which
//! keeps the files small and scoring to a few scalar additions; rows with
//! at least half of the labels set are stored dense (vectorised adds).
//! Loading walks the rows once to index their offsets by key and borrows
//! the blob.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{self, SentCtx, TAG_START};

const MAGIC: &[u8; 8] = b"AGTAGGER";
const FORMAT_VERSION: u32 = 3;

/// Which tagger a model file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Task {
    /// Part-of-speech tagger.
    Pos,
    /// Named-entity tagger (BILOU labels).
    Ner,
    /// Dependency parser (`crate::parse`; labels are transitions).
    Parser,
}

impl Task {
    /// Id written into the file.
    fn id(self) -> u32 {
        match self {
            Task::Pos => 0,
            Task::Ner => 1,
            Task::Parser => 2,
        }
    }

    fn from_id(id: u32) -> Option<Task> {
        [Task::Pos, Task::Ner, Task::Parser]
            .into_iter()
            .find(|t| t.id() == id)
    }

    /// Version of the feature definitions a model of this task must match.
    fn feature_version(self) -> u32 {
        match self {
            Task::Pos | Task::Ner => features::FEATURE_VERSION,
            Task::Parser => crate::parse::features::FEATURE_VERSION,
        }
    }
}

/// Hasher for keys that are already good 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// `HashMap` keyed by pre-hashed `u64`s.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Open-addressing table from 64-bit hash keys to `u32` values.
///
/// A slot packs the upper 32 bits of the key with `value + 1`; the slot
/// position comes from the lower bits, so a lookup compares one `u64`.
#[derive(Clone, Debug)]
pub(crate) struct KeyTable {
    slots: Vec<u64>,
    mask: usize,
}

impl KeyTable {
    /// Table sized for `n` keys (load factor at most 3/4).
    pub(crate) fn with_capacity(n: usize) -> KeyTable {
        let cap = (n + n / 3 + 1).next_power_of_two().max(16);
        KeyTable {
            slots: vec![0; cap],
            mask: cap - 1,
        }
    }

    /// Inserts `key -> value`; false if an entry with the same slot chain
    /// and fingerprint exists already (keys are then indistinguishable).
    pub(crate) fn insert(&mut self, key: u64, value: u32) -> bool {
        let fp = key >> 32;
        let mut i = (key as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                self.slots[i] = (fp << 32) | (u64::from(value) + 1);
                return true;
            }
            if s >> 32 == fp {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The first slot `key` would probe (a branch-free read, to bring
    /// the slot into the cache before [`KeyTable::get`]).
    #[inline]
    pub(crate) fn first_slot(&self, key: u64) -> u64 {
        self.slots[(key as usize) & self.mask]
    }

    /// Value stored for `key`.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<u32> {
        let fp = key >> 32;
        let mut i = (key as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 32 == fp {
                return Some((s as u32).wrapping_sub(1));
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Label scores of one token; indexed by a `u8` label, so never out of
/// bounds (models have at most 255 labels).
pub(crate) type Scores = [f32; 256];

/// Something that adds the weights of a feature to a score vector.
pub(crate) trait Scorer {
    /// Number of labels.
    fn n_labels(&self) -> usize;
    /// Adds the weights of feature `h` to `scores` (label-indexed).
    fn add(&self, h: u64, scores: &mut Scores);
}

/// Key-table value flag of a dense row.
const DENSE_ROW: u32 = 1 << 31;

/// Gazetteer bit: some phrase starting with this key is longer.
pub(crate) const GAZ_PREFIX: u8 = 0x80;

/// A loaded model: labels, quantised weights and (NER) the gazetteer.
#[derive(Debug)]
pub(crate) struct Model {
    pub task: Task,
    pub labels: Vec<String>,
    n_labels: usize,
    /// Feature key -> byte offset of its sparse row in `rows`, or
    /// `DENSE_ROW | index` of its row in `dense`.
    table: KeyTable,
    /// Dense rows, unpacked: `n_labels` weights each (taggers only: the
    /// parser's many labels make `f32` rows too large for the caches, so
    /// its dense rows stay `i8` in `rows`, their offsets in the table).
    dense: Vec<f32>,
    /// Dense rows are read from `rows` as `i8` instead of from `dense`.
    packed_dense: bool,
    n_rows: usize,
    rows: Cow<'static, [u8]>,
    pub gazetteer: IdMap<u8>,
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checksum of a model file: FNV-1a over 64-bit little-endian words (the
/// last, partial word zero-padded), then the byte length mixed in.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        h = (h ^ le_u64(w)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(0x0000_0100_0000_01b3);
    features::mix(h ^ bytes.len() as u64)
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| FormatError(format!("truncated model file while reading {what}")))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self, what: &str) -> Result<u32, FormatError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn le_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// Plain (unquantised) content of a model, the input of [`Model::to_bytes`].
pub(crate) struct ModelParts<'a> {
    pub task: Task,
    pub labels: &'a [String],
    /// `(feature key, weights per label)`.
    pub rows: &'a [(u64, Vec<f32>)],
    pub gazetteer: &'a [(u64, u8)],
}

impl Model {
    /// Serialises a model, quantising each row to `i8` with its own scale;
    /// rows that quantise to all zeros are left out.
    pub(crate) fn to_bytes(parts: &ModelParts) -> Vec<u8> {
        let n = parts.labels.len();
        // (key, scale, non-zero (label, q) pairs)
        type Quantised = (u64, f32, Vec<(u8, i8)>);
        let mut rows: Vec<Quantised> = Vec::with_capacity(parts.rows.len());
        for (key, w) in parts.rows {
            assert_eq!(w.len(), n, "row width must equal the label count");
            let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            let pairs: Vec<(u8, i8)> = w
                .iter()
                .enumerate()
                .map(|(l, x)| (l as u8, (x / scale).round().clamp(-127.0, 127.0) as i8))
                .filter(|&(_, q)| q != 0)
                .collect();
            if !pairs.is_empty() {
                rows.push((*key, scale, pairs));
            }
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&parts.task.feature_version().to_le_bytes());
        out.extend_from_slice(&parts.task.id().to_le_bytes());
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&(parts.gazetteer.len() as u32).to_le_bytes());
        for l in parts.labels {
            out.push(l.len() as u8);
            out.extend_from_slice(l.as_bytes());
        }
        for (k, _, _) in &rows {
            out.extend_from_slice(&k.to_le_bytes());
        }
        let mut blob = Vec::new();
        for (_, scale, pairs) in &rows {
            blob.extend_from_slice(&scale.to_le_bytes());
            if 2 * pairs.len() >= n {
                blob.push(0);
                let start = blob.len();
                blob.resize(start + n, 0);
                for &(l, q) in pairs {
                    blob[start + l as usize] = q as u8;
                }
            } else {
                blob.push(pairs.len() as u8);
                for &(l, q) in pairs {
                    blob.push(l);
                    blob.push(q as u8);
                }
            }
        }
        out.extend_from_slice(&(blob.len() as u32).to_le_bytes());
        out.extend_from_slice(&blob);
        for (k, _) in parts.gazetteer {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(parts.gazetteer.iter().map(|&(_, v)| v));
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Parses a model file; the weights are borrowed when `bytes` is static.
    pub(crate) fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<Model, FormatError> {
        let buf: &[u8] = &bytes;
        if buf.len() < 8 + 8 || &buf[..8] != MAGIC {
            return Err(FormatError(
                "not a model file (bad magic; was the model trained?)".into(),
            ));
        }
        let body = &buf[..buf.len() - 8];
        if checksum(body) != le_u64(&buf[buf.len() - 8..]) {
            return Err(FormatError("model file checksum mismatch".into()));
        }
        let mut r = Reader { buf: body, pos: 8 };
        let version = r.u32("version")?;
        if version != FORMAT_VERSION {
            return Err(FormatError(format!(
                "model format version {version}, expected {FORMAT_VERSION}"
            )));
        }
        let fv = r.u32("feature version")?;
        let t = r.u32("task")?;
        let task = Task::from_id(t).ok_or_else(|| FormatError(format!("unknown task {t}")))?;
        if fv != task.feature_version() {
            return Err(FormatError(format!(
                "model was trained with feature version {fv}, this build uses {}; retrain it",
                task.feature_version()
            )));
        }
        let n = r.u32("label count")? as usize;
        let rows = r.u32("row count")? as usize;
        let n_gaz = r.u32("gazetteer size")? as usize;
        if n == 0 || n > 255 {
            return Err(FormatError(format!("bad label count {n}")));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.take(1, "label")?[0] as usize;
            let s = std::str::from_utf8(r.take(len, "label")?)
                .map_err(|_| FormatError("label is not UTF-8".into()))?;
            labels.push(s.to_string());
        }
        let keys = r.take(rows.saturating_mul(8), "keys")?;
        let blob_len = r.u32("row blob length")? as usize;
        let blob_start = r.pos;
        let blob = r.take(blob_len, "rows")?;
        let gkeys = r.take(n_gaz.saturating_mul(8), "gazetteer keys")?;
        let gvals = r.take(n_gaz, "gazetteer values")?;
        if r.pos != body.len() {
            return Err(FormatError("trailing bytes in model file".into()));
        }
        let mut table = KeyTable::with_capacity(rows);
        let mut dense = Vec::new();
        let packed_dense = task == Task::Parser;
        let mut off = 0usize;
        for (i, k) in keys.chunks_exact(8).enumerate() {
            let bad = || FormatError(format!("malformed weight row {i}"));
            let count = *blob.get(off + 4).ok_or_else(bad)? as usize;
            let len = if count == 0 { n } else { 2 * count };
            let body = blob.get(off + 5..off + 5 + len).ok_or_else(bad)?;
            let value = if count == 0 && packed_dense {
                if off as u32 >= DENSE_ROW {
                    return Err(bad());
                }
                off as u32 | DENSE_ROW
            } else if count == 0 {
                // Dense rows are the frequent ones: unpack them to f32 once.
                let scale =
                    f32::from_le_bytes([blob[off], blob[off + 1], blob[off + 2], blob[off + 3]]);
                let index = (dense.len() / n) as u32;
                dense.extend(body.iter().map(|&q| scale * f32::from(q as i8)));
                index | DENSE_ROW
            } else if body.chunks_exact(2).any(|p| p[0] as usize >= n) || off as u32 >= DENSE_ROW {
                return Err(bad());
            } else {
                off as u32
            };
            if !table.insert(le_u64(k), value) {
                return Err(FormatError(format!("duplicate feature key in row {i}")));
            }
            off += 5 + len;
        }
        if off != blob.len() {
            return Err(FormatError("row blob length mismatch".into()));
        }
        let mut gazetteer = IdMap::default();
        gazetteer.reserve(n_gaz);
        for (k, &v) in gkeys.chunks_exact(8).zip(gvals) {
            gazetteer.insert(le_u64(k), v);
        }
        let range = blob_start..blob_start + blob_len;
        let rows_blob = match bytes {
            Cow::Borrowed(b) => Cow::Borrowed(&b[range]),
            Cow::Owned(v) => Cow::Owned(v[range].to_vec()),
        };
        Ok(Model {
            task,
            labels,
            n_labels: n,
            table,
            dense,
            packed_dense,
            n_rows: rows,
            rows: rows_blob,
            gazetteer,
        })
    }

    /// Number of weight rows.
    pub(crate) fn n_rows(&self) -> usize {
        self.n_rows
    }
}

impl Scorer for Model {
    #[inline]
    fn n_labels(&self) -> usize {
        self.n_labels
    }

    #[inline(always)]
    fn add(&self, h: u64, scores: &mut Scores) {
        if let Some(off) = self.table.get(h) {
            self.add_row(off, scores);
        }
    }
}

impl Model {
    /// Adds the weights of every feature in `feats` to `scores`: the same
    /// as calling [`Scorer::add`] for each, but all keys are looked up
    /// before any row is read, so that the cache misses overlap.
    #[inline]
    pub(crate) fn add_all(&self, feats: &[u64], scores: &mut Scores) {
        add_all(self, feats, scores);
    }

    /// One byte of the row with table value `value`.
    #[inline(always)]
    fn row_byte(&self, value: u32) -> u8 {
        if value & DENSE_ROW != 0 && !self.packed_dense {
            let r = (value & !DENSE_ROW) as usize * self.n_labels;
            self.dense[r].to_bits() as u8
        } else {
            self.rows[(value & !DENSE_ROW) as usize + 4]
        }
    }

    /// Adds the row at byte offset `off` (from the key table) to `scores`.
    /// Always inlined, so that [`add_all`]'s AVX2 version vectorises it.
    #[inline(always)]
    fn add_row(&self, value: u32, scores: &mut Scores) {
        let n = self.n_labels;
        if value & DENSE_ROW != 0 && self.packed_dense {
            let row = &self.rows[(value & !DENSE_ROW) as usize..];
            let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            for (x, &q) in scores[..n].iter_mut().zip(&row[5..5 + n]) {
                *x += scale * f32::from(q as i8);
            }
        } else if value & DENSE_ROW != 0 {
            let r = (value & !DENSE_ROW) as usize * n;
            for (x, w) in scores[..n].iter_mut().zip(&self.dense[r..r + n]) {
                *x += w;
            }
        } else {
            let row = &self.rows[value as usize..];
            let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            let count = row[4] as usize;
            for pair in row[5..5 + 2 * count].chunks_exact(2) {
                scores[pair[0] as usize] += scale * f32::from(pair[1] as i8);
            }
        }
    }
}

/// [`Model::add_all`].
///
/// Compiled also for AVX2, chosen at run time: the dense rows' `i8`
/// weights are then widened and added eight at a time. The sums are the
/// same to the bit (the same additions per label, in the same order,
/// never fused into FMAs).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn add_all(model: &Model, feats: &[u64], scores: &mut Scores) {
    const CHUNK: usize = 128;
    let mut found = [0u32; CHUNK];
    for part in feats.chunks(CHUNK) {
        // Read every key's slot first, without branches: the misses
        // overlap instead of waiting behind mispredicted probes.
        let mut touch = 0u64;
        for &h in part {
            touch ^= model.table.first_slot(h);
        }
        std::hint::black_box(touch);
        let mut k = 0;
        for &h in part {
            if let Some(v) = model.table.get(h) {
                found[k] = v;
                k += 1;
            }
        }
        // Touch every row before adding any: these loads do not depend
        // on each other, so their cache misses overlap (a safe prefetch).
        let mut touch = 0u8;
        for &v in &found[..k] {
            touch ^= model.row_byte(v);
        }
        std::hint::black_box(touch);
        for &v in &found[..k] {
            model.add_row(v, scores);
        }
    }
}

// ---------------------------------------------------------------- labels

/// Entity types in label order.
pub(crate) const NER_TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// BILOU label strings in id order: `O`, then B/I/L/U for each type.
pub(crate) fn ner_labels() -> Vec<String> {
    let mut v = vec!["O".to_string()];
    for t in NER_TYPES {
        for p in ["B", "I", "L", "U"] {
            v.push(format!("{p}-{t}"));
        }
    }
    v
}

/// Part of a BILOU label id: 0 = O, else (prefix 0..4 for B/I/L/U, type 0..4).
#[inline]
pub(crate) fn ner_parts(label: u8) -> Option<(u8, u8)> {
    if label == 0 || label == TAG_START {
        None
    } else {
        Some(((label - 1) % 4, (label - 1) / 4))
    }
}

/// BILOU label id from prefix (0..4 = B/I/L/U) and type (0..4).
#[inline]
pub(crate) fn ner_label(prefix: u8, kind: u8) -> u8 {
    1 + kind * 4 + prefix
}

/// Whether BILOU label `label` may follow `prev`; `last` marks the final token.
///
/// Inside an open chunk (after `B-X` / `I-X`) the chunk may continue with
/// `I-X` / `L-X`, or be closed implicitly by `O`, `B-*` or `U-*`: a strict
/// BILOU constraint would trap the greedy decoder inside a wrong chunk.
/// `I-X` and `L-X` never start a chunk, and `B-*` / `I-*` cannot end one.
#[inline]
pub(crate) fn ner_allowed(prev: u8, label: u8, last: bool) -> bool {
    let open = match ner_parts(prev) {
        Some((p, t)) if p <= 1 => Some(t),
        _ => None,
    };
    match ner_parts(label) {
        None => true,
        Some((0, _)) => !last,
        Some((3, _)) => true,
        Some((p, k)) => open == Some(k) && (p == 2 || !last),
    }
}

// ---------------------------------------------------------------- decoding

/// Reusable buffers of the decoder.
#[derive(Default)]
pub(crate) struct Scratch {
    feats: Vec<u64>,
    /// Row offsets of the history-free features, per position.
    rows: Vec<u32>,
    /// Where the rows of each position start in `rows`.
    starts: Vec<usize>,
}

/// Greedy left-to-right decoding of one sentence.
///
/// Writes one label id per token into `tags`; when `margins` is given it
/// also receives, per token, the score gap between the chosen label and
/// the best other allowed label.
///
/// The history-free features of the whole sentence are looked up first:
/// those lookups are independent of each other, so their cache misses
/// overlap instead of queueing behind the label decisions.
///
/// Compiled also for AVX2, chosen at run time, like [`add_all`] (the
/// scores are bit-identical).
#[multiversion::multiversion(targets("x86_64+avx2"))]
pub(crate) fn decode(
    model: &Model,
    task: Task,
    ctx: &SentCtx,
    scratch: &mut Scratch,
    tags: &mut Vec<u8>,
    mut margins: Option<&mut Vec<f32>>,
) {
    let n = ctx.len();
    let nl = model.n_labels();
    tags.clear();
    if let Some(m) = margins.as_deref_mut() {
        m.clear();
    }
    scratch.rows.clear();
    scratch.starts.clear();
    for i in 0..n {
        scratch.feats.clear();
        match task {
            Task::Pos => features::pos_static(ctx, i, &mut scratch.feats),
            Task::Ner => features::ner_static(ctx, i, &mut scratch.feats),
            Task::Parser => unreachable!("the parser has its own decoder"),
        }
        scratch.starts.push(scratch.rows.len());
        scratch
            .rows
            .extend(scratch.feats.iter().filter_map(|&h| model.table.get(h)));
    }
    scratch.starts.push(scratch.rows.len());
    let (mut prev, mut prev2) = (TAG_START, TAG_START);
    let mut scores: Scores = [0.0; 256];
    for i in 0..n {
        let mut dynf = [0u64; 4];
        match task {
            Task::Pos => features::pos_dynamic(ctx, i, prev, prev2, &mut dynf),
            Task::Ner => features::ner_dynamic(ctx, i, prev, prev2, &mut dynf),
            Task::Parser => unreachable!("the parser has its own decoder"),
        }
        scores[..nl].fill(0.0);
        for &off in &scratch.rows[scratch.starts[i]..scratch.starts[i + 1]] {
            model.add_row(off, &mut scores);
        }
        for &h in &dynf {
            model.add(h, &mut scores);
        }
        let last = i + 1 == n;
        let (best, margin) = best_label(&scores[..nl], |l| {
            task == Task::Pos || ner_allowed(prev, l, last)
        });
        tags.push(best);
        if let Some(m) = margins.as_deref_mut() {
            m.push(margin);
        }
        prev2 = prev;
        prev = best;
    }
}

/// Best allowed label and its margin over the runner-up.
#[inline]
pub(crate) fn best_label(scores: &[f32], allowed: impl Fn(u8) -> bool) -> (u8, f32) {
    let mut best = 0u8;
    let mut bs = f32::NEG_INFINITY;
    let mut second = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if !allowed(l as u8) {
            continue;
        }
        if s > bs {
            second = bs;
            bs = s;
            best = l as u8;
        } else if s > second {
            second = s;
        }
    }
    let margin = if second.is_finite() {
        bs - second
    } else {
        f32::INFINITY
    };
    (best, margin)
}

/// Entity chunks `(start, end, type)` of a BILOU label sequence.
///
/// A `B-X` / `I-X` run that is not closed by `L-X` (the decoder allows
/// closing implicitly, see [`ner_allowed`]) ends before the next token
/// that does not continue it, or at the end of the sentence.
pub(crate) fn bilou_chunks(tags: &[u8], out: &mut Vec<(usize, usize, u8)>) {
    out.clear();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match ner_parts(t) {
            None => {
                if let Some((s, k)) = open.take() {
                    out.push((s, i, k));
                }
            }
            Some((p, k)) => {
                let continues = matches!(open, Some((_, ok)) if ok == k) && (p == 1 || p == 2);
                if !continues {
                    if let Some((s, ok)) = open.take() {
                        out.push((s, i, ok));
                    }
                    open = Some((i, k));
                }
                if p >= 2 {
                    let (s, k) = open.take().unwrap_or((i, k));
                    out.push((s, i + 1, k));
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
}

/// BILOU label ids for chunks over `n` tokens (chunks must not overlap).
pub(crate) fn chunks_to_bilou(n: usize, chunks: &[(usize, usize, u8)]) -> Vec<u8> {
    let mut v = vec![0u8; n];
    for &(s, e, k) in chunks {
        if e == s + 1 {
            v[s] = ner_label(3, k);
        } else {
            v[s] = ner_label(0, k);
            for x in &mut v[s + 1..e - 1] {
                *x = ner_label(1, k);
            }
            v[e - 1] = ner_label(2, k);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_table_round_trip() {
        let mut t = KeyTable::with_capacity(1000);
        for i in 0..1000u64 {
            assert!(t.insert(features::mix(i), i as u32));
        }
        for i in 0..1000u64 {
            assert_eq!(t.get(features::mix(i)), Some(i as u32));
        }
        assert_eq!(t.get(features::mix(5000)), None);
        assert!(!t.insert(features::mix(7), 1));
    }

    #[test]
    fn file_format_round_trip() {
        let labels = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        let rows = vec![
            (11u64, vec![1.0, -2.0, 0.5]),
            (22u64, vec![0.0, 0.0, 0.0]),
            (33u64, vec![-0.25, 0.125, 3.0]),
        ];
        let gaz = vec![(99u64, 1u8), (98u64, GAZ_PREFIX | 4)];
        let bytes = Model::to_bytes(&ModelParts {
            task: Task::Ner,
            labels: &labels,
            rows: &rows,
            gazetteer: &gaz,
        });
        let m = Model::from_bytes(Cow::Owned(bytes.clone())).unwrap();
        assert_eq!(m.task, Task::Ner);
        assert_eq!(m.labels, labels);
        assert_eq!(m.n_rows(), 2, "the all-zero row is left out");
        assert_eq!(m.gazetteer.get(&98), Some(&(GAZ_PREFIX | 4)));
        for (k, w) in &rows {
            let mut s = [0f32; 256];
            m.add(*k, &mut s);
            for (a, b) in s.iter().zip(w) {
                assert!((a - b).abs() <= 3.0 / 127.0, "{a} vs {b}");
            }
        }
        let mut s = [0f32; 256];
        m.add(44, &mut s);
        m.add(22, &mut s);
        assert!(s.iter().all(|&x| x == 0.0));

        // corruption and truncation are errors, never panics
        let mut bad = bytes.clone();
        bad[40] ^= 1;
        assert!(Model::from_bytes(Cow::Owned(bad)).is_err());
        for cut in [0, 7, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(Cow::Owned(bytes[..cut].to_vec())).is_err());
        }
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(Model::from_bytes(Cow::Owned(wrong)).is_err());
    }

    #[test]
    fn bilou_constraints() {
        let b_per = ner_label(0, 0);
        let i_per = ner_label(1, 0);
        let l_per = ner_label(2, 0);
        let u_loc = ner_label(3, 2);
        assert!(ner_allowed(TAG_START, b_per, false));
        assert!(!ner_allowed(TAG_START, b_per, true));
        assert!(!ner_allowed(TAG_START, i_per, false));
        assert!(ner_allowed(b_per, i_per, false));
        assert!(!ner_allowed(b_per, i_per, true));
        assert!(ner_allowed(b_per, l_per, true));
        // an open chunk may be closed implicitly
        assert!(ner_allowed(b_per, 0, false));
        assert!(ner_allowed(i_per, u_loc, false));
        assert!(!ner_allowed(b_per, ner_label(2, 1), false));
        assert!(!ner_allowed(0, l_per, false));
        assert!(ner_allowed(l_per, u_loc, false));
        assert!(ner_allowed(u_loc, 0, true));
        assert_eq!(ner_labels().len(), 17);
        assert_eq!(ner_labels()[b_per as usize], "B-PER");
        assert_eq!(ner_labels()[u_loc as usize], "U-LOC");
    }

    #[test]
    fn bilou_decoding() {
        let chunks = vec![(0, 2, 0), (2, 3, 2), (5, 8, 1)];
        let tags = chunks_to_bilou(9, &chunks);
        let mut out = Vec::new();
        bilou_chunks(&tags, &mut out);
        assert_eq!(out, chunks);
        // lenient repair of an unclosed run
        let b = ner_label(0, 3);
        let i = ner_label(1, 3);
        bilou_chunks(&[b, i, 0, i], &mut out);
        assert_eq!(out, vec![(0, 2, 3), (3, 4, 3)]);
    }

    #[test]
    fn best_label_respects_mask() {
        let (l, m) = best_label(&[5.0, 1.0, 3.0], |l| l != 0);
        assert_eq!(l, 2);
        assert_eq!(m, 2.0);
    }
}
