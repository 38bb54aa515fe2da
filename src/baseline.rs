//! Baselines: today's cue and technique findings, recorded so that CI fails only on new ones —
//! what a curated dataset needs when it adopts the tool.
//!
//! A finding is known when the baseline has the same article content (a hash of its text), the
//! same rule and the same matched text; each entry absorbs as many findings as it counts.
//! Signals are never baselined: they only ever raise a score.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analyze::Analysis;
use crate::input::io_reason;
use crate::rules::RuleSet;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: u32,
    pub findings: Vec<Entry>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// FNV-1a 64-bit hash of the article text, in hex.
    pub article: String,
    pub rule: String,
    pub text: String,
    pub count: usize,
}

/// A stable 64-bit FNV-1a hash of an article's text (stable across runs and versions).
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf29ce484222325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    format!("{hash:016x}")
}

/// Why a baseline file cannot be used: where (the file, and the line and column when known) and
/// what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {reason}")]
pub struct BaselineError {
    pub place: String,
    pub reason: String,
}

/// Lookup form of a baseline: per article hash, how many findings each (rule, text) may absorb.
#[derive(Clone, Debug, Default)]
pub struct Known {
    by_article: BTreeMap<String, BTreeMap<(String, String), usize>>,
}

impl Known {
    pub fn load(path: &Path) -> Result<Known, BaselineError> {
        let error = |place: String, reason: String| BaselineError { place, reason };
        let text = std::fs::read_to_string(path).map_err(|e| {
            error(path.display().to_string(), format!("cannot read the baseline: {}", io_reason(&e)))
        })?;
        // A byte-order mark (an editor's) is not part of the JSON.
        let json = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let baseline: Baseline = serde_json::from_str(json).map_err(|e| {
            // serde_json ends its message with the position, which the prefix already gives.
            let message = e.to_string();
            let reason = message.split(" at line ").next().unwrap_or(&message);
            // An empty file ends before its first column: column 1, not serde_json's 0.
            let place = format!("{}:{}:{}", path.display(), e.line(), e.column().max(1));
            error(place, format!("not a newslint baseline: {reason}"))
        })?;
        if baseline.schema != 1 {
            return Err(error(
                path.display().to_string(),
                format!(
                    "baseline schema {} is not supported (this newslint reads schema 1: write a new one with --write-baseline)",
                    baseline.schema
                ),
            ));
        }
        let mut by_article: BTreeMap<String, BTreeMap<(String, String), usize>> = BTreeMap::new();
        for entry in baseline.findings {
            *by_article.entry(entry.article).or_default().entry((entry.rule, entry.text)).or_default() +=
                entry.count;
        }
        Ok(Known { by_article })
    }

    /// The known findings of the article whose text hashes to `hash`, to be absorbed one by one.
    pub fn of_article(&self, hash: &str) -> KnownInArticle<'_> {
        let left = self.by_article.get(hash).into_iter().flatten();
        KnownInArticle {
            left: left.map(|((rule, text), count)| ((rule.as_str(), text.as_str()), *count)).collect(),
        }
    }
}

/// The counts still available in one article.
pub struct KnownInArticle<'a> {
    left: BTreeMap<(&'a str, &'a str), usize>,
}

impl<'a> KnownInArticle<'a> {
    /// Whether a finding of `rule` on `text` is known, consuming one count of its entry.
    pub fn absorbs(&mut self, rule: &'a str, text: &'a str) -> bool {
        match self.left.get_mut(&(rule, text)) {
            Some(available) if *available > 0 => {
                *available -= 1;
                true
            }
            _ => false,
        }
    }
}

/// Collects the baseline of a run's cue and technique findings.
#[derive(Default)]
pub struct Recorder {
    counts: BTreeMap<(String, String, String), usize>,
}

impl Recorder {
    pub fn record(&mut self, analysis: &Analysis, rules: &RuleSet) {
        let hash = content_hash(&analysis.article.text);
        // The findings the baseline in use already knew count too: refreshing a baseline
        // keeps what it held.
        for f in analysis.findings.iter().chain(&analysis.baselined) {
            if !rules.is_problem(f.category) {
                continue;
            }
            let key = (
                hash.clone(),
                rules.rules[f.rule].id.clone(),
                analysis.article.text[f.start..f.end].to_string(),
            );
            *self.counts.entry(key).or_default() += 1;
        }
    }

    pub fn baseline(&self) -> Baseline {
        Baseline {
            schema: 1,
            findings: self
                .counts
                .iter()
                .map(|((article, rule, text), count)| Entry {
                    article: article.clone(),
                    rule: rule.clone(),
                    text: text.clone(),
                    count: *count,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_absorbs_as_many_findings_as_it_counts_in_its_article_only() {
        let entry = |article: &str, count| Entry {
            article: article.into(),
            rule: "fear-words".into(),
            text: "terrifying".into(),
            count,
        };
        let file = tempfile::NamedTempFile::new().unwrap();
        let baseline = Baseline { schema: 1, findings: vec![entry("aa", 1), entry("aa", 1), entry("bb", 1)] };
        std::fs::write(file.path(), serde_json::to_string(&baseline).unwrap()).unwrap();
        let known = Known::load(file.path()).unwrap();
        let mut in_aa = known.of_article("aa");
        assert!(in_aa.absorbs("fear-words", "terrifying"));
        assert!(in_aa.absorbs("fear-words", "terrifying"), "two entries of one key add up");
        assert!(!in_aa.absorbs("fear-words", "terrifying"), "a third finding is new");
        assert!(!in_aa.absorbs("fear-words", "scary"));
        assert!(!known.of_article("cc").absorbs("fear-words", "terrifying"));
        assert!(known.of_article("bb").absorbs("fear-words", "terrifying"), "counts are per article");
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
    }
}
