//! Where a text's patterns are searched: the lines and start positions that the trie walk's
//! trigger literals point to ([`Searches`]), and the lines picked by other means for the
//! patterns without triggers ([`Untriggered`]).

use aho_corasick::MatchKind;

use super::CompileError;
use super::literals::{Shape, contained_literals};

/// A line where a pattern that is searched anchored at its literals (see
/// [`Shape::starts_matches`]) has more starts than this is searched whole instead: an
/// anchored search may run to the end of the line ("foo[^\n]*bar"), so a line's anchored
/// searches then read at most this many times the line.
pub(super) const MAX_ANCHORED_STARTS_PER_LINE: usize = 8;

/// Where [`super::Matcher::scan`] last saw a trigger literal of a pattern.
#[derive(Clone, Copy)]
pub(super) struct LastTrigger {
    line: usize,
    start: usize,
    /// Distinct starts of the pattern's literals on `line` so far.
    starts_on_line: usize,
    /// The entry of `line` in the scan's list of lines to search whole (when the pattern is
    /// searched so).
    wanted: usize,
    /// For patterns with a [`Shape::line_lead`]: the characters of `line` before `start`
    /// (counted once, as literals come in order), and whether a literal started past the lead
    /// (then all later ones do).
    chars_before: usize,
    past_lead: bool,
}

impl LastTrigger {
    /// No literal seen yet.
    pub(super) const NONE: LastTrigger = LastTrigger {
        line: usize::MAX,
        start: usize::MAX,
        starts_on_line: 0,
        wanted: 0,
        chars_before: 0,
        past_lead: false,
    };
}

/// A line to search for a pattern, from the start of the line (or from past its last
/// [barrier](super::literals::barrier_bytes) before `first`) up to byte `end` of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct LineSearch {
    pub(super) pattern: usize,
    pub(super) line: usize,
    /// Every match of the pattern on the line ends after this byte of the text: it contains
    /// one of the pattern's literals (or bytes), the first of which on the line starts here.
    /// The line's start when nothing is known.
    pub(super) first: usize,
    pub(super) end: usize,
}

/// Where one text's patterns are to be searched, as its walk finds their trigger literals.
#[derive(Default)]
pub(super) struct Searches {
    /// Lines to search whole (or from their last barrier before the first literal).
    pub(super) lines: Vec<LineSearch>,
    /// `(pattern, byte, line)`: where patterns whose matches start at their literals may start.
    starts: Vec<(usize, usize, usize)>,
}

impl Searches {
    /// Notes a trigger literal of `pattern` at byte `start` of `text`, on line `line` (its
    /// number and byte range); `last` is where the pattern's previous literal was.
    pub(super) fn trigger(
        &mut self,
        pattern: usize,
        shape: Shape,
        last: &mut LastTrigger,
        (line, range): (usize, &std::ops::Range<usize>),
        start: usize,
        text: &str,
    ) {
        if last.start == start {
            return; // another of its literals at the same place
        }
        if last.line != line {
            (last.line, last.starts_on_line) = (line, 0);
            (last.chars_before, last.past_lead) = (0, false);
        }
        if let Some(lead) = shape.line_lead {
            if !last.past_lead {
                // Counted from the line's last literal, or from its start for the first one.
                let from = if last.starts_on_line == 0 { range.start } else { last.start };
                last.chars_before += text[from..start].chars().count();
                last.past_lead = last.chars_before > lead;
            }
            if last.past_lead {
                return;
            }
        }
        last.start = start;
        last.starts_on_line += 1;
        if shape.starts_matches && last.starts_on_line <= MAX_ANCHORED_STARTS_PER_LINE + 1 {
            self.starts.push((pattern, start, line));
        } else if !shape.starts_matches {
            // Every match ends within `reach` of one of the line's literals: the search can
            // stop that far past the last one.
            let end = shape.reach.map_or(usize::MAX, |reach| start.saturating_add(reach));
            if last.starts_on_line == 1 {
                last.wanted = self.lines.len();
                self.lines.push(LineSearch { pattern, line, first: start, end });
            } else {
                self.lines[last.wanted].end = end;
            }
        }
    }

