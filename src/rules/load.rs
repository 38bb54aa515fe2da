//! Loading rule files: strict TOML deserialisation, then validation, with every error pointing
//! into the file (path, line, column, rule id).

use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Category, Counting, Group, Pattern, ReportSpan, Rule, RuleSet, Scope, SentenceCondition, Severity,
    builtin, did_you_mean,
};
use crate::text::{fold_whitespace, line_column};
use crate::zones::{ZoneKind, ZoneSet};

/// A rule file that does not parse or validate. Displays as one sentence:
/// `path:line:column: rule `id`: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RuleError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub rule: Option<String>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, ": rule `{rule}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    #[serde(default)]
    category: Vec<RawCategory>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCategory {
    id: Spanned<String>,
    group: Group,
    name: String,
    explanation: String,
    advice: Option<String>,
    weight: Option<Spanned<f64>>,
    #[serde(default)]
    counting: Counting,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Spanned<String>,
    category: Spanned<String>,
    message: Spanned<String>,
    explanation: Spanned<String>,
    #[serde(default)]
    severity: Severity,
    weight: Option<Spanned<f64>>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    case_sensitive: bool,
    scope: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exceptions: Vec<Spanned<String>>,
    sentence: Option<RawSentence>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counterexamples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSentence {
    #[serde(default)]
    without: Vec<Spanned<String>>,
    #[serde(default)]
    with: Vec<Spanned<String>>,
    #[serde(default)]
    report: ReportSpan,
}

/// Longer phrases are refused: the phrase trie costs about a hundred bytes per byte of phrase
/// (a 10 MB phrase took 1.3 GB), and the longest built-in phrase has 33 bytes.
const MAX_PHRASE_BYTES: usize = 4096;
/// Longer patterns are refused before they are parsed: parsing costs about 300 bytes per byte
/// of pattern (a 9 MB pattern took 3 GB before it was found too large to compile), and the
/// longest built-in pattern has 2.6 KB.
const MAX_PATTERN_BYTES: usize = 256 * 1024;
/// The most characters one counted repetition of a pattern may stand for (see
/// [`super::pattern::largest_repetition`]).
const MAX_REPETITION: usize = 1000;

struct SourceFile {
    path: String,
    text: String,
}

/// Collects rule files, then parses and validates them all at once in [`RuleSetBuilder::build`].
#[derive(Default)]
pub struct RuleSetBuilder {
    files: Vec<SourceFile>,
}

/// A TOML file's error message as newslint's TOML files (rules, config, label maps) give it:
/// without the trailing line break, and in words ("a number", not serde's "f64").
pub(crate) fn toml_reason(error: &toml::de::Error) -> String {
    error.message().trim_end().replace("expected f64", "expected a number")
}

impl RuleSetBuilder {
    /// A builder holding the built-in taxonomy (and, if `default_rules`, the built-in packs).
    pub fn new(default_rules: bool) -> Self {
        let mut builder = RuleSetBuilder::default();
        for (path, text) in builtin::BUILTIN_FILES {
            if default_rules || *path == builtin::TAXONOMY {
                builder.add_source(*path, (*text).to_string());
            }
        }
        builder
    }

    pub fn add_source(&mut self, path: impl Into<String>, text: String) {
        self.files.push(SourceFile { path: path.into(), text });
    }

    /// Adds a rule file, or every `*.toml` file below a folder (sorted by path; hidden files
    /// and what `.gitignore` or `.ignore` files leave out are skipped, as for article folders,
    /// and so are configuration files, `newslint.toml`: `rules = ["."]` names its own folder).
    pub fn add_path(&mut self, path: &Path) -> Result<(), RuleError> {
        let display = path.display().to_string();
        let error = |message: String| RuleError {
            path: display.clone(),
            line: None,
            column: None,
            rule: None,
            message,
        };
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
                let entry = entry.map_err(|e| {
                    let failure = crate::input::walk_failure(path, &e);
                    RuleError {
                        path: failure.path,
                        line: None,
                        column: None,
                        rule: None,
                        message: failure.reason,
                    }
                })?;
                let p = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file())
                    && p.extension().is_some_and(|ext| ext == "toml")
                    && p.file_name().is_none_or(|name| name != crate::config::FILE_NAME)
                {
                    found.push(p.to_path_buf());
                }
            }
            found.sort();
            for p in found {
                self.add_path(&p)?;
            }
            return Ok(());
        }
        let bytes = std::fs::read(path)
            .map_err(|e| error(format!("cannot read the rule file: {}", crate::input::io_reason(&e))))?;
        let text =
            String::from_utf8(bytes).map_err(|_| error("the rule file is not valid UTF-8".to_string()))?;
        // From a clone of this repository, `--rules rules/` names the built-in files again: a
        // file whose path ends with a built-in's (`rules/techniques.toml`, however the folder
        // is written: relative, absolute, from newslint.toml) takes its place, so an edited pack
        // is tested as edited; and a file already loaded word for word is not loaded twice.
        if let Some(builtin) = self.files.iter_mut().find(|f| {
            builtin::BUILTIN_FILES.iter().any(|(name, _)| *name == f.path) && path.ends_with(&f.path)
        }) {
            *builtin = SourceFile { path: display, text };
        } else if !self.files.iter().any(|f| f.text == text) {
            self.add_source(display, text);
        }
        Ok(())
    }

    /// Parses and validates every file; the first problem found is returned.
    pub fn build(self) -> Result<RuleSet, RuleError> {
        let mut parsed = Vec::with_capacity(self.files.len());
        for file in &self.files {
            let raw: RawFile = toml::from_str(&file.text).map_err(|e| {
                let at = e.span().map(|span| line_column(&file.text, span.start));
                RuleError {
                    path: file.path.clone(),
                    line: at.map(|(l, _)| l),
                    column: at.map(|(_, c)| c),
                    rule: e.span().and_then(|span| rule_id_around(&file.text, span.start)),
                    message: toml_reason(&e),
                }
            })?;
            parsed.push((file, raw));
        }

        let mut set = RuleSet::default();
        // Categories first: a rule may use a category declared in any loaded file.
        for (file, raw) in &mut parsed {
            let ctx = Context { file };
            for category in std::mem::take(&mut raw.category) {
                ctx.add_category(&mut set, category)?;
            }
        }
        for (file, raw) in &mut parsed {
            let ctx = Context { file };
            for rule in std::mem::take(&mut raw.rule) {
                ctx.add_rule(&mut set, rule)?;
            }
        }
        Ok(set)
    }
}

