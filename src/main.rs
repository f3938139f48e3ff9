//! The `actorgraph` command line: argument parsing only; the work is done
//! by the library.

use actorgraph::export::{write_atomic, Format};
use actorgraph::{Filter, Pipeline};
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "actorgraph", version, about = "News text in, an evidence-backed graph of who does what to whom out")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, PartialOrd, Ord)]
enum FormatArg {
    Json,
    Dot,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Dot => Format::Dot,
        }
    }
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Input files, directories (.txt, .md, .jsonl, recursively) or `-` for
    /// standard input; none reads standard input.
    inputs: Vec<PathBuf>,
    /// Output format(s); repeat or separate with commas. Default: json.
    #[arg(short, long, value_delimiter = ',')]
    format: Vec<FormatArg>,
    /// Output file (one format) or directory (several formats); default stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Extra lexicon file(s) (TOML) with actors, countries and triggers.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// Drop links seen fewer than N times.
    #[arg(long, default_value_t = 1)]
    min_count: usize,
    /// Keep only these relations (comma-separated labels).
    #[arg(long, value_delimiter = ',')]
    relations: Vec<String>,
    /// Drop co-mention links.
    #[arg(long)]
    no_co_mentions: bool,
    /// Drop negated and hypothetical links.
    #[arg(long)]
    asserted_only: bool,
    /// Drop links whose confidence is below this value (0..1).
    #[arg(long, default_value_t = 0.0)]
    min_confidence: f32,
    /// Keep only the N actors with the highest degree.
    #[arg(long)]
    top: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the actor graph of the inputs and export it.
    Build(BuildArgs),
}

fn build(args: BuildArgs) -> Result<()> {
    let lexicons: Vec<&std::path::Path> = args.lexicon.iter().map(PathBuf::as_path).collect();
    let pipeline = Pipeline::with_lexicons(&lexicons)?;
    let docs = actorgraph::input::read_inputs(&args.inputs)?;
    let graph = pipeline.build_graph(&docs);
    let filter = Filter {
        min_count: args.min_count,
        relations: args.relations.clone(),
        co_mentions: !args.no_co_mentions,
        not_asserted: !args.asserted_only,
        min_confidence: args.min_confidence,
        top: args.top,
        keep_isolated: true,
    };
    for r in &args.relations {
        if pipeline.lexicon().relation(r).is_none() {
            bail!("unknown relation {r:?} in --relations (known: {})", pipeline.lexicon().relations.keys().cloned().collect::<Vec<_>>().join(", "));
        }
    }
    let graph = graph.filtered(&filter);
    let mut formats: Vec<Format> = args.format.iter().map(|&f| f.into()).collect();
    formats.sort();
    formats.dedup();
    if formats.is_empty() {
        formats.push(Format::Json);
    }
    match &args.output {
        None => {
            if formats.len() > 1 {
                bail!("several formats need an output directory: add -o DIR");
            }
            let bytes = formats[0].render(&graph)?;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes).context("writing to standard output")?;
        }
        Some(path) if path.is_dir() || formats.len() > 1 => {
            std::fs::create_dir_all(path).with_context(|| format!("creating {}", path.display()))?;
            // Render everything first, so that a failure writes nothing.
            let rendered: Vec<(Format, Vec<u8>)> = formats.iter().map(|&f| f.render(&graph).map(|b| (f, b))).collect::<actorgraph::Result<_>>()?;
            for (f, bytes) in rendered {
                write_atomic(&path.join(f.file_name()), &bytes)?;
            }
        }
        Some(path) => write_atomic(path, &formats[0].render(&graph)?)?,
    }
    Ok(())
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(args),
    };
    if let Err(e) = result {
        eprintln!("actorgraph: error: {e:#}");
        std::process::exit(1);
    }
}
