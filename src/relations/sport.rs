//! Sports reports: there "laid siege to", "attacked", "crushed" and "met"
//! describe play between teams and players, not politics.

use crate::english::{SPORTS_PLAY_STEMS, SPORTS_WORDS, is};
use crate::text::Analysis;

/// Cues of sport a sentence needs, with the two sentences before it and
/// the one after it, to be read as a sports report.
const CUES_NEEDED: usize = 2;

/// Whether `w` is a match score ("2-0", "15-7", "37-10").
fn is_score(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let short_number =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit());
    short_number(a) && short_number(b)
}

/// Whether lower-case `w` is a cue of sport: a sports word, also as the
/// last part of a compound ("fifth-wicket", "super-middleweight"), or a
/// match score.
fn is_cue(w: &str) -> bool {
    // (every token of every sentence comes here: the list is searched a
    // second time only for a compound's last part)
    let last = w.rsplit('-').next().unwrap_or(w);
    is(SPORTS_WORDS, w) || last.len() < w.len() && is(SPORTS_WORDS, last) || is_score(w)
}

/// One flag per sentence: whether it sits in a sports report. A sentence
/// counts the cues (sports words, match scores) of its own, of the two
/// sentences before it and of the one after it, so that a long document
/// mixing sport and politics is judged where each part is.
pub fn sports_sentences(analysis: &Analysis) -> Vec<bool> {
    let cues: Vec<usize> = analysis
        .sentences
        .iter()
        .map(|s| {
            analysis.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| is_cue(&t.lower))
                .count()
        })
        .collect();
    (0..cues.len())
        .map(|i| {
            cues[i.saturating_sub(2)..(i + 2).min(cues.len())]
                .iter()
                .sum::<usize>()
                >= CUES_NEEDED
        })
        .collect()
}

/// Whether `word`, the trigger of a `relation`, is play in a sports report
/// ("rallied" for protests, "helping" for cooperates).
pub fn is_play_word(relation: &str, word: &str) -> bool {
    SPORTS_PLAY_STEMS
        .iter()
        .any(|&(r, stem)| r == relation && word.starts_with(stem))
}

/// Whether sentence `si` itself holds a sports cue (a sports word or a
/// match score): the words that are play only in a match ("rallied",
/// "helping") need the match in their own sentence, not beside it, and
/// the word itself ("rallied" is a sports word) does not count.
pub fn has_own_cue(analysis: &Analysis, si: usize, except: &str) -> bool {
    analysis.sentences.get(si).is_some_and(|s| {
        analysis.tokens[s.tokens.clone()]
            .iter()
            .any(|t| t.lower != except && is_cue(&t.lower))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(text: &str) -> Vec<bool> {
        let mut a = crate::text::analyze(text);
        crate::text::tag(&mut a);
        sports_sentences(&a)
    }

    #[test]
    fn scores_and_sports_words_make_a_sports_report() {
        assert_eq!(
            flags("Brazil beat Chile 2-0 in the World Cup qualifier."),
            vec![true]
        );
        assert_eq!(
            flags("Chile attacked the Brazilian goal all game."),
            vec![true]
        );
        assert!(is_score("15-7") && !is_score("1996-97") && !is_score("a-b"));
    }

    #[test]
    fn rallies_and_help_are_play_words_only_for_their_relation() {
        assert!(is_play_word("protests", "rallied"));
        assert!(is_play_word("cooperates", "helping"));
        assert!(!is_play_word("cooperates", "rallied"));
        assert!(!is_play_word("protests", "marched"));
    }

    #[test]
    fn the_last_part_of_a_compound_is_a_cue() {
        assert!(is_cue("fifth-wicket"));
        assert!(is_cue("featherweight"));
        assert!(is_cue("2-1"));
        assert!(!is_cue("two-day"));
        assert!(!is_cue("cease-fire"));
    }

    #[test]
    fn politics_is_no_sports_report() {
        assert_eq!(
            flags("Brazil accused Chile of massing troops on the border."),
            vec![false]
        );
        // one cue alone is not enough: the vote was 14-1
        assert_eq!(
            flags("The council voted 14-1 to impose sanctions on Chile."),
            vec![false]
        );
    }
}
