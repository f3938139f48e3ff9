//! Input stage: files, directories, standard input and JSON Lines corpora
//! become [`Document`]s.

use crate::document::Document;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

mod stream;

pub use stream::{DocumentStream, fill_batch};

/// File extensions read as plain-text articles.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonArticle {
    /// The raw JSON token, so that a number id keeps its exact text
    /// (`12345678901234567890123` is not rounded through a float).
    id: Box<serde_json::value::RawValue>,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default, rename = "title")]
    _title: Option<String>,
    #[serde(default, rename = "url")]
    _url: Option<String>,
}

/// Default cap on the size of one document: 10 MB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 10_000_000;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Skip malformed or duplicate JSON Lines records (reported in
    /// [`InputReport::skipped`]) instead of stopping at the first one.
    pub skip_bad: bool,
    /// Largest document accepted, in bytes (`None`: no limit). A larger
    /// document is an error naming it (a skipped record with `skip_bad`).
    pub max_document_bytes: Option<usize>,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            skip_bad: false,
            max_document_bytes: Some(DEFAULT_MAX_DOCUMENT_BYTES),
        }
    }
}

/// What reading the inputs left out.
#[derive(Debug, Default)]
pub struct InputReport {
    /// Records skipped with [`InputOptions::skip_bad`], in input order: the
    /// error that each would have been.
    pub skipped: Vec<Error>,
}

impl InputReport {
    /// A one-line summary of the skipped records (count and the first five
    /// places), or `None` when nothing was skipped.
    pub fn summary(&self) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let places: Vec<String> = self
            .skipped
            .iter()
            .take(5)
            .map(|e| match e {
                Error::JsonLine { path, line, .. } => format!("{}:{line}", path.display()),
                other => other.to_string(),
            })
            .collect();
        let more = if self.skipped.len() > 5 { ", ..." } else { "" };
        Some(format!(
            "skipped {} bad record{} ({}{more}); first: {}",
            self.skipped.len(),
            if self.skipped.len() == 1 { "" } else { "s" },
            places.join(", "),
            self.skipped[0]
        ))
    }
}

/// Strips a UTF-8 byte order mark at the start of a file.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn check_size(path: &Path, len: usize, opts: &InputOptions) -> Result<()> {
    match opts.max_document_bytes {
        Some(max) if len > max => Err(Error::TooLarge {
            path: path.to_path_buf(),
            bytes: len,
            max,
        }),
        _ => Ok(()),
    }
}

/// Reads standard input as one document with id `-`.
pub fn read_stdin() -> Result<Vec<Document>> {
    read_stdin_with(&InputOptions::default())
}

fn read_stdin_with(opts: &InputOptions) -> Result<Vec<Document>> {
    let mut bytes = Vec::new();
    let limit = opts.max_document_bytes.map_or(u64::MAX, |m| m as u64 + 1);
    std::io::stdin()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: "-".into(),
            source,
        })?;
    let path = Path::new("<stdin>");
    check_size(path, bytes.len(), opts)?;
    let text = decode(path, bytes)?;
    Ok(vec![Document::new("-", text)])
}

/// Parses a JSON Lines corpus: one `{"id", "text", "date"?, "source"?}` per
/// line; the first malformed line is an error naming the file and line. A
/// `date` is kept as its day, `YYYY-MM-DD` (see [`crate::day::parse_day`]).
pub fn parse_jsonl(path: &Path, content: &str) -> Result<Vec<Document>> {
    let mut ids = HashMap::new();
    parse_jsonl_bytes(
        path,
        content.as_bytes(),
        &InputOptions {
            max_document_bytes: None,
            ..InputOptions::default()
        },
        &mut ids,
        &mut InputReport::default(),
    )
}

/// Where each document id was first seen: (file, line).
type SeenIds = HashMap<String, (PathBuf, usize)>;

fn parse_jsonl_bytes(
    path: &Path,
    content: &[u8],
    opts: &InputOptions,
    ids: &mut SeenIds,
    report: &mut InputReport,
) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (n, line) in strip_bom(content).split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        match parse_record(path, line_no, line, opts, ids) {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(e) if opts.skip_bad => report.skipped.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok(docs)
}