struct Context<'a> {
    file: &'a SourceFile,
}

impl Context<'_> {
    fn error(&self, span: Range<usize>, rule: Option<&str>, message: impl Into<String>) -> RuleError {
        let (line, column) = line_column(&self.file.text, span.start);
        RuleError {
            path: self.file.path.clone(),
            line: Some(line),
            column: Some(column),
            rule: rule.map(str::to_string),
            message: message.into(),
        }
    }

    fn add_category(&self, set: &mut RuleSet, raw: RawCategory) -> Result<(), RuleError> {
        let id = raw.id.get_ref();
        if !is_kebab_case(id) {
            return Err(self.error(
                raw.id.span(),
                None,
                format!("category id `{id}` must be kebab-case (like `my-category`)"),
            ));
        }
        if let Some(&existing) = set.category_index.get(id) {
            return Err(self.error(
                raw.id.span(),
                None,
                format!("category `{id}` is already declared in {}", set.categories[existing].source),
            ));
        }
        // `--select`, `--ignore` and `explain` take rule and category ids alike.
        if let Some(&rule) = set.rule_index.get(id) {
            return Err(self.error(
                raw.id.span(),
                None,
                format!(
                    "category id `{id}` is the id of a rule in {}; ids name one thing",
                    set.rules[rule].source
                ),
            ));
        }
        let weight = match &raw.weight {
            Some(w) => self.check_weight(w, None)?,
            None => 3.0,
        };
        set.category_index.insert(id.clone(), set.categories.len());
        set.categories.push(Category {
            id: raw.id.into_inner(),
            group: raw.group,
            name: raw.name,
            explanation: raw.explanation,
            advice: raw.advice,
            weight,
            counting: raw.counting,
            source: self.file.path.clone(),
        });
        Ok(())
    }

    fn check_weight(&self, weight: &Spanned<f64>, rule: Option<&str>) -> Result<f64, RuleError> {
        let w = *weight.get_ref();
        if !(0.0..=100.0).contains(&w) {
            return Err(self.error(
                weight.span(),
                rule,
                format!("weight {} must be between 0 and 100", crate::text::readable_number(w)),
            ));
        }
        Ok(w)
    }

    fn category_id(&self, set: &RuleSet, id: &Spanned<String>, rule: &str) -> Result<usize, RuleError> {
        set.category(id.get_ref()).ok_or_else(|| {
            self.error(
                id.span(),
                Some(rule),
                format!(
                    "unknown category `{}` (see `newslint rules list`, or declare it in a [[category]] table){}",
                    id.get_ref(),
                    did_you_mean(set.closest_id(id.get_ref(), false))
                ),
            )
        })
    }

    fn add_rule(&self, set: &mut RuleSet, raw: RawRule) -> Result<(), RuleError> {
        let id = raw.id.get_ref().clone();
        let rule = Some(id.as_str());
        if !is_kebab_case(&id) {
            return Err(self.error(
                raw.id.span(),
                None,
                format!("rule id `{id}` must be kebab-case (like `fear-words`)"),
            ));
        }
        if let Some(&existing) = set.rule_index.get(&id) {
            return Err(self.error(
                raw.id.span(),
                rule,
                format!("duplicate rule id: `{id}` is already defined in {}", set.rules[existing].source),
            ));
        }
        // `--select`, `--ignore` and `explain` take rule and category ids alike: a rule may
        // share an id only with its own category (`donation-appeal`), where either names it.
        if let Some(&category) = set.category_index.get(&id)
            && *raw.category.get_ref() != id
        {
            return Err(self.error(
                raw.id.span(),
                rule,
                format!(
                    "rule id `{id}` is the id of a category (in {}); name the rule after what it finds, e.g. `{id}-words`",
                    set.categories[category].source
                ),
            ));
        }
        let category = self.category_id(set, &raw.category, &id)?;
        let weight = match &raw.weight {
            Some(w) => Some(self.check_weight(w, rule)?),
            None => None,
        };
        if raw.phrases.is_empty() && raw.patterns.is_empty() {
            return Err(self.error(raw.id.span(), rule, "has no matcher: give it `phrases` or `patterns`"));
        }
        // It is shown next to each finding, in a table cell and after a `^^^` mark.
        if raw.message.get_ref().contains(['\n', '\r']) {
            return Err(self.error(
                raw.message.span(),
                rule,
                "the message must be one line (put the rest in `explanation`)",
            ));
        }
        // Every finding shows its message, and `explain` its explanation: neither may be blank.
        if raw.message.get_ref().trim().is_empty() {
            return Err(self.error(
                raw.message.span(),
                rule,
                "the message is empty: say in a few words what was found",
            ));
        }
        if raw.explanation.get_ref().trim().is_empty() {
            return Err(self.error(
                raw.explanation.span(),
                rule,
                "the explanation is empty: say what the cue is and why it matters, in words a 14-year-old can follow",
            ));
        }
        let mut phrases = Vec::with_capacity(raw.phrases.len());
        for phrase in &raw.phrases {
            phrases.push(self.check_phrase(phrase, &id)?);
        }
        let mut patterns = Vec::with_capacity(raw.patterns.len());
        for pattern in &raw.patterns {
            patterns.push(self.check_pattern(pattern, raw.case_sensitive, &id)?);
        }
        let mut exceptions = Vec::with_capacity(raw.exceptions.len());
        for exception in &raw.exceptions {
            let phrase = self.check_phrase(exception, &id)?;
            if phrase.ends_with('*') {
                return Err(self.error(
                    exception.span(),
                    rule,
                    "exceptions are plain phrases: `*` is not allowed",
                ));
            }
            exceptions.push(phrase);
        }
        let scope = match &raw.scope {
            None => Scope::default(),
            Some(items) => self.parse_scope(items, &id)?,
        };
        let sentence = match raw.sentence {
            None => None,
            Some(s) => {
                let mut without = Vec::new();
                for c in &s.without {
                    without.push(self.category_id(set, c, &id)?);
                }
                let mut with = Vec::new();
                for c in &s.with {
                    with.push(self.category_id(set, c, &id)?);
                }
                Some(SentenceCondition { without, with, report: s.report })
            }
        };
        set.rule_index.insert(id.clone(), set.rules.len());
        set.rules.push(Rule {
            id,
            category,
            message: raw.message.into_inner(),
            explanation: raw.explanation.into_inner(),
            severity: raw.severity,
            weight,
            phrases,
            patterns,
            case_sensitive: raw.case_sensitive,
            scope,
            exceptions,
            sentence,
            examples: raw.examples,
            counterexamples: raw.counterexamples,
            source: self.file.path.clone(),
        });
        Ok(())
    }

    /// Normalises a phrase (lower case, single spaces) and checks its shape.
    fn check_phrase(&self, phrase: &Spanned<String>, rule: &str) -> Result<String, RuleError> {
        if phrase.get_ref().len() > MAX_PHRASE_BYTES {
            return Err(self.error(
                phrase.span(),
                Some(rule),
                format!(
                    "phrase is {} bytes long, over the {MAX_PHRASE_BYTES}-byte limit for one phrase",
                    phrase.get_ref().len()
                ),
            ));
        }
        let normalised = fold_whitespace(phrase.get_ref()).to_lowercase();
        let stem = normalised.strip_suffix('*').unwrap_or(&normalised);
        if stem.trim().is_empty() {
            return Err(self.error(phrase.span(), Some(rule), "empty phrase"));
        }
        if stem.contains('*') {
            return Err(self.error(
                phrase.span(),
                Some(rule),
                format!("phrase `{}`: `*` is only allowed at the end (`attack*`)", phrase.get_ref()),
            ));
        }
        Ok(normalised)
    }

    /// Translates a pattern (see `pattern`) and checks it without compiling it: compilation
    /// happens once, for all patterns together, in the matcher.
    fn check_pattern(
        &self,
        pattern: &Spanned<String>,
        case_sensitive: bool,
        rule: &str,
    ) -> Result<Pattern, RuleError> {
        let text = pattern.get_ref();
        if text.len() > MAX_PATTERN_BYTES {
            return Err(self.error(
                pattern.span(),
                Some(rule),
                format!(
                    "pattern is {} bytes long, over the {MAX_PATTERN_BYTES}-byte limit for one pattern (put long word lists in `phrases`)",
                    text.len()
                ),
            ));
        }
        // The span covers the string as written, quotes and escapes included.
        let literal = self.file.text.get(pattern.span()).unwrap_or_default();
        let at = |offset: usize| pattern.span().start + offset_in_literal(literal, offset);
        let syntax_error = |span: &regex_syntax::ast::Span, reason: String| {
            self.error(
                at(span.start.offset)..at(span.end.offset),
                Some(rule),
                format!("pattern `{text}` does not compile: {reason}"),
            )
        };
        let ast =
            super::pattern::translate(text).map_err(|e| syntax_error(e.span(), e.kind().to_string()))?;
        let to_hir = |case_insensitive: bool| {
            regex_syntax::hir::translate::TranslatorBuilder::new()
                .case_insensitive(case_insensitive)
                .build()
                .translate(text, &ast)
                .map_err(|e| syntax_error(e.span(), e.kind().to_string()))
        };
        let hir = to_hir(!case_sensitive)?;
        if hir.properties().minimum_len() == Some(0) {
            return Err(self.error(
                pattern.span(),
                Some(rule),
                format!("pattern `{text}` matches empty text, so it would match everywhere"),
            ));
        }
        let repeated = super::pattern::largest_repetition(&hir);
        if repeated > MAX_REPETITION {
            return Err(self.error(
                pattern.span(),
                Some(rule),
                format!(
                    "pattern `{text}` has a repetition that stands for {repeated} characters, over the limit of {MAX_REPETITION} (patterns that large make matching slow; the built-in rules use at most 250)"
                ),
            ));
        }
        if !super::pattern::matches_within_a_line(&hir) {
            return Err(self.error(
                pattern.span(),
                Some(rule),
                format!(
                    "pattern `{text}` can only match across a line break, but patterns are matched within one line (write `\\s` or a space)"
                ),
            ));
        }
        let bare = if case_sensitive { hir.clone() } else { to_hir(false)? };
        let (line, column) = line_column(&self.file.text, pattern.span().start);
        Ok(Pattern { hir, bare, line, column })
    }

    fn parse_scope(&self, items: &[Spanned<String>], rule: &str) -> Result<Scope, RuleError> {
        let mut scope = Scope { zones: ZoneSet::NONE, quoted: true, outlet: true };
        let mut any_zone = false;
        for item in items {
            match item.get_ref().as_str() {
                "title" => scope.zones = scope.zones.with(ZoneKind::Title),
                "byline" => scope.zones = scope.zones.with(ZoneKind::Byline),
                "body" => scope.zones = scope.zones.with(ZoneKind::Body),
                "boilerplate" => scope.zones = scope.zones.with(ZoneKind::Boilerplate),
                "any" => scope.zones = ZoneSet::ALL,
                "quote" => scope.outlet = false,
                "outside-quote" => scope.quoted = false,
                other => {
                    return Err(self.error(
                        item.span(),
                        Some(rule),
                        format!(
                            "unknown scope `{other}` (expected title, byline, body, boilerplate, any, quote or outside-quote)"
                        ),
                    ));
                }
            }
            any_zone |= !matches!(item.get_ref().as_str(), "quote" | "outside-quote");
        }
        if !scope.quoted && !scope.outlet {
            return Err(self.error(
                items[0].span(),
                Some(rule),
                "scope cannot be both `quote` and `outside-quote`",
            ));
        }
        if !any_zone {
            scope.zones = Scope::DEFAULT_ZONES;
        }
        Ok(scope)
    }
}

