//! Input stage: files, directories, standard input and JSON Lines corpora
//! become [`Document`]s.

use crate::document::Document;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// File extensions read as plain-text articles.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonArticle {
    id: serde_json::Value,
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

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads standard input as one document with id `-`.
pub fn read_stdin() -> Result<Vec<Document>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: "-".into(),
            source,
        })?;
    let text = decode(Path::new("<stdin>"), bytes)?;
    Ok(vec![Document::new("-", text)])
}

/// Parses a JSON Lines corpus: one `{"id", "text", "date"?, "source"?}` per line.
pub fn parse_jsonl(path: &Path, content: &str) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let rec: JsonArticle = serde_json::from_str(line).map_err(|e| Error::JsonLine {
            path: path.to_path_buf(),
            line: n + 1,
            message: format!(
                "not a valid article record ({e}); expected {{\"id\": ..., \"text\": ...}}"
            ),
        })?;
        let id = match rec.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                return Err(Error::JsonLine {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: format!("\"id\" must be a string or a number, not {other}"),
                });
            }
        };
        docs.push(Document {
            id,
            text: rec.text,
            date: rec.date,
            source: rec.source,
        });
    }
    Ok(docs)
}

fn read_file(path: &Path) -> Result<Vec<Document>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = decode(path, bytes)?;
    if path.extension().is_some_and(|e| e == "jsonl") {
        parse_jsonl(path, &text)
    } else {
        Ok(vec![Document::new(path.display().to_string(), text)])
    }
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
    if paths.is_empty() {
        return read_stdin();
    }
    let mut docs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            docs.extend(read_stdin()?);
        } else if p.is_dir() {
            let mut files: Vec<PathBuf> = Vec::new();
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Io {
                    path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                    source: e.into(),
                })?;
                if entry.file_type().is_file() && is_input_file(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            if files.is_empty() {
                return Err(Error::NoDocuments { path: p.clone() });
            }
            for f in files {
                docs.extend(read_file(&f)?);
            }
        } else {
            docs.extend(read_file(p)?);
        }
    }
    Ok(docs)
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
