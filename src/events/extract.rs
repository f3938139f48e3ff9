//! `actorgraph extract`: documents in, event rows out, a batch at a time,
//! so that memory stays bounded whatever the size of the input.

use super::jsonl::JsonlSink;
use super::parquet::ParquetSink;
use super::{DayWindow, EventRow, rows};
use crate::Pipeline;
use crate::error::Result;
use crate::graph::DocContribution;
use crate::input::DocumentStream;
use rayon::prelude::*;
use std::io::Write;

/// Documents per batch.
pub const BATCH_DOCUMENTS: usize = 512;
/// Text per batch, in bytes (a batch ends at the document that crosses it).
pub const BATCH_BYTES: usize = 8 << 20;

/// Where the rows go: JSON Lines or Parquet.
#[derive(Debug)]
pub enum EventSink<W: Write + Send> {
    /// JSON Lines.
    Jsonl(JsonlSink<W>),
    /// Parquet.
    Parquet(Box<ParquetSink<W>>),
}

impl<W: Write + Send> EventSink<W> {
    /// Writes one batch of rows.
    pub fn write_rows(&mut self, rows: &[EventRow]) -> Result<()> {
        match self {
            EventSink::Jsonl(s) => s.write_rows(rows),
            EventSink::Parquet(s) => s.write_rows(rows),
        }
    }

    /// Ends the table (the Parquet footer) and returns the writer.
    pub fn finish(self) -> Result<W> {
        match self {
            EventSink::Jsonl(s) => Ok(s.into_inner()),
            EventSink::Parquet(s) => s.finish(),
        }
    }
}

/// What an extract run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractSummary {
    /// Documents read (in the window).
    pub documents: usize,
    /// Rows written.
    pub rows: usize,
    /// Bytes of input read.
    pub bytes: u64,
    /// True when `stop` ended the run early (every row written is whole).
    pub stopped: bool,
}

/// The rows of some documents, in document order (extracted in parallel).
pub fn rows_of(pipeline: &Pipeline, docs: &[crate::Document]) -> Vec<EventRow> {
    let per_doc: Vec<Vec<EventRow>> = docs
        .par_iter()
        .map(|d| {
            let ex = pipeline.extract(d);
            rows(&DocContribution::of(
                &ex,
                d.date.as_deref(),
                d.source.as_deref(),
            ))
        })
        .collect();
    per_doc.into_iter().flatten().collect()
}

/// Extracts every document of `input` in `window` into `sink`, a batch at
/// a time; `progress` gets the bytes read after each batch, and `stop` is
/// asked between batches (true ends the run with the rows so far).
pub fn extract<W: Write + Send>(
    pipeline: &Pipeline,
    input: &mut DocumentStream,
    window: &DayWindow,
    sink: &mut EventSink<W>,
    progress: impl Fn(u64),
    stop: impl Fn() -> bool,
) -> Result<ExtractSummary> {
    let mut summary = ExtractSummary::default();
    loop {
        if stop() {
            summary.stopped = true;
            break;
        }
        let mut batch = input.next_batch(BATCH_DOCUMENTS, BATCH_BYTES)?;
        if batch.is_empty() {
            break;
        }
        batch.retain(|d| window.keeps(d.date.as_deref()));
        let rows = rows_of(pipeline, &batch);
        sink.write_rows(&rows)?;
        summary.documents += batch.len();
        summary.rows += rows.len();
        summary.bytes = input.bytes_read();
        progress(summary.bytes);
    }
    summary.bytes = input.bytes_read();
    Ok(summary)
}
