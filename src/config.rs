//! The project configuration file, `newslint.toml`, found in the current folder or the nearest
//! parent. Command-line flags override it (rule paths add to it).
//!
//! ```toml
//! rules = ["newsroom-rules/"]   # extra rule files or folders, relative to this file
//! no-default-rules = false
//! select = []                   # rule or category ids
//! ignore = ["repetition"]
//! fail-under = 40
//! [weights]                     # category weight overrides (0 switches a category's points off)
//! loaded-language = 1.5
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::input::io_reason;
use crate::rules::toml_reason;
use crate::text::line_column;

pub const FILE_NAME: &str = "newslint.toml";

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<PathBuf>,
    #[serde(default)]
    pub no_default_rules: bool,
    /// The values that are checked against the rules once they are loaded keep where they
    /// were written ([`Config::place`]), so that a misspelt id is named with its line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_under: Option<Spanned<f64>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<Spanned<String>, f64>,
    /// The file it was read from, for messages about its values.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The file's text, which the values' spans point into.
    #[serde(skip)]
    text: String,
}

impl Config {
    /// The file it was read from, as messages name it (newslint.toml when it was made from
    /// flags alone).
    pub fn file_name(&self) -> String {
        self.path.as_ref().map_or_else(|| FILE_NAME.to_string(), |path| path.display().to_string())
    }

    /// "newslint.toml:4:12": the file and the line and column where the value at `span` starts.
    pub fn place(&self, span: Range<usize>) -> String {
        let (line, column) = line_column(&self.text, span.start.min(self.text.len()));
        format!("{}:{line}:{column}", self.file_name())
    }

    /// The `fail-under` threshold, if the file sets one.
    pub fn fail_under(&self) -> Option<f64> {
        self.fail_under.as_ref().map(|threshold| *threshold.get_ref())
    }
}

/// The `rules` key alone, with where each path was written.
#[derive(Deserialize)]
struct RulePaths {
    #[serde(default)]
    rules: Vec<Spanned<PathBuf>>,
}

/// `newslint.toml` in `start` or its nearest parent that has one.
pub fn find(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|dir| dir.join(FILE_NAME)).find(|path| path.is_file())
}

/// Why a config file cannot be used: where (the file, and the line and column when known) and
/// what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {reason}")]
pub struct ConfigError {
    pub place: String,
    pub reason: String,
}

/// Reads a config file; rule paths come back resolved against the file's folder.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        place: path.display().to_string(),
        reason: format!("cannot read the config file: {}", io_reason(&e)),
    })?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let place = match e.span() {
            Some(span) => {
                let (line, column) = line_column(&text, span.start);
                format!("{}:{line}:{column}", path.display())
            }
            None => path.display().to_string(),
        };
        ConfigError { place, reason: toml_reason(&e) }
    })?;
    config.path = Some(path.to_path_buf());
    config.text = text;
    if let Some(score) = &config.fail_under
        && !(0.0..=100.0).contains(score.get_ref())
    {
        let reason =
            format!("fail-under {} is not between 0 and 100", crate::text::readable_number(*score.get_ref()));
        return Err(ConfigError { place: config.place(score.span()), reason });
    }
    let base = path.parent().unwrap_or(Path::new("."));
    // Where each rule path was written, for a path that does not exist: the rule loader would
    // name only the joined path, with no line. The file parsed above, so this parse succeeds.
    let written_at = toml::from_str::<RulePaths>(&config.text).map(|paths| paths.rules).unwrap_or_default();
    for index in 0..config.rules.len() {
        let written = config.rules[index].display().to_string();
        if config.rules[index].is_relative() {
            config.rules[index] = base.join(&config.rules[index]);
        }
        let rule_path = &config.rules[index];
        let place = |config: &Config| match written_at.get(index) {
            Some(spanned) => config.place(spanned.span()),
            None => config.file_name(),
        };
        if written.is_empty() {
            let reason = "a rule path in `rules` is empty: name a rule file or folder".to_string();
            return Err(ConfigError { place: place(&config), reason });
        }
        if !rule_path.exists() {
            let reason = format!(
                "the rule path `{written}` in `rules` does not exist ({}; paths are relative to this file)",
                rule_path.display()
            );
            return Err(ConfigError { place: place(&config), reason });
        }
    }
    Ok(config)
}
