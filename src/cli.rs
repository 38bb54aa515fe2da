//! Command-line definitions (clap). Everything `--help` shows lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newslint::input::InputFormat;
use newslint::report::Format;

#[derive(Parser)]
#[command(
    name = "newslint",
    version,
    about = "Flags propaganda-technique and credibility cues in news articles, and explains a 0-100 credibility score."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse articles: files, folders (walked recursively) or - for standard input.
    Check(Box<CheckArgs>),
    /// List or test the loaded rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Print the merged configuration (newslint.toml plus flags) as TOML.
    Config {
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
    /// Measure the rules against labelled articles: precision, recall and F1 per category.
    Eval(EvalArgs),
    /// Explain a rule or a category, in classroom language.
    Explain {
        /// A rule id or a category id.
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Every rule with its id, category, severity, weight and source file.
    List {
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run each rule's own examples and counterexamples; exit 1 on any failure.
    Test {
        /// Rule files or folders to test (default: every loaded rule).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Args, Clone)]
pub struct RuleArgs {
    /// A rule file or folder of rule files, added to the built-in packs (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rule packs (the built-in categories stay).
    #[arg(long)]
    pub no_default_rules: bool,
    /// Use this config file instead of the nearest newslint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any newslint.toml.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files, folders or - (standard input). Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    /// Report only these rule or category ids (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub select: Vec<String>,
    /// Do not report these rule or category ids (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub ignore: Vec<String>,
    /// Exit with code 1 if any article scores below SCORE.
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,
    /// Worker threads (default, or 0: all cores; at most 256).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(usize))]
    pub jobs: Option<usize>,
    /// Add each article's analysed text as `text` to json/jsonl output.
    #[arg(long)]
    pub include_text: bool,
    /// When to use colours in the table and the annotated view.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// How to read inputs: by file extension (auto), as plain text, or as JSONL.
    #[arg(long, value_enum, default_value_t = InputKind::Auto)]
    pub input_format: InputKind,
    /// Articles larger than this many bytes are skipped with a message.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_article_bytes: usize,
    /// Order of the articles in the output (default: input order).
    #[arg(long, value_enum)]
    pub sort: Option<newslint::check::SortKey>,
    /// Print only the first N articles (sorted by score unless --sort says otherwise).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Add a per-source table (source: the record's source field, else the URL's host, else the folder).
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out findings recorded in this baseline; exit 1 if any new cue or technique remains.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record this run's cue and technique findings as a baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// JSONL field or CSV column holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSONL field or CSV column holding the article id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSONL field or CSV column holding the title.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSONL field or CSV column holding the URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// JSONL field or CSV column holding the source (outlet) name.
    #[arg(long, value_name = "NAME", default_value = "source")]
    pub source_field: String,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GroupBy {
    Source,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputKind {
    Auto,
    Text,
    Jsonl,
}

impl From<InputKind> for InputFormat {
    fn from(kind: InputKind) -> Self {
        match kind {
            InputKind::Auto => InputFormat::Auto,
            InputKind::Text => InputFormat::Text,
            InputKind::Jsonl => InputFormat::Jsonl,
        }
    }
}

fn parse_score(value: &str) -> Result<f64, String> {
    let score: f64 = value.parse().map_err(|_| format!("`{value}` is not a number"))?;
    if (0.0..=100.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{} is not between 0 and 100", newslint::text::readable_number(score)))
    }
}

#[derive(Args)]
pub struct EvalArgs {
    /// Folder of the labelled articles (PTC: `article<ID>.txt`).
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
    /// The gold labels: a PTC TSV file or folder, or a JSONL file with `--labels-format jsonl`.
    #[arg(long, value_name = "PATH")]
    pub labels: PathBuf,
    /// Format of the labels.
    #[arg(long, value_enum, default_value_t = LabelsKind::Ptc)]
    pub labels_format: LabelsKind,
    /// TOML file mapping external labels to category ids (default: the built-in PTC/SemEval map).
    #[arg(long, value_name = "FILE")]
    pub label_map: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LabelsKind {
    Ptc,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}