    /// The starts to search anchored, in order. A line with many starts of one pattern is
    /// searched whole instead, so that its anchored searches add up to at most a few times
    /// the line, whatever the text.
    pub(super) fn anchored_starts(&mut self) -> Vec<(usize, usize, usize)> {
        self.starts.sort_unstable();
        let mut anchored = Vec::with_capacity(self.starts.len());
        for group in self.starts.chunk_by(|a, b| (a.0, a.2) == (b.0, b.2)) {
            if group.len() > MAX_ANCHORED_STARTS_PER_LINE {
                // Sorted: the group's first start is the line's first.
                let (pattern, first, line) = group[0];
                self.lines.push(LineSearch { pattern, line, first, end: usize::MAX });
            } else {
                anchored.extend_from_slice(group);
            }
        }
        anchored
    }
}

/// Patterns whose literals the walk cannot find (they start inside a word, or are one byte):
/// the lines they run on are picked by other means, cheaper than running them on every line.
#[derive(Default)]
pub(super) struct Untriggered {
    /// Patterns that run on every line.
    always: Vec<usize>,
    /// Patterns every match of which contains one of a few bytes that are not letters (a digit,
    /// `*`, `!`: the first bytes of the literals it must contain): for byte `b`, `byte_bits[b]`
    /// has bit `i` set when `b` is one of pattern `byte_patterns[i]`'s bytes. A line runs the
    /// patterns whose bytes it contains. At most eight patterns, one bit each of a `u8`; more
    /// are picked by their inner literals or run on every line.
    byte_bits: Option<Box<[u8; 256]>>,
    byte_patterns: Vec<usize>,
    /// Patterns every match of which contains one of some literals of three bytes or more that
    /// can start inside a word (`phobe` in `\b[A-Za-z]+phobes?\b`): one unanchored search
    /// (ASCII case-insensitive) for all of them; `inner_patterns[k]` is literal `k`'s pattern.
    inner: Option<aho_corasick::AhoCorasick>,
    inner_patterns: Vec<usize>,
}

