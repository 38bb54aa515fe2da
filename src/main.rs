//! The `newslint` command: parses arguments, merges them with `newslint.toml`, builds the
//! engine, runs, and turns the outcome into an exit code (0 fine, 1 a gate tripped, 2 a usage,
//! configuration or input error).

mod cli;
mod output_file;
mod rule_commands;

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};
use newslint::Engine;
use newslint::baseline::{Known, Recorder};
use newslint::check::{self, Diagnostic, Hooks, RunOptions};
use newslint::config::{self, Config};
use newslint::input::{Fields, InputOptions, Inputs, io_reason};
use newslint::report::{self, ReportOptions};
use newslint::rules::{IdList, RuleSet, RuleSetBuilder, did_you_mean};
use newslint::text::{plural, printable, printable_line};
use toml::Spanned;

use cli::{CheckArgs, Cli, ColorChoice, Command, EvalArgs, EvalFormat, LabelsKind, RuleArgs, RulesCommand};

/// A user error: printed as one sentence, exit code 2.
#[derive(Debug)]
struct Failure(String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

fn fail(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Failure(message.into()))
}

fn main() -> ExitCode {
    // A panic in the HTML reader is caught and its page skipped with one sentence; Rust's own
    // panic report would come before it.
    let report_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !newslint::input::panic_is_guarded() {
            report_panic(info)
        }
    }));
    let cli = Cli::parse();
    let check = matches!(cli.command, Command::Check(_));
    let result = match cli.command {
        Command::Check(args) => run_check(*args),
        Command::Rules { command: RulesCommand::List { rules } } => {
            load_settings(&rules).and_then(|s| print_text(rule_commands::rule_table(&s.rules).as_bytes()))
        }
        Command::Rules { command: RulesCommand::Test { paths, rules } } => test_rules(&rules, &paths),
        Command::Explain { id, rules } => load_settings(&rules).and_then(|s| explain(&s.rules, &id)),
        Command::Config { rules } => print_config(&rules),
        Command::Eval(args) => run_eval(args),
        Command::Completions { shell } => {
            // Into memory first: `generate` panics when it cannot write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newslint", &mut script);
            print_bytes(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .context("cannot render the man page")
                .and_then(|()| print_bytes(&page))
        }
    };
    // The commands other than `check` (which names its own targets) print to standard output
    // as they go: an I/O error that reaches here is one of writing there (a full disk).
    let result = result.map_err(|error| match error.downcast::<io::Error>() {
        Ok(io_error) if !check => write_failure("standard output", io_error),
        Ok(io_error) => io_error.into(),
        Err(error) => error,
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            let broken_pipe = error.chain().any(|e| {
                e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            // The message may quote a path, an id or a pattern given by the user: shown with
            // control pictures, like every diagnostic, not as escape sequences.
            let message = match error.downcast_ref::<Failure>() {
                Some(Failure(message)) => message.clone(),
                None => format!("{error:#}"),
            };
            eprintln!("newslint: {}", printable_line(&message));
            ExitCode::from(2)
        }
    }
}

/// Rules and settings after merging `newslint.toml` with the command line.
struct Settings {
    rules: RuleSet,
    config: Config,
}

/// The config file in force: `--config`, else the nearest `newslint.toml`, unless `--no-config`.
fn load_config(args: &RuleArgs) -> Result<Config> {
    let path = match (&args.config, args.no_config) {
        (_, true) => None,
        (Some(path), _) => Some(path.clone()),
        (None, false) => std::env::current_dir().ok().and_then(|dir| config::find(&dir)),
    };
    let mut config = match path {
        Some(path) => config::load(&path).map_err(|e| fail(e.to_string()))?,
        None => Config::default(),
    };
    config.rules.extend(args.rules.iter().cloned());
    config.no_default_rules |= args.no_default_rules;
    Ok(config)
}

/// Loads the config and the rules it names (plus `extra` rule paths).
fn load_settings_with(args: &RuleArgs, extra: &[PathBuf]) -> Result<Settings> {
    let config = load_config(args)?;
    let mut builder = RuleSetBuilder::new(!config.no_default_rules);
    for path in config.rules.iter().chain(extra) {
        builder.add_path(path).map_err(|e| fail(e.to_string()))?;
    }
    let mut rules = builder.build().map_err(|e| fail(e.to_string()))?;
    for (category, weight) in &config.weights {
        rules
            .set_category_weight(category.get_ref(), *weight)
            .map_err(|e| fail(format!("{}: {e}", config.place(category.span()))))?;
    }
    Ok(Settings { rules, config })
}

fn load_settings(args: &RuleArgs) -> Result<Settings> {
    load_settings_with(args, &[])
}

/// More worker threads than this only cost time to start (100,000 took minutes): `--jobs` is
/// capped, with a warning. The output is the same whatever the number.
const MAX_JOBS: usize = 256;

/// The paths to read: the current folder when none is given.
fn input_paths(args: &CheckArgs) -> Vec<PathBuf> {
    if args.paths.is_empty() { vec![".".into()] } else { args.paths.clone() }
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let Settings { rules, config } = load_settings(&args.rule_args)?;
    output_file::refuse_overwriting_inputs(&args, &rules, &config)?;
    let fail_under = args.fail_under.or(config.fail_under());
    let engine = build_engine(&args, rules, &config)?;
    let pool = worker_pool(args.jobs)?;
    let mut printer = report::printer(args.format, engine.rules(), report_options(&args));
    let paths = input_paths(&args);
    let inputs = Inputs::new(&paths, input_options(&args));
    if args.group_by.is_some() && !args.format.shows_sources() {
        eprintln!(
            "newslint: warning: --group-by has no effect with --format {}: only table, json and markdown show sources",
            clap::ValueEnum::to_possible_value(&args.format)
                .map_or_else(String::new, |v| v.get_name().to_string())
        );
    }
    let run_options =
        RunOptions { fail_under, sort: args.sort, top: args.top, group_by_source: args.group_by.is_some() };

    let mut diagnostic = print_diagnostic;
    let bar = progress_bar(args.quiet);
    let mut progress = |articles: usize, bytes: u64| {
        if let Some(bar) = &bar {
            bar.set_position(bytes);
            bar.set_message(format!("{articles} article{}", plural(articles)));
        }
    };
    // `--write-baseline` records every article analysed, not only those printed (`--top`).
    let mut recorder = Recorder::default();
    let mut analysed = |analysis: &newslint::analyze::Analysis| {
        if args.write_baseline.is_some() {
            recorder.record(analysis, engine.rules());
        }
    };
    let hooks = Hooks { diagnostic: &mut diagnostic, progress: &mut progress, analysed: &mut analysed };

    let summary = match &args.output {
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            check::run(inputs, &engine, &pool, &mut printer, &mut out, hooks, &run_options)
                .map_err(|e| write_failure("standard output", e))?
        }
        Some(path) => output_file::write_atomically(path, |out| {
            check::run(inputs, &engine, &pool, &mut printer, out, hooks, &run_options)
        })?,
    };
    drop(printer);
    // The compiled rules go with the process: freeing their thousands of allocations one by
    // one took 5 % of a one-article run.
    std::mem::forget(engine);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(path) = &args.write_baseline {
        let json = serde_json::to_string_pretty(&recorder.baseline())?;
        output_file::write_atomically(path, |out| {
            out.write_all(json.as_bytes()).and_then(|_| out.write_all(b"\n"))
        })?;
    }
    if !summary.skipped.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let new_problems = args.baseline.is_some() && summary.problems > 0;
    if !summary.below_threshold.is_empty() || new_problems {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The compiled rules with `--select` / `--ignore` (or the config's) and `--baseline` applied.
fn build_engine(args: &CheckArgs, rules: RuleSet, config: &Config) -> Result<Engine> {
    let mut engine = Engine::new(rules).map_err(|e| fail(e.to_string()))?;
    select_rules(&mut engine, config, &args.select, &args.ignore)?;
    if let Some(path) = &args.baseline {
        engine.set_baseline(Known::load(path).map_err(|e| fail(e.to_string()))?);
    }
    Ok(engine)
}

/// The rules that `--select` and `--ignore` name (each in place of the config's list when given):
/// `None` for an empty list. An unknown id is named with where it was written.
fn chosen_rules(
    rules: &RuleSet,
    config: &Config,
    select: &[String],
    ignore: &[String],
) -> Result<[Option<HashSet<usize>>; 2]> {
    let named = |flag: &[String], configured: &[Spanned<String>], key: &str| {
        if !flag.is_empty() {
            let list = IdList { ids: flag, written_in: &format!("--{key}") };
            return rules.rules_named(list).map(Some).map_err(|e| fail(e.to_string()));
        }
        let ids: Vec<String> = configured.iter().map(|id| id.get_ref().clone()).collect();
        let list = IdList { ids: &ids, written_in: &format!("`{key}`") };
        let named = rules.rules_named(list).map_err(|e| {
            let written = configured.iter().find(|id| *id.get_ref() == e.id);
            let place = written.map_or_else(|| config.file_name(), |id| config.place(id.span()));
            fail(format!("{place}: {e}"))
        })?;
        Ok((!ids.is_empty()).then_some(named))
    };
    Ok([named(select, &config.select, "select")?, named(ignore, &config.ignore, "ignore")?])
}

/// `--select` / `--ignore`, else the config's lists, applied to `engine`.
fn select_rules(engine: &mut Engine, config: &Config, select: &[String], ignore: &[String]) -> Result<()> {
    let [selected, ignored] = chosen_rules(engine.rules(), config, select, ignore)?;
    engine.select(selected.as_ref(), &ignored.unwrap_or_default());
    Ok(())
}

fn worker_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut jobs = jobs.unwrap_or(0);
    if jobs > MAX_JOBS {
        eprintln!("newslint: warning: --jobs {jobs} is more than {MAX_JOBS}; using {MAX_JOBS} threads");
        jobs = MAX_JOBS;
    }
    rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")
}

/// Colour and width for the printers: what the terminal supports when writing to one.
fn report_options(args: &CheckArgs) -> ReportOptions {
    let stdout = io::stdout();
    let to_terminal = args.output.is_none() && stdout.is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none() && anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never
        }
    };
    let width = if to_terminal { comfy_table::Table::new().width() } else { None }
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(120);
    ReportOptions { include_text: args.include_text, color, width }
}

fn input_options(args: &CheckArgs) -> InputOptions {
    InputOptions {
        format: args.input_format.into(),
        max_article_bytes: args.max_article_bytes,
        fields: Fields {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
            title: args.title_field.clone(),
            url: args.url_field.clone(),
            source: args.source_field.clone(),
        },
    }
}

/// A warning or a skipped input as one line on stderr, naming the file (and line).
fn print_diagnostic(d: Diagnostic<'_>) {
    let mut err = io::stderr().lock();
    // A file name or a quoted bit of input can hold terminal escape sequences.
    let _ = match d {
        Diagnostic::Warning { path, message } => {
            writeln!(err, "newslint: warning: {}: {}", printable_line(path), printable_line(message))
        }
        Diagnostic::Skipped(s) => match s.line {
            Some(line) => {
                writeln!(
                    err,
                    "newslint: skipped {}:{line}: {}",
                    printable_line(&s.path),
                    printable_line(&s.reason)
                )
            }
            None => {
                writeln!(err, "newslint: skipped {}: {}", printable_line(&s.path), printable_line(&s.reason))
            }
        },
    };
}

/// A failed write as one sentence naming where it went; a closed pipe stays an I/O error (the
/// run then ends quietly).
fn write_failure(target: &str, error: io::Error) -> anyhow::Error {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return error.into();
    }
    fail(format!("{target}: cannot write: {}", io_reason(&error)))
}

