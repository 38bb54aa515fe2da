//! Matching: every loaded rule compiled once into multi-pattern automata, then one scan of an
//! article's text that yields raw matches (rule, byte span).
//!
//! - One byte trie (`trie.rs`, ASCII case-insensitive) holds every `phrase` and exception of every
//!   rule and the prefilter literals of every `pattern` (below). It is walked, anchored, from
//!   each position that is not inside an ASCII word (after a non-word byte, or at a non-word
//!   byte), until it dies: most walks leave the trie after a byte or two, and no position
//!   inside a word is ever a start. One walk over the text finds every key.
//! - A phrase must start after a non-word character and end before one; a trailing `*`
//!   instead extends the hit to the end of the word. A phrase with `'` also matches `’` and
//!   the backtick.
//! - Patterns are prefiltered by literals that every match must contain, extracted from the
//!   pattern (`literals.rs`): the literals matches start with, or end with, or that one
//!   element of the pattern's top-level sequence starts with. Only literals the walk cannot
//!   miss are used: those that start with a non-word byte (which is then trimmed: " said" is
//!   looked for as the word "said"), and those that start at a word boundary or line start of
//!   the pattern. Each pattern then runs only on the lines where one of its literals occurs
//!   (and that lie in its rule's zones; `searches.rs` keeps the lines and starts the walk
//!   points to). When every match starts where one of its literals does, it is
//!   searched anchored at each of them instead, unless a line has more than
//!   `MAX_ANCHORED_STARTS_PER_LINE` (then the line is searched whole once, which keeps
//!   matching linear whatever the pattern). When every match ends a bounded number of bytes
//!   after the start of one of its literals ("Jane Doe said"), the line is searched only up to
//!   that far past its last literal; when every match starts at a line start with a literal a
//!   bounded number of characters in (`^[^\n]{0,60}?\bBy`), only lines whose first literal
//!   comes that early are searched.
//! - A pattern without such literals runs on the lines that hold one of its bytes, when all its
//!   matches contain one of a few non-letters (a digit, `*`, `!`), or one of its literals that
//!   start inside a word (`phobe`, found by one small unanchored search), and otherwise on
//!   every line. (A `RegexSet` was measured as a prefilter first: its lazy DFA thrashed on ~95
//!   overlapping patterns, 6.5 s on 2.3 MB where the patterns one by one took 0.17 s; a
//!   second, unanchored automaton for all the literals cost as much as the phrase walk.)
//!
//! One known gap: the walk folds ASCII case only, while a case-insensitive pattern also lets
//! `k` match the Kelvin sign (U+212A) and `s` the long s (U+017F); a match that spells its
//! trigger literal with one of those two is not found. (Elsewhere in a match they are: the
//! bounds on how far a match reaches past its literal allow for them.)
//!
//! Zones, voice, exceptions and sentence conditions are applied later (see `analyze`).

mod literals;
mod searches;
mod trie;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Anchored, Input};

use crate::rules::Rule;
use crate::text::{
    BLOCK, char_at, char_before, for_each_block, is_ascii_word_byte, is_word_char, pack_flags,
};
use crate::zones::{Zone, ZoneSet};
use literals::{Shape, TriggerSet, barrier_bytes, matches_at_line_start, trigger_set};
use searches::{LastTrigger, LineSearch, Searches, Untriggered};
use trie::Trie;

/// The largest compiled size of one pattern (the regex crate's default).
const PATTERN_SIZE_LIMIT: usize = 10 * 1024 * 1024;
/// A rule's hit before any filtering: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawMatch {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
}

/// What a phrase of the automaton is to a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// A whole-word phrase.
    Whole,
    /// `attack*`: extends to the end of the word instead of requiring a boundary.
    Prefix,
    /// One of the rule's exceptions: its matches inside it are dropped.
    Exception,
}

/// What a key of the trie is to the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// A phrase or exception of `rule`.
    Phrase { rule: usize, usage: Use },
    /// A prefilter literal of pattern `pattern` (an index into `Matcher::patterns`), and how
    /// the pattern's matches lie around its literals.
    Trigger { pattern: usize, shape: Shape },
}

/// What one scan of a text found: every rule's raw matches, and where each rule's exception
/// phrases occur.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    pub matches: Vec<RawMatch>,
    /// Sorted by rule, then start, then end (see [`Scan::is_exception`]).
    exceptions: Vec<RawMatch>,
    /// For each exception, the furthest end of the exceptions of its rule up to it.
    furthest_end: Vec<usize>,
}

