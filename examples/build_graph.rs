//! Builds the actor graph of the bundled example articles through the
//! library API and prints a short summary: the actors, then every relation
//! with its modality, CAMEO code and the sentence it was read from.
//!
//! ```text
//! cargo run --example build_graph                 # examples/articles/*.txt
//! cargo run --example build_graph -- FILE_OR_DIR  # any input the CLI accepts
//! ```
//!
//! Nothing is written to disk.

use actorgraph::graph::RelationEdge;
use actorgraph::relations::CO_MENTIONED;
use actorgraph::{Document, Filter, Pipeline};
use std::path::PathBuf;
use std::process::ExitCode;

/// The bundled `.txt` articles, sorted by name (corpus.jsonl holds the same
/// texts and is left out so that nothing is counted twice).
fn bundled_articles() -> std::io::Result<Vec<PathBuf>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    Ok(files)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn describe(e: &RelationEdge) -> String {
    let mut s = e.relation.clone();
    if let Some(code) = &e.cameo {
        s.push_str(&format!(" [CAMEO {code}"));
        if let Some(g) = e.goldstein {
            s.push_str(&format!(", Goldstein {g:+.1}"));
        }
        s.push(']');
    }
    s
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let inputs = if args.is_empty() {
        bundled_articles()?
    } else {
        args
    };
    let docs: Vec<Document> = actorgraph::input::read_inputs(&inputs)?;

    let pipeline = Pipeline::builtin()?;
    let graph = pipeline.build_graph(&docs);

    let relations = graph.filtered(&Filter {
        co_mentions: false,
        ..Filter::default()
    });
    let co_mentions = graph
        .edges_sorted()
        .iter()
        .filter(|(_, _, e)| e.relation == CO_MENTIONED)
        .count();

    println!(
        "{} documents, {} actors, {} relation links (+{} co-mention links)\n",
        graph.documents(),
        graph.node_count(),
        relations.edge_count(),
        co_mentions
    );

    println!("Actors (by mentions):");
    let mut nodes = graph.nodes_sorted();
    nodes.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    for n in nodes {
        let role = n
            .role
            .as_deref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        println!(
            "  {:<32} {:<12} {:>3} mentions in {} doc(s){role}",
            n.label,
            n.kind.as_str(),
            n.mentions,
            n.documents
        );
    }

    println!("\nRelations:");
    for (a, b, e) in relations.edges_sorted() {
        println!(
            "  {} -[{}]-> {}  ({}, x{}, confidence {:.2})",
            a.label,
            describe(e),
            b.label,
            e.modality.as_str(),
            e.count,
            e.confidence
        );
        if let Some(ev) = e.evidence.first() {
            println!(
                "      {}#{}: \"{}\"",
                ev.doc.rsplit('/').next().unwrap_or(&ev.doc),
                ev.sentence,
                one_line(&ev.text)
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build_graph: {e}");
            ExitCode::FAILURE
        }
    }
}
