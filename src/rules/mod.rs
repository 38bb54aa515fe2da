//! Rules and categories: what a rule file says, once loaded and validated.
//!
//! `load` turns TOML text into these types (strictly: unknown keys, unknown categories, bad
//! regexes and duplicate ids are errors that point into the file); the matcher compiles them;
//! printers read their ids, messages and explanations.

mod load;
pub mod pattern;

pub(crate) use load::toml_reason;
pub use load::{RuleError, RuleSetBuilder};

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::zones::{ZoneKind, ZoneSet};

/// The three groups of SPEC.md: techniques and cues lower the score, signals raise it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Technique,
    Cue,
    Signal,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Technique => "technique",
            Group::Cue => "cue",
            Group::Signal => "signal",
        }
    }
}

/// How a category's findings add up in the score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// Every finding counts, with saturation and length awareness.
    #[default]
    PerFinding,
    /// The category counts once, however many findings it has (a byline, a donation appeal).
    Presence,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub group: Group,
    pub name: String,
    pub explanation: String,
    pub advice: Option<String>,
    pub weight: f64,
    pub counting: Counting,
    /// The file that declared it (`rules/taxonomy.toml` for the built-in taxonomy).
    pub source: String,
}

/// Whose words a span is: the outlet's own, or a quoted speaker's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    Outlet,
    Quoted,
}

impl Voice {
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Outlet => "outlet",
            Voice::Quoted => "quoted",
        }
    }
}

/// Where a rule looks: a set of zones and which voices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub zones: ZoneSet,
    pub quoted: bool,
    pub outlet: bool,
}

impl Scope {
    /// Every zone but page furniture.
    pub const DEFAULT_ZONES: ZoneSet = ZoneSet::ALL.without(ZoneKind::Boilerplate);
}

impl Default for Scope {
    /// Every zone but page furniture, both voices.
    fn default() -> Self {
        Scope { zones: Scope::DEFAULT_ZONES, quoted: true, outlet: true }
    }
}

impl Scope {
    pub fn allows(&self, zone: ZoneKind, voice: Voice) -> bool {
        let voice_ok = match voice {
            Voice::Outlet => self.outlet,
            Voice::Quoted => self.quoted,
        };
        self.zones.contains(zone) && voice_ok
    }

    /// The zone a rule's examples are analysed as: body if the rule looks there, else the
    /// first of title, byline and boilerplate that it looks at (a rule must be able to fire
    /// on its own examples).
    pub fn example_zone(&self) -> ZoneKind {
        [ZoneKind::Body, ZoneKind::Title, ZoneKind::Byline, ZoneKind::Boilerplate]
            .into_iter()
            .find(|&zone| self.zones.contains(zone))
            .unwrap_or(ZoneKind::Body)
    }
}

/// What a rule's span is once its sentence condition holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportSpan {
    #[default]
    Match,
    Sentence,
}

/// A condition on the sentence around a match (the "conditional" rule kind).
#[derive(Clone, Debug, Default)]
pub struct SentenceCondition {
    /// Categories (indices) that, found in the same sentence, silence the rule.
    pub without: Vec<usize>,
    /// Categories (indices) that must all be found in the same sentence.
    pub with: Vec<usize>,
    pub report: ReportSpan,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    /// Index into [`RuleSet::categories`].
    pub category: usize,
    pub message: String,
    pub explanation: String,
    pub severity: Severity,
    /// The rule's own weight; `None`: its category's (see [`RuleSet::weight_of`]).
    pub weight: Option<f64>,
    /// Lower-cased phrases; a trailing `*` means "any word starting with this".
    pub phrases: Vec<String>,
    pub patterns: Vec<Pattern>,
    pub case_sensitive: bool,
    pub scope: Scope,
    pub exceptions: Vec<String>,
    pub sentence: Option<SentenceCondition>,
    pub examples: Vec<String>,
    pub counterexamples: Vec<String>,
    /// The file the rule came from.
    pub source: String,
}

/// A rule's regular expression, checked but not compiled (the matcher compiles all patterns
/// once, together).
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The pattern as the matcher compiles it: parsed in the rule dialect (see [`pattern`]),
    /// case-insensitive unless the rule is case-sensitive. Parsed once, here.
    pub hir: regex_syntax::hir::Hir,
    /// The same pattern with the rule's own case flags only, for literal extraction (folding
    /// every literal's case would multiply them).
    pub bare: regex_syntax::hir::Hir,
    /// Where it is written in its rule file (1-based; column in characters).
    pub line: usize,
    pub column: usize,
}

/// Every loaded category and rule, validated. Built by [`RuleSetBuilder`].
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub categories: Vec<Category>,
    pub rules: Vec<Rule>,
    category_index: HashMap<String, usize>,
    rule_index: HashMap<String, usize>,
}

