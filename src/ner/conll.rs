//! Reader for CoNLL-2003 files (`token POS chunk NER`, one token a line).
//!
//! Sentences are separated by empty lines, `-DOCSTART-` lines separate
//! documents and are skipped. NER tags may be IOB1 (the original encoding)
//! or IOB2; entities are read with the conlleval rule: a chunk starts at
//! `B-X`, or at `I-X` after `O` or after a different type.

use std::path::Path;

use super::{EntityKind, NerError};

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens.
    pub words: Vec<String>,
    /// POS column (Penn Treebank tags), one per token.
    pub pos: Vec<String>,
    /// NER column as written (`O`, `I-PER`, `B-LOC`, ...), one per token.
    pub ner: Vec<String>,
    /// Index of the document the sentence belongs to (0-based).
    pub doc: usize,
    /// 1-based line number of the sentence's first token.
    pub line: usize,
}

/// An entity chunk: tokens `start..end` of type `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub kind: EntityKind,
}

impl Sentence {
    /// Gold entity chunks of the sentence (conlleval rule).
    pub fn entities(&self) -> Vec<Chunk> {
        chunks(self.ner.iter().map(|t| parse_tag(t).ok().flatten()))
    }

    /// Tokens as string slices.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Parses one NER tag: `Ok(None)` for `O`, `Ok(Some((is_b, kind)))` for
/// `B-X` / `I-X`, `Err` for anything else.
pub fn parse_tag(tag: &str) -> Result<Option<(bool, EntityKind)>, String> {
    if tag == "O" {
        return Ok(None);
    }
    let (prefix, kind) = tag
        .split_once('-')
        .ok_or_else(|| format!("bad NER tag {tag:?}"))?;
    let b = match prefix {
        "B" => true,
        "I" => false,
        _ => return Err(format!("bad NER tag prefix in {tag:?} (expected B- or I-)")),
    };
    let kind = EntityKind::from_conll(kind).ok_or_else(|| {
        format!("unknown entity type in {tag:?} (expected PER, ORG, LOC or MISC)")
    })?;
    Ok(Some((b, kind)))
}

/// Entity chunks of a tag sequence (`None` = `O`, `Some((is_b, kind))`),
/// with the conlleval rule, so IOB1 and IOB2 give the same chunks.
pub fn chunks(tags: impl IntoIterator<Item = Option<(bool, EntityKind)>>) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    let mut n = 0;
    for (i, tag) in tags.into_iter().enumerate() {
        n = i + 1;
        let starts_new = match (tag, open) {
            (None, _) => false,
            (Some((b, k)), Some((_, ok))) => b || k != ok,
            (Some(_), None) => true,
        };
        if (tag.is_none() || starts_new)
            && let Some((s, k)) = open.take()
        {
            out.push(Chunk {
                start: s,
                end: i,
                kind: k,
            });
        }
        if starts_new {
            open = tag.map(|(_, k)| (i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push(Chunk {
            start: s,
            end: n,
            kind: k,
        });
    }
    out
}

/// Reads a CoNLL-2003 file.
pub fn read(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, path)
}

/// Parses CoNLL-2003 text; `path` is only used in error messages.
///
/// Every token line must have exactly four whitespace-separated columns
/// and a valid NER tag; anything else is an error naming the line.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let mut cur: Option<Sentence> = None;
    let mut doc = 0usize;
    let mut seen_token_in_doc = false;
    for (idx, raw) in text.lines().enumerate() {
        let line_no = idx + 1;
        let line = raw.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            if let Some(s) = cur.take() {
                out.push(s);
            }
            if seen_token_in_doc {
                doc += 1;
                seen_token_in_doc = false;
            }
            continue;
        }
        if line.trim().is_empty() {
            if let Some(s) = cur.take() {
                out.push(s);
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() != 4 {
            return Err(NerError::Parse {
                path: path.to_path_buf(),
                line: line_no,
                message: format!(
                    "expected 4 columns (token POS chunk NER), found {}: {line:?}",
                    cols.len()
                ),
            });
        }
        parse_tag(cols[3]).map_err(|message| NerError::Parse {
            path: path.to_path_buf(),
            line: line_no,
            message,
        })?;
        seen_token_in_doc = true;
        let s = cur.get_or_insert_with(|| Sentence {
            words: Vec::new(),
            pos: Vec::new(),
            ner: Vec::new(),
            doc,
            line: line_no,
        });
        s.words.push(cols[0].to_string());
        s.pos.push(cols[1].to_string());
        s.ner.push(cols[3].to_string());
    }
    if let Some(s) = cur.take() {
        out.push(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nAcme NNP I-NP I-ORG\nCorp NNP I-NP I-ORG\nhired VBD I-VP O\nJane NNP I-NP I-PER\nDoe NNP I-NP I-PER\nB-Team NNP I-NP B-PER\n. . O O\n\nParis NNP I-NP I-LOC\n-DOCSTART- -X- -X- O\n\nRome NNP I-NP B-LOC\n";

    #[test]
    fn reads_sentences_and_documents() {
        let s = parse(SAMPLE, Path::new("x.txt")).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words.len(), 7);
        assert_eq!(s[0].line, 3);
        assert_eq!(s[0].doc, 0);
        assert_eq!(s[1].doc, 0);
        assert_eq!(s[2].doc, 1);
        let e = s[0].entities();
        assert_eq!(
            e,
            vec![
                Chunk {
                    start: 0,
                    end: 2,
                    kind: EntityKind::Org
                },
                Chunk {
                    start: 3,
                    end: 5,
                    kind: EntityKind::Per
                },
                Chunk {
                    start: 5,
                    end: 6,
                    kind: EntityKind::Per
                },
            ]
        );
        assert_eq!(s[2].entities()[0].kind, EntityKind::Loc);
    }

    #[test]
    fn conlleval_chunk_rule() {
        use EntityKind::*;
        let tags = [
            Some((false, Loc)),
            Some((false, Org)), // type change starts a chunk
            None,
            Some((true, Per)),
            Some((false, Per)),
            Some((true, Per)), // B- starts a new one
        ];
        let c = chunks(tags);
        assert_eq!(
            c.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(),
            vec![(0, 1), (1, 2), (3, 5), (5, 6)]
        );
    }

    #[test]
    fn malformed_lines_are_errors_with_line_numbers() {
        let err = parse("a NN I-NP O\nb NN I-NP\n", Path::new("f.txt")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("f.txt") && msg.contains(":2"), "{msg}");
        let err = parse("a NN I-NP X-PER\n", Path::new("f.txt")).unwrap_err();
        assert!(err.to_string().contains(":1"));
        let err = parse("a NN I-NP I-FOO\n", Path::new("f.txt")).unwrap_err();
        assert!(err.to_string().contains("FOO"));
        assert!(read(Path::new("/nonexistent/conll.txt")).is_err());
    }
}
