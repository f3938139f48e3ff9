//! The event table: what `actorgraph extract` writes and
//! `actorgraph build --from-events` folds back into a graph.
//!
//! One row per document, per actor of a document that is a node, per
//! relation and per co-mention (pair of actors in one sentence), like
//! GDELT's event table. The table holds everything the graph is folded
//! from, so the graph built from the rows of any split of a corpus, in any
//! order, is the graph built from the text (see [`crate::graph`]).
//!
//! | column | type | rows | meaning |
//! |---|---|---|---|
//! | `record` | string | all | `document`, `actor`, `relation` or `co_mention` |
//! | `doc_id` | string | all | document id |
//! | `date` | string | all, when dated | publication day `YYYY-MM-DD` |
//! | `doc_source` | string | all, when known | source or outlet of the document |
//! | `sentence` | int32 | links | 0-based sentence index |
//! | `sentence_start`, `sentence_end` | int64 | links | byte span of the sentence |
//! | `source_id`, `source_label`, `source_kind`, `source_affiliation` | string | actor, links | the actor (actor rows), the acting actor (links) |
//! | `role` | string | actor | office or description |
//! | `aliases` | list of string | actor | surface forms in the document |
//! | `mentions` | int64 | actor | mentions in the document |
//! | `target_id`, `target_label`, `target_kind`, `target_affiliation` | string | links | the actor acted upon |
//! | `relation` | string | links | relation label; `co_mentioned` for co-mentions |
//! | `cameo`, `goldstein` | string, float64 | relation | CAMEO code and its Goldstein score |
//! | `modality` | string | links | `asserted`, `negated` or `hypothetical` |
//! | `confidence` | float32 | links | 0..1 (1 for co-mentions) |
//! | `trigger_start`, `trigger_end` | int64 | relation | byte span of the trigger |
//! | `source_start`, `source_end`, `target_start`, `target_end` | int64 | relation | byte spans of the two mentions |
//! | `evidence` | string | links | the sentence text |
//!
//! Byte offsets are into the document text. Symmetric relations and
//! co-mentions name the actor with the smaller id as source. The same
//! schema is written as JSON Lines ([`jsonl`], absent values left out) and
//! as Parquet ([`parquet`]).

pub mod extract;
pub mod jsonl;
pub mod parquet;

use crate::error::{Error, Result};
use crate::graph::{ActorGraph, ActorNode, DocContribution, Evidence, LinkEnd, RelationEdge};
use crate::lexicon::ActorKind;
use crate::relations::{CO_MENTIONED, Modality};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `record` of a document row.
pub const DOCUMENT: &str = "document";
/// `record` of an actor row.
pub const ACTOR: &str = "actor";
/// `record` of a relation row.
pub const RELATION: &str = "relation";
/// `record` of a co-mention row.
pub const CO_MENTION: &str = "co_mention";

/// One row of the event table (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct EventRow {
    pub record: String,
    pub doc_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goldstein: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The rows of one document: its document row, its actors, then its links.
pub fn rows(c: &DocContribution) -> Vec<EventRow> {
    let base = EventRow {
        record: DOCUMENT.to_string(),
        doc_id: c.doc.clone(),
        date: c.date.clone(),
        doc_source: c.source.clone(),
        ..EventRow::default()
    };
    let mut out = Vec::with_capacity(1 + c.actors.len() + c.links.len());
    for a in &c.actors {
        out.push(EventRow {
            record: ACTOR.to_string(),
            source_id: Some(a.id.clone()),
            source_label: Some(a.label.clone()),
            source_kind: Some(a.kind.as_str().to_string()),
            source_affiliation: a.affiliation.clone(),
            role: a.role.clone(),
            aliases: Some(a.aliases.iter().cloned().collect()),
            mentions: Some(offset(a.mentions)),
            ..base.clone()
        });
    }
    for l in &c.links {
        let e = &l.edge;
        let co = e.relation == CO_MENTIONED;
        let Some(ev) = e.evidence.first() else {
            continue;
        };
        let span = |s: Option<(usize, usize)>| s.map(|(a, b)| (offset(a), offset(b)));
        let trigger = span(ev.trigger);
        let source = span(ev.mentions.map(|m| m.0));
        let target = span(ev.mentions.map(|m| m.1));
        out.push(EventRow {
            record: if co { CO_MENTION } else { RELATION }.to_string(),
            sentence: Some(i32::try_from(ev.sentence).unwrap_or(i32::MAX)),
            sentence_start: Some(offset(ev.start)),
            sentence_end: Some(offset(ev.end)),
            source_id: Some(l.source.id.clone()),
            source_label: Some(l.source.label.clone()),
            source_kind: Some(l.source.kind.as_str().to_string()),
            source_affiliation: l.source.affiliation.clone(),
            target_id: Some(l.target.id.clone()),
            target_label: Some(l.target.label.clone()),
            target_kind: Some(l.target.kind.as_str().to_string()),
            target_affiliation: l.target.affiliation.clone(),
            relation: Some(e.relation.clone()),
            cameo: e.cameo.clone(),
            goldstein: e.goldstein,
            modality: Some(e.modality.as_str().to_string()),
            confidence: Some(e.confidence),
            trigger_start: trigger.map(|t| t.0),
            trigger_end: trigger.map(|t| t.1),
            source_start: source.map(|t| t.0),
            source_end: source.map(|t| t.1),
            target_start: target.map(|t| t.0),
            target_end: target.map(|t| t.1),
            evidence: Some(ev.text.clone()),
            ..base.clone()
        });
    }
    out.insert(0, base);
    out
}

