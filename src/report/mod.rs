//! Output: one printer per format, all fed the same [`Analysis`] stream.
//!
//! Streaming formats (JSONL) write each article as it comes; whole-document formats (JSON,
//! the table's closing summary) keep what they need and write it in `finish`.

mod html;
mod json;
mod table;

use std::io::{self, Write};

use crate::analyze::Analysis;
use crate::check::Summary;
use crate::rules::RuleSet;

pub use html::HtmlReporter;
pub use json::{ArticleJson, JsonReporter, JsonlReporter};
pub use table::TableReporter;

/// A printer for one output format.
pub trait Reporter {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table of findings per article, then a summary table.
    Table,
    /// One JSON document (SPEC.md).
    Json,
    /// One JSON object per article per line, as soon as it is ready.
    Jsonl,
    /// A self-contained classroom page: highlighted text, legend, score cards.
    Html,
}

#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// Add each article's analysed text to JSON output.
    pub include_text: bool,
    /// Use ANSI colours (the caller decides: terminal, NO_COLOR, --color).
    pub color: bool,
    /// Table width in columns; `None`: no limit.
    pub width: Option<u16>,
}

/// The printer for `format`.
pub fn reporter<'a>(format: Format, rules: &'a RuleSet, options: ReportOptions) -> Box<dyn Reporter + 'a> {
    match format {
        Format::Table => Box::new(TableReporter::new(rules, options)),
        Format::Json => Box::new(JsonReporter::new(rules, options)),
        Format::Jsonl => Box::new(JsonlReporter::new(rules, options)),
        Format::Html => Box::new(HtmlReporter::new(rules, options)),
    }
}
