//! Output: one printer per format, all fed the same [`Analysis`] stream.
//!
//! Most printers write each article as it comes (JSON too: its document is opened before the
//! first article and closed in `finish`, with the summary). The HTML page and the Markdown
//! report open with the run's summary, so they keep their article sections and write the
//! whole document in `finish`; the table writes its summary table there. The table's
//! per-article tables cost as much to lay out as their articles to analyse, so the analysing
//! threads lay them out in parallel ([`Prerender`]) and the printer only copies them out.

mod annotated;
mod csv;
mod github;
mod html;
mod json;
mod markdown;
mod sarif;
mod table;

use std::io::{self, Write};

use crate::analyze::Analysis;
use crate::rules::RuleSet;
use crate::summary::Summary;
use crate::text::fold_whitespace;

pub use annotated::AnnotatedReporter;
pub use csv::CsvReporter;
pub use github::GithubReporter;
pub use html::HtmlReporter;
pub use json::{JsonReporter, JsonlReporter};
pub use markdown::MarkdownReporter;
pub use sarif::SarifReporter;
pub use table::TableReporter;

/// A printer for one output format.
pub trait Reporter {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()>;
    /// [`Reporter::article`], given the bytes this format's [`Prerender`] already wrote for the
    /// article on an analysing thread.
    fn prerendered_article(
        &mut self,
        out: &mut dyn Write,
        analysis: &Analysis,
        _part: &[u8],
    ) -> io::Result<()> {
        self.article(out, analysis)
    }
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The part of a format's output that depends on one article alone, written by the analysing
/// threads in parallel; the printer then writes the parts in input order. Worth it where laying
/// out an article costs about as much as analysing it (the table).
pub trait Prerender: Sync {
    fn render(&self, analysis: &Analysis) -> Vec<u8>;
}

/// A format's printer, and its [`Prerender`] if it has one.
pub struct Printer<'a> {
    pub reporter: Box<dyn Reporter + 'a>,
    pub prerender: Option<Box<dyn Prerender + 'a>>,
}

/// The output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table of findings per article, then a summary table.
    Table,
    /// One JSON document: the run's summary, then every article with its score breakdown,
    /// findings and zones.
    Json,
    /// One JSON object per article per line, as soon as it is ready.
    Jsonl,
    /// The article text with each cue underlined and labelled in place.
    Annotated,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// One row per article with counts per category.
    Csv,
    /// A summary and top findings, to paste into a review.
    Markdown,
    /// A self-contained classroom page: highlighted text, legend, score cards.
    Html,
    /// GitHub Actions annotations.
    Github,
}

impl Format {
    /// Whether the format shows the `--group-by source` table (the others have no summary table
    /// to put it in).
    pub fn shows_sources(self) -> bool {
        matches!(self, Format::Table | Format::Json | Format::Markdown)
    }
}

#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// Add each article's analysed text to JSON output.
    pub include_text: bool,
    /// Use ANSI colours (the caller decides: terminal, NO_COLOR, --color).
    pub color: bool,
    /// Width in columns of the table and of the annotated view's lines.
    pub width: u16,
}

impl ReportOptions {
    /// `text` in `style` when colours are on, else as it is.
    pub fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// The colour of a category group on a terminal: signals (good news) green, cues red,
/// techniques yellow.
fn group_color(group: crate::rules::Group) -> anstyle::AnsiColor {
    use crate::rules::Group;
    match group {
        Group::Signal => anstyle::AnsiColor::Green,
        Group::Cue => anstyle::AnsiColor::Red,
        Group::Technique => anstyle::AnsiColor::Yellow,
    }
}

/// The colour of a score band on a terminal.
fn band_color(band: crate::score::Band) -> anstyle::AnsiColor {
    use crate::score::Band;
    match band {
        Band::High => anstyle::AnsiColor::Green,
        Band::Mixed => anstyle::AnsiColor::Yellow,
        Band::Low => anstyle::AnsiColor::Red,
    }
}

/// The printer for `format`.
pub fn printer<'a>(format: Format, rules: &'a RuleSet, options: ReportOptions) -> Printer<'a> {
    let prerender: Option<Box<dyn Prerender + 'a>> = match format {
        Format::Table => Some(Box::new(table::ArticleTable::new(rules, options.clone()))),
        _ => None,
    };
    Printer { reporter: reporter(format, rules, options), prerender }
}

