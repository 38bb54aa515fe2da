//! The `newslint` command: parses arguments, builds the engine, runs, and turns the outcome
//! into an exit code (0 fine, 1 a gate tripped, 2 a usage, configuration or input error).

mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use newslint::check::{self, Diagnostic};
use newslint::input::{InputOptions, Inputs};
use newslint::report::{self, ReportOptions};
use newslint::rules::{RuleSet, RuleSetBuilder};
use newslint::{Engine, zones::ZoneKind};

use cli::{CheckArgs, Cli, ColorChoice, Command, EvalArgs, EvalFormat, LabelsKind, RuleArgs, RulesCommand};

/// A user error: printed as one sentence, exit code 2.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { command: RulesCommand::List { rules } } => {
            load_rules(&rules, &[]).and_then(|set| list_rules(&set))
        }
        Command::Rules { command: RulesCommand::Test { paths, rules } } => test_rules(&rules, &paths),
        Command::Eval(args) => run_eval(args),
        Command::Explain { id, rules } => load_rules(&rules, &[]).and_then(|set| explain(&set, &id)),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            if error
                .chain()
                .any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
            {
                return ExitCode::SUCCESS;
            }
            match error.downcast_ref::<Failure>() {
                Some(Failure(message)) => eprintln!("newslint: {message}"),
                None => eprintln!("newslint: {error:#}"),
            }
            ExitCode::from(2)
        }
    }
}

impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Failure {}

fn fail(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Failure(message.into()))
}

/// The built-in packs (unless `--no-default-rules`), `--rules` paths, then `extra` paths.
fn load_rules(args: &RuleArgs, extra: &[std::path::PathBuf]) -> Result<RuleSet> {
    let mut builder = RuleSetBuilder::new(!args.no_default_rules);
    for path in args.rules.iter().chain(extra) {
        builder.add_path(path).map_err(|e| fail(e.to_string()))?;
    }
    builder.build().map_err(|e| fail(e.to_string()))
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let rules = load_rules(&args.rule_args, &[])?;
    let mut engine = Engine::new(rules).map_err(|e| fail(e.to_string()))?;
    engine.select(&args.select, &args.ignore).map_err(|e| fail(e.to_string()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let stdout = io::stdout();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never,
    };
    let width = if stdout.is_terminal() { comfy_table::Table::new().width() } else { None }
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(120);
    let options = ReportOptions { include_text: args.include_text, color, width: Some(width) };
    let mut reporter = report::reporter(args.format, engine.rules(), options);

    let paths = if args.paths.is_empty() { vec![".".into()] } else { args.paths.clone() };
    let input_options = InputOptions {
        format: args.input_format.into(),
        max_article_bytes: args.max_article_bytes,
        ..InputOptions::default()
    };
    let inputs = Inputs::new(&paths, input_options);
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let stderr = io::stderr();
    let mut diagnostics = |d: Diagnostic<'_>| {
        let mut err = stderr.lock();
        let _ = match d {
            Diagnostic::Warning { path, message } => writeln!(err, "newslint: warning: {path}: {message}"),
            Diagnostic::Skipped(s) => match s.line {
                Some(line) => writeln!(err, "newslint: skipped {}:{line}: {}", s.path, s.reason),
                None => writeln!(err, "newslint: skipped {}: {}", s.path, s.reason),
            },
        };
    };
    let summary =
        check::run(inputs, &engine, &pool, reporter.as_mut(), &mut out, &mut diagnostics, args.fail_under)?;
    drop(out);
    if !summary.skipped.is_empty() {
        return Ok(ExitCode::from(2));
    }
    if !summary.below_threshold.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    let engine = Engine::new(load_rules(&args.rules, &[])?).map_err(|e| fail(e.to_string()))?;
    let options = newslint::eval::EvalOptions {
        articles: args.articles,
        labels: args.labels,
        labels_format: match args.labels_format {
            LabelsKind::Ptc => newslint::eval::LabelsFormat::Ptc,
            LabelsKind::Jsonl => newslint::eval::LabelsFormat::Jsonl,
        },
        label_map: args.label_map,
    };
    let report = newslint::eval::evaluate(&engine, &options).map_err(|e| fail(e.to_string()))?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        EvalFormat::Table => newslint::eval::write_table(&report, &mut out)?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn list_rules(rules: &RuleSet) -> Result<ExitCode> {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED).force_no_tty();
    table.set_header(["rule", "category", "group", "severity", "weight", "source"]);
    for rule in &rules.rules {
        let category = &rules.categories[rule.category];
        table.add_row([
            rule.id.clone(),
            category.id.clone(),
            category.group.as_str().to_string(),
            rule.severity.as_str().to_string(),
            format!("{}", rule.weight),
            rule.source.clone(),
        ]);
    }
    let mut out = io::stdout().lock();
    writeln!(out, "{table}")?;
    writeln!(out, "{} rules in {} categories", rules.rules.len(), rules.categories.len())?;
    Ok(ExitCode::SUCCESS)
}

