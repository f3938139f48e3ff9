//! The `actorgraph` command line: argument parsing only; the work is done
//! by the library (`export`, `stats`, `explain`, `ner`, `parse`).

use actorgraph::events::extract::EventSink;
use actorgraph::events::jsonl::JsonlSink;
use actorgraph::events::parquet::ParquetSink;
use actorgraph::events::{self, DayWindow};
use actorgraph::export::{self, Destination, Format, Options, StreamedOutput};
use actorgraph::input::DocumentStream;
use actorgraph::{ActorGraph, Filter, Pipeline};
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Parser)]
#[command(
    name = "actorgraph",
    version,
    about = "News text in, an evidence-backed graph of who does what to whom out"
)]
struct Cli {
    /// Print no progress bar and no summary on standard error.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Inputs {
    /// Input files, directories (.txt, .md, .jsonl, recursively) or `-` for
    /// standard input; none reads standard input.
    inputs: Vec<PathBuf>,
    /// Extra lexicon file(s) (TOML) with actors, countries and triggers.
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    /// Skip malformed or duplicate JSON Lines records (reported on standard
    /// error: count and first lines) instead of stopping at the first one.
    #[arg(long)]
    skip_bad: bool,
    /// Largest document accepted, in MB (0: no limit).
    #[arg(long, default_value_t = 10.0)]
    max_doc_mb: f64,
    /// Keep only documents dated this day or later (YYYY-MM-DD); undated
    /// documents are left out of any window.
    #[arg(long, value_name = "DATE", value_parser = day)]
    since: Option<String>,
    /// Keep only documents dated this day or earlier (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day)]
    until: Option<String>,
    /// Documents extracted in parallel (0: one per core). The output is
    /// the same for any number.
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

fn day(s: &str) -> Result<String, String> {
    actorgraph::day::parse_day(s).ok_or_else(|| format!("{s:?} is not a day: expected YYYY-MM-DD"))
}

impl Inputs {
    fn window(&self) -> Result<DayWindow> {
        if let (Some(a), Some(b)) = (&self.since, &self.until)
            && a > b
        {
            bail!("--since {a} is after --until {b}: the window is empty");
        }
        Ok(DayWindow {
            since: self.since.clone(),
            until: self.until.clone(),
        })
    }

    fn options(&self) -> Result<actorgraph::input::InputOptions> {
        if self.max_doc_mb.is_nan() || self.max_doc_mb < 0.0 {
            bail!("--max-doc-mb must be a number of megabytes, 0 for no limit");
        }
        Ok(actorgraph::input::InputOptions {
            skip_bad: self.skip_bad,
            max_document_bytes: (self.max_doc_mb > 0.0)
                .then(|| (self.max_doc_mb * 1e6).min(usize::MAX as f64) as usize),
        })
    }

    /// Sizes the worker pool when `--threads` asks for a number.
    fn start_threads(&self) -> Result<()> {
        if self.threads > 0 {
            rayon::ThreadPoolBuilder::new()
                .num_threads(self.threads)
                .build_global()
                .context("starting the worker threads")?;
        }
        Ok(())
    }

    fn pipeline(&self) -> Result<Pipeline> {
        let lexicons: Vec<&Path> = self.lexicon.iter().map(PathBuf::as_path).collect();
        Ok(Pipeline::with_lexicons(&lexicons)?)
    }
}

#[derive(clap::Args)]
struct FilterArgs {
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

#[derive(clap::Args)]
struct OutputArgs {
    /// Output format(s); repeat or separate with commas. Default: json.
    #[arg(short, long, value_delimiter = ',')]
    format: Vec<Format>,
    /// Output file (one format) or directory (several formats, csv, or a
    /// path ending in `/`); default standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Title of the HTML page.
    #[arg(long)]
    title: Option<String>,
    /// Seed of the layout of the HTML page and the GEXF positions.
    #[arg(long, default_value_t = export::layout::DEFAULT_SEED)]
    seed: u64,
}

#[derive(clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Build from event tables written by `actorgraph extract` (Parquet or
    /// JSON Lines files, or directories of them) instead of from text.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    from_events: Vec<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// JSON Lines, one row per line.
    Jsonl,
    /// Apache Parquet.
    Parquet,
}

#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Read standard input as JSON Lines records (one document per line)
    /// rather than as one text document: for `RDD.pipe` and shell pipes.
    #[arg(long)]
    stdin_jsonl: bool,
    /// Output file (default standard output, JSON Lines).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Table format; default from the output extension (.parquet or JSON Lines).
    #[arg(short, long, value_enum)]
    format: Option<TableFormat>,
}