fn parse_record(
    path: &Path,
    line_no: usize,
    line: &[u8],
    opts: &InputOptions,
    ids: &mut SeenIds,
) -> Result<Option<Document>> {
    let bad = |message: String| Error::JsonLine {
        path: path.to_path_buf(),
        line: line_no,
        message,
    };
    let line = std::str::from_utf8(line).map_err(|e| {
        bad(format!(
            "not valid UTF-8 (first bad byte at column {})",
            e.valid_up_to() + 1
        ))
    })?;
    let line = line.trim();
    if line.is_empty() {
        return Ok(None);
    }
    let rec: JsonArticle = serde_json::from_str(line).map_err(|e| {
        bad(format!(
            "not a valid article record ({e}); expected {{\"id\": ..., \"text\": ...}}"
        ))
    })?;
    let raw = rec.id.get();
    let id = match raw.as_bytes().first() {
        Some(b'"') => serde_json::from_str::<String>(raw)
            .map_err(|e| bad(format!("\"id\" is not a valid string ({e})")))?,
        Some(b'-' | b'0'..=b'9') => raw.to_string(),
        _ => {
            return Err(bad(format!(
                "\"id\" must be a string or a number, not {raw}"
            )));
        }
    };
    if let Some(max) = opts.max_document_bytes
        && rec.text.len() > max
    {
        return Err(bad(format!(
            "the text of {id:?} is {} bytes, over the limit of {max} bytes per document (--max-doc-mb)",
            rec.text.len()
        )));
    }
    if let Some((first_path, first_line)) = ids.get(&id) {
        return Err(bad(format!(
            "duplicate id {id:?} (first at {}:{first_line}); ids must be unique",
            first_path.display()
        )));
    }
    // Dates are counted by day: anything else is an error now rather than
    // a link silently missing from every date window later.
    let date = match rec.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(crate::day::parse_day(d).ok_or_else(|| {
            bad(format!(
                "\"date\" {d:?} is not a day: expected YYYY-MM-DD (a time may follow) or YYYYMMDD"
            ))
        })?),
    };
    ids.insert(id.clone(), (path.to_path_buf(), line_no));
    Ok(Some(Document {
        id,
        text: rec.text,
        date,
        source: rec.source,
    }))
}

/// Reads a whole text file (not JSON Lines) as one document, reading at
/// most one byte over the size cap so that an endless file (`/dev/zero`)
/// cannot exhaust memory.
fn read_text_file(path: &Path, opts: &InputOptions) -> Result<Document> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    let limit = opts.max_document_bytes.map_or(u64::MAX, |m| m as u64 + 1);
    file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    if let Err(e) = check_size(path, bytes.len(), opts) {
        // Name the real size when the file has one.
        let size = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len() as usize);
        return Err(match (e, size) {
            (Error::TooLarge { path, max, .. }, Some(bytes)) if bytes > max => {
                Error::TooLarge { path, bytes, max }
            }
            (e, _) => e,
        });
    }
    let text = decode(path, bytes)?;
    Ok(Document::new(path.display().to_string(), text))
}

fn is_input_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e) || e == "jsonl")
}

/// Reads every input path: `-` is standard input, a directory is walked
/// recursively (sorted, `.txt`, `.md`, `.jsonl`), anything else is a file.
/// No paths at all means standard input.
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Document>> {
    read_inputs_with(paths, &InputOptions::default()).map(|(docs, _)| docs)
}

/// Like [`read_inputs`], with options; also returns what was skipped.
///
/// A UTF-8 byte order mark at the start of a file is dropped. A text file
/// with a NUL byte is taken for a binary file and is an error, as are
/// invalid UTF-8, a document over the size cap, a malformed JSON Lines
/// record and an id seen before (in any input): each names the file (and
/// the line). With [`InputOptions::skip_bad`], bad JSON Lines records are
/// skipped and listed in the report instead.
pub fn read_inputs_with(
    paths: &[PathBuf],
    opts: &InputOptions,
) -> Result<(Vec<Document>, InputReport)> {
    let mut stream = DocumentStream::open(paths, opts, false)?;
    let docs = stream.by_ref().collect::<Result<Vec<Document>>>()?;
    Ok((docs, stream.into_report()))
}

