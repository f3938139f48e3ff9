//! Export stage: one module per output format, all reading an [`ActorGraph`].
//!
//! | format | file | opened by |
//! |---|---|---|
//! | `json` | `graph.json` | networkx `node_link_graph`, D3 |
//! | `cytoscape` | `graph.cyjs` | Cytoscape.js, Cytoscape desktop, networkx `cytoscape_graph` |
//! | `graphml` | `graph.graphml` | Gephi, yEd, Cytoscape desktop, networkx `read_graphml` |
//! | `gexf` | `graph.gexf` | Gephi, networkx `read_gexf` |
//! | `csv` | `nodes.csv`, `edges.csv` | `neo4j-admin database import`, Gephi spreadsheet import |
//! | `dot` | `graph.dot` | Graphviz |
//! | `svg`, `png` | `graph.svg`, `graph.png` | browsers, image viewers (rendered by Graphviz) |
//! | `html` | `graph.html` | any browser, offline |
//!
//! Links from dated documents carry `first_seen` and `last_seen` in every
//! format but PNG (GEXF as dynamic spells, see [`gexf`]); formats with a
//! declared schema declare the date fields only when [`has_dates`].
//!
//! Every format is written in a deterministic order (nodes by id, edges by
//! source, target, relation), layouts are seeded, and nothing depends on
//! the time or the machine, so the same input gives byte-identical files.

pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;