fn kind(s: &str) -> std::result::Result<ActorKind, String> {
    match s {
        "person" => Ok(ActorKind::Person),
        "organization" => Ok(ActorKind::Organization),
        "country" => Ok(ActorKind::Country),
        "group" => Ok(ActorKind::Group),
        _ => Err(format!(
            "unknown actor kind {s:?} (person, organization, country or group)"
        )),
    }
}

fn modality(s: &str) -> std::result::Result<Modality, String> {
    match s {
        "asserted" => Ok(Modality::Asserted),
        "negated" => Ok(Modality::Negated),
        "hypothetical" => Ok(Modality::Hypothetical),
        _ => Err(format!(
            "unknown modality {s:?} (asserted, negated or hypothetical)"
        )),
    }
}

fn need<'a, T>(v: &'a Option<T>, column: &str) -> std::result::Result<&'a T, String> {
    v.as_ref()
        .ok_or_else(|| format!("column {column} is empty on this row"))
}

fn size(v: Option<i64>, column: &str) -> std::result::Result<usize, String> {
    let v = v.ok_or_else(|| format!("column {column} is empty on this row"))?;
    usize::try_from(v).map_err(|_| format!("column {column} is negative ({v})"))
}

fn pair(
    a: Option<i64>,
    b: Option<i64>,
    columns: (&str, &str),
) -> std::result::Result<Option<(usize, usize)>, String> {
    match (a, b) {
        (None, None) => Ok(None),
        _ => Ok(Some((size(a, columns.0)?, size(b, columns.1)?))),
    }
}

/// What one row adds to a graph.
#[derive(Debug, Clone, PartialEq)]
pub enum RowItem {
    /// A document.
    Document,
    /// One document's actor.
    Actor(ActorNode),
    /// One occurrence of a link.
    Link(LinkEnd, LinkEnd, RelationEdge),
}

impl EventRow {
    /// Reads the row back; an error says what is wrong (the caller adds
    /// the file and the line).
    pub fn item(&self) -> std::result::Result<RowItem, String> {
        if let Some(d) = &self.date
            && crate::day::parse_day(d).as_deref() != Some(d.as_str())
        {
            return Err(format!("date {d:?} is not a day written YYYY-MM-DD"));
        }
        let end = |id: &Option<String>,
                   label: &Option<String>,
                   k: &Option<String>,
                   aff: &Option<String>,
                   side: &str|
         -> std::result::Result<LinkEnd, String> {
            Ok(LinkEnd {
                id: need(id, &format!("{side}_id"))?.clone(),
                label: need(label, &format!("{side}_label"))?.clone(),
                kind: kind(need(k, &format!("{side}_kind"))?)?,
                affiliation: aff.clone(),
            })
        };
        match self.record.as_str() {
            DOCUMENT => Ok(RowItem::Document),
            ACTOR => {
                let a = end(
                    &self.source_id,
                    &self.source_label,
                    &self.source_kind,
                    &self.source_affiliation,
                    "source",
                )?;
                Ok(RowItem::Actor(ActorNode {
                    id: a.id,
                    label: a.label,
                    kind: a.kind,
                    aliases: self.aliases.iter().flatten().cloned().collect(),
                    mentions: size(self.mentions, "mentions")?,
                    documents: 1,
                    affiliation: a.affiliation,
                    role: self.role.clone(),
                }))
            }
            RELATION | CO_MENTION => {
                let source = end(
                    &self.source_id,
                    &self.source_label,
                    &self.source_kind,
                    &self.source_affiliation,
                    "source",
                )?;
                let target = end(
                    &self.target_id,
                    &self.target_label,
                    &self.target_kind,
                    &self.target_affiliation,
                    "target",
                )?;
                let sentence = self
                    .sentence
                    .ok_or("column sentence is empty on this row")?;
                let sentence = usize::try_from(sentence)
                    .map_err(|_| format!("column sentence is negative ({sentence})"))?;
                let trigger = pair(
                    self.trigger_start,
                    self.trigger_end,
                    ("trigger_start", "trigger_end"),
                )?;
                let s = pair(
                    self.source_start,
                    self.source_end,
                    ("source_start", "source_end"),
                )?;
                let t = pair(
                    self.target_start,
                    self.target_end,
                    ("target_start", "target_end"),
                )?;
                let mentions = match (s, t) {
                    (Some(s), Some(t)) => Some((s, t)),
                    (None, None) => None,
                    _ => return Err("only one of the two mention spans is given".to_string()),
                };
                let evidence = Evidence {
                    date: self.date.clone(),
                    doc: self.doc_id.clone(),
                    sentence,
                    start: size(self.sentence_start, "sentence_start")?,
                    end: size(self.sentence_end, "sentence_end")?,
                    text: need(&self.evidence, "evidence")?.clone(),
                    trigger,
                    mentions,
                };
                let edge = RelationEdge {
                    relation: need(&self.relation, "relation")?.clone(),
                    cameo: self.cameo.clone(),
                    goldstein: self.goldstein,
                    modality: modality(need(&self.modality, "modality")?)?,
                    count: 1,
                    confidence: *need(&self.confidence, "confidence")?,
                    evidence: vec![evidence],
                    evidence_truncated: false,
                    days: self.date.iter().map(|d| (d.clone(), 1)).collect(),
                };
                Ok(RowItem::Link(source, target, edge))
            }
            other => Err(format!(
                "unknown record {other:?} (document, actor, relation or co_mention)"
            )),
        }
    }
}

