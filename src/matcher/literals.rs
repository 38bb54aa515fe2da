//! What a pattern's syntax guarantees about the literals of its matches: the prefilter
//! literals ("triggers") the trie looks for, chosen from the literals every match must start
//! with, end with or contain, and how the matches lie around them ([`Shape`]), which decides
//! how the pattern is searched (see `searches.rs`).

use crate::text::is_ascii_word_byte;

/// Literals shorter than this are too common to filter anything. Two bytes are enough: the
/// literal must also start where a walk starts, so "by" stands for the word "by", not every
/// "by" inside "nearby" (measured on PTC: 4 % less time than a minimum of three).
const MIN_TRIGGER_LEN: usize = 2;

/// How every match of a pattern lies around its trigger literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shape {
    /// Every match starts where one of the literals does (they are the match's prefixes and
    /// none lost leading punctuation): the pattern can be searched anchored there.
    pub(super) starts_matches: bool,
    /// Every match ends at most this many bytes after the start of one of its literals, when
    /// that is bounded ("Jane Doe said" ends with "said"): a line needs searching only up to
    /// its last literal plus this, not to its end.
    pub(super) reach: Option<usize>,
    /// Every match starts at a line start and has one of its literals start at most this many
    /// characters into the line ("^.{0,60}?\bBy", 60): a line whose first literal comes later
    /// needs no search.
    pub(super) line_lead: Option<usize>,
}

/// Literals for the trie, as [`trigger_set`] chooses them, and what they tell about where the
/// pattern's matches lie.
pub(super) struct TriggerSet {
    pub(super) literals: Vec<String>,
    pub(super) shape: Shape,
}

/// [`trigger_set`]'s literals alone, for the tests.
#[cfg(test)]
pub(super) fn trigger_literals(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    trigger_set(hir).map(|set| set.literals)
}

/// Literals (lower-cased) such that every match of the pattern `hir` contains one of them,
/// and that the trie walk cannot miss: the literals that matches start with, or end with, or
/// the ones that one element of the pattern's top-level sequence must start with
/// (`\b(?:we|they) are either with` must contain " are either with"), whichever has the
/// longest shortest literal. `None` when no set is worth searching for.
pub(super) fn trigger_set(hir: &regex_syntax::hir::Hir) -> Option<TriggerSet> {
    let candidates = literal_candidates(hir);
    let chosen = best_candidate(&candidates, |literal, at_walk_start| {
        literal.len() >= MIN_TRIGGER_LEN && (at_walk_start || !is_ascii_word_byte(literal.as_bytes()[0]))
    })?;
    let (index, literals) = chosen;
    let mut trimmed = 0; // the most leading punctuation taken off a literal, in bytes

    let literals = literals
        .iter()
        .map(|l| {
            let literal = l.to_ascii_lowercase();
            // " said" and ", said" as "said": the word starts right after a non-word byte,
            // where a walk starts anyway, and no walk has to start at every space.
            let word = literal.trim_start_matches(|c: char| c.is_ascii() && !is_ascii_word_byte(c as u8));
            if word.len() >= MIN_TRIGGER_LEN && is_ascii_word_byte(word.as_bytes()[0]) {
                trimmed = trimmed.max(literal.len() - word.len());
                word.to_string()
            } else {
                literal
            }
        })
        .collect();
    let candidate = &candidates[index];
    let at_line_start = matches_at_line_start(hir);
    let shape = Shape {
        // Candidate 0 is the set of prefixes.
        starts_matches: index == 0 && trimmed == 0,
        // Trimming moves a literal's start later, never its end: the reach from the trimmed
        // start is shorter still. The lead grows by the trimmed (ASCII) characters.
        reach: candidate.reach,
        line_lead: candidate.lead.filter(|_| at_line_start).and_then(|lead| lead.checked_add(trimmed)),
    };
    Some(TriggerSet { literals, shape })
}

/// Every match of `hir` starts at the start of a line (`^`, or `\A` as the line is the haystack).
pub(super) fn matches_at_line_start(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::Look;
    let prefix = hir.properties().look_set_prefix();
    prefix.contains(Look::Start) || prefix.contains(Look::StartLF)
}