use crate::error::{Error, Result};
use crate::graph::ActorGraph;
use crate::lexicon::ActorKind;
use crate::stats::Tone;
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats of `actorgraph build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// Node-link JSON (networkx, D3).
    Json,
    /// Graphviz DOT.
    Dot,
    /// SVG drawn by Graphviz.
    Svg,
    /// PNG drawn by Graphviz.
    Png,
    /// Self-contained interactive HTML page.
    Html,
    /// GraphML (Gephi, yEd, Cytoscape desktop).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Cytoscape.js elements JSON (Cytoscape desktop too).
    Cytoscape,
    /// nodes.csv and edges.csv (Neo4j import, Gephi spreadsheet import).
    Csv,
}

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// File name used inside an output directory.
    pub name: &'static str,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Settings shared by the formats that need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Title of the HTML page (default: a summary of the graph).
    pub title: Option<String>,
    /// Seed of the layout of the HTML page and of the GEXF positions.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            title: None,
            seed: layout::DEFAULT_SEED,
        }
    }
}

/// How to install Graphviz, in error messages.
pub const GRAPHVIZ_HINT: &str = "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS), or see https://graphviz.org/download/";

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 9] = [
        Format::Json,
        Format::Dot,
        Format::Svg,
        Format::Png,
        Format::Html,
        Format::Graphml,
        Format::Gexf,
        Format::Cytoscape,
        Format::Csv,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Html => "html",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cytoscape",
            Format::Csv => "csv",
        }
    }

    /// Names of the files this format writes into a directory.
    pub fn file_names(self) -> &'static [&'static str] {
        match self {
            Format::Json => &["graph.json"],
            Format::Dot => &["graph.dot"],
            Format::Svg => &["graph.svg"],
            Format::Png => &["graph.png"],
            Format::Html => &["graph.html"],
            Format::Graphml => &["graph.graphml"],
            Format::Gexf => &["graph.gexf"],
            Format::Cytoscape => &["graph.cyjs"],
            Format::Csv => &["nodes.csv", "edges.csv"],
        }
    }

    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Png
    }

    /// Whether rendering runs Graphviz's `dot` program.
    pub fn needs_graphviz(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }

    /// Renders a graph in this format: one file, or two for `csv`.
    pub fn render(self, g: &ActorGraph, opts: &Options) -> Result<Vec<OutputFile>> {
        let one = |bytes: Vec<u8>| {
            vec![OutputFile {
                name: self.file_names()[0],
                bytes,
            }]
        };
        Ok(match self {
            Format::Json => one(json::to_string(g)?.into_bytes()),
            Format::Dot => one(dot::to_string(g).into_bytes()),
            Format::Svg => one(render_graphviz(g, graphviz_rust::cmd::Format::Svg)?),
            Format::Png => one(render_graphviz(g, graphviz_rust::cmd::Format::Png)?),
            Format::Html => one(html::to_string(g, opts)?.into_bytes()),
            Format::Graphml => one(graphml::to_string(g)?.into_bytes()),
            Format::Gexf => one(gexf::to_string_seeded(g, opts.seed)?.into_bytes()),
            Format::Cytoscape => one(cytoscape::to_string(g)?.into_bytes()),
            Format::Csv => vec![
                OutputFile {
                    name: "nodes.csv",
                    bytes: csv::nodes_csv(g)?,
                },
                OutputFile {
                    name: "edges.csv",
                    bytes: csv::edges_csv(g)?,
                },
            ],
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Draws the graph with Graphviz (`dot` on the PATH) from
/// [`dot::to_drawing`], which names its own layout engine. A missing `dot`
/// is an error that says how to install Graphviz.
pub fn render_graphviz(g: &ActorGraph, format: graphviz_rust::cmd::Format) -> Result<Vec<u8>> {
    use graphviz_rust::cmd::CommandArg;
    let name = format!("{format:?}").to_lowercase();
    let mut args = vec![CommandArg::Format(format)];
    if format == graphviz_rust::cmd::Format::Png {
        args.push(CommandArg::Custom("-Gdpi=144".to_string()));
    }
    let mut ctx = graphviz_rust::printer::PrinterContext::default();
    graphviz_rust::exec(dot::to_drawing(g), &mut ctx, args).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Render(format!(
                "rendering {name} needs Graphviz's `dot` program, which is not on the PATH: {GRAPHVIZ_HINT}"
            ))
        } else {
            Error::Render(format!("Graphviz `dot` failed to render {name}: {}", e.to_string().trim()))
        }
    })
}

/// Where `actorgraph build` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output (one single-file format).
    Stdout,
    /// One file (one single-file format).
    File(PathBuf),
    /// A directory receiving each format's files.
    Dir(PathBuf),
}

impl Destination {
    /// Chooses the destination of `formats` given `-o PATH`: several
    /// formats, `csv`, an existing directory or a path ending in `/` mean a
    /// directory; no path means standard output, which takes one
    /// single-file format only.
    pub fn choose(formats: &[Format], output: Option<&Path>) -> Result<Destination> {
        let dir_only = formats.len() > 1 || formats.contains(&Format::Csv);
        match output {
            None if formats.contains(&Format::Csv) => Err(Error::Invalid(
                "csv writes two files (nodes.csv and edges.csv): give a directory with -o DIR"
                    .to_string(),
            )),
            None if formats.len() > 1 => Err(Error::Invalid(format!(
                "{} formats write {} files: give a directory with -o DIR",
                formats.len(),
                formats.iter().map(|f| f.file_names().len()).sum::<usize>()
            ))),
            None => Ok(Destination::Stdout),
            Some(p) if dir_only || p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => {
                Ok(Destination::Dir(p.to_path_buf()))
            }
            Some(p) => Ok(Destination::File(p.to_path_buf())),
        }
    }
}

/// Renders every format; nothing is written, so that a failing format
/// (say, Graphviz missing) leaves no partial output behind.
pub fn render_all(g: &ActorGraph, formats: &[Format], opts: &Options) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    for f in formats {
        files.extend(f.render(g, opts)?);
    }
    Ok(files)
}

/// Writes rendered files into a directory (created if needed); returns the
/// paths written. See [`write_outputs`] for how.
pub fn write_dir(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let targets: Vec<(PathBuf, &[u8])> = files
        .iter()
        .map(|f| (dir.join(f.name), f.bytes.as_slice()))
        .collect();
    write_outputs(&targets)?;
    Ok(targets.into_iter().map(|(p, _)| p).collect())
}

/// Writes `bytes` to `path` (see [`write_outputs`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_outputs(&[(path.to_path_buf(), bytes)])
}

/// Temporary files written but not yet renamed into place, and whether
/// the run was interrupted; see [`abort_writes`].
static PENDING: std::sync::Mutex<Pending> = std::sync::Mutex::new(Pending {
    paths: Vec::new(),
    aborted: false,
});

struct Pending {
    paths: Vec<PathBuf>,
    aborted: bool,
}

fn pending() -> std::sync::MutexGuard<'static, Pending> {
    // A panic while holding the lock leaves a valid list behind.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Environment variable read by the test suite only: seconds to wait after
/// every temporary file is written and before they are renamed into place,
/// so that a test can interrupt the write phase.
pub const PAUSE_BEFORE_RENAME_ENV: &str = "ACTORGRAPH_TEST_PAUSE_BEFORE_RENAME";

/// Stops every write in progress: deletes the temporary files not yet
/// renamed into place and makes later writes fail. Called by the Ctrl-C
/// handler of the command line before it exits, so that an interrupted run
/// leaves the earlier outputs as they were and no `.actorgraph-*` file.
/// The rename phase holds the same lock, so it is never cut half-way: an
/// interrupt during it waits for it to finish.
pub fn abort_writes() {
    let mut p = pending();
    p.aborted = true;
    for path in p.paths.drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// Whether `path` must be written through rather than replaced: anything
/// that is not a plain regular file (a device such as `/dev/null` or
/// `/dev/full`, a FIFO, a socket) and any path under `/dev` or `/proc`
/// (`/dev/stdout`, `/proc/self/fd/1`), which stand for an open file.
fn write_through(path: &Path) -> bool {
    if path.starts_with("/dev") || path.starts_with("/proc") {
        return true;
    }
    match std::fs::metadata(path) {
        Ok(m) => !m.is_file() && !m.is_dir(),
        Err(_) => false,
    }
}

/// Writes each `(path, bytes)`, so that a failed or interrupted run never
/// leaves half a file behind nor a mix of old and new outputs:
///
/// - regular files (and new paths) are written to `.actorgraph-*`
///   temporary files in their directory first, and renamed into place only
///   once every output is written; a symbolic link to a regular file is
///   kept and its target replaced;
/// - anything that is not a regular file (`/dev/null`, `/dev/full`, a FIFO,
///   `/proc/self/fd/1`) is never replaced: the bytes are written into it,
///   and a write error (a full disk) is an error.
pub fn write_outputs(targets: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut staged: Vec<(tempfile::TempPath, PathBuf)> = Vec::new();
    let mut through: Vec<(&Path, &[u8])> = Vec::new();
    for (path, bytes) in targets {
        if write_through(path) {
            through.push((path, bytes));
            continue;
        }
        if path.is_dir() {
            return Err(Error::Io {
                path: path.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "is a directory, not a file",
                ),
            });
        }
        // Replace the target of a symbolic link, not the link.
        let dest = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?
            }
            _ => path.clone(),
        };
        staged.push((stage(&dest, bytes)?, dest));
    }
    for (path, bytes) in through {
        write_into(path, bytes)?;
    }
    if let Some(secs) = std::env::var(PAUSE_BEFORE_RENAME_ENV)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs.clamp(0.0, 60.0)));
    }
    let mut p = pending();
    if p.aborted {
        return Err(Error::Invalid("interrupted".to_string()));
    }
    let mut result = Ok(());
    for (tmp, dest) in staged {
        let tmp_path = tmp.to_path_buf();
        if result.is_ok() {
            result = tmp.persist(&dest).map_err(|e| Error::Io {
                path: dest.clone(),
                source: e.error,
            });
        }
        // Dropped (deleted) or renamed: no longer pending either way.
        p.paths.retain(|q| *q != tmp_path);
    }
    result
}

/// Writes `bytes` into a new temporary file next to `path` and returns it,
/// registered with [`abort_writes`].
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::TempPath> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the directory {} does not exist", dir.display()),
            ),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".actorgraph-");
    // Temporary files are private (0600); the result is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = {
        let mut p = pending();
        if p.aborted {
            return Err(Error::Invalid("interrupted".to_string()));
        }
        let tmp = builder.tempfile_in(dir).map_err(io)?;
        p.paths.push(tmp.path().to_path_buf());
        tmp
    };
    let written = tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all());
    if let Err(e) = written {
        let tmp_path = tmp.path().to_path_buf();
        drop(tmp);
        pending().paths.retain(|q| *q != tmp_path);
        return Err(io(e));
    }
    Ok(tmp.into_temp_path())
}

/// An output written as it is produced (the event table of `extract`):
/// into a registered temporary file next to the destination, renamed into
/// place by [`StreamedOutput::commit`], or straight into standard output or
/// a non-regular file (see [`write_outputs`]). Dropped without a commit, the
/// temporary file is deleted.
#[derive(Debug)]
pub enum StreamedOutput {
    /// A temporary file and its destination.
    Staged(tempfile::NamedTempFile, PathBuf),
    /// A device, FIFO or open file descriptor, written through.
    Through(std::fs::File, PathBuf),
    /// Standard output.
    Stdout(std::io::Stdout),
}

impl StreamedOutput {
    /// Opens the output for `path` (`None` or `-`: standard output).
    pub fn create(path: Option<&Path>) -> Result<Self> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(StreamedOutput::Stdout(std::io::stdout()));
        };
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if write_through(path) {
            let f = std::fs::OpenOptions::new()
                .append(true)
                .open(path)
                .map_err(io)?;
            return Ok(StreamedOutput::Through(f, path.to_path_buf()));
        }
        let tmp = stage(path, b"")?;
        // Reopen the staged path for writing: the temporary file stays
        // registered, so an abort deletes it.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&tmp)
            .map_err(io)?;
        let named = tempfile::NamedTempFile::from_parts(file, tmp);
        Ok(StreamedOutput::Staged(named, path.to_path_buf()))
    }

    /// Renames a staged file into place (after a last flush and sync).
    pub fn commit(self) -> Result<()> {
        match self {
            StreamedOutput::Staged(mut tmp, dest) => {
                let io = |source| Error::Io {
                    path: dest.clone(),
                    source,
                };
                tmp.flush().map_err(io)?;
                tmp.as_file().sync_all().map_err(io)?;
                let tmp_path = tmp.path().to_path_buf();
                let mut p = pending();
                if p.aborted {
                    return Err(Error::Invalid("interrupted".to_string()));
                }
                let result = tmp.persist(&dest).map(|_| ()).map_err(|e| io(e.error));
                p.paths.retain(|q| *q != tmp_path);
                result
            }
            StreamedOutput::Through(mut f, path) => {
                f.flush().map_err(|source| Error::Io { path, source })
            }
            StreamedOutput::Stdout(mut out) => out.flush().map_err(|source| Error::Write {
                what: "standard output".to_string(),
                source,
            }),
        }
    }
}

impl Write for StreamedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            StreamedOutput::Staged(f, _) => f.write(buf),
            StreamedOutput::Through(f, _) => f.write(buf),
            StreamedOutput::Stdout(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            StreamedOutput::Staged(f, _) => f.flush(),
            StreamedOutput::Through(f, _) => f.flush(),
            StreamedOutput::Stdout(f) => f.flush(),
        }
    }
}

/// Writes into an existing non-regular file (device, FIFO, open file
/// descriptor) without replacing it; appends, so that `/proc/self/fd/1`
/// opened by `>>` keeps what was there.
fn write_into(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.flush().map_err(io)
}

/// Drops the characters XML 1.0 forbids (C0 controls other than tab,
/// newline and carriage return; U+FFFE and U+FFFF).
pub fn xml_clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether any link of the graph is dated (it comes from documents with a
/// JSONL `date`). Only then do the formats with a declared schema (CSV
/// columns, GraphML keys, GEXF attributes and dynamics) declare the date
/// fields, so that an undated corpus gives the same files as before links
/// had dates.
pub fn has_dates(g: &ActorGraph) -> bool {
    g.graph().edge_weights().any(|e| !e.days.is_empty())
}

/// Colour of an actor kind in the HTML page and GEXF (RGB).
pub fn kind_rgb(kind: ActorKind) -> (u8, u8, u8) {
    match kind {
        ActorKind::Person => (0xe0, 0x7b, 0x39),
        ActorKind::Organization => (0x3d, 0x7c, 0xd6),
        ActorKind::Country => (0x2f, 0x9a, 0x5a),
        ActorKind::Group => (0x8e, 0x5c, 0xc4),
    }
}

/// Colour of a link tone in the HTML page and GEXF (RGB).
pub fn tone_rgb(tone: Tone) -> (u8, u8, u8) {
    match tone {
        Tone::Cooperation => (0x2e, 0x7d, 0x32),
        Tone::Conflict => (0xc6, 0x28, 0x28),
        Tone::Neutral => (0x60, 0x7d, 0x8b),
        Tone::CoMention => (0xb4, 0xb4, 0xb4),
    }
}

/// `#rrggbb` form of a colour.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A graph with dated and undated links for the exporters' tests: France
/// meets Germany on 2024-03-04, 03-05 and 03-09; Egypt accuses Qatar in an
/// undated document.
#[cfg(test)]
pub(crate) fn dated_test_graph() -> ActorGraph {
    test_graph(true)
}

