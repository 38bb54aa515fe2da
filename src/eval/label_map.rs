//! The mapping from a corpus's technique labels to newslint category ids.
//!
//! A map is a TOML file with one table, `[labels]`, whose keys are corpus labels and whose values
//! are a category id, a list of category ids (for a corpus label that merges several of our
//! categories, such as PTC's `Bandwagon,Reductio_ad_hitlerum`), or an empty list (a label we know
//! and have no category for). The built-in map covers PTC 2020 and SemEval-2023 Task 3; a user's
//! map replaces it whole. Loading is strict: unknown fields, values of the wrong type and
//! category ids the loaded rules do not know are errors that name the file, line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use super::EvalError;
use crate::input::io_reason;
use crate::rules::{RuleSet, did_you_mean};
use crate::text::line_column;

const BUILTIN: &str = include_str!("label-map.toml");
const BUILTIN_NAME: &str = "built-in label map (src/eval/label-map.toml)";

/// Corpus label -> category indices (into the engine's categories). An empty list: known, unmapped.
#[derive(Clone, Debug)]
pub struct LabelMap {
    /// Where the map came from, for the report: `built-in` or the file's path.
    pub source: String,
    labels: BTreeMap<String, Vec<usize>>,
}

impl LabelMap {
    /// The categories `label` maps to: `None` if the map does not list it, `Some(&[])` if it
    /// lists it as having no counterpart.
    pub fn get(&self, label: &str) -> Option<&[usize]> {
        self.labels.get(label).map(Vec::as_slice)
    }

    /// The built-in map, or the file at `path`, checked against the loaded categories.
    pub fn load(path: Option<&Path>, rules: &RuleSet) -> Result<LabelMap, EvalError> {
        match path {
            None => Self::parse(BUILTIN, BUILTIN_NAME, "built-in", rules),
            Some(path) => {
                let display = path.display().to_string();
                let text = std::fs::read_to_string(path)
                    .map_err(|e| EvalError(format!("cannot read label map {display}: {}", io_reason(&e))))?;
                Self::parse(&text, &display, &display, rules)
            }
        }
    }

    fn parse(text: &str, name: &str, source: &str, rules: &RuleSet) -> Result<LabelMap, EvalError> {
        let at = |offset: usize| {
            let (line, column) = line_column(text, offset);
            format!("{name}:{line}:{column}")
        };
        let raw: RawMap = toml::from_str(text).map_err(|e| {
            let place = e.span().map_or_else(|| name.to_string(), |span| at(span.start));
            EvalError(format!("{place}: {}", crate::rules::toml_reason(&e)))
        })?;
        let mut labels = BTreeMap::new();
        for (label, targets) in raw.labels {
            let mut categories = Vec::new();
            for id in &targets.get_ref().0 {
                let category = rules.category(id).ok_or_else(|| {
                    EvalError(format!(
                        "{}: label `{label}` maps to unknown category `{id}` (see `newslint rules list`){}",
                        at(targets.span().start),
                        did_you_mean(rules.closest_id(id, false))
                    ))
                })?;
                if !categories.contains(&category) {
                    categories.push(category);
                }
            }
            categories.sort_unstable();
            labels.insert(label, categories);
        }
        Ok(LabelMap { source: source.to_string(), labels })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    labels: BTreeMap<String, Spanned<Targets>>,
}

/// A category id or a list of them.
struct Targets(Vec<String>);

impl<'de> Deserialize<'de> for Targets {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TargetsVisitor;

        impl<'de> Visitor<'de> for TargetsVisitor {
            type Value = Targets;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a category id or a list of category ids")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<Targets, E> {
                Ok(Targets(vec![id.to_string()]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Targets, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Targets(ids))
            }
        }

        deserializer.deserialize_any(TargetsVisitor)
    }
}
