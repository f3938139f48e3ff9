//! Two CSV files, `nodes.csv` and `edges.csv`, that both Neo4j's bulk
//! importer (`neo4j-admin database import`) and Gephi's spreadsheet import
//! read without any column mapping.
//!
//! Neo4j reads the typed header columns: `id:ID`, `:LABEL`, `:START_ID`,
//! `:END_ID`, `:TYPE`, and properties such as `count:int`,
//! `goldstein:double` or `aliases:string[]` (arrays use Neo4j's default `;`
//! delimiter; a `;` inside a sentence is written as the fullwidth `；`).
//! Gephi matches the plain columns by name, ignoring case: `Id` and
//! `Label` for nodes; `Source`, `Target`, `Type` (Directed or Undirected),
//! `Kind` (the edge type that keeps parallel edges apart), `Label` and
//! `Weight` for edges. Neo4j stores those as ordinary string properties,
//! and Gephi imports the typed columns as attributes.

use crate::error::{Error, Result};
use crate::export::graphml::{f32_text, f64_text, one_line};
use crate::export::json::link_key;
use crate::graph::ActorGraph;
use crate::lexicon::ActorKind;
use crate::relations::Modality;
use crate::stats::{Tone, is_symmetric};
use std::borrow::Cow;
use std::io;

/// Header of `nodes.csv`.
pub const NODE_HEADER: &[&str] = &[
    "id:ID",
    "Id",
    "Label",
    ":LABEL",
    "kind",
    "aliases:string[]",
    "mentions:int",
    "documents:int",
    "affiliation",
    "role",
];

/// Header of `edges.csv`.
pub const EDGE_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "Source",
    "Target",
    "Type",
    "Kind",
    "Label",
    "Weight",
    "relation",
    "cameo",
    "goldstein:double",
    "tone",
    "modality",
    "asserted:boolean",
    "symmetric:boolean",
    "count:int",
    "confidence:double",
    "evidence:string[]",
    "evidence_docs:string[]",
    "evidence_truncated:boolean",
];

/// Neo4j node label of an actor kind.
fn neo4j_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Actor;Person",
        ActorKind::Organization => "Actor;Organization",
        ActorKind::Country => "Actor;Country",
        ActorKind::Group => "Actor;Group",
    }
}

/// One element of a Neo4j array: on one line, without the delimiter.
fn array_item(s: &str) -> String {
    one_line(s).replace(';', "；")
}

fn write_csv(
    what: &str,
    header: &[&str],
    rows: Vec<Vec<String>>,
    out: &mut impl io::Write,
) -> Result<()> {
    let err = |e: ::csv::Error| match e.into_kind() {
        ::csv::ErrorKind::Io(source) => Error::Write {
            what: what.to_string(),
            source,
        },
        other => Error::Serialize {
            what: "CSV",
            message: format!("{other:?}"),
        },
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(header).map_err(err)?;
    for r in rows {
        let r: Vec<Cow<str>> = r.iter().map(|c| cell(c)).collect();
        let r: Vec<&str> = r.iter().map(|c| c.as_ref()).collect();
        w.write_record(&r).map_err(err)?;
    }
    w.flush().map_err(|source| Error::Write {
        what: what.to_string(),
        source,
    })
}

/// A cell made safe for spreadsheets and importers: NUL and other control
/// characters (but tab, newline and carriage return inside the text) are
/// dropped, and a cell that a spreadsheet would read as a formula (one
/// starting with `=`, `+`, `-`, `@`, tab or carriage return, as the OWASP
/// guidance on CSV injection lists) gets a leading `'`. Numbers written by
/// actorgraph itself (a negative Goldstein score) are left alone.
pub fn cell(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let clean: Cow<'_, str> = if s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(s)
    };
    let risky = clean.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && clean.parse::<f64>().is_err() {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

fn to_bytes(f: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    f(&mut v)?;
    Ok(v)
}

/// `nodes.csv`: one row per actor, in id order.
pub fn nodes_csv(g: &ActorGraph) -> Result<Vec<u8>> {
    to_bytes(|v| write_nodes(g, v))
}

/// `edges.csv`: one row per link, in export order.
pub fn edges_csv(g: &ActorGraph) -> Result<Vec<u8>> {
    to_bytes(|v| write_edges(g, v))
}

/// Writes `nodes.csv`: one row per actor, in id order.
pub fn write_nodes(g: &ActorGraph, out: &mut impl io::Write) -> Result<()> {
    let rows = g
        .nodes_sorted()
        .into_iter()
        .map(|n| {
            vec![
                n.id.clone(),
                n.id.clone(),
                n.label.clone(),
                neo4j_label(n.kind).to_string(),
                n.kind.as_str().to_string(),
                n.aliases
                    .iter()
                    .map(|a| array_item(a))
                    .collect::<Vec<_>>()
                    .join(";"),
                n.mentions.to_string(),
                n.documents.to_string(),
                n.affiliation.clone().unwrap_or_default(),
                n.role.clone().unwrap_or_default(),
            ]
        })
        .collect();
    write_csv("nodes.csv", NODE_HEADER, rows, out)
}

/// Writes `edges.csv`: one row per link, in export order.
pub fn write_edges(g: &ActorGraph, out: &mut impl io::Write) -> Result<()> {
    let rows = g
        .edges_sorted()
        .into_iter()
        .map(|(a, b, e)| {
            let mut docs: Vec<String> = e.evidence.iter().map(|x| array_item(&x.doc)).collect();
            docs.dedup();
            vec![
                a.id.clone(),
                b.id.clone(),
                e.relation.to_uppercase(),
                a.id.clone(),
                b.id.clone(),
                if is_symmetric(&e.relation) {
                    "Undirected"
                } else {
                    "Directed"
                }
                .to_string(),
                link_key(e),
                e.relation.clone(),
                e.count.to_string(),
                e.relation.clone(),
                e.cameo.clone().unwrap_or_default(),
                e.goldstein.map(f64_text).unwrap_or_default(),
                Tone::of(e).as_str().to_string(),
                e.modality.as_str().to_string(),
                (e.modality == Modality::Asserted).to_string(),
                is_symmetric(&e.relation).to_string(),
                e.count.to_string(),
                f32_text(e.confidence),
                e.evidence
                    .iter()
                    .map(|x| array_item(&x.text))
                    .collect::<Vec<_>>()
                    .join(";"),
                docs.join(";"),
                e.evidence_truncated.to_string(),
            ]
        })
        .collect();
    write_csv("edges.csv", EDGE_HEADER, rows, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("+cmd"), "'+cmd");
        assert_eq!(cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "'\rx");
        // Numbers stay numbers; ordinary text is untouched.
        assert_eq!(cell("-2.5"), "-2.5");
        assert!(matches!(cell("Egypt"), Cow::Borrowed("Egypt")));
    }

    #[test]
    fn nul_and_control_characters_are_dropped() {
        assert_eq!(cell("a\u{0}b\u{1b}[2Jc\u{7f}"), "ab[2Jc");
        assert_eq!(cell("\u{0}=x"), "'=x");
        assert_eq!(cell("line\nbreak\ttab"), "line\nbreak\ttab");
    }
}