#[derive(clap::Args)]
struct MergeArgs {
    /// Graphs written by `actorgraph build -f json`.
    #[arg(required = true)]
    graphs: Vec<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colours when standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// First actor: id, name or alias (any case).
    a: String,
    /// Second actor: id, name or alias (any case).
    b: String,
    #[command(flatten)]
    inputs: Inputs,
    /// Leave out co-mention links.
    #[arg(long)]
    no_co_mentions: bool,
    /// Print JSON (node-link links) instead of text.
    #[arg(long)]
    json: bool,
    /// Highlight the trigger and the mentions with ANSI colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(clap::Args)]
struct StatsArgs {
    #[command(flatten)]
    inputs: Inputs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Actors listed in the table (0: all).
    #[arg(long, default_value_t = 25)]
    limit: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Build the actor graph of the inputs (or of event tables) and export it.
    Build(BuildArgs),
    /// Write the event table of the inputs (Parquet or JSON Lines), a batch
    /// at a time.
    Extract(ExtractArgs),
    /// Merge graphs built separately (node-link JSON) into one.
    Merge(MergeArgs),
    /// Show every link between two actors with its evidence sentences.
    Explain(ExplainArgs),
    /// Rank actors (mentions, degree, PageRank) and count relations.
    Stats(StatsArgs),
    /// Score the built-in NER tagger on a CoNLL-2003 file.
    EvalNer {
        /// CoNLL-2003 file (word POS chunk NER per line).
        file: PathBuf,
    },
    /// Score the built-in dependency parser on a CoNLL-U file (UAS, LAS, words/s).
    EvalParse {
        /// CoNLL-U file (the HEAD and DEPREL columns are the reference).
        file: PathBuf,
    },
}

impl FilterArgs {
    fn filter(&self, pipeline: &Pipeline) -> Result<Filter> {
        for r in &self.relations {
            if pipeline.lexicon().relation(r).is_none() {
                let known: Vec<&str> = pipeline
                    .lexicon()
                    .relations
                    .keys()
                    .map(String::as_str)
                    .collect();
                bail!(
                    "unknown relation {r:?} in --relations (known: {})",
                    known.join(", ")
                );
            }
        }
        Ok(Filter {
            min_count: self.min_count,
            relations: self.relations.clone(),
            co_mentions: !self.no_co_mentions,
            not_asserted: !self.asserted_only,
            min_confidence: self.min_confidence,
            top: self.top,
            keep_isolated: true,
        })
    }
}

/// A progress bar on a terminal's standard error (hidden otherwise).
fn progress_bar(quiet: bool, len: Option<u64>, template: &str) -> Result<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return Ok(ProgressBar::hidden());
    }
    let bar = match len {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::no_length(),
    };
    Ok(bar.with_style(
        ProgressStyle::with_template(template)
            .context("progress bar template")?
            .progress_chars("=> "),
    ))
}

/// Reads the inputs and builds their graph, with a progress bar on a
/// terminal's standard error.
fn load(inputs: &Inputs, quiet: bool) -> Result<(Pipeline, ActorGraph)> {
    let pipeline = inputs.pipeline()?;
    let opts = inputs.options()?;
    let window = inputs.window()?;
    inputs.start_threads()?;
    // Documents are read as a stream, extracted in batches and dropped:
    // memory stays flat in the size of the corpus.
    let mut stream = DocumentStream::open(&inputs.inputs, &opts, false)?;
    let bar = progress_bar(
        quiet,
        None,
        "{spinner} {pos} documents, {elapsed} elapsed ({per_sec})",
    )?;
    let in_window = stream
        .by_ref()
        .filter(|d| d.as_ref().map_or(true, |d| window.keeps(d.date.as_deref())));
    let graph = pipeline.build_graph_streamed(in_window, |n| bar.inc(n as u64));
    bar.finish_and_clear();
    let graph = graph?;
    warn_skipped(stream.report());
    Ok((pipeline, graph))
}

