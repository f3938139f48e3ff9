//! Datelines and bylines: the header a news agency puts before the first
//! sentence of a story.
//!
//! The usual shapes are a place in capitals followed by a date or by the
//! agency in brackets, sometimes after the reporter's name:
//! "Jane Roe MOSCOW 1996-12-06 The minister ...", "LONDON (Reuters) - The
//! ...", "BEIRUT, Lebanon, Dec. 6 (AP) - ...", "WASHINGTON - The ...". The
//! reporter is no actor of the story and the place is only where it was
//! filed, so the header is cut off as a sentence of its own and the
//! mentions stage reads no actor in it.

use crate::text::Token;
use std::ops::Range;

/// Longest byline read before the place, in name tokens ("Mary Ann Lee").
const MAX_BYLINE: usize = 3;
/// Longest place read in capitals ("RIO DE JANEIRO", "PORT OF SPAIN").
const MAX_PLACE: usize = 4;
/// Longest editor's note in brackets before the dateline ("[ CORRECTED
/// 14:06 GMT ]").
const MAX_NOTE: usize = 8;

/// Month abbreviations of datelines ("Aug 30", "Dec. 6"); full month
/// names come from the language module.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn is_month(w: &str) -> bool {
    MONTH_ABBREVIATIONS.contains(&w) || crate::english::MONTH_NAMES.contains(&w)
}

/// The dateline that starts at token `begin`, as the range of tokens it
/// covers (an editor's note and the byline included), if one does.
pub fn at(tokens: &[Token], begin: usize) -> Option<Range<usize>> {
    let word = |i: usize| tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("");
    let mut i = begin;
    // "[ CORRECTED 14:06 GMT ] SIALKOT , Pakistan 1996-12-06"
    if word(i) == "[" {
        let close = (i + 1..(i + MAX_NOTE + 2).min(tokens.len())).find(|&k| word(k) == "]")?;
        i = close + 1;
    }
    // a story whose place stood in the headline: "1996-12-06 The firm said"
    if iso_date(word(i)) {
        return Some(begin..agency(tokens, i + 1).unwrap_or(i + 1));
    }
    let byline = (i..tokens.len())
        .take_while(|&k| byline_word(&tokens[k]))
        .count();
    if byline > MAX_BYLINE {
        return None;
    }
    let place_start = i + byline;
    let place = (place_start..tokens.len())
        .take_while(|&k| capitals(&tokens[k]))
        .count();
    // a place opens with a word, never an article or initial ("A U.S.-led")
    if place == 0
        || place > MAX_PLACE
        || tokens[place_start]
            .norm
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            < 2
    {
        return None;
    }
    let mut j = place_start + place;
    // ", United Arab Emirates" or ", N.J.": the region or country of the place
    if word(j) == "," && !month_at(tokens, j + 1) {
        let region = (j + 1..tokens.len())
            .take_while(|&k| tokens[k].is_capitalized() && tokens[k].is_word())
            .take(MAX_PLACE)
            .count();
        if region > 0 {
            j += 1 + region;
        }
    }
    // ", Dec. 6" or "Dec 6": the day in words
    let comma = usize::from(word(j) == ",");
    let mut dated = false;
    if month_at(tokens, j + comma) {
        j += comma + 2;
        dated = true;
    } else if iso_date(word(j)) {
        j += 1;
        dated = true;
    }
    if let Some(end) = agency(tokens, j) {
        return Some(begin..end);
    }
    if dated {
        return Some(begin..dash_after(tokens, j).unwrap_or(j));
    }
    // "WASHINGTON - The ...": only a dash, so the story must go on in
    // ordinary case ("SOCCER - JAPAN WIN" is a headline, not a dateline),
    // and no byline may stand before it.
    let end = dash_after(tokens, j)?;
    let next = tokens.get(end)?;
    (byline == 0 && next.is_capitalized() && next.norm.chars().any(|c| c.is_lowercase()))
        .then_some(begin..end)
}

/// True for a day written `YYYY-MM-DD`.
fn iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// A word of a reporter's name: capitalised and not all capitals, or an
/// initial ("K.T.").
fn byline_word(t: &Token) -> bool {
    t.is_capitalized()
        && t.norm
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        && (t.norm.chars().any(|c| c.is_lowercase()) || t.norm.ends_with('.'))
}

/// A word of a place written in capitals ("MOSCOW", "AL-AIN", "N'DJAMENA").
fn capitals(t: &Token) -> bool {
    t.norm.chars().any(|c| c.is_alphabetic())
        && t.norm
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''))
}

