//! Reported speech: the speaker of a quote or of "said that ..." is the
//! source of the accusation or demand it carries.

use super::units::Unit;
use super::Event;
use super::Trigger;
use crate::lexicon::Lexicon;
use crate::text::Token;
use std::ops::Range;

/// Reads accusations and demands carried by reported speech.
pub fn events(_tokens: &[Token], _sent: Range<usize>, _units: &[Unit], _triggers: &[Trigger], _lex: &Lexicon, _si: usize, _out: &mut Vec<Event>) {}
