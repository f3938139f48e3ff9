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
//!
//! When any link is dated, `edges.csv` ends with two more columns,
//! `first_seen:date` and `last_seen:date` (`YYYY-MM-DD`, Neo4j `date`
//! properties), empty on undated links; an undated graph keeps the
//! header of [`EDGE_HEADER`] alone.

use crate::error::{Error, Result};
use crate::export::graphml::{f32_text, f64_text, one_line};
use crate::export::has_dates;
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

/// Columns added to [`EDGE_HEADER`] when the graph has dated links.
pub const EDGE_DATE_HEADER: &[&str] = &["first_seen:date", "last_seen:date"];

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
    let dated = has_dates(g);
    let rows = g
        .edges_sorted()
        .into_iter()
        .map(|(a, b, e)| {
            let mut docs: Vec<String> = e.evidence.iter().map(|x| array_item(&x.doc)).collect();
            docs.dedup();
            let mut row = vec![
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
            ];
            if dated {
                row.push(e.first_seen().unwrap_or_default().to_string());
                row.push(e.last_seen().unwrap_or_default().to_string());
            }
            row
        })
        .collect();
    let header: Vec<&str> = if dated {
        [EDGE_HEADER, EDGE_DATE_HEADER].concat()
    } else {
        EDGE_HEADER.to_vec()
    };
    write_csv("edges.csv", &header, rows, out)
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

    fn edges_of(g: &ActorGraph) -> Vec<::csv::StringRecord> {
        let bytes = edges_csv(g).unwrap();
        ::csv::Reader::from_reader(bytes.as_slice())
            .records()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn dated_links_get_first_and_last_seen_columns() {
        let g = crate::export::dated_test_graph();
        let bytes = edges_csv(&g).unwrap();
        let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header.len(), EDGE_HEADER.len() + 2);
        assert_eq!(
            header[EDGE_HEADER.len()..],
            ["first_seen:date", "last_seen:date"]
        );
        let rows = edges_of(&g);
        let at = |r: &::csv::StringRecord, name: &str| {
            r[header.iter().position(|h| h == name).unwrap()].to_string()
        };
        let meets = rows
            .iter()
            .find(|r| at(r, ":START_ID") == "france" && at(r, "relation") == "meets")
            .unwrap();
        assert_eq!(at(meets, "first_seen:date"), "2024-03-04");
        assert_eq!(at(meets, "last_seen:date"), "2024-03-09");
        // Undated links leave the cells empty (no property in Neo4j).
        let accuses = rows
            .iter()
            .find(|r| at(r, ":START_ID") == "egypt" && at(r, "relation") == "accuses")
            .unwrap();
        assert_eq!(at(accuses, "first_seen:date"), "");
        assert_eq!(at(accuses, "last_seen:date"), "");
    }

    #[test]
    fn undated_graphs_keep_the_header_without_dates() {
        let bytes = edges_csv(&crate::export::undated_test_graph()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.lines().next().unwrap(), EDGE_HEADER.join(","));
        assert!(!text.contains("first_seen"));
    }
}