impl Scan {
    /// The match lies inside one of its rule's exception phrases: one of them starts at or
    /// before it and ends at or after it. A binary search, so that an article with thousands
    /// of exception phrases stays linear.
    pub fn is_exception(&self, m: &RawMatch) -> bool {
        let before = self.exceptions.partition_point(|e| (e.rule, e.start) <= (m.rule, m.start));
        before > 0 && self.exceptions[before - 1].rule == m.rule && self.furthest_end[before - 1] >= m.end
    }

    fn index_exceptions(&mut self) {
        self.exceptions.sort_unstable_by_key(|e| (e.rule, e.start, e.end));
        let mut furthest = (usize::MAX, 0); // (rule, end)
        self.furthest_end = self
            .exceptions
            .iter()
            .map(|e| {
                furthest =
                    if furthest.0 == e.rule { (e.rule, furthest.1.max(e.end)) } else { (e.rule, e.end) };
                furthest.1
            })
            .collect();
    }
}

/// The compiled form of a rule set.
pub struct Matcher {
    /// Every phrase, exception and prefilter literal, for anchored walks.
    trie: Trie,
    /// For each key of the trie, what it is to which rules and patterns.
    targets: Vec<Vec<Target>>,
    /// Every pattern of every rule, with its rule.
    patterns: Vec<CompiledPattern>,
    /// Patterns without trigger literals, and how lines are picked for them.
    untriggered: Untriggered,
}

/// One rule pattern, compiled.
struct CompiledPattern {
    regex: Regex,
    rule: usize,
    /// The zones its rule looks in ([`ZoneSet::bits`]): a line in none of them is not searched.
    zones: u8,
    /// Every match starts at a line start (`^` or `(?m)^`): patterns run on one line at a
    /// time, so only the line's first byte needs trying, not every byte of it.
    at_line_start: bool,
    /// For each byte, whether it is an ASCII byte no match can contain (see
    /// [`barrier_bytes`]); a table, as it is read for every byte stepped over. `None` when
    /// there is none (`"[^"]+"`): the search then starts at the line's start, without looking.
    barriers: Option<Box<[bool; 256]>>,
}

impl CompiledPattern {
    /// Matches inside one line (`line` excludes its `\n`) that end by byte `end` of it and
    /// end after byte `first` (see [`LineSearch::first`]), as byte ranges of `line`. The bytes
    /// around the searched range still count for look-arounds (`\b`, `$`).
    fn find_in_line<'a>(
        &'a self,
        line: &'a str,
        first: usize,
        end: usize,
    ) -> impl Iterator<Item = regex_automata::Match> + 'a {
        let end = end.min(line.len());
        let anchored = if self.at_line_start { Anchored::Yes } else { Anchored::No };
        let start = if self.at_line_start { 0 } else { self.search_start(line.as_bytes(), first).min(end) };
        self.regex.find_iter(Input::new(line).range(start..end).anchored(anchored))
    }

    /// Where a search of `line` can start when every match ends after byte `first`: just past
    /// the last barrier byte before `first`. A match that started earlier would contain that
    /// byte, which no match can; and since none does, `find_iter` from there finds the same
    /// matches, one after another, as from the line's start (names before "said", figures
    /// after a `$`: a search from the line's start read on average a third more than the
    /// text, most of it before the first literal).
    fn search_start(&self, line: &[u8], first: usize) -> usize {
        let Some(barriers) = &self.barriers else { return 0 };
        line[..first.min(line.len())].iter().rposition(|&b| barriers[usize::from(b)]).map_or(0, |i| i + 1)
    }
}

/// A pattern that validated does not compile: it is too large once compiled. The message
/// names the rule file, line and column.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CompileError(String);

impl Matcher {
    /// Compiles the rules: the trie and every pattern, built in parallel (start-up time is most
    /// of a small run).
    pub fn new(rules: &[Rule]) -> Result<Self, CompileError> {
        let ((trie, targets, untriggered), patterns) = rayon::join(
            || {
                let (keys, targets, untriggered) = key_table(rules);
                (Trie::new(&keys), targets, untriggered)
            },
            || compile_patterns(rules),
        );
        Ok(Matcher { trie, targets, patterns: patterns?, untriggered: untriggered? })
    }

    /// Every raw match of every rule in `text` (in no particular order), and where the rules'
    /// exception phrases occur. `zones` (of the text, as `detect_zones` gives them) lets
    /// patterns skip lines that lie outside their rule's scope; with no zones, every line is
    /// searched.
    pub fn scan(&self, text: &str, zones: &[Zone]) -> Scan {
        let mut scan = Scan::default();
        let lines = line_ranges(text);
        let line_zones = line_zones(&lines, zones);
        let mut searches = Searches::default();
        let in_zones = |pattern: usize, line: usize| self.patterns[pattern].zones & line_zones[line] != 0;
        self.untriggered.pick_lines(text, &lines, in_zones, &mut searches.lines);
        self.walk(text, &lines, &line_zones, &mut scan, &mut searches);
        let anchored = searches.anchored_starts();
        self.search_lines(text, &lines, searches.lines, &mut scan.matches);
        self.search_anchored(text, &lines, anchored, &mut scan.matches);
        scan.index_exceptions();
        scan
    }

