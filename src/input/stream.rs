//! Documents read a batch at a time, for corpora bigger than memory: JSON
//! Lines files are read line by line, so only the current batch of
//! documents is held (plus the set of ids seen, which catches duplicates).

use super::{InputOptions, InputReport, SeenIds, input_files_in, parse_record};
use crate::document::Document;
use crate::error::{Error, Result};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

enum Source {
    /// Standard input: one text document, or JSON Lines records.
    Stdin {
        jsonl: bool,
    },
    File(PathBuf),
}

/// A JSON Lines file being read.
struct Lines {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

/// The documents of the inputs, in input order, a batch at a time.
pub struct DocumentStream {
    sources: VecDeque<Source>,
    current: Option<Lines>,
    opts: InputOptions,
    ids: SeenIds,
    report: InputReport,
    bytes_read: u64,
    total_bytes: Option<u64>,
    /// Set by an error: the stream ends after its first error.
    failed: bool,
}

impl std::fmt::Debug for DocumentStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentStream")
            .field("bytes_read", &self.bytes_read)
            .finish_non_exhaustive()
    }
}

impl DocumentStream {
    /// Opens the inputs as [`super::read_inputs_with`] reads them (`-` or
    /// nothing is standard input: one text document, or JSON Lines when
    /// `stdin_jsonl`); directories are listed now, files read later.
    pub fn open(paths: &[PathBuf], opts: &InputOptions, stdin_jsonl: bool) -> Result<Self> {
        let mut sources = VecDeque::new();
        let stdin = Source::Stdin { jsonl: stdin_jsonl };
        if paths.is_empty() {
            sources.push_back(stdin);
        }
        for p in paths {
            if p.as_os_str() == "-" {
                sources.push_back(Source::Stdin { jsonl: stdin_jsonl });
            } else if p.is_dir() {
                sources.extend(input_files_in(p)?.into_iter().map(Source::File));
            } else {
                sources.push_back(Source::File(p.clone()));
            }
        }
        let total_bytes = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                Source::Stdin { .. } => None,
            })
            .sum();
        Ok(DocumentStream {
            sources,
            current: None,
            opts: opts.clone(),
            ids: SeenIds::new(),
            report: InputReport::default(),
            bytes_read: 0,
            total_bytes,
            failed: false,
        })
    }

    /// Bytes of input read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Total size of the input files; `None` when standard input is read.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// What was skipped so far (bad records with `skip_bad`).
    pub fn report(&self) -> &InputReport {
        &self.report
    }

    /// Ends the stream, returning what was skipped.
    pub fn into_report(self) -> InputReport {
        self.report
    }

    /// The next documents, at most `max_docs` of them and about `max_bytes`
    /// of text; empty when every input is read.
    pub fn next_batch(&mut self, max_docs: usize, max_bytes: usize) -> Result<Vec<Document>> {
        let mut batch = Vec::new();
        fill_batch(self, &mut batch, max_docs, max_bytes)?;
        Ok(batch)
    }

    fn next_document(&mut self) -> Result<Option<Document>> {
        loop {
            if let Some(lines) = &mut self.current {
                let mut buf = Vec::new();
                let n = lines
                    .reader
                    .read_until(b'\n', &mut buf)
                    .map_err(|source| Error::Io {
                        path: lines.path.clone(),
                        source,
                    })?;
                if n == 0 {
                    self.current = None;
                    continue;
                }
                self.bytes_read += n as u64;
                lines.line += 1;
                let mut line = buf.as_slice();
                if lines.line == 1 {
                    line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                }
                if line.last() == Some(&b'\n') {
                    line = &line[..line.len() - 1];
                }
                match parse_record(&lines.path, lines.line, line, &self.opts, &mut self.ids) {
                    Ok(Some(doc)) => return Ok(Some(doc)),
                    Ok(None) => {}
                    Err(e) if self.opts.skip_bad => self.report.skipped.push(e),
                    Err(e) => return Err(e),
                }
                continue;
            }
            let Some(source) = self.sources.pop_front() else {
                return Ok(None);
            };
            match source {
                Source::Stdin { jsonl: true } => {
                    self.current = Some(Lines {
                        path: PathBuf::from("<stdin>"),
                        reader: Box::new(BufReader::new(std::io::stdin())),
                        line: 0,
                    });
                }
                Source::Stdin { jsonl: false } => {
                    let docs = super::read_stdin_with(&self.opts)?;
                    self.bytes_read += docs.iter().map(|d| d.text.len() as u64).sum::<u64>();
                    if let Some(d) = docs.into_iter().next() {
                        return Ok(Some(d));
                    }
                }
                Source::File(path) if path.extension().is_some_and(|e| e == "jsonl") => {
                    let file = std::fs::File::open(&path).map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                    self.current = Some(Lines {
                        path,
                        reader: Box::new(BufReader::with_capacity(1 << 20, file)),
                        line: 0,
                    });
                }
                Source::File(path) => {
                    let doc = super::read_text_file(&path, &self.opts)?;
                    self.bytes_read += doc.text.len() as u64;
                    return Ok(Some(doc));
                }
            }
        }
    }
}

/// One document at a time, in input order; the first error ends the
/// stream (a caller that folds each batch and drops it, such as
/// [`crate::Pipeline::build_graph_streamed`], keeps its memory flat).
impl Iterator for DocumentStream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        if self.failed {
            return None;
        }
        let item = self.next_document().transpose();
        self.failed = matches!(item, Some(Err(_)));
        item
    }
}

/// Moves the next documents of `docs` into `batch`: at most `max_docs` of
/// them and about `max_bytes` of text (the last one may pass it). The one
/// batching rule of streamed builds and event extraction.
pub fn fill_batch<E>(
    docs: &mut impl Iterator<Item = std::result::Result<Document, E>>,
    batch: &mut Vec<Document>,
    max_docs: usize,
    max_bytes: usize,
) -> std::result::Result<(), E> {
    let mut bytes = 0;
    while batch.len() < max_docs && bytes < max_bytes {
        let Some(doc) = docs.next() else { break };
        let doc = doc?;
        bytes += doc.text.len();
        batch.push(doc);
    }
    Ok(())
}
