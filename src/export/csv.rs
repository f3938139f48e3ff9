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

use crate::export::graphml::{f32_text, f64_text, one_line};
use crate::export::json::link_key;
use crate::graph::ActorGraph;
use crate::lexicon::ActorKind;
use crate::relations::Modality;
use crate::stats::{Tone, is_symmetric};

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

fn csv_bytes(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(header).expect("writing to memory");
    for r in rows {
        w.write_record(&r).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// `nodes.csv`: one row per actor, in id order.
pub fn nodes_csv(g: &ActorGraph) -> Vec<u8> {
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
    csv_bytes(NODE_HEADER, rows)
}

/// `edges.csv`: one row per link, in export order.
pub fn edges_csv(g: &ActorGraph) -> Vec<u8> {
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
    csv_bytes(EDGE_HEADER, rows)
}