fn test_rules(args: &RuleArgs, paths: &[std::path::PathBuf]) -> Result<ExitCode> {
    let rules = load_rules(args, paths)?;
    // With PATHs, test the rules from those files; otherwise every loaded rule.
    let sources: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let under_test: Vec<usize> = (0..rules.rules.len())
        .filter(|&i| {
            sources.is_empty() || sources.iter().any(|s| rules.rules[i].source.starts_with(s.as_str()))
        })
        .collect();
    let engine = Engine::new(rules).map_err(|e| fail(e.to_string()))?;
    let mut out = io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    for &index in &under_test {
        let rule = &engine.rules().rules[index];
        let zone: ZoneKind = rule.scope.example_zone();
        let cases =
            rule.examples.iter().map(|e| (e, true)).chain(rule.counterexamples.iter().map(|e| (e, false)));
        for (text, should_fire) in cases {
            let fired = engine.analyze_as(text, zone).findings.iter().any(|f| f.rule == index);
            if fired == should_fire {
                passed += 1;
            } else {
                failed += 1;
                let what =
                    if should_fire { "did not fire on its example" } else { "fired on its counterexample" };
                writeln!(out, "FAIL {} ({}): {what}: {text:?}", rule.id, rule.source)?;
            }
        }
    }
    writeln!(out, "rules test: {} rules, {passed} passed, {failed} failed", under_test.len())?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn explain(rules: &RuleSet, id: &str) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    if let Some(index) = rules.rule(id) {
        let rule = &rules.rules[index];
        let category = &rules.categories[rule.category];
        writeln!(
            out,
            "{} — a rule of the category {} ({}, {})",
            rule.id,
            category.id,
            category.name,
            category.group.as_str()
        )?;
        writeln!(out, "\n{}\n\n{}", rule.message, rule.explanation)?;
        if let Some(advice) = &category.advice {
            writeln!(out, "\nWhat to do next: {advice}")?;
        }
        for example in &rule.examples {
            writeln!(out, "\n  fires on:        {example}")?;
        }
        for example in &rule.counterexamples {
            writeln!(out, "  does not fire on: {example}")?;
        }
        writeln!(
            out,
            "\nSeverity {}, weight {}, from {}.",
            rule.severity.as_str(),
            rule.weight,
            rule.source
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(index) = rules.category(id) {
        let category = &rules.categories[index];
        writeln!(out, "{} — {} (a {} category)", category.id, category.name, category.group.as_str())?;
        writeln!(out, "\n{}", category.explanation)?;
        if let Some(advice) = &category.advice {
            writeln!(out, "\nWhat to do next: {advice}")?;
        }
        let members: Vec<&str> =
            rules.rules.iter().filter(|r| r.category == index).map(|r| r.id.as_str()).collect();
        writeln!(
            out,
            "\nRules: {}",
            if members.is_empty() { "none loaded".to_string() } else { members.join(", ") }
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    Err(fail(format!("unknown rule or category `{id}` (see `newslint rules list`)")))
}
