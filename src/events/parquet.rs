//! The event table as Apache Parquet (snappy-compressed, row groups of at
//! most [`ROW_GROUP_ROWS`] rows), through the `parquet` and `arrow` crates.
//!
//! Column types are the ones Spark, DuckDB and pandas read without casts:
//! strings, `int32` (sentence), `int64` (offsets, mentions), `float32`
//! (confidence), `float64` (Goldstein) and a list of strings (aliases). The
//! reader also takes what Spark writes back (any column order, strings as
//! large or view strings, integers of either width).

use super::{EventRow, GraphFolder};
use crate::error::{Error, Result};
use arrow_array::builder::{
    Float32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Rows per row group: a row group is what a stopped run keeps whole.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The Arrow schema of the table, in column order.
pub fn schema() -> SchemaRef {
    let s = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let i64 = |name: &str| Field::new(name, DataType::Int64, true);
    Arc::new(Schema::new(vec![
        s("record", false),
        s("doc_id", false),
        s("date", true),
        s("doc_source", true),
        Field::new("sentence", DataType::Int32, true),
        i64("sentence_start"),
        i64("sentence_end"),
        s("source_id", true),
        s("source_label", true),
        s("source_kind", true),
        s("source_affiliation", true),
        s("role", true),
        Field::new(
            "aliases",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            true,
        ),
        i64("mentions"),
        s("target_id", true),
        s("target_label", true),
        s("target_kind", true),
        s("target_affiliation", true),
        s("relation", true),
        s("cameo", true),
        Field::new("goldstein", DataType::Float64, true),
        s("modality", true),
        Field::new("confidence", DataType::Float32, true),
        i64("trigger_start"),
        i64("trigger_end"),
        i64("source_start"),
        i64("source_end"),
        i64("target_start"),
        i64("target_end"),
        s("evidence", true),
    ]))
}

fn parquet_error(what: &'static str) -> impl Fn(parquet::errors::ParquetError) -> Error {
    move |e| Error::Serialize {
        what,
        message: e.to_string(),
    }
}

/// Writes rows as Parquet.
pub struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
}

impl<W: Write + Send> std::fmt::Debug for ParquetSink<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetSink").finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetSink<W> {
    /// A sink writing into `out`.
    pub fn new(out: W) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(crate::export::json::generator())
            .build();
        let schema = schema();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))
            .map_err(parquet_error("Parquet event table"))?;
        Ok(ParquetSink { writer, schema })
    }

    /// Adds one batch of rows (written out row group by row group).
    pub fn write_rows(&mut self, rows: &[EventRow]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let batch = record_batch(&self.schema, rows)?;
        self.writer
            .write(&batch)
            .map_err(parquet_error("Parquet event table"))
    }

    /// Closes the last row group and writes the footer; returns the writer.
    pub fn finish(self) -> Result<W> {
        self.writer
            .into_inner()
            .map_err(parquet_error("Parquet event table"))
    }
}

fn record_batch(schema: &SchemaRef, rows: &[EventRow]) -> Result<RecordBatch> {
    let strings = |get: &dyn Fn(&EventRow) -> Option<&str>| -> ArrayRef {
        let mut b = StringBuilder::new();
        for r in rows {
            b.append_option(get(r));
        }
        Arc::new(b.finish())
    };
    let ints = |get: &dyn Fn(&EventRow) -> Option<i64>| -> ArrayRef {
        let mut b = Int64Builder::with_capacity(rows.len());
        for r in rows {
            b.append_option(get(r));
        }
        Arc::new(b.finish())
    };
    let mut sentence = Int32Builder::with_capacity(rows.len());
    let mut goldstein = Float64Builder::with_capacity(rows.len());
    let mut confidence = Float32Builder::with_capacity(rows.len());
    let mut aliases = ListBuilder::new(StringBuilder::new());
    for r in rows {
        sentence.append_option(r.sentence);
        goldstein.append_option(r.goldstein);
        confidence.append_option(r.confidence);
        match &r.aliases {
            Some(v) => {
                for a in v {
                    aliases.values().append_value(a);
                }
                aliases.append(true);
            }
            None => aliases.append(false),
        }
    }
    let columns: Vec<ArrayRef> = vec![
        strings(&|r| Some(r.record.as_str())),
        strings(&|r| Some(r.doc_id.as_str())),
        strings(&|r| r.date.as_deref()),
        strings(&|r| r.doc_source.as_deref()),
        Arc::new(sentence.finish()),
        ints(&|r| r.sentence_start),
        ints(&|r| r.sentence_end),
        strings(&|r| r.source_id.as_deref()),
        strings(&|r| r.source_label.as_deref()),
        strings(&|r| r.source_kind.as_deref()),
        strings(&|r| r.source_affiliation.as_deref()),
        strings(&|r| r.role.as_deref()),
        Arc::new(aliases.finish()),
        ints(&|r| r.mentions),
        strings(&|r| r.target_id.as_deref()),
        strings(&|r| r.target_label.as_deref()),
        strings(&|r| r.target_kind.as_deref()),
        strings(&|r| r.target_affiliation.as_deref()),
        strings(&|r| r.relation.as_deref()),
        strings(&|r| r.cameo.as_deref()),
        Arc::new(goldstein.finish()),
        strings(&|r| r.modality.as_deref()),
        Arc::new(confidence.finish()),
        ints(&|r| r.trigger_start),
        ints(&|r| r.trigger_end),
        ints(&|r| r.source_start),
        ints(&|r| r.source_end),
        ints(&|r| r.target_start),
        ints(&|r| r.target_end),
        strings(&|r| r.evidence.as_deref()),
    ];
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| Error::Serialize {
        what: "Parquet event table",
        message: e.to_string(),
    })
}