impl RuleSet {
    pub fn category(&self, id: &str) -> Option<usize> {
        self.category_index.get(id).copied()
    }

    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rule_index.get(id).copied()
    }

    /// The rules that `list` names: each id a rule's, or a category's for all its rules.
    pub fn rules_named(&self, list: IdList<'_>) -> Result<HashSet<usize>, UnknownId> {
        let mut named = HashSet::new();
        for id in list.ids {
            // A category first: a rule that shares its category's id is one of its rules.
            if let Some(category) = self.category(id) {
                named.extend(
                    self.rules.iter().enumerate().filter(|(_, r)| r.category == category).map(|(i, _)| i),
                );
            } else if let Some(rule) = self.rule(id) {
                named.insert(rule);
            } else {
                let closest = self.closest_id(id, true).map(str::to_string);
                return Err(UnknownId { id: id.clone(), list: list.written_in.to_string(), closest });
            }
        }
        Ok(named)
    }

    /// The known id that `id` is most likely a misspelling of: the category id (or, with
    /// `with_rules`, the category or rule id) fewest edits away, if it is within a third of
    /// `id`'s length ("apeal-to-fear", "Appeal_To_Fear" → "appeal-to-fear"). Ties go to the
    /// first in load order.
    pub fn closest_id(&self, id: &str, with_rules: bool) -> Option<&str> {
        let wanted = id.to_lowercase();
        let limit = (wanted.chars().count() / 3).max(1);
        let categories = self.categories.iter().map(|c| c.id.as_str());
        let rules = self.rules.iter().filter(|_| with_rules).map(|r| r.id.as_str());
        categories
            .chain(rules)
            .map(|known| (strsim::damerau_levenshtein(&wanted, known), known))
            .filter(|&(edits, _)| edits <= limit)
            .min_by_key(|&(edits, _)| edits)
            .map(|(_, known)| known)
    }

    /// Whether findings of the category are problems (techniques and cues, which cost points and
    /// which `--baseline` and the summaries count), not credibility signals.
    pub fn is_problem(&self, category: usize) -> bool {
        self.categories[category].group != Group::Signal
    }

    fn category_of(&self, rule: usize) -> &Category {
        &self.categories[self.rules[rule].category]
    }

    /// The weight of a rule's findings: its own, else its category's.
    pub fn weight_of(&self, rule: usize) -> f64 {
        self.rules[rule].weight.unwrap_or_else(|| self.category_of(rule).weight)
    }

    /// Overrides a category's weight (from a project config); rules without a weight of their
    /// own follow it.
    pub fn set_category_weight(&mut self, id: &str, weight: f64) -> Result<(), WeightError> {
        if !(0.0..=100.0).contains(&weight) {
            return Err(WeightError::OutOfRange { id: id.to_string(), weight });
        }
        let index = self.category(id).ok_or_else(|| WeightError::UnknownCategory {
            id: id.to_string(),
            closest: self.closest_id(id, false).map(str::to_string),
        })?;
        self.categories[index].weight = weight;
        Ok(())
    }
}

/// Rule or category ids that choose which rules are reported, and where they were written, for
/// messages: `--select`, or "`ignore`" (of the config file, which the caller names with the
/// id's line).
#[derive(Clone, Copy, Debug)]
pub struct IdList<'a> {
    pub ids: &'a [String],
    pub written_in: &'a str,
}

/// An id in an [`IdList`] that is neither a rule's nor a category's.
#[derive(Debug, thiserror::Error)]
#[error("unknown rule or category `{id}` in {list} (see `newslint rules list`){}", did_you_mean(.closest.as_deref()))]
pub struct UnknownId {
    pub id: String,
    /// Where the list was written ([`IdList::written_in`]).
    pub list: String,
    /// The known rule or category id it is likely a misspelling of.
    pub closest: Option<String>,
}

/// Why a category's weight cannot be set ([`RuleSet::set_category_weight`]).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WeightError {
    #[error("weight {} for `{id}` must be between 0 and 100", crate::text::readable_number(*.weight))]
    OutOfRange { id: String, weight: f64 },
    #[error("unknown category `{id}` in [weights]{}", did_you_mean(.closest.as_deref()))]
    UnknownCategory { id: String, closest: Option<String> },
}

/// The end of an "unknown id" message for [`RuleSet::closest_id`]'s answer:
/// "; did you mean `appeal-to-fear`?", or nothing.
pub fn did_you_mean(closest: Option<&str>) -> String {
    closest.map(|known| format!("; did you mean `{known}`?")).unwrap_or_default()
}

/// The rule files built into the binary (every `rules/*.toml`), as `(path, contents)`.
pub mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

    /// The file that declares the taxonomy of SPEC.md; loaded even with `--no-default-rules`.
    pub const TAXONOMY: &str = "rules/taxonomy.toml";
}
