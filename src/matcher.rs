//! Matching: every loaded rule compiled once into multi-pattern automata, then one scan of an
//! article's text that yields raw matches (rule, byte span).
//!
//! - All `phrases` of all rules go into one Aho-Corasick automaton (ASCII case-insensitive,
//!   overlapping search), and each hit is checked for word boundaries; a trailing `*` extends
//!   the hit to the end of the word. A phrase with `'` also matches `’` and the backtick.
//! - All `patterns` go into one `RegexSet`, run once as a prefilter; only the patterns it
//!   reports are then run on their own to find where they match.
//!
//! Zones, voice, exceptions and sentence conditions are applied later (see `analyze`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::rules::Rule;
use crate::text::{char_at, char_before, is_word_char};

/// The largest compiled size of one pattern (the regex crate's default).
const PATTERN_SIZE_LIMIT: usize = 10 * 1024 * 1024;
/// The largest compiled size of all patterns together.
const SET_SIZE_LIMIT: usize = 64 * 1024 * 1024;

/// A rule's hit before any filtering: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawMatch {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
}

#[derive(Clone, Copy, Debug)]
struct PhraseTarget {
    rule: usize,
    /// `attack*`: extend to the end of the word instead of requiring a boundary.
    prefix: bool,
}

/// The compiled form of a rule set.
pub struct Matcher {
    phrases: Option<AhoCorasick>,
    /// For each automaton pattern, the rules that use it.
    phrase_targets: Vec<Vec<PhraseTarget>>,
    pattern_set: Option<RegexSet>,
    /// For each pattern of `pattern_set`, its rule, and its own regex, compiled the first time
    /// the set reports it (most articles need only a few; `None` cannot happen once the set
    /// compiled, but is not worth a panic).
    patterns: Vec<(OnceLock<Option<Regex>>, usize)>,
    /// The source of each pattern, for compiling it on first use.
    sources: Vec<String>,
    /// Per rule, a regex of its exception phrases.
    exceptions: Vec<Option<Regex>>,
}

/// Compilation failed even though each rule validated: a pattern, or all of them together, is
/// too large. The message names the rule file, line and column where it can.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CompileError(String);

/// Finds the pattern that is too large on its own, or says that they are together.
fn too_large(rules: &[Rule]) -> CompileError {
    for rule in rules {
        for pattern in &rule.patterns {
            if let Err(regex::Error::CompiledTooBig(limit)) =
                RegexBuilder::new(&pattern.source).size_limit(PATTERN_SIZE_LIMIT).build()
            {
                return CompileError(format!(
                    "{}:{}:{}: rule `{}`: pattern is too large once compiled (over the {limit}-byte limit); split it or simplify it",
                    rule.source, pattern.line, pattern.column, rule.id
                ));
            }
        }
    }
    CompileError(format!(
        "the rules' patterns are too large together (over the {SET_SIZE_LIMIT}-byte limit); load fewer or simpler rules"
    ))
}