fn warn_skipped(report: &actorgraph::input::InputReport) {
    if let Some(summary) = report.summary() {
        let _ = writeln!(
            std::io::stderr(),
            "actorgraph: warning: {}",
            actorgraph::terminal::safe(&summary)
        );
    }
}

fn build(args: BuildArgs, quiet: bool) -> Result<()> {
    if !args.from_events.is_empty() && !args.inputs.inputs.is_empty() {
        bail!("give either text inputs or --from-events tables, not both");
    }
    // Fail on a bad destination before the work.
    args.output.destination()?;
    let (pipeline, graph) = if args.from_events.is_empty() {
        load(&args.inputs, quiet)?
    } else {
        let window = args.inputs.window()?;
        let graph = actorgraph::events::build_graph(&args.from_events, &window)?;
        (args.inputs.pipeline()?, graph)
    };
    let graph = graph.filtered(&args.filter.filter(&pipeline)?);
    write_graph(&graph, &args.output, quiet)
}

fn merge(args: MergeArgs, quiet: bool) -> Result<()> {
    args.output.destination()?;
    let mut graph = ActorGraph::new();
    for path in &args.graphs {
        graph.merge(export::json::read(path)?);
    }
    let graph = graph.filtered(&args.filter.filter(&Pipeline::builtin()?)?);
    write_graph(&graph, &args.output, quiet)
}

impl OutputArgs {
    fn formats(&self) -> Vec<Format> {
        let mut formats = self.format.clone();
        formats.sort();
        formats.dedup();
        if formats.is_empty() {
            formats.push(Format::Json);
        }
        formats
    }

    fn destination(&self) -> Result<Destination> {
        let formats = self.formats();
        let dest = Destination::choose(&formats, self.output.as_deref())?;
        if dest == Destination::Stdout && formats[0].is_binary() && std::io::stdout().is_terminal()
        {
            bail!(
                "{} is binary: write it to a file with -o graph.{}",
                formats[0],
                formats[0]
            );
        }
        Ok(dest)
    }
}

/// Renders the graph in every format asked and writes the files.
fn write_graph(graph: &ActorGraph, args: &OutputArgs, quiet: bool) -> Result<()> {
    let formats = args.formats();
    let dest = args.destination()?;
    let opts = Options {
        title: args.title.clone(),
        seed: args.seed,
    };
    // Render everything first, so that a failure writes nothing.
    let files = export::render_all(graph, &formats, &opts)?;
    match dest {
        Destination::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(&files[0].bytes)
                .context("writing to standard output")?;
            out.flush().context("writing to standard output")?;
        }
        Destination::File(path) => export::write_atomic(&path, &files[0].bytes)?,
        Destination::Dir(dir) => {
            let written = export::write_dir(&dir, &files)?;
            if !quiet {
                let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
                // A closed standard error is no reason to fail a finished run.
                let _ = writeln!(
                    std::io::stderr(),
                    "actorgraph: {} actors, {} links -> {}",
                    graph.node_count(),
                    graph.edge_count(),
                    names.join(", ")
                );
            }
        }
    }
    Ok(())
}

/// Set by the first Ctrl-C during `extract`: the run stops after the
/// batch in progress and closes the table.
static STOP: AtomicBool = AtomicBool::new(false);
/// True while `extract` runs: Ctrl-C then asks it to stop instead of
/// exiting at once.
static GRACEFUL: AtomicBool = AtomicBool::new(false);

