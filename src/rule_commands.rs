//! What `newslint rules list`, `rules test` and `explain` print, as text; `main` loads the rules
//! and writes the text out.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use newslint::Engine;
use newslint::rules::RuleSet;
use newslint::text::plural;

/// `rules list`: every rule with its category, group, severity, weight and file.
pub fn rule_table(rules: &RuleSet) -> String {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED).force_no_tty();
    table.set_header(["rule", "category", "group", "severity", "weight", "source"]);
    for (index, rule) in rules.rules.iter().enumerate() {
        let category = &rules.categories[rule.category];
        table.add_row([
            rule.id.clone(),
            category.id.clone(),
            category.group.as_str().to_string(),
            rule.severity.as_str().to_string(),
            format!("{}", rules.weight_of(index)),
            rule.source.clone(),
        ]);
    }
    let (rule_count, category_count) = (rules.rules.len(), rules.categories.len());
    let categories = if category_count == 1 { "category" } else { "categories" };
    format!("{table}\n{rule_count} rule{} in {category_count} {categories}\n", plural(rule_count))
}

/// The rules `rules test PATH...` tests: those from the files (or from files under the folders)
/// at `paths`, by whole path components, so `rules` is not `rules-extra`; every rule when no
/// path is given. Paths are compared resolved, so `my-rules/` also names the file that
/// newslint.toml loaded as `/home/me/project/my-rules/a.toml`.
pub fn rules_from(rules: &RuleSet, paths: &[PathBuf]) -> Vec<usize> {
    let resolve = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let wanted: Vec<PathBuf> = paths.iter().map(|p| resolve(p)).collect();
    let mut resolved_sources: HashMap<&str, PathBuf> = HashMap::new();
    let mut chosen = Vec::new();
    for (index, rule) in rules.rules.iter().enumerate() {
        let source = resolved_sources.entry(&rule.source).or_insert_with(|| resolve(Path::new(&rule.source)));
        if wanted.is_empty() || wanted.iter().any(|path| source.starts_with(path)) {
            chosen.push(index);
        }
    }
    chosen
}

/// What `rules test` found: the report to print, and whether any example failed.
pub struct TestReport {
    pub text: String,
    pub failed: bool,
}

/// `rules test`: runs each chosen rule's examples (it must fire) and counterexamples (it must
/// not), names each failure, each rule that has neither and each exception that can cancel
/// nothing (those two are warnings: they do not fail the test).
pub fn test_report(engine: &Engine, under_test: &[usize]) -> TestReport {
    let mut out = String::new();
    let (mut passed, mut failed, mut untested, mut unused) = (0usize, 0usize, 0usize, 0usize);
    for &index in under_test {
        let rule = &engine.rules().rules[index];
        if rule.examples.is_empty() && rule.counterexamples.is_empty() {
            untested += 1;
            let _ = writeln!(
                out,
                "UNTESTED {} ({}): no examples or counterexamples to check",
                rule.id, rule.source
            );
        }
        for phrase in engine.unused_exceptions(index) {
            unused += 1;
            let _ = writeln!(
                out,
                "UNUSED {} ({}): the exception {phrase:?} holds no match of the rule, so it never cancels one",
                rule.id, rule.source
            );
        }
        for check in engine.check_examples(index) {
            if check.passed() {
                passed += 1;
            } else {
                failed += 1;
                let what = if check.should_fire {
                    "did not fire on its example"
                } else {
                    "fired on its counterexample"
                };
                let _ = writeln!(out, "FAIL {} ({}): {what}: {:?}", rule.id, rule.source, check.text);
            }
        }
    }
    let tested = under_test.len();
    let untested = if untested > 0 { format!(", {untested} without examples") } else { String::new() };
    let unused =
        if unused > 0 { format!(", {unused} unused exception{}", plural(unused)) } else { String::new() };
    let _ = writeln!(
        out,
        "rules test: {tested} rule{}, {passed} passed, {failed} failed{untested}{unused}",
        plural(tested)
    );
    TestReport { text: out, failed: failed > 0 }
}

/// `explain ID`: a category's classroom explanation and its rules, or a rule's explanation,
/// examples and weight. An id that names a category and one of its rules (`donation-appeal`)
/// gets both, the category first, as `--select` and `--ignore` read such an id as the category.
pub fn explanation(rules: &RuleSet, id: &str) -> Option<String> {
    let category = rules.category(id).map(|index| category_text(rules, index));
    let rule = rules.rule(id).map(|index| rule_text(rules, index));
    match (category, rule) {
        (Some(category), Some(rule)) => Some(format!("{category}\n{rule}")),
        (category, rule) => category.or(rule),
    }
}

fn category_text(rules: &RuleSet, index: usize) -> String {
    let category = &rules.categories[index];
    let mut out = format!("{} — {} (a {} category)\n", category.id, category.name, category.group.as_str());
    let _ = writeln!(out, "\n{}", category.explanation);
    if let Some(advice) = &category.advice {
        let _ = writeln!(out, "\nWhat to do next: {advice}");
    }
    let members: Vec<&str> =
        rules.rules.iter().filter(|r| r.category == index).map(|r| r.id.as_str()).collect();
    let list = if members.is_empty() { "none loaded".to_string() } else { members.join(", ") };
    let _ = writeln!(out, "\nRules: {list}");
    out
}

fn rule_text(rules: &RuleSet, index: usize) -> String {
    let rule = &rules.rules[index];
    let category = &rules.categories[rule.category];
    let mut out = format!(
        "{} — a rule of the category {} ({}, {})\n",
        rule.id,
        category.id,
        category.name,
        category.group.as_str()
    );
    let _ = writeln!(out, "\n{}\n\n{}", rule.message, rule.explanation);
    if let Some(advice) = &category.advice {
        let _ = writeln!(out, "\nWhat to do next: {advice}");
    }
    for example in &rule.examples {
        let _ = writeln!(out, "\n  fires on:         {example}");
    }
    for example in &rule.counterexamples {
        let _ = writeln!(out, "  does not fire on: {example}");
    }
    let _ = writeln!(
        out,
        "\nSeverity {}, weight {}, from {}.",
        rule.severity.as_str(),
        rules.weight_of(index),
        rule.source
    );
    out
}
