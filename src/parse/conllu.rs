//! Reader for CoNLL-U dependency trees (`ID FORM LEMMA UPOS XPOS FEATS
//! HEAD DEPREL DEPS MISC`, tab-separated, one word a line).
//!
//! Comment lines (`#`) are skipped, and so are multi-word token ranges
//! (`3-4`) and empty nodes (`3.1`): only the basic tree is read.

use std::path::Path;

use super::{DepLabel, ParseError};

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// XPOS column as written (not used by the parser).
    pub xpos: Vec<String>,
    /// Head of each word (0-based), `None` for the root.
    pub heads: Vec<Option<u32>>,
    /// Label of each word's arc.
    pub labels: Vec<DepLabel>,
    /// 1-based line number of the first word.
    pub line: usize,
}

impl TreeSentence {
    /// Word forms as string slices.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Reads every sentence of a CoNLL-U file.
pub fn read(path: &Path) -> Result<Vec<TreeSentence>, ParseError> {
    let text = std::fs::read_to_string(path).map_err(|source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses CoNLL-U text (`path` is only used in error messages).
pub fn parse(text: &str, path: &Path) -> Result<Vec<TreeSentence>, ParseError> {
    let err = |line: usize, message: String| ParseError::Format {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut out = Vec::new();
    let mut cur = TreeSentence {
        words: Vec::new(),
        xpos: Vec::new(),
        heads: Vec::new(),
        labels: Vec::new(),
        line: 0,
    };
    let finish = |cur: &mut TreeSentence, out: &mut Vec<TreeSentence>, line: usize| {
        if cur.words.is_empty() {
            return Ok(());
        }
        let n = cur.words.len() as u32;
        if cur.heads.iter().flatten().any(|&h| h >= n) {
            return Err(err(line, "head out of range".into()));
        }
        let next = TreeSentence {
            words: Vec::new(),
            xpos: Vec::new(),
            heads: Vec::new(),
            labels: Vec::new(),
            line: 0,
        };
        out.push(std::mem::replace(cur, next));
        Ok(())
    };
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut out, lineno)?;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                lineno,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(lineno, format!("bad ID {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(err(lineno, format!("ID {id} out of sequence")));
        }
        let head: u32 = cols[6]
            .parse()
            .map_err(|_| err(lineno, format!("bad HEAD {:?}", cols[6])))?;
        let label = DepLabel::from_name(cols[7])
            .ok_or_else(|| err(lineno, format!("unknown DEPREL {:?}", cols[7])))?;
        if cur.words.is_empty() {
            cur.line = lineno;
        }
        cur.words.push(cols[1].to_string());
        cur.xpos.push(cols[4].to_string());
        cur.heads.push(head.checked_sub(1));
        cur.labels.push(label);
    }
    let end = text.lines().count() + 1;
    finish(&mut cur, &mut out, end)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_trees_and_reports_errors() {
        let text = "# text = Qatar denied it\n\
                    1\tQatar\tQatar\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                    2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                    3\tit\tit\tPRON\tPRP\t_\t2\tdobj\t_\t_\n\n";
        let s = parse(text, Path::new("x")).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].heads, vec![Some(1), None, Some(1)]);
        assert_eq!(s[0].labels[2].as_str(), "dobj");
        assert_eq!(s[0].line, 2);
        let bad = text.replace("\t0\troot", "\t9\troot");
        assert!(parse(&bad, Path::new("x")).is_err());
        let bad = text.replace("dobj", "nonsense");
        assert!(parse(&bad, Path::new("x")).is_err());
    }
}