impl Matcher {
    pub fn new(rules: &[Rule]) -> Result<Self, CompileError> {
        let mut keys: Vec<String> = Vec::new();
        let mut key_index = std::collections::HashMap::new();
        let mut phrase_targets: Vec<Vec<PhraseTarget>> = Vec::new();
        for (rule_index, rule) in rules.iter().enumerate() {
            for phrase in &rule.phrases {
                let (stem, prefix) = match phrase.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (phrase.as_str(), false),
                };
                for variant in apostrophe_variants(stem) {
                    let id = *key_index.entry(variant.clone()).or_insert_with(|| {
                        keys.push(variant);
                        phrase_targets.push(Vec::new());
                        keys.len() - 1
                    });
                    let target = PhraseTarget { rule: rule_index, prefix };
                    if !phrase_targets[id].iter().any(|t| t.rule == rule_index && t.prefix == prefix) {
                        phrase_targets[id].push(target);
                    }
                }
            }
        }
        let phrases = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .map_err(|e| CompileError(e.to_string()))?,
            )
        };

        let sources: Vec<&str> = rules.iter().flat_map(|r| r.patterns.iter().map(|p| p.source.as_str())).collect();
        let patterns: Vec<(OnceLock<Option<Regex>>, usize)> = rules
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.patterns.iter().map(move |_| (OnceLock::new(), i)))
            .collect();
        let pattern_set = if sources.is_empty() {
            None
        } else {
            match RegexSetBuilder::new(&sources).size_limit(SET_SIZE_LIMIT).dfa_size_limit(SET_SIZE_LIMIT).build() {
                Ok(set) => Some(set),
                Err(regex::Error::CompiledTooBig(_)) => return Err(too_large(rules)),
                Err(e) => return Err(CompileError(e.to_string())),
            }
        };

        let exceptions = rules
            .iter()
            .map(|rule| {
                if rule.exceptions.is_empty() {
                    return Ok(None);
                }
                let alternatives: Vec<String> = rule
                    .exceptions
                    .iter()
                    .flat_map(|e| apostrophe_variants(e))
                    .map(|e| regex::escape(&e))
                    .collect();
                let source = format!(r"(?i)\b(?:{})\b", alternatives.join("|"));
                Regex::new(&source).map(Some).map_err(|e| CompileError(format!("rule `{}`: {e}", rule.id)))
            })
            .collect::<Result<_, _>>()?;

        let sources = sources.into_iter().map(str::to_string).collect();
        Ok(Matcher { phrases, phrase_targets, pattern_set, patterns, sources, exceptions })
    }

    /// Every raw match of every rule in `text`, appended to `out` (in no particular order).
    pub fn scan(&self, text: &str, out: &mut Vec<RawMatch>) {
        if let Some(ac) = &self.phrases {
            for hit in ac.find_overlapping_iter(text) {
                let (start, end) = (hit.start(), hit.end());
                if char_before(text, start).is_some_and(is_word_char) {
                    continue;
                }
                let at_boundary = !char_at(text, end).is_some_and(is_word_char);
                for target in &self.phrase_targets[hit.pattern().as_usize()] {
                    if target.prefix {
                        let word_end =
                            text[end..].find(|c: char| !is_word_char(c)).map_or(text.len(), |i| end + i);
                        out.push(RawMatch { start, end: word_end, rule: target.rule });
                    } else if at_boundary {
                        out.push(RawMatch { start, end, rule: target.rule });
                    }
                }
            }
        }
        if let Some(set) = &self.pattern_set {
            for index in set.matches(text).iter() {
                let (regex, rule) = &self.patterns[index];
                let source = &self.sources[index];
                let regex = regex.get_or_init(|| RegexBuilder::new(source).size_limit(SET_SIZE_LIMIT).build().ok());
                for m in regex.iter().flat_map(|r| r.find_iter(text)) {
                    if !m.is_empty() {
                        out.push(RawMatch { start: m.start(), end: m.end(), rule: *rule });
                    }
                }
            }
        }
    }

    /// The match lies inside one of its rule's exception phrases (looked for near the match).
    pub fn is_exception(&self, text: &str, m: &RawMatch) -> bool {
        let Some(regex) = &self.exceptions[m.rule] else { return false };
        const WINDOW: usize = 200;
        let from = crate::text::floor_char_boundary(text, m.start.saturating_sub(WINDOW));
        let to = crate::text::ceil_char_boundary(text, m.end + WINDOW);
        regex.find_iter(&text[from..to]).any(|e| from + e.start() <= m.start && m.end <= from + e.end())
    }
}

/// `don't` also as `don’t` and "don`t", so a rule need not list every apostrophe.
fn apostrophe_variants(phrase: &str) -> Vec<String> {
    if phrase.contains('\'') {
        vec![phrase.to_string(), phrase.replace('\'', "’"), phrase.replace('\'', "`")]
    } else {
        vec![phrase.to_string()]
    }
}