/// A month name (or its abbreviation) followed by a day number.
fn month_at(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.is_capitalized() && is_month(t.lower.trim_end_matches('.')))
        && tokens.get(i + 1).is_some_and(|t| {
            !t.norm.is_empty() && t.norm.len() <= 2 && t.norm.chars().all(|c| c.is_ascii_digit())
        })
}

/// End of an agency in brackets and the dash after it at `i` ("(Reuters)
/// -", "( AP ) --"); without the dash the brackets may hold an expansion
/// ("UNHCR (UN Refugee Agency) said").
fn agency(tokens: &[Token], i: usize) -> Option<usize> {
    if tokens.get(i)?.norm != "(" {
        return None;
    }
    let names = (i + 1..tokens.len())
        .take_while(|&k| tokens[k].is_capitalized())
        .take(3)
        .count();
    if names == 0 || tokens.get(i + 1 + names)?.norm != ")" {
        return None;
    }
    dash_after(tokens, i + names + 2)
}

/// End of the dash (a hyphen, "--" which the tokenizer keeps as one
/// token, or a long dash) at `i`, set off by a space from the word before
/// it ("U.S.-led" holds no dash of a dateline).
fn dash_after(tokens: &[Token], i: usize) -> Option<usize> {
    if i == 0 || tokens.get(i)?.span.start == tokens[i - 1].span.end {
        return None;
    }
    tokens
        .get(i)
        .is_some_and(|t| matches!(t.norm.as_str(), "-" | "--"))
        .then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The dateline at the start of `text`, as text.
    fn header(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        at(&tokens, 0).map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].into())
    }

    #[test]
    fn byline_place_and_day() {
        assert_eq!(
            header("Anna Kowal WARSAW 2001-03-14 The premier resigned.").as_deref(),
            Some("Anna Kowal WARSAW 2001-03-14")
        );
        assert_eq!(
            header("Tom O'Neill RIO DE JANEIRO 2001-03-14 Police said.").as_deref(),
            Some("Tom O'Neill RIO DE JANEIRO 2001-03-14")
        );
        assert_eq!(
            header("P.J. Rao CHENNAI 2001-03-14 Police said.").as_deref(),
            Some("P.J. Rao CHENNAI 2001-03-14")
        );
    }

    #[test]
    fn place_with_region_and_day() {
        assert_eq!(
            header("AL-MANSURA , Egypt 2001-03-14 Two men were held.").as_deref(),
            Some("AL-MANSURA , Egypt 2001-03-14")
        );
        assert_eq!(
            header("TRENTON , N.J. 2001-03-14 The firm said.").as_deref(),
            Some("TRENTON , N.J. 2001-03-14")
        );
        assert_eq!(
            header("[ CORRECTED 10:02 GMT ] LAHORE , Pakistan 2001-03-14 Scores.").as_deref(),
            Some("[ CORRECTED 10:02 GMT ] LAHORE , Pakistan 2001-03-14")
        );
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            header("OSLO (Reuters) - Norway said on Monday.").as_deref(),
            Some("OSLO (Reuters) -")
        );
        assert_eq!(
            header("QUITO, Ecuador, Feb. 3 (AP) -- The army said.").as_deref(),
            Some("QUITO, Ecuador, Feb. 3 (AP) --")
        );
        assert_eq!(
            header("KAMPALA, March 9 - Uganda said.").as_deref(),
            Some("KAMPALA, March 9 -")
        );
        assert_eq!(
            header("NAIROBI — Kenya closed its border.").as_deref(),
            Some("NAIROBI —")
        );
        assert_eq!(
            header("2001-03-14 Acme Corp said it agreed.").as_deref(),
            Some("2001-03-14")
        );
    }

    #[test]
    fn headlines_and_sentences_are_no_datelines() {
        // a headline in capitals before a dash goes on in capitals
        assert_eq!(header("TENNIS - SELES BEATS GRAF IN FINAL ."), None);
        // a name that acts is no byline: no capitals and day follow
        assert_eq!(header("Anna Kowal met the NATO chief."), None);
        assert_eq!(header("NATO said on Monday."), None);
        assert_eq!(header("A U.S.-led force protects the Kurds."), None);
        assert_eq!(header("US - led by its envoy - talks went on."), None);
        // a byline needs a day or an agency after the place
        assert_eq!(header("Anna Kowal WARSAW - The premier left."), None);
        // brackets without a dash expand a name
        assert_eq!(header("UNHCR (UN Refugees) said on Monday."), None);
        // too long for a byline
        assert_eq!(header("The Grand Old Duke YORK 2001-03-14 Text."), None);
    }
}
