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
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::rules::Rule;
use crate::text::{char_at, char_before, is_word_char};

const REGEX_SIZE_LIMIT: usize = 16 * 1024 * 1024;

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
    /// For each pattern of `pattern_set`, its regex and rule.
    patterns: Vec<(Regex, usize)>,
    /// Per rule, a regex of its exception phrases.
    exceptions: Vec<Option<Regex>>,
}

/// Compilation failed even though each rule validated (the whole set is too large).
#[derive(Debug, thiserror::Error)]
#[error("the rules do not compile together: {0}")]
pub struct CompileError(String);

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

        let mut sources = Vec::new();
        let mut patterns = Vec::new();
        for (rule_index, rule) in rules.iter().enumerate() {
            for pattern in &rule.patterns {
                let source = if rule.case_sensitive { pattern.clone() } else { format!("(?i:{pattern})") };
                let regex = RegexBuilder::new(&source)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| CompileError(format!("rule `{}`: {e}", rule.id)))?;
                sources.push(source);
                patterns.push((regex, rule_index));
            }
        }
        let pattern_set = if sources.is_empty() {
            None
        } else {
            Some(
                RegexSetBuilder::new(&sources)
                    .size_limit(REGEX_SIZE_LIMIT * 4)
                    .dfa_size_limit(REGEX_SIZE_LIMIT * 4)
                    .build()
                    .map_err(|e| CompileError(e.to_string()))?,
            )
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

        Ok(Matcher { phrases, phrase_targets, pattern_set, patterns, exceptions })
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
                for m in regex.find_iter(text) {
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