    /// One walk of the trie over `text`: phrase and exception hits go into `scan`, trigger
    /// literals on lines in their pattern's zones become searches.
    fn walk(
        &self,
        text: &str,
        lines: &[std::ops::Range<usize>],
        line_zones: &[u8],
        scan: &mut Scan,
        searches: &mut Searches,
    ) {
        // Per pattern, its last trigger: one entry per line and pattern is enough, and at most
        // one more start than a line may have.
        let mut last = vec![LastTrigger::NONE; self.patterns.len()];
        let mut line = 0;
        for_each_key(&self.trie, text, |key, start, end| {
            for target in &self.targets[key] {
                match *target {
                    Target::Trigger { pattern, shape } => {
                        // The line the literal starts on (a line break belongs to the line it ends).
                        while line + 1 < lines.len() && lines[line + 1].start <= start {
                            line += 1;
                        }
                        if self.patterns[pattern].zones & line_zones[line] == 0 {
                            continue; // the line is never searched for it
                        }
                        searches.trigger(
                            pattern,
                            shape,
                            &mut last[pattern],
                            (line, &lines[line]),
                            start,
                            text,
                        );
                    }
                    Target::Phrase { rule, usage } => {
                        if let Some(m) = phrase_hit(text, start, end, rule, usage) {
                            match usage {
                                Use::Exception => scan.exceptions.push(m),
                                Use::Whole | Use::Prefix => scan.matches.push(m),
                            }
                        }
                    }
                }
            }
        });
    }

    /// Searches each wanted line, up to its `end` and from its last barrier before its
    /// `first`: patterns match within one line, and each runs on the lines where its trigger
    /// occurs (lines in its rule's zones only: the walk and [`Untriggered::pick_lines`] leave
    /// the others out). A line wanted more than once is searched once, from the earliest
    /// `first` to the furthest `end`.
    fn search_lines(
        &self,
        text: &str,
        lines: &[std::ops::Range<usize>],
        mut wanted: Vec<LineSearch>,
        matches: &mut Vec<RawMatch>,
    ) {
        wanted.sort_unstable();
        // Sorted, the first of a line's entries has its earliest `first`.
        wanted.dedup_by(|later, kept| {
            let same = (later.pattern, later.line) == (kept.pattern, kept.line);
            kept.end = if same { kept.end.max(later.end) } else { kept.end };
            same
        });
        for LineSearch { pattern: index, line, first, end } in wanted {
            let pattern = &self.patterns[index];
            let range = lines[line].clone();
            let (first, end) = (first.saturating_sub(range.start), end.saturating_sub(range.start));
            for m in pattern.find_in_line(&text[range.clone()], first, end) {
                if !m.is_empty() {
                    matches.push(RawMatch {
                        start: range.start + m.start(),
                        end: range.start + m.end(),
                        rule: pattern.rule,
                    });
                }
            }
        }
    }

    /// Patterns whose matches start at their literals: searched anchored at each `(pattern,
    /// byte, line)` literal that is not inside the previous match, in order, as `find_iter`
    /// would find them (but without scanning from the line's start, nor backwards for the
    /// match's start).
    fn search_anchored(
        &self,
        text: &str,
        lines: &[std::ops::Range<usize>],
        anchored: Vec<(usize, usize, usize)>,
        matches: &mut Vec<RawMatch>,
    ) {
        let mut previous: Option<(usize, usize)> = None; // (pattern, end of its last match)
        for (index, start, line) in anchored {
            let pattern = &self.patterns[index];
            if previous.is_some_and(|(p, end)| p == index && start < end) {
                continue;
            }
            let range = lines[line].clone();
            let input = Input::new(&text[range.clone()]).range(start - range.start..).anchored(Anchored::Yes);
            if let Some(m) = pattern.regex.search(&input)
                && !m.is_empty()
            {
                matches.push(RawMatch {
                    start: range.start + m.start(),
                    end: range.start + m.end(),
                    rule: pattern.rule,
                });
                previous = Some((index, range.start + m.end()));
            }
        }
    }
}

/// A phrase key found at `start..end` as the rule's match, if it stands at word boundaries
/// (a `Prefix` phrase runs on to the end of its word instead).
fn phrase_hit(text: &str, start: usize, end: usize, rule: usize, usage: Use) -> Option<RawMatch> {
    if char_before(text, start).is_some_and(is_word_char) {
        return None;
    }
    let end = match usage {
        Use::Prefix => text[end..].find(|c: char| !is_word_char(c)).map_or(text.len(), |i| end + i),
        Use::Whole | Use::Exception if char_at(text, end).is_some_and(is_word_char) => return None,
        Use::Whole | Use::Exception => end,
    };
    Some(RawMatch { start, end, rule })
}