/// A progress bar on stderr for long runs, only when stderr is a terminal.
fn progress_bar(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg}, {bytes} read, {bytes_per_sec}, {elapsed}")
            .expect("valid template"),
    );
    Some(bar)
}

fn print_config(args: &RuleArgs) -> Result<ExitCode> {
    // Checked as `check` would check it: the rules it names load, its weights and lists name
    // known categories and rules.
    let Settings { rules, config } = load_settings(args)?;
    chosen_rules(&rules, &config, &[], &[])?;
    print_bytes(toml::to_string(&config).context("cannot print the configuration")?.as_bytes())
}

/// Writes `bytes` to standard output (`print!` would panic on a full disk).
fn print_bytes(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| write_failure("standard output", e))?;
    Ok(ExitCode::SUCCESS)
}

fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    let engine = Engine::new(load_settings(&args.rules)?.rules).map_err(|e| fail(e.to_string()))?;
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
    let mut out = Vec::new();
    match args.format {
        // Labels and file names come from the user's files: shown as check shows them.
        EvalFormat::Table => {
            newslint::eval::write_table(&report, &mut out)?;
            print_text(&out)
        }
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
            print_bytes(&out)
        }
    }
}

/// Writes text made of rule files' contents (messages, explanations, file names) to standard
/// output with control characters shown as pictures, as the check reports do.
fn print_text(text: &[u8]) -> Result<ExitCode> {
    print_bytes(printable(&String::from_utf8_lossy(text)).as_bytes())
}

fn test_rules(args: &RuleArgs, paths: &[PathBuf]) -> Result<ExitCode> {
    let rules = load_settings_with(args, paths)?.rules;
    let under_test = rule_commands::rules_from(&rules, paths);
    if !paths.is_empty() && under_test.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(fail(format!(
            "no rules to test in {} (a file identical to one already loaded is loaded once, under the first name)",
            named.join(", ")
        )));
    }
    let engine = Engine::new(rules).map_err(|e| fail(e.to_string()))?;
    let report = rule_commands::test_report(&engine, &under_test);
    print_text(report.text.as_bytes())?;
    Ok(if report.failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn explain(rules: &RuleSet, id: &str) -> Result<ExitCode> {
    match rule_commands::explanation(rules, id) {
        Some(text) => print_text(text.as_bytes()),
        None => {
            let hint = did_you_mean(rules.closest_id(id, true));
            Err(fail(format!("unknown rule or category `{id}` (see `newslint rules list`){hint}")))
        }
    }
}