fn reporter<'a>(format: Format, rules: &'a RuleSet, options: ReportOptions) -> Box<dyn Reporter + 'a> {
    match format {
        Format::Table => Box::new(TableReporter::new(rules, options)),
        Format::Json => Box::new(JsonReporter::new(rules, options)),
        Format::Jsonl => Box::new(JsonlReporter::new(rules, options)),
        Format::Html => Box::new(HtmlReporter::new(rules, options)),
        Format::Annotated => Box::new(AnnotatedReporter::new(rules, options)),
        Format::Sarif => Box::new(SarifReporter::new(rules, options)),
        Format::Csv => Box::new(CsvReporter::new(rules, options)),
        Format::Markdown => Box::new(MarkdownReporter::new(rules, options)),
        Format::Github => Box::new(GithubReporter::new(rules, options)),
    }
}

/// Characters of context shown on each side of a match.
const CONTEXT: usize = 40;
/// Longer matches (whole sentences) are cut to this many characters.
const MAX_MATCH: usize = 80;

/// A match in a few words of context, on one line: `before` ends with the space before the
/// match (if any), `after` starts with the space after it; `…` marks cut text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub before: String,
    pub matched: String,
    pub after: String,
}

impl Excerpt {
    pub fn new(text: &str, start: usize, end: usize) -> Self {
        let from = text[..start].char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let to = text[end..].char_indices().nth(CONTEXT).map_or(text.len(), |(i, _)| end + i);
        let mut before = &text[from..start];
        let mut after = &text[end..to];
        // Start and end on whole words.
        if from > 0
            && let Some(space) = before.find(char::is_whitespace)
        {
            before = &before[space..];
        }
        if to < text.len()
            && let Some(space) = after.rfind(char::is_whitespace)
        {
            after = &after[..space];
        }
        // The match's first MAX_MATCH characters.
        let cut = text[start..end].char_indices().nth(MAX_MATCH).map_or(end, |(i, _)| start + i);
        let mut matched = fold_whitespace(&text[start..cut]);
        if cut < end {
            matched.push('…');
        }
        let mut b = String::from(if from > 0 { "…" } else { "" });
        b.push_str(&fold_whitespace(before));
        if before.ends_with(char::is_whitespace) && !b.is_empty() {
            b.push(' ');
        }
        let mut a = String::new();
        if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
            a.push(' ');
        }
        a.push_str(&fold_whitespace(after));
        if to < text.len() {
            a.push('…');
        }
        Excerpt { before: b, matched, after: a }
    }
}

/// Categories named in an article's summary row.
const HEAVIEST_CATEGORIES: usize = 3;

/// The categories that moved an article's score most, as "loaded-language -3.6", for the
/// summary rows of the table and the Markdown report.
/// A score as printed: its exact cents (scores are whole cents, `score.rs`). One decimal would
/// round 39.97 to 40.0, shown beside the band "low" and a failed `--fail-under 40`.
pub struct Shown(pub f64);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

fn heaviest_categories(analysis: &Analysis, rules: &RuleSet) -> String {
    let top: Vec<String> = analysis
        .score
        .breakdown
        .iter()
        // Points that print as ±0.0 (under 0.05) say nothing here.
        .filter(|c| c.points.abs() >= 0.05)
        .take(HEAVIEST_CATEGORIES)
        .map(|c| format!("{} {:+.1}", rules.categories[c.category].id, c.points))
        .collect();
    top.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_counted_in_characters_whatever_the_script() {
        // 60 Cyrillic words of two letters: four bytes each, three characters with the space.
        let words = "да ".repeat(60);
        let text = format!("{words}ЛОЖЬ {words}");
        let start = words.len();
        let excerpt = Excerpt::new(&text, start, start + "ЛОЖЬ".len());
        assert_eq!(excerpt.matched, "ЛОЖЬ");
        // 40 characters on each side, cut back to whole words: 13 words before, 13 after.
        assert_eq!(excerpt.before, format!("…{}", "да ".repeat(13)));
        assert_eq!(excerpt.after, format!(" {}…", "да ".repeat(13).trim_end()));
    }

    #[test]
    fn short_text_has_no_cut_marks() {
        let text = "Это ЛОЖЬ и всё.";
        let start = text.find("ЛОЖЬ").unwrap();
        let excerpt = Excerpt::new(text, start, start + "ЛОЖЬ".len());
        assert_eq!((excerpt.before.as_str(), excerpt.after.as_str()), ("Это ", " и всё."));
    }
}