impl Untriggered {
    /// Sorts `patterns` (index, HIR without case folding) by how their lines are picked.
    pub(super) fn new(patterns: &[(usize, &regex_syntax::hir::Hir)]) -> Result<Self, CompileError> {
        let mut this = Untriggered::default();
        let mut bits = [0u8; 256];
        let mut inner_literals: Vec<Vec<u8>> = Vec::new();
        for &(index, hir) in patterns {
            let literals = contained_literals(hir).unwrap_or_default();
            let first_bytes = || literals.iter().map(|l| l[0]);
            let bytes_usable = !literals.is_empty()
                && this.byte_patterns.len() < 8
                && first_bytes().all(|b| !b.is_ascii_alphabetic());
            if bytes_usable {
                let bit = 1 << this.byte_patterns.len();
                first_bytes().for_each(|b| bits[usize::from(b)] |= bit);
                this.byte_patterns.push(index);
            } else if !literals.is_empty() && literals.iter().all(|l| l.len() >= 3) {
                for literal in literals {
                    inner_literals.push(literal);
                    this.inner_patterns.push(index);
                }
            } else {
                this.always.push(index);
            }
        }
        if !this.byte_patterns.is_empty() {
            this.byte_bits = Some(Box::new(bits));
        }
        if !inner_literals.is_empty() {
            let searcher = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&inner_literals)
                .map_err(|e| {
                    CompileError(format!(
                        "the literals inside the patterns that have no word to start from do not fit in one searcher: {e}"
                    ))
                })?;
            this.inner = Some(searcher);
        }
        Ok(this)
    }

    /// Adds a search for every line that each pattern must run on, of the lines that
    /// `in_zones(pattern, line)` allows (a line outside the pattern's zones needs no search),
    /// with the first of the pattern's bytes or inner literals on the line as its `first`.
    pub(super) fn pick_lines(
        &self,
        text: &str,
        lines: &[std::ops::Range<usize>],
        in_zones: impl Fn(usize, usize) -> bool,
        wanted: &mut Vec<LineSearch>,
    ) {
        for &pattern in &self.always {
            wanted.extend(
                lines
                    .iter()
                    .enumerate()
                    .filter(|&(line, _)| in_zones(pattern, line))
                    .map(|(line, range)| LineSearch { pattern, line, first: range.start, end: usize::MAX }),
            );
        }
        if let Some(bits) = &self.byte_bits {
            let bytes = text.as_bytes();
            for (line, range) in lines.iter().enumerate() {
                let found = bytes[range.clone()].iter().fold(0, |found, &b| found | bits[usize::from(b)]);
                if found != 0 {
                    let picked =
                        self.byte_patterns.iter().enumerate().filter(|(bit, _)| found & (1 << bit) != 0);
                    wanted.extend(picked.filter(|&(_, &pattern)| in_zones(pattern, line)).map(
                        |(bit, &pattern)| {
                            let first = bytes[range.clone()]
                                .iter()
                                .position(|&b| bits[usize::from(b)] & (1 << bit) != 0)
                                .map_or(range.start, |i| range.start + i);
                            LineSearch { pattern, line, first, end: usize::MAX }
                        },
                    ));
                }
            }
        }
        if let Some(inner) = &self.inner {
            let mut line = 0;
            for m in inner.find_overlapping_iter(text) {
                while line + 1 < lines.len() && lines[line + 1].start <= m.start() {
                    line += 1;
                }
                let pattern = self.inner_patterns[m.pattern().as_usize()];
                if in_zones(pattern, line) {
                    wanted.push(LineSearch { pattern, line, first: m.start(), end: usize::MAX });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::line_ranges;

    #[test]
    fn untriggered_patterns_run_only_on_lines_with_their_bytes_or_inner_literals() {
        let hirs: Vec<regex_syntax::hir::Hir> =
            [r"\b\d+\s?%", r"\b[A-Za-z]+phobes?\b", r"\b[A-Z]{3,}\b", r"\w+\*+\w+"]
                .iter()
                .map(|p| regex_syntax::Parser::new().parse(p).unwrap())
                .collect();
        let patterns: Vec<(usize, &regex_syntax::hir::Hir)> = hirs.iter().enumerate().collect();
        let untriggered = Untriggered::new(&patterns).unwrap();
        assert_eq!(untriggered.byte_patterns, [0, 3]);
        assert_eq!(untriggered.inner_patterns, [1]); // "phobe"
        assert_eq!(untriggered.always, [2]);
        let text = "up 5 %\nno figures\nHOMOPHOBES\nf**k it";
        let picked = |in_zones: &dyn Fn(usize, usize) -> bool| {
            let mut wanted = Vec::new();
            untriggered.pick_lines(text, &line_ranges(text), in_zones, &mut wanted);
            let mut picked: Vec<_> =
                wanted.iter().map(|s| (s.pattern, s.line, s.end == usize::MAX)).collect();
            picked.sort_unstable();
            picked.dedup();
            picked
        };
        assert_eq!(
            picked(&|_, _| true),
            [(0, 0), (1, 2), (2, 0), (2, 1), (2, 2), (2, 3), (3, 3)].map(|(p, line)| (p, line, true))
        );
        // Lines outside a pattern's zones are left out, whichever way the pattern picks lines.
        let not_line_2_or_3 = |_: usize, line: usize| line < 2;
        assert_eq!(picked(&not_line_2_or_3), [(0, 0), (2, 0), (2, 1)].map(|(p, line)| (p, line, true)));
    }
}
