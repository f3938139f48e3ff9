//! Export stage: one module per output format, all reading an [`ActorGraph`].
//!
//! Every format is written in a deterministic order (nodes by id, edges by
//! source, target, relation), so the same input gives byte-identical files.

pub mod dot;
pub mod json;

use crate::error::{Error, Result};
use crate::graph::ActorGraph;
use std::io::Write;
use std::path::Path;

/// Output formats of `actorgraph build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Node-link JSON (networkx, D3).
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// File name used when writing into a directory.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "graph.json",
            Format::Dot => "graph.dot",
        }
    }

    /// Renders a graph in this format.
    pub fn render(self, g: &ActorGraph) -> Result<Vec<u8>> {
        match self {
            Format::Json => Ok(json::to_string(g).into_bytes()),
            Format::Dot => Ok(dot::to_string(g).into_bytes()),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so that a failed run never leaves half a file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let mut tmp = tempfile::Builder::new().prefix(".actorgraph-").tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
