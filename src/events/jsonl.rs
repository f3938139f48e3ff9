//! The event table as JSON Lines: one [`EventRow`] object per line, absent
//! values left out; for tools without Parquet (`jq`, `pandas.read_json(...,
//! lines=True)`, DuckDB's `read_json`, Spark's `spark.read.json`).

use super::{EventRow, GraphFolder};
use crate::error::{Error, Result};
use std::io::{BufRead, Write};
use std::path::Path;

/// Writes rows as JSON Lines; each batch reaches the writer as whole lines
/// in one write, so a stopped run leaves only complete rows.
#[derive(Debug)]
pub struct JsonlSink<W: Write> {
    out: W,
    buffer: Vec<u8>,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing into `out`.
    pub fn new(out: W) -> Self {
        JsonlSink {
            out,
            buffer: Vec::new(),
        }
    }

    /// Writes one batch of rows and flushes it.
    pub fn write_rows(&mut self, rows: &[EventRow]) -> Result<()> {
        self.buffer.clear();
        for r in rows {
            serde_json::to_writer(&mut self.buffer, r)
                .map_err(crate::export::json::serde_error("event row"))?;
            self.buffer.push(b'\n');
        }
        let io = |source| Error::Write {
            what: "the event table".to_string(),
            source,
        };
        self.out.write_all(&self.buffer).map_err(io)?;
        self.out.flush().map_err(io)
    }

    /// The writer, once every batch is written.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Folds every row of a JSON Lines event table; a bad line is an error
/// naming the file and the line.
pub fn fold_file(path: &Path, folder: &mut GraphFolder) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut reader = std::io::BufReader::new(file);
    let mut line = Vec::new();
    let mut n = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(io)? == 0 {
            return Ok(());
        }
        n += 1;
        let text = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row: EventRow = serde_json::from_slice(text).map_err(|e| Error::JsonLine {
            path: path.to_path_buf(),
            line: n,
            message: format!("not an event row ({e})"),
        })?;
        folder.fold(&row, path, n)?;
    }
}