/// The same sentences, every document undated.
#[cfg(test)]
pub(crate) fn undated_test_graph() -> ActorGraph {
    test_graph(false)
}

#[cfg(test)]
fn test_graph(with_dates: bool) -> ActorGraph {
    let doc = |id: &str, day: Option<&str>, text: &str| {
        let mut d = crate::Document::new(id, text);
        d.date = day.filter(|_| with_dates).map(str::to_string);
        d
    };
    let docs = [
        doc("d1", Some("2024-03-04"), "France met Germany in Paris."),
        doc("d2", Some("2024-03-05"), "France met Germany in Berlin."),
        doc("d3", Some("2024-03-09"), "France met Germany in Rome."),
        doc("d4", None, "Egypt accused Qatar of funding militants."),
    ];
    crate::Pipeline::builtin().unwrap().build_graph(&docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_graphs_have_what_the_exporter_tests_expect() {
        let g = dated_test_graph();
        assert!(has_dates(&g));
        let meets = g
            .edges_sorted()
            .into_iter()
            .find(|(a, b, e)| a.id == "france" && b.id == "germany" && e.relation == "meets")
            .map(|(_, _, e)| e.days.clone());
        assert_eq!(
            meets.unwrap().into_iter().collect::<Vec<_>>(),
            [
                ("2024-03-04".to_string(), 1),
                ("2024-03-05".to_string(), 1),
                ("2024-03-09".to_string(), 1)
            ]
        );
        assert!(
            g.edges_sorted()
                .iter()
                .any(|(a, b, e)| a.id == "egypt" && b.id == "qatar" && e.days.is_empty())
        );
        assert!(!has_dates(&undated_test_graph()));
    }

    #[test]
    fn xml_clean_keeps_whitespace_and_drops_controls() {
        assert_eq!(xml_clean("a\u{0}b\u{1b}c\td\ne\u{FFFF}"), "abc\td\ne");
        assert!(matches!(xml_clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn destinations() {
        use Destination::*;
        assert_eq!(Destination::choose(&[Format::Json], None).unwrap(), Stdout);
        assert!(
            Destination::choose(&[Format::Csv], None)
                .unwrap_err()
                .to_string()
                .contains("-o DIR")
        );
        assert!(Destination::choose(&[Format::Json, Format::Dot], None).is_err());
        assert_eq!(
            Destination::choose(&[Format::Csv], Some(Path::new("x"))).unwrap(),
            Dir("x".into())
        );
        assert_eq!(
            Destination::choose(&[Format::Dot], Some(Path::new("g.dot"))).unwrap(),
            File("g.dot".into())
        );
        assert_eq!(
            Destination::choose(&[Format::Dot], Some(Path::new("out/"))).unwrap(),
            Dir("out/".into())
        );
    }
}
