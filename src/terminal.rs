//! Text made safe for a terminal: article text, document ids and lexicon
//! labels can hold control characters (`ESC[2J` clears the screen, an OSC
//! sequence sets the window title, a bidirectional override reorders what
//! is shown). Reports printed for a person (`explain`, `stats`, error
//! messages) pass every piece of input through [`safe`] or [`safe_line`],
//! which show such characters as visible escapes (`\x1b`, `\u{202e}`).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal raw: C0 and C1 controls, DEL,
/// and the bidirectional embedding, override and isolate characters.
fn unsafe_char(c: char, keep_newlines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_newlines,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| unsafe_char(c, keep_newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c, keep_newlines) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// `s` with every control character but newline and tab shown as an
/// escape (`\x1b`).
pub fn safe(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// `s` on one line: like [`safe`], newlines and tabs escaped too.
pub fn safe_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        assert_eq!(safe("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(safe("\u{1b}]0;pwned\u{7}title"), "\\x1b]0;pwned\\x07title");
        assert_eq!(safe("c\u{9b}31m"), "c\\x9b31m");
        assert_eq!(safe("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(safe("two\nlines\tok"), "two\nlines\tok");
        assert_eq!(safe_line("two\nlines"), "two\\x0alines");
        assert!(matches!(safe("Erdoğan — “quoted”"), Cow::Borrowed(_)));
    }
}