/// The input files under directory `dir`, in file-name order; an error
/// names the directory when it holds none.
fn input_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Io {
            path: e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf()),
            source: e.into(),
        })?;
        if entry.file_type().is_file() && is_input_file(entry.path()) {
            files.push(entry.into_path());
        }
    }
    if files.is_empty() {
        return Err(Error::NoDocuments {
            path: dir.to_path_buf(),
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_lines_become_documents() {
        let docs = parse_jsonl(Path::new("c.jsonl"), "{\"id\": 7, \"text\": \"A.\"}\n\n{\"id\": \"b\", \"text\": \"B.\", \"date\": \"2025-01-02\"}\n").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "7");
        assert_eq!(docs[1].date.as_deref(), Some("2025-01-02"));
    }

    #[test]
    fn malformed_jsonl_names_file_and_line() {
        let err = parse_jsonl(
            Path::new("c.jsonl"),
            "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"txt\": 3}\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl:2:"), "{err}");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;

    fn parse(content: &[u8], skip_bad: bool) -> (Result<Vec<Document>>, InputReport) {
        let mut report = InputReport::default();
        let opts = InputOptions {
            skip_bad,
            ..InputOptions::default()
        };
        let r = parse_jsonl_bytes(
            Path::new("c.jsonl"),
            content,
            &opts,
            &mut SeenIds::new(),
            &mut report,
        );
        (r, report)
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let (docs, _) = parse(b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"A.\"}\n", false);
        assert_eq!(docs.unwrap()[0].id, "a");
        assert_eq!(
            decode(Path::new("x.txt"), b"\xEF\xBB\xBFEgypt.".to_vec()).unwrap(),
            "Egypt."
        );
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let (r, _) = parse(
            b"{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\", \"text\": \"B.\"}\n{\"id\": \"a\", \"text\": \"C.\"}\n",
            false,
        );
        let msg = r.unwrap_err().to_string();
        assert!(msg.starts_with("c.jsonl:3:"), "{msg}");
        assert!(
            msg.contains("duplicate id \"a\"") && msg.contains("c.jsonl:1"),
            "{msg}"
        );
        // A number and a string with the same text are the same id.
        let (r, _) = parse(
            b"{\"id\": 7, \"text\": \"A.\"}\n{\"id\": \"7\", \"text\": \"B.\"}\n",
            false,
        );
        assert!(r.is_err());
    }

    #[test]
    fn big_number_ids_keep_their_exact_text() {
        let (docs, _) = parse(
            b"{\"id\": 123456789012345678901234567890, \"text\": \"A.\"}\n{\"id\": 123456789012345678901234567891, \"text\": \"B.\"}\n{\"id\": 1.50, \"text\": \"C.\"}\n",
            false,
        );
        let ids: Vec<String> = docs.unwrap().into_iter().map(|d| d.id).collect();
        assert_eq!(
            ids,
            [
                "123456789012345678901234567890",
                "123456789012345678901234567891",
                "1.50"
            ]
        );
    }

    #[test]
    fn bad_records_stop_or_are_skipped_and_reported() {
        let content = b"{\"id\": 1, \"text\": \"A.\"}\nnot json\n{\"id\": 2, \"text\": \"B.\"}\n\xFF\xFE\n{\"id\": 1, \"text\": \"dup\"}\n{\"id\": [], \"text\": \"x\"}\n";
        let (r, _) = parse(content, false);
        assert!(r.unwrap_err().to_string().starts_with("c.jsonl:2:"));
        let (r, report) = parse(content, true);
        assert_eq!(r.unwrap().len(), 2);
        let lines: Vec<usize> = report
            .skipped
            .iter()
            .map(|e| match e {
                Error::JsonLine { line, .. } => *line,
                _ => 0,
            })
            .collect();
        assert_eq!(lines, [2, 4, 5, 6]);
        let summary = report.summary().unwrap();
        assert!(
            summary
                .starts_with("skipped 4 bad records (c.jsonl:2, c.jsonl:4, c.jsonl:5, c.jsonl:6)"),
            "{summary}"
        );
    }

    #[test]
    fn nul_bytes_mean_a_binary_file() {
        let err = decode(Path::new("x.txt"), b"Egypt\0accused".to_vec()).unwrap_err();
        assert!(
            err.to_string().contains("x.txt") && err.to_string().contains("offset 5"),
            "{err}"
        );
    }
}