/// The trie's keys and their targets: every phrase and exception of every rule (with its
/// apostrophe variants) and every pattern's prefilter literals, each key once; and the
/// patterns that have no usable literals (pattern indices in the order of
/// [`compile_patterns`]).
fn key_table(rules: &[Rule]) -> (Vec<String>, Vec<Vec<Target>>, Result<Untriggered, CompileError>) {
    let mut keys: Vec<String> = Vec::new();
    let mut key_index = std::collections::HashMap::new();
    let mut targets: Vec<Vec<Target>> = Vec::new();
    let mut add = |key: String, target: Target| {
        // The trie folds ASCII case: keys that differ only in it are one key.
        let id = *key_index.entry(key.to_ascii_lowercase()).or_insert_with(|| {
            keys.push(key);
            targets.push(Vec::new());
            keys.len() - 1
        });
        if !targets[id].contains(&target) {
            targets[id].push(target);
        }
    };
    for (rule_index, rule) in rules.iter().enumerate() {
        let phrases = rule.phrases.iter().map(|phrase| match phrase.strip_suffix('*') {
            Some(stem) => (stem, Use::Prefix),
            None => (phrase.as_str(), Use::Whole),
        });
        let exceptions = rule.exceptions.iter().map(|phrase| (phrase.as_str(), Use::Exception));
        for (stem, usage) in phrases.chain(exceptions) {
            for variant in case_variants(stem).iter().flat_map(|v| apostrophe_variants(v)) {
                add(variant, Target::Phrase { rule: rule_index, usage });
            }
        }
    }
    let mut untriggered = Vec::new();
    let patterns = rules.iter().flat_map(|rule| rule.patterns.iter().map(move |pattern| (rule, pattern)));
    for (index, (rule, pattern)) in patterns.enumerate() {
        match trigger_set(&pattern.bare) {
            Some(TriggerSet { literals, mut shape }) => {
                if !rule.case_sensitive {
                    // The reach is in bytes of the unfolded pattern; folded, an ASCII letter
                    // also matches a character of up to three bytes (`k` the Kelvin sign).
                    shape.reach = shape.reach.and_then(|reach| reach.checked_mul(MAX_FOLDED_GROWTH));
                }
                literals.into_iter().for_each(|l| add(l, Target::Trigger { pattern: index, shape }))
            }
            None => untriggered.push((index, &pattern.bare)),
        }
    }
    (keys, targets, Untriggered::new(&untriggered))
}

/// How many times longer in UTF-8 a case-insensitive match can be than the same match in the
/// pattern's own case: an ASCII letter can match a three-byte character (`k` U+212A, the
/// Kelvin sign), and no character folds to more than three times its length.
const MAX_FOLDED_GROWTH: usize = 3;

/// Every pattern of every rule, compiled (in parallel), with its rule. Only the whole match's
/// span is used, so groups are compiled as non-capturing: smaller automata, built faster.
fn compile_patterns(rules: &[Rule]) -> Result<Vec<CompiledPattern>, CompileError> {
    use rayon::prelude::*;
    let all: Vec<(usize, &crate::rules::Pattern)> =
        rules.iter().enumerate().flat_map(|(i, rule)| rule.patterns.iter().map(move |p| (i, p))).collect();
    let config = meta::Config::new()
        .which_captures(WhichCaptures::Implicit)
        // The trie's literals already picked the lines worth searching; a prefilter per
        // pattern cost more to build (literal extraction, Teddy) than it saved on short lines.
        .auto_prefilter(false)
        .nfa_size_limit(Some(PATTERN_SIZE_LIMIT))
        // No fully built DFA for the small patterns: building one cost more (20 M
        // instructions at start-up for 12 patterns) than the lazy DFA they then use, which
        // learns only the transitions the text takes, costs over a whole run.
        .dfa(false);
    all.par_iter()
        .map(|&(rule_index, pattern)| {
            let rule = &rules[rule_index];
            let hir = &pattern.hir;
            let at_line_start = matches_at_line_start(hir);
            match meta::Builder::new().configure(config.clone()).build_from_hir(hir) {
                Ok(regex) => {
                    let zones = rule.scope.zones.bits();
                    let bits = barrier_bytes(hir);
                    let barriers =
                        (bits != 0).then(|| Box::new(std::array::from_fn(|b| b < 128 && bits & (1 << b) != 0)));
                    Ok(CompiledPattern { regex, rule: rule_index, zones, at_line_start, barriers })
                }
                Err(e) => Err(CompileError(match e.size_limit() {
                    Some(limit) => format!(
                        "{}:{}:{}: rule `{}`: pattern is too large once compiled (over the {limit}-byte limit); split it or simplify it",
                        rule.source, pattern.line, pattern.column, rule.id
                    ),
                    None => format!(
                        "{}:{}:{}: rule `{}`: pattern does not compile: {e}",
                        rule.source, pattern.line, pattern.column, rule.id
                    ),
                })),
            }
        })
        .collect()
}