/// The ASCII bytes that no match of `hir` can contain (bit `b` of the 128): no literal or
/// class of the pattern holds them. Look-arounds consume nothing, so `\b` or `$` next to such a
/// byte does not take it into a match. No match spans such a byte, so a line's search can
/// start just past the last of them before the first literal every match must reach; ASCII
/// only, as an ASCII byte is never part of another character.
pub(super) fn barrier_bytes(hir: &regex_syntax::hir::Hir) -> u128 {
    /// The ASCII bytes some match of `hir` can contain.
    fn possible(hir: &regex_syntax::hir::Hir) -> u128 {
        use regex_syntax::hir::{Class, HirKind};
        let ascii_range = |start: u32, end: u32| -> u128 {
            if start > 127 {
                return 0;
            }
            let end = end.min(127);
            // Bits start..=end.
            (u128::MAX >> (127 - end)) & (u128::MAX << start)
        };
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => 0,
            HirKind::Literal(literal) => {
                literal.0.iter().filter(|b| b.is_ascii()).fold(0, |bits, &b| bits | 1 << b)
            }
            HirKind::Class(Class::Unicode(class)) => class
                .iter()
                .fold(0, |bits, range| bits | ascii_range(u32::from(range.start()), u32::from(range.end()))),
            HirKind::Class(Class::Bytes(class)) => class
                .iter()
                .fold(0, |bits, range| bits | ascii_range(u32::from(range.start()), u32::from(range.end()))),
            HirKind::Repetition(repetition) => possible(&repetition.sub),
            HirKind::Capture(capture) => possible(&capture.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().fold(0, |bits, sub| bits | possible(sub))
            }
        }
    }
    !possible(hir)
}

/// The most characters a match of `hir` can have, if that is bounded (a class matches one
/// character, or one byte, which is at most one character).
fn maximum_chars(hir: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(literal) => Some(String::from_utf8_lossy(&literal.0).chars().count()),
        HirKind::Class(_) => Some(1),
        HirKind::Repetition(repetition) => {
            maximum_chars(&repetition.sub)?.checked_mul(usize::try_from(repetition.max?).ok()?)
        }
        HirKind::Capture(capture) => maximum_chars(&capture.sub),
        HirKind::Concat(subs) => {
            subs.iter().try_fold(0usize, |sum, sub| sum.checked_add(maximum_chars(sub)?))
        }
        HirKind::Alternation(subs) => {
            subs.iter().try_fold(0usize, |most, sub| Some(most.max(maximum_chars(sub)?)))
        }
    }
}

/// What the last byte of a match of a sequence of HIRs can be.
#[derive(Clone, Copy)]
struct Tail {
    /// It can be an ASCII word byte (a boundary look counts as a non-word byte).
    word: bool,
    /// The match can be empty (then what comes before the sequence decides).
    empty: bool,
}

/// The [`Tail`] of `seq` matched one after another; `boundaries` are the looks that ensure a
/// non-word byte (or the line's start) just before the position they match at.
fn tail_of(seq: &[regex_syntax::hir::Hir], boundaries: &[regex_syntax::hir::Look]) -> Tail {
    let mut tail = Tail { word: false, empty: true };
    for hir in seq.iter().rev() {
        if !tail.empty {
            break;
        }
        let last = tail_of_one(hir, boundaries);
        tail = Tail { word: tail.word || last.word, empty: last.empty };
    }
    tail
}