/// The `id = "…"` of the `[[rule]]` table that byte `offset` lies in, read off the lines (for
/// errors the deserialiser reports without it, such as a missing field).
fn rule_id_around(text: &str, offset: usize) -> Option<String> {
    let offset = crate::text::floor_char_boundary(text, offset.min(text.len()));
    // The `[[rule]]` header at or before the offset (the span of a missing field is the table).
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    // The last array-of-tables header before it must be a rule's (not a `[[category]]`).
    let header = text[..line_end]
        .match_indices("[[")
        .map(|(i, _)| i)
        .filter(|&i| {
            // At the start of a line, indented or not.
            let before = text[..i].trim_end_matches([' ', '\t']);
            before.is_empty() || before.ends_with('\n')
        })
        .last()?;
    let table = text[header..].strip_prefix("[[rule]]")?;
    // The rule's own keys: up to the next table header (`[rule.sentence]` or the next `[[`).
    table.lines().take_while(|line| !line.trim_start().starts_with('[')).find_map(|line| {
        let value = line.trim().strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let id = value[1..].split(quote).next()?;
        (!id.is_empty()).then(|| id.to_string())
    })
}

/// Where byte `offset` of a TOML string's value lies in the string as written (`literal`,
/// quotes included): after the opening quote or quotes (and the newline that may follow
/// three), counting each escape (`\\`, `\"`, `\u00e9` ...) as written. A line-ending backslash
/// in a `"""` string, which drops the white space after it, is skipped too.
fn offset_in_literal(literal: &str, offset: usize) -> usize {
    let (opening, escapes) = match literal.as_bytes() {
        [b'\'', b'\'', b'\'', ..] => (3, false),
        [b'"', b'"', b'"', ..] => (3, true),
        [b'\'', ..] => (1, false),
        [b'"', ..] => (1, true),
        _ => return 0,
    };
    let after_opening = &literal[opening..];
    let newline = match after_opening.as_bytes() {
        [b'\n', ..] if opening == 3 => 1,
        [b'\r', b'\n', ..] if opening == 3 => 2,
        _ => 0,
    };
    let start = opening + newline;
    if !escapes {
        return start + offset;
    }
    let mut value = 0; // bytes of the value read so far
    let mut chars = literal[start..].char_indices().peekable();
    while value < offset {
        let Some((_, c)) = chars.next() else { break };
        if c != '\\' {
            value += c.len_utf8();
            continue;
        }
        match chars.next().map(|(_, escaped)| escaped) {
            Some(unicode @ ('u' | 'U')) => {
                let digits = if unicode == 'u' { 4 } else { 8 };
                let hex: String = chars.by_ref().take(digits).map(|(_, d)| d).collect();
                value +=
                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).map_or(1, char::len_utf8);
            }
            Some(space) if space.is_whitespace() => {
                while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
            }
            Some(_) => value += 1,
            None => break,
        }
    }
    start + chars.peek().map_or(literal.len() - start, |&(i, _)| i)
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
