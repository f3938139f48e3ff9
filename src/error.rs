//! Errors of the library. Every error that comes from user input names the
//! file (and the line, where there is one) so that it can be fixed.

use std::path::PathBuf;

/// Anything that can go wrong while reading input or building a graph.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{path}: not valid UTF-8 text (first bad byte at offset {offset})")]
    Utf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A text file holds NUL bytes: most likely a binary file.
    #[error("{path}: a binary file, not text (NUL byte at offset {offset})")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A document is over the size cap.
    #[error(
        "{path}: {bytes} bytes, over the limit of {max} bytes per document (raise it with --max-doc-mb)"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: usize,
        /// The cap.
        max: usize,
    },
    /// A line of a JSON Lines corpus is not a valid article record.
    #[error("{path}:{line}: {message}")]
    JsonLine {
        /// The corpus file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A lexicon file is malformed.
    #[error("{path}: {message}")]
    Lexicon {
        /// The lexicon file (or the name of a built-in data file).
        path: PathBuf,
        /// What is wrong, with the line and column where known.
        message: String,
    },
    /// An input path holds no text documents.
    #[error("{path}: no .txt, .md or .jsonl documents found")]
    NoDocuments {
        /// The directory given on the command line.
        path: PathBuf,
    },
    /// Writing an export (or a report) failed.
    #[error("writing {what}: {source}")]
    Write {
        /// What was being written ("graph.json", "standard output").
        what: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Serialising an export failed.
    #[error("serialising {what}: {message}")]
    Serialize {
        /// The format.
        what: &'static str,
        /// What went wrong.
        message: String,
    },
    /// Rendering through Graphviz failed.
    #[error("{0}")]
    Render(String),
    /// Any other invalid request.
    #[error("{0}")]
    Invalid(String),
}

/// Result type of the library.
pub type Result<T> = std::result::Result<T, Error>;