fn tail_of_one(hir: &regex_syntax::hir::Hir, boundaries: &[regex_syntax::hir::Look]) -> Tail {
    use regex_syntax::hir::{Class, HirKind};
    let ascii_word = |low: u32, high: u32| (low..=high.min(0x7f)).any(|b| is_ascii_word_byte(b as u8));
    match hir.kind() {
        HirKind::Empty => Tail { word: false, empty: true },
        HirKind::Literal(literal) => Tail {
            word: literal.0.last().is_some_and(|&b| is_ascii_word_byte(b)),
            empty: literal.0.is_empty(),
        },
        HirKind::Class(Class::Unicode(class)) => Tail {
            word: class.ranges().iter().any(|r| ascii_word(r.start() as u32, r.end() as u32)),
            empty: false,
        },
        HirKind::Class(Class::Bytes(class)) => Tail {
            word: class.ranges().iter().any(|r| ascii_word(u32::from(r.start()), u32::from(r.end()))),
            empty: false,
        },
        HirKind::Look(look) if boundaries.contains(look) => Tail { word: false, empty: false },
        HirKind::Look(_) => Tail { word: false, empty: true },
        HirKind::Repetition(repetition) => {
            let sub = tail_of_one(&repetition.sub, boundaries);
            Tail { word: sub.word, empty: sub.empty || repetition.min == 0 }
        }
        HirKind::Capture(capture) => tail_of_one(&capture.sub, boundaries),
        HirKind::Concat(subs) => tail_of(subs, boundaries),
        HirKind::Alternation(subs) => subs.iter().map(|sub| tail_of_one(sub, boundaries)).fold(
            Tail { word: false, empty: false },
            |a, b| Tail { word: a.word || b.word, empty: a.empty || b.empty },
        ),
    }
}

/// Literals such that every match of `hir` contains one of them, wherever they start (the
/// literals matches start with, or end with, or that one element of the top-level sequence
/// starts with), whichever set has the longest shortest literal; `None` if there is none.
/// Only ASCII case is folded when they are searched for, so a set with other letters is none.
pub(super) fn contained_literals(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    let candidates = literal_candidates(hir);
    let (_, literals) = best_candidate(&candidates, |literal, _| !literal.is_empty())?;
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// A set of literals such that every match of a pattern contains one of them.
struct Candidate {
    literals: regex_syntax::hir::literal::Seq,
    /// They start where a trie walk starts (after a non-word byte, a word boundary or a line
    /// start), so they may start with a letter.
    at_walk_start: bool,
    /// A match ends at most this many bytes after the start of its literal, if that is bounded.
    pub(super) reach: Option<usize>,
    /// Its literal starts at most this many characters after the match does, if that is bounded.
    lead: Option<usize>,
}

/// Sets of literals such that every match of `hir` contains one literal of each set: the
/// literals matches start with (candidate 0), end with (candidate 1), and the ones each element
/// of the pattern's top-level sequence starts with.
fn literal_candidates(hir: &regex_syntax::hir::Hir) -> Vec<Candidate> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::{HirKind, Look};
    let extract = |kind, hir| Extractor::new().kind(kind).extract(hir);
    // A match that starts at a word boundary or a line start is never preceded by an ASCII
    // word byte: its prefix literals start where a walk starts, even with a letter.
    let prefix_looks = hir.properties().look_set_prefix();
    let starts_a_word_looks = [
        Look::Start,
        Look::StartLF,
        Look::StartCRLF,
        Look::WordAscii,
        Look::WordUnicode,
        Look::WordStartAscii,
        Look::WordStartUnicode,
        Look::WordStartHalfAscii,
        Look::WordStartHalfUnicode,
    ];
    let starts_a_word = starts_a_word_looks.iter().any(|&look| prefix_looks.contains(look));
    let suffixes = extract(ExtractKind::Suffix, hir);
    // A match ends with one of its suffixes: it ends at most the longest of them past its start.
    let longest_suffix = suffixes.max_literal_len();
    let mut candidates = vec![
        Candidate {
            literals: extract(ExtractKind::Prefix, hir),
            at_walk_start: starts_a_word,
            reach: hir.properties().maximum_len(),
            lead: Some(0),
        },
        Candidate { literals: suffixes, at_walk_start: false, reach: longest_suffix, lead: None },
    ];
    let mut node = hir;
    while let HirKind::Capture(capture) = node.kind() {
        node = &capture.sub;
    }
    if let HirKind::Concat(children) = node.kind() {
        // An element whose every match follows a non-word byte, a word boundary or a line start
        // (`\b(?:By|Written by)`, `(?:a|the) (?:new )?(?:study|report)`) starts where a walk
        // starts; if what comes before it can be empty, only when the whole match does.
        let follows_non_word = |i: usize| {
            let before = tail_of(&children[..i], &starts_a_word_looks);
            i > 0 && !before.word && (!before.empty || starts_a_word)
        };
        // A match ends at most the longest match of the element and all after it past the
        // element's start.
        let reach_from = |i: usize| {
            children[i..]
                .iter()
                .try_fold(0usize, |sum, child| sum.checked_add(child.properties().maximum_len()?))
        };
        candidates.extend(children.iter().enumerate().map(|(i, child)| Candidate {
            literals: extract(ExtractKind::Prefix, child),
            at_walk_start: follows_non_word(i),
            reach: reach_from(i),
            lead: children[..i].iter().try_fold(0usize, |sum, child| sum.checked_add(maximum_chars(child)?)),
        }));
    }
    candidates
}