/// Calls `hit(key, start, end)` for every occurrence of a key of `trie` in `text` that does
/// not start inside an ASCII word (it starts at the text's start, after a non-word byte, or
/// at a non-word byte), overlapping ones included, in order of start.
///
/// The starts are found 64 bytes at a time, as the set bits of a mask (every byte but the
/// word bytes that follow a word byte), not by a loop over each word's bytes: that loop's
/// exit, at a word's end, was a mispredicted branch for nearly every word.
fn for_each_key(trie: &Trie, text: &str, mut hit: impl FnMut(usize, usize, usize)) {
    let bytes = text.as_bytes();
    // Whether the byte before the block is a word byte (0 or 1).
    let mut inside = 0u64;
    // The last block's padding is past the text's end, so never a start: see below.
    for_each_block(bytes, |block_start, block| {
        let word = pack_flags(&block.map(|b| u8::from(is_ascii_word_byte(b))));
        let mut starts = !(word & ((word << 1) | inside));
        inside = word >> 63;
        if bytes.len() - block_start < BLOCK {
            starts &= (1u64 << (bytes.len() - block_start)) - 1;
        }
        while starts != 0 {
            let at = block_start + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            trie.walk(bytes, at, |key, end| hit(key, at, end));
        }
    });
}

/// For each line, the zones it overlaps (its newline included), as [`ZoneSet::bits`]; every zone
/// when `zones` is empty.
fn line_zones(lines: &[std::ops::Range<usize>], zones: &[Zone]) -> Vec<u8> {
    if zones.is_empty() {
        return vec![u8::MAX; lines.len()];
    }
    let mut first = 0; // the first zone that may overlap the current line
    lines
        .iter()
        .map(|line| {
            while first < zones.len() && zones[first].end <= line.start {
                first += 1;
            }
            zones[first..]
                .iter()
                .take_while(|z| z.start <= line.end)
                .fold(0, |bits, z| bits | ZoneSet::of(z.kind).bits())
        })
        .collect()
}

/// The lines of `text`, without their `\n` or `\r\n`: patterns match within one line, and
/// `$` ends a line before its line break in CRLF text too.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(start..crate::text::content_end(text, start, end));
        start = end + 1;
    }
    lines.push(start..text.len());
    lines
}

/// A phrase (written in lower case) in the cases its non-ASCII letters may appear in: lower
/// case, upper case ("CAFÉ CRÈME") and with a capital first letter ("Élysée"). The trie folds
/// ASCII case itself.
fn case_variants(phrase: &str) -> Vec<String> {
    let mut variants = vec![phrase.to_string()];
    if !phrase.is_ascii() {
        let upper: String = phrase
            .chars()
            .flat_map(|c| if c.is_ascii() { vec![c] } else { c.to_uppercase().collect() })
            .collect();
        let mut chars = phrase.chars();
        let capitalized: String = match chars.next() {
            Some(first) if !first.is_ascii() => first.to_uppercase().chain(chars).collect(),
            _ => phrase.to_string(),
        };
        for variant in [upper, capitalized] {
            if !variants.contains(&variant) {
                variants.push(variant);
            }
        }
    }
    variants
}