fn extract(args: ExtractArgs, quiet: bool) -> Result<()> {
    let pipeline = args.inputs.pipeline()?;
    let opts = args.inputs.options()?;
    let window = args.inputs.window()?;
    args.inputs.start_threads()?;
    let format = args.format.unwrap_or(
        match args.output.as_deref().is_some_and(events::is_parquet) {
            true => TableFormat::Parquet,
            false => TableFormat::Jsonl,
        },
    );
    let to_stdout = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-");
    if format == TableFormat::Parquet && to_stdout && std::io::stdout().is_terminal() {
        bail!("Parquet is binary: write it to a file with -o events.parquet");
    }
    let mut input = DocumentStream::open(&args.inputs.inputs, &opts, args.stdin_jsonl)?;
    let out =
        std::io::BufWriter::with_capacity(1 << 20, StreamedOutput::create(args.output.as_deref())?);
    let mut sink = match format {
        TableFormat::Jsonl => EventSink::Jsonl(JsonlSink::new(out)),
        TableFormat::Parquet => EventSink::Parquet(Box::new(ParquetSink::new(out)?)),
    };
    let bar = progress_bar(
        quiet,
        input.total_bytes(),
        "{spinner} {bytes}/{total_bytes} [{bar:30}] {bytes_per_sec}, {elapsed} elapsed, eta {eta}",
    )?;
    GRACEFUL.store(true, Ordering::SeqCst);
    let result = events::extract::extract(
        &pipeline,
        &mut input,
        &window,
        &mut sink,
        |bytes| bar.set_position(bytes),
        || STOP.load(Ordering::SeqCst),
    );
    bar.finish_and_clear();
    warn_skipped(input.report());
    // On an error the staged file is dropped (deleted); otherwise the table
    // is closed (rows so far, whole) and renamed into place.
    let summary = result?;
    let out = sink.finish()?;
    let out = out
        .into_inner()
        .map_err(|e| anyhow::anyhow!("writing the event table: {}", e.error()))?;
    out.commit()?;
    GRACEFUL.store(false, Ordering::SeqCst);
    if !quiet {
        let _ = writeln!(
            std::io::stderr(),
            "actorgraph: {} documents, {} rows{}",
            summary.documents,
            summary.rows,
            if summary.stopped {
                " (interrupted: the table holds the documents read so far)"
            } else {
                ""
            }
        );
    }
    if summary.stopped {
        std::process::exit(130);
    }
    Ok(())
}

fn explain(args: ExplainArgs, quiet: bool) -> Result<()> {
    let (_, graph) = load(&args.inputs, quiet)?;
    let graph = if args.no_co_mentions {
        graph.filtered(&Filter {
            co_mentions: false,
            ..Filter::default()
        })
    } else {
        graph
    };
    let e = actorgraph::explain::explain(&graph, &args.a, &args.b)?;
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let text = if args.json {
        e.to_json()?
    } else {
        e.to_text(color)
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("writing to standard output")
}

fn stats(args: StatsArgs, quiet: bool) -> Result<()> {
    let (pipeline, graph) = load(&args.inputs, quiet)?;
    let graph = graph.filtered(&args.filter.filter(&pipeline)?);
    let s = actorgraph::stats::compute(&graph);
    let text = if args.json {
        s.to_json()?
    } else {
        s.to_table((args.limit > 0).then_some(args.limit))
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("writing to standard output")
}

fn eval_ner(file: &Path) -> Result<()> {
    let report = actorgraph::ner::evaluate(file)?;
    writeln!(std::io::stdout().lock(), "{report}").context("writing to standard output")
}

fn eval_parse(file: &Path) -> Result<()> {
    let report = actorgraph::parse::evaluate(file)?;
    writeln!(std::io::stdout().lock(), "{report}").context("writing to standard output")
}

fn main() {
    // Ctrl-C: delete the temporary files of the write phase (earlier
    // outputs stay as they were) and stop.
    let _ = ctrlc::set_handler(|| {
        if GRACEFUL.load(Ordering::SeqCst) && !STOP.swap(true, Ordering::SeqCst) {
            let _ = writeln!(
                std::io::stderr(),
                "actorgraph: interrupted: closing the event table after this batch (Ctrl-C again to quit at once)"
            );
            return;
        }
        export::abort_writes();
        let _ = writeln!(std::io::stderr(), "actorgraph: interrupted");
        std::process::exit(130);
    });
    let cli = Cli::parse();
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Build(args) => build(args, quiet),
        Command::Extract(args) => extract(args, quiet),
        Command::Merge(args) => merge(args, quiet),
        Command::Explain(args) => explain(args, quiet),
        Command::Stats(args) => stats(args, quiet),
        Command::EvalNer { file } => eval_ner(&file),
        Command::EvalParse { file } => eval_parse(&file),
    };
    if let Err(e) = result {
        // A closed pipe (`actorgraph stats | head`) is not an error.
        if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        }) {
            std::process::exit(0);
        }
        let message = format!("{e:#}");
        let _ = writeln!(
            std::io::stderr(),
            "actorgraph: error: {}",
            actorgraph::terminal::safe(&message)
        );
        std::process::exit(1);
    }
}