/// The candidate (its index and literals) whose literals all pass `usable(literal, starts
/// where a walk starts)`, with the longest shortest literal, then the fewest literals, then
/// the prefixes (candidate 0: they let a pattern be searched from them). A literal cut short
/// inside a character, or with a non-ASCII letter, never passes: it could not be found, or
/// could match in another case (the searches fold ASCII case only, as `(?i)` does for ASCII
/// letters).
fn best_candidate(
    candidates: &[Candidate],
    usable: impl Fn(&str, bool) -> bool,
) -> Option<(usize, Vec<&str>)> {
    candidates
        .iter()
        .enumerate()
        .filter_map(|(index, Candidate { literals: seq, at_walk_start, .. })| {
            let literals: Vec<&str> = seq
                .literals()?
                .iter()
                .map(|l| std::str::from_utf8(l.as_bytes()).ok())
                .collect::<Option<_>>()?;
            let passes =
                |l: &&str| usable(l, *at_walk_start) && l.chars().all(|c| c.is_ascii() || !c.is_alphabetic());
            (!literals.is_empty() && literals.iter().all(passes)).then_some((index, literals))
        })
        .max_by_key(|(index, literals)| {
            (literals.iter().map(|l| l.len()).min(), std::cmp::Reverse(literals.len()), *index == 0)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals_of(pattern: &str) -> Option<Vec<String>> {
        trigger_literals(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    #[test]
    fn trigger_literals_are_required_parts_of_every_match() {
        assert_eq!(literals_of(r"(?-u:\b)(?:Court|police) said").unwrap(), ["court said", "police said"]);
        assert_eq!(
            literals_of(r"(?-u:\b)(?:we|they) are either with").unwrap(),
            ["we are either with", "they are either with"]
        );
        // Neither a prefix nor a suffix literal, but every match contains one of these, and
        // always after a space, where a walk starts.
        assert_eq!(
            literals_of(r"[[:digit:]]+ (?:reasons|things) why [[:digit:]]+").unwrap(),
            ["reasons", "things"]
        );
        // A suffix literal that starts with a letter could start inside a word.
        assert_eq!(literals_of(r"[a-z]+ness"), None);
        assert_eq!(
            literals_of(r"[A-Z][a-z]+ (?:said|told)"),
            Some(vec!["said".to_string(), "told".to_string()]),
            "found as words: the space before them is where a walk starts"
        );
        assert_eq!(literals_of(r"!+"), None, "too short");
        // After a space, even one behind an optional word, a literal may start with a letter.
        assert_eq!(
            literals_of(r"\b(?:a|the) (?:[0-9]{4} |new )?(?:study|report) by").unwrap(),
            ["study", "report"]
        );
        // Not when it may follow a letter ("thestudy"), nor after a class with letters in it.
        assert_eq!(literals_of(r"[a-z]+(?:study|report)"), None);
        assert_eq!(literals_of(r"[0-9a-z]+ ?(?:studies|reports)"), None);
        // After a word boundary, a literal may start with a letter.
        assert_eq!(literals_of(r"^.{0,9}?\b(?:By|Written by) [A-Z]").unwrap(), ["by", "written by"]);
    }

    #[test]
    fn a_match_ends_within_the_reach_of_its_literals() {
        let reach = |pattern: &str| {
            trigger_set(&regex_syntax::Parser::new().parse(pattern).unwrap()).unwrap().shape.reach
        };
        assert_eq!(
            reach(r"[A-Z][a-z]+ (?:said|told)"),
            Some(5),
            "the match ends with its literal, \" said\""
        );
        assert_eq!(reach(r"\b[A-Z][a-z]+ (?:said|told)\b,? ?"), Some(5 + 2), "\" said\" and at most \", \"");
        assert_eq!(reach(r"\b(?:really|even)\b[^?]{0,2}\?"), Some(6 + 2 * 4 + 1));
        assert_eq!(reach(r"[A-Z][a-z]+ (?:said|told) [a-z]+"), None, "unbounded after the literal");
    }

    #[test]
    fn a_line_start_pattern_has_its_literal_within_a_lead() {
        let lead = |pattern: &str| {
            trigger_set(&regex_syntax::Parser::new().parse(pattern).unwrap()).unwrap().shape.line_lead
        };
        assert_eq!(lead(r"(?m)^[^\n]{0,60}?\b(?:By|Written by) [A-Z]"), Some(60));
        assert_eq!(lead(r"^(?:Update|Correction):"), Some(0));
        assert_eq!(lead(r"(?m)^\s*(?:\*+)?(?:Update|Correction):"), None, "unbounded before the literal");
        assert_eq!(lead(r"\b(?:By|Written by) [A-Z]"), None, "not at a line start");
        assert_eq!(maximum_chars(&regex_syntax::Parser::new().parse("é[a-z]{2}(?:ab|c)").unwrap()), Some(5));
    }

    #[test]
    fn barrier_bytes_are_the_ascii_bytes_no_match_holds() {
        let barriers = |pattern: &str| {
            let bits = barrier_bytes(&regex_syntax::Parser::new().parse(pattern).unwrap());
            (0u8..128).filter(|&b| bits & (1 << b) != 0).map(char::from).collect::<String>()
        };
        let all: String = (0u8..128).map(char::from).collect();
        let without = |chars: &str| all.chars().filter(|c| !chars.contains(*c)).collect::<String>();
        let lower: String = ('a'..='z').collect();
        let upper: String = ('A'..='Z').collect();
        // Looks take no byte; repetitions and alternatives hold what their parts hold.
        assert_eq!(barriers(r"\b[A-Z][a-z]+ (?:said|told)\b$"), without(&format!("{lower}{upper} ")));
        assert_eq!(barriers(r"(?i)said"), without("saidSAID\u{17f}"));
        assert_eq!(barriers(r"[^x]"), "x", "a negated class holds every other byte");
        assert_eq!(barriers(r"’\d"), without("0123456789"), "non-ASCII characters bar no ASCII byte");
        assert_eq!(barriers(r"(?s).x"), "");
        assert_eq!(barriers(r"(?-u:[a-c]\b)"), without("abc"), "a class of bytes");
    }

    #[test]
    fn patterns_that_start_at_their_literals_are_searched_from_there() {
        let starts = |pattern: &str| {
            trigger_set(&regex_syntax::Parser::new().parse(pattern).unwrap()).map(|t| t.shape.starts_matches)
        };
        assert_eq!(starts(r"\b(?:really|even)\b[^?]{0,150}\?"), Some(true));
        assert_eq!(starts(r"(?-u:\b)(?:Court|police) said"), Some(true));
        // "said" stands for " said": the match starts one byte before the literal.
        assert_eq!(starts(r"[A-Z][a-z]+ (?:said|told)"), Some(false));
        assert_eq!(starts(r" (?:said|told) it"), Some(false));
        assert_eq!(starts(r"[[:digit:]]+ (?:reasons|things) why"), Some(false));
    }
}