/// One column of a batch read back, absent when the file lacks it.
struct Column<'a> {
    name: &'static str,
    array: Option<&'a ArrayRef>,
}

impl Column<'_> {
    fn live(&self, i: usize) -> Option<&ArrayRef> {
        self.array.filter(|a| !a.is_null(i))
    }

    fn wrong(&self, a: &ArrayRef) -> String {
        format!("column {} has type {}", self.name, a.data_type())
    }

    fn str(&self, i: usize) -> std::result::Result<Option<String>, String> {
        let Some(a) = self.live(i) else {
            return Ok(None);
        };
        Ok(Some(match a.data_type() {
            DataType::Utf8 => a.as_string::<i32>().value(i).to_string(),
            DataType::LargeUtf8 => a.as_string::<i64>().value(i).to_string(),
            DataType::Utf8View => a.as_string_view().value(i).to_string(),
            _ => return Err(self.wrong(a)),
        }))
    }

    fn int(&self, i: usize) -> std::result::Result<Option<i64>, String> {
        let Some(a) = self.live(i) else {
            return Ok(None);
        };
        Ok(Some(match a.data_type() {
            DataType::Int64 => a.as_primitive::<Int64Type>().value(i),
            DataType::Int32 => i64::from(a.as_primitive::<Int32Type>().value(i)),
            _ => return Err(self.wrong(a)),
        }))
    }

    fn float(&self, i: usize) -> std::result::Result<Option<f64>, String> {
        let Some(a) = self.live(i) else {
            return Ok(None);
        };
        Ok(Some(match a.data_type() {
            DataType::Float64 => a.as_primitive::<Float64Type>().value(i),
            DataType::Float32 => f64::from(a.as_primitive::<Float32Type>().value(i)),
            _ => return Err(self.wrong(a)),
        }))
    }

    fn confidence(&self, i: usize) -> std::result::Result<Option<f32>, String> {
        let Some(a) = self.live(i) else {
            return Ok(None);
        };
        match a.data_type() {
            DataType::Float32 => Ok(Some(a.as_primitive::<Float32Type>().value(i))),
            // A float32 widened on the way (a Spark job that used double)
            // narrows back exactly.
            DataType::Float64 => Ok(Some(a.as_primitive::<Float64Type>().value(i) as f32)),
            _ => Err(self.wrong(a)),
        }
    }

    fn strings(&self, i: usize) -> std::result::Result<Option<Vec<String>>, String> {
        let Some(a) = self.live(i) else {
            return Ok(None);
        };
        let values = match a.data_type() {
            DataType::List(_) => a.as_list::<i32>().value(i),
            DataType::LargeList(_) => a.as_list::<i64>().value(i),
            _ => return Err(self.wrong(a)),
        };
        let inner = Column {
            name: self.name,
            array: Some(&values),
        };
        let mut out = Vec::with_capacity(values.len());
        for k in 0..values.len() {
            out.extend(inner.str(k)?);
        }
        Ok(Some(out))
    }
}

fn row_of(batch: &RecordBatch, i: usize) -> std::result::Result<EventRow, String> {
    let col = |name: &'static str| Column {
        name,
        array: batch.column_by_name(name),
    };
    let text = |name: &'static str| col(name).str(i);
    let int = |name: &'static str| col(name).int(i);
    let required = |name: &'static str| -> std::result::Result<String, String> {
        text(name)?.ok_or_else(|| format!("column {name} is missing or empty"))
    };
    let sentence = match int("sentence")? {
        None => None,
        Some(s) => Some(i32::try_from(s).map_err(|_| format!("sentence {s} is out of range"))?),
    };
    Ok(EventRow {
        record: required("record")?,
        doc_id: required("doc_id")?,
        date: text("date")?,
        doc_source: text("doc_source")?,
        sentence,
        sentence_start: int("sentence_start")?,
        sentence_end: int("sentence_end")?,
        source_id: text("source_id")?,
        source_label: text("source_label")?,
        source_kind: text("source_kind")?,
        source_affiliation: text("source_affiliation")?,
        role: text("role")?,
        aliases: col("aliases").strings(i)?,
        mentions: int("mentions")?,
        target_id: text("target_id")?,
        target_label: text("target_label")?,
        target_kind: text("target_kind")?,
        target_affiliation: text("target_affiliation")?,
        relation: text("relation")?,
        cameo: text("cameo")?,
        goldstein: col("goldstein").float(i)?,
        modality: text("modality")?,
        confidence: col("confidence").confidence(i)?,
        trigger_start: int("trigger_start")?,
        trigger_end: int("trigger_end")?,
        source_start: int("source_start")?,
        source_end: int("source_end")?,
        target_start: int("target_start")?,
        target_end: int("target_end")?,
        evidence: text("evidence")?,
    })
}

/// Folds every row of a Parquet event table; a bad row is an error naming
/// the file and the row (1-based, in file order).
pub fn fold_file(path: &Path, folder: &mut GraphFolder) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |message: String| Error::Invalid(format!("{}: {message}", path.display()));
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(8192).build())
        .map_err(|e| bad(format!("not a readable Parquet file ({e})")))?;
    let mut n = 0;
    for batch in reader {
        let batch = batch.map_err(|e| bad(format!("reading row {}: {e}", n + 1)))?;
        for i in 0..batch.num_rows() {
            n += 1;
            let row = row_of(&batch, i).map_err(|message| Error::JsonLine {
                path: path.to_path_buf(),
                line: n,
                message: format!("(row {n}) {message}"),
            })?;
            folder.fold(&row, path, n)?;
        }
    }
    Ok(())
}