/// A window of publication days, both ends included; documents without a
/// date are outside any window that has an end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayWindow {
    /// First day kept (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Last day kept (`YYYY-MM-DD`).
    pub until: Option<String>,
}

impl DayWindow {
    /// Whether the window keeps everything.
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a document of day `date` is inside.
    pub fn keeps(&self, date: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let Some(d) = date else {
            return false;
        };
        self.since.as_deref().is_none_or(|s| d >= s) && self.until.as_deref().is_none_or(|u| d <= u)
    }
}

/// Folds event rows into a graph, checking that no document comes twice
/// (the same shard extracted twice would silently double every count).
#[derive(Debug)]
pub struct GraphFolder {
    graph: ActorGraph,
    window: DayWindow,
    /// Where each document row was seen: file and line (or row).
    seen: HashMap<String, (PathBuf, usize)>,
}

impl GraphFolder {
    /// A folder into an empty graph, keeping the rows of `window`.
    pub fn new(window: DayWindow) -> Self {
        GraphFolder {
            graph: ActorGraph::new(),
            window,
            seen: HashMap::new(),
        }
    }

    /// Folds one row read at `path`:`line`.
    pub fn fold(&mut self, row: &EventRow, path: &Path, line: usize) -> Result<()> {
        let bad = |message: String| Error::JsonLine {
            path: path.to_path_buf(),
            line,
            message,
        };
        let item = row.item().map_err(bad)?;
        if !self.window.keeps(row.date.as_deref()) {
            return Ok(());
        }
        match item {
            RowItem::Document => {
                if let Some((p, l)) = self.seen.get(&row.doc_id) {
                    return Err(bad(format!(
                        "document {:?} is in the event tables twice (first at {}:{l}): was a shard extracted twice?",
                        row.doc_id,
                        p.display()
                    )));
                }
                self.seen
                    .insert(row.doc_id.clone(), (path.to_path_buf(), line));
                self.graph.count_documents(1);
            }
            RowItem::Actor(node) => self.graph.add_actor(node),
            RowItem::Link(a, b, edge) => self.graph.add_link(&a, &b, edge),
        }
        Ok(())
    }

    /// The graph folded so far.
    pub fn finish(self) -> ActorGraph {
        self.graph
    }
}

/// Reads event tables (`.parquet` files, anything else as JSON Lines;
/// directories: every `.parquet` and `.jsonl` file inside, sorted) and
/// folds them into one graph.
pub fn build_graph(paths: &[PathBuf], window: &DayWindow) -> Result<ActorGraph> {
    let mut folder = GraphFolder::new(window.clone());
    for path in table_files(paths)? {
        if is_parquet(&path) {
            parquet::fold_file(&path, &mut folder)?;
        } else {
            jsonl::fold_file(&path, &mut folder)?;
        }
    }
    Ok(folder.finish())
}

/// Whether a path names a Parquet file (by its extension).
pub fn is_parquet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "parquet")
}

/// The files of the event-table paths: files as given, directories walked
/// (Spark writes a directory of `part-*.parquet` files).
fn table_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Io {
                path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                source: e.into(),
            })?;
            let name = entry.file_name().to_string_lossy();
            let hidden = name.starts_with('.') || name.starts_with('_');
            let ext = entry.path().extension().and_then(|e| e.to_str());
            if entry.file_type().is_file() && !hidden && matches!(ext, Some("parquet" | "jsonl")) {
                found.push(entry.into_path());
            }
        }
        if found.is_empty() {
            return Err(Error::Invalid(format!(
                "{}: no .parquet or .jsonl event table inside",
                p.display()
            )));
        }
        out.extend(found);
    }
    Ok(out)
}