/// `don't` also as `don’t` and "don`t", so a rule need not list every apostrophe.
fn apostrophe_variants(phrase: &str) -> Vec<String> {
    if phrase.contains('\'') {
        vec![phrase.to_string(), phrase.replace('\'', "’"), phrase.replace('\'', "`")]
    } else {
        vec![phrase.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::searches::MAX_ANCHORED_STARTS_PER_LINE;
    use super::*;
    use crate::rules::RuleSetBuilder;
    use crate::zones::ZoneKind;

    /// The matcher of a rule file's text, without the built-in packs.
    fn matcher_of(rules: &str) -> Matcher {
        let mut builder = RuleSetBuilder::new(false);
        builder.add_source("test.toml", rules.to_string());
        Matcher::new(&builder.build().unwrap().rules).unwrap()
    }

    /// What every pattern finds searched unanchored on every line, without any of the scan's
    /// shortcuts, sorted: what the scan's pattern matches must equal.
    fn whole_line_matches(matcher: &Matcher, text: &str) -> Vec<RawMatch> {
        let mut found = Vec::new();
        for pattern in &matcher.patterns {
            for line in line_ranges(text) {
                found.extend(pattern.regex.find_iter(&text[line.clone()]).map(|m| RawMatch {
                    start: line.start + m.start(),
                    end: line.start + m.end(),
                    rule: pattern.rule,
                }));
            }
        }
        found.sort();
        found
    }

    /// The prefilter never changes what the patterns find: on every built-in example and
    /// counterexample and on the seeds, scanning with it equals running every pattern on
    /// every line.
    #[test]
    fn the_prefilter_loses_no_match() {
        let rules = RuleSetBuilder::new(true).build().unwrap();
        let matcher = Matcher::new(&rules.rules).unwrap();
        let mut texts: Vec<String> =
            rules.rules.iter().flat_map(|r| r.examples.iter().chain(&r.counterexamples).cloned()).collect();
        texts.push(include_str!("../tests/data/zones/000_efcd41e9a7eb89e8.txt").to_string());
        texts.push(include_str!("../tests/data/zones/003_836afd67f5dc4781.txt").to_string());
        texts.push(texts.join("\n"));
        // Real news text, when the shared corpus is next to the repository.
        if let Ok(folder) = std::fs::read_dir("../shared/corpus/ptc-semeval2020/train-articles") {
            let mut paths: Vec<_> = folder.filter_map(|e| Some(e.ok()?.path())).collect();
            paths.sort();
            texts.extend(paths.iter().take(60).filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        for text in &texts {
            let mut filtered: Vec<RawMatch> = matcher
                .scan(text, &[])
                .matches
                .into_iter()
                .filter(|m| !rules.rules[m.rule].patterns.is_empty())
                .collect();
            let mut everything = whole_line_matches(&matcher, text);
            // Phrase matches of rules that also have patterns are in `filtered` too: compare
            // only what patterns can produce.
            filtered.retain(|m| everything.contains(m));
            filtered.sort();
            everything.dedup();
            filtered.dedup();
            assert_eq!(filtered, everything, "in {text:?}");
        }
    }

    #[test]
    fn lines_know_the_zones_they_overlap() {
        let text = "Title\nBody one\nBody two, then a menu";
        let zone = |kind, start, end| Zone { kind, start, end };
        let zones =
            [zone(ZoneKind::Title, 0, 6), zone(ZoneKind::Body, 6, 31), zone(ZoneKind::Boilerplate, 31, 37)];
        let lines = line_ranges(text);
        assert_eq!(line_zones(&lines, &zones), [1, 4, 4 | 8]);
        assert_eq!(line_zones(&lines, &[]), [u8::MAX; 3]);
    }

    #[test]
    fn line_ends_hold_in_crlf_text_and_folded_matches_reach_as_far_as_they_go() {
        let matcher = matcher_of(
            r#"[[rule]]
id = "said-at-end"
category = "attribution"
message = "m"
explanation = "e"
patterns = ['court said$']

[[rule]]
id = "reasons"
category = "clickbait"
message = "m"
explanation = "e"
patterns = ['\d+ reasons [a-z]{1,3}']
"#,
        );
        let found = |text: &str| -> Vec<String> {
            let mut matches = matcher.scan(text, &[]).matches;
            matches.sort();
            matches.iter().map(|m| text[m.start..m.end].to_string()).collect()
        };
        assert_eq!(found("The court said\nNext"), ["court said"]);
        assert_eq!(found("The court said\r\nNext\r\n"), ["court said"], "`$` before a CRLF");
        // Three Kelvin signs (three bytes each) match `[a-z]{1,3}` case-insensitively.
        assert_eq!(found("5 reasons \u{212A}\u{212A}\u{212A}"), ["5 reasons \u{212A}\u{212A}\u{212A}"]);
        let text = "5 reasons \u{212A}\u{212A}\u{212A}\r\nThe court said\r\n";
        assert_eq!(
            found(text),
            whole_line_matches(&matcher, text)
                .iter()
                .map(|m| text[m.start..m.end].to_string())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn anchored_searches_find_what_a_search_of_the_whole_line_finds() {
        let matcher = matcher_of(
            r#"[[rule]]
id = "question"
category = "doubt"
message = "m"
explanation = "e"
patterns = ['\b(?:really|even)\b[^?.\n]{0,30}\?']

[[rule]]
id = "two-literals-one-start"
category = "doubt"
message = "m"
explanation = "e"
patterns = ['\b(?:truly|truly now)\b[^?.\n]{0,30}\?']
"#,
        );
        let anchored_targets = matcher.targets.iter().flatten();
        assert!(
            anchored_targets
                .clone()
                .all(|t| matches!(t, Target::Trigger { shape: Shape { starts_matches: true, .. }, .. }))
        );
        assert_eq!(anchored_targets.count(), 4);
        // Few starts on a line (anchored searches), and many (the whole line is searched); two
        // literals of one pattern at one place count as one start.
        let few = "Is it really so? Even now? really";
        let many = "really even? ".repeat(MAX_ANCHORED_STARTS_PER_LINE + 3);
        let doubled = "truly now? ".repeat(MAX_ANCHORED_STARTS_PER_LINE - 2);
        for text in [few.to_string(), many, format!("{few}\n{few} even really?"), doubled] {
            let mut found: Vec<RawMatch> = matcher.scan(&text, &[]).matches;
            found.sort();
            let expected = whole_line_matches(&matcher, &text);
            assert!(!expected.is_empty());
            assert_eq!(found, expected, "in {text:?}");
        }
    }

    #[test]
    fn a_match_is_an_exception_when_an_exception_of_its_rule_covers_it() {
        // Every combination of small spans, against the definition.
        let spans: Vec<(usize, usize)> = (0..6).flat_map(|s| (s + 1..7).map(move |e| (s, e))).collect();
        for (i, &(s1, e1)) in spans.iter().enumerate() {
            for &(s2, e2) in &spans[i..] {
                let mut scan = Scan {
                    exceptions: vec![
                        RawMatch { start: s1, end: e1, rule: 1 },
                        RawMatch { start: s2, end: e2, rule: 1 },
                        RawMatch { start: 0, end: 7, rule: 0 },
                        RawMatch { start: 2, end: 3, rule: 2 },
                    ],
                    ..Scan::default()
                };
                let definition = scan.exceptions.clone();
                scan.index_exceptions();
                for &(start, end) in &spans {
                    for rule in 0..4 {
                        let m = RawMatch { start, end, rule };
                        let expected =
                            definition.iter().any(|e| e.rule == rule && e.start <= start && end <= e.end);
                        assert_eq!(scan.is_exception(&m), expected, "{m:?} in {definition:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// Line searches that start past the last barrier byte before a line's first literal
        /// (or first digit) find what searches of whole lines find: names before "said" (the
        /// barriers are punctuation), figures (barriers include most letters), a pattern with
        /// a word boundary just after a barrier, one with no barriers at all.
        #[test]
        fn searches_from_a_barrier_find_what_whole_lines_find(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Jane", "Doe", " ", "said", "says", ", ", ". ", "$", "5", "1,5", " million", "%", "(",
                "\"", "é", "ok", "\n", "a", "Bob", "x", "-",
            ]), 0..30),
        ) {
            let matcher = barrier_matcher();
            let text: String = parts.concat();
            let mut found: Vec<RawMatch> = matcher.scan(&text, &[]).matches;
            found.sort();
            proptest::prop_assert_eq!(found, whole_line_matches(matcher, &text), "in {:?}", text);
        }
    }

    proptest::proptest! {
        /// The walks start where the definition says, across block boundaries and at the
        /// text's end: at every byte that is not a word byte following a word byte.
        #[test]
        fn walks_start_at_every_byte_not_inside_a_word(
            text in "([a-c_1]{0,9}|[ .,\n'é’-]{0,3}){0,40}",
        ) {
            let keys: Vec<String> = ["a", "ab", " ", "é", "’", "b_1", "c c", "1"].map(String::from).into();
            let trie = Trie::new(&keys);
            let mut found = Vec::new();
            for_each_key(&trie, &text, |key, start, end| found.push((key, start, end)));
            let bytes = text.as_bytes();
            let mut expected = Vec::new();
            for at in 0..bytes.len() {
                if at > 0 && is_ascii_word_byte(bytes[at - 1]) && is_ascii_word_byte(bytes[at]) {
                    continue;
                }
                trie.walk(bytes, at, |key, end| expected.push((key, at, end)));
            }
            proptest::prop_assert_eq!(found, expected);
        }
    }

    fn barrier_matcher() -> &'static Matcher {
        static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        MATCHER.get_or_init(|| {
            matcher_of(
                r#"[[rule]]
id = "said-name"
category = "attribution"
message = "m"
explanation = "e"
case-sensitive = true
patterns = ['\b[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:said|says)\b', '(?:[\$(] ?)?\b[0-9][,0-9]*(?: million| ?%)?', '"[^"]+" said', '[a-z]+ ?said']
"#,
            )
        })
    }

    #[test]
    fn line_start_patterns_skip_lines_whose_literals_come_too_late() {
        let matcher = matcher_of(
            r#"[[rule]]
id = "byline"
category = "byline"
message = "m"
explanation = "e"
case-sensitive = true
patterns = ['(?m)^[^\n]{0,12}?\b(?:By|by) [A-Z][a-z]+']
"#,
        );
        let text = "By Jane\nPhoto by Bob\néééééééééé by Ann\néééééééééééé by Ann\nit was signed by Joe, far too late\nby by by by by by by Al";
        let mut found: Vec<RawMatch> = matcher.scan(text, &[]).matches;
        found.sort();
        let expected = whole_line_matches(&matcher, text);
        assert_eq!(expected.len(), 3, "the first three lines: {expected:?}");
        assert_eq!(found, expected);
    }

    #[test]
    fn searches_that_stop_after_the_last_literal_find_what_whole_lines_find() {
        let matcher = matcher_of(
            r#"[[rule]]
id = "attribution"
category = "attribution"
message = "m"
explanation = "e"
case-sensitive = true
patterns = ['\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:said|told)\b', '(?:the|its) [a-z]+ (?:board|court) (?:said|says)$']
"#,
        );
        assert!(
            matcher
                .targets
                .iter()
                .flatten()
                .all(|t| matches!(t, Target::Trigger { shape: Shape { reach: Some(_), .. }, .. })),
            "both patterns are searched up to their last literal"
        );
        for text in [
            "Jane Doe said it. Then Bob told me, and the Court said so, while more was said later on",
            "Bob saidx it, Jane said.\nnothing here said\nand the county court says",
            "and the county court says nothing",
        ] {
            let mut found: Vec<RawMatch> = matcher.scan(text, &[]).matches;
            found.sort();
            let expected = whole_line_matches(&matcher, text);
            assert_eq!(found, expected, "in {text:?}");
        }
    }
}

/// The trie walk against the definition of a phrase match, on texts mixed from fragments that
/// stress it: overlapping phrases, prefixes, case, apostrophes, accented letters at the edges.
#[cfg(test)]
mod phrase_properties {
    use proptest::prelude::*;

    use super::*;
    use crate::rules::RuleSetBuilder;

    const RULES: &str = r#"
[[rule]]
id = "a"
category = "loaded-language"
message = "m"
explanation = "e"
phrases = ["attack", "attack on", "on the", "café", "don't", "x y"]
[[rule]]
id = "b"
category = "doubt"
message = "m"
explanation = "e"
phrases = ["attack*", "the", "é"]
"#;

    /// Every match by definition: an ASCII-case-insensitive occurrence (or with `’`/`` ` ``
    /// for `'`) between non-word characters, its other letters in lower case, upper case, or
    /// lower case after a capital first letter; `stem*` runs on to the end of its word.
    fn reference(text: &str, rules: &[Rule]) -> Vec<RawMatch> {
        let mut found = Vec::new();
        for (rule, r) in rules.iter().enumerate() {
            for phrase in &r.phrases {
                let (stem, prefix) = phrase.strip_suffix('*').map_or((phrase.as_str(), false), |s| (s, true));
                let upper: String = stem.chars().flat_map(char::to_uppercase).collect();
                let capital: String =
                    stem.chars().take(1).flat_map(char::to_uppercase).chain(stem.chars().skip(1)).collect();
                let cased = [stem.to_string(), upper, capital];
                for variant in cased.iter().flat_map(|c| apostrophe_variants(c)) {
                    for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                        let end = start + variant.len();
                        let Some(piece) = text.get(start..end) else { continue };
                        if !piece.eq_ignore_ascii_case(&variant)
                            || text[..start].chars().next_back().is_some_and(is_word_char)
                        {
                            continue;
                        }
                        let word_end =
                            text[end..].find(|c: char| !is_word_char(c)).map_or(text.len(), |i| end + i);
                        if prefix {
                            found.push(RawMatch { start, end: word_end, rule });
                        } else if word_end == end {
                            found.push(RawMatch { start, end, rule });
                        }
                    }
                }
            }
        }
        found.sort();
        found.dedup();
        found
    }

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "attack", "Attacks", "ATTACK", " on", "on", " the ", "the", "café", "CAFÉ", "é", "É", "x", " y",
            "don't", "don’t", "don`t", "_", "1", " ", "\n", ",", "’", "日本",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn the_walk_finds_exactly_the_phrase_matches(parts in prop::collection::vec(fragment(), 0..24)) {
            let text: String = parts.concat();
            let mut builder = RuleSetBuilder::new(false);
            builder.add_source("test.toml", RULES.to_string());
            let rules = builder.build().unwrap();
            let matcher = Matcher::new(&rules.rules).unwrap();
            let mut found = matcher.scan(&text, &[]).matches;
            found.sort();
            found.dedup();
            prop_assert_eq!(found, reference(&text, &rules.rules), "in {:?}", text);
        }
    }
}
