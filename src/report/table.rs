//! `--format table` (the default): per article, a table of findings with each match shown in a
//! few words of context; then one summary table of all articles.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};

use super::{Excerpt, Prerender, ReportOptions, Reporter, Shown, band_color, group_color};
use crate::analyze::Analysis;
use crate::rules::{RuleSet, Voice};
use crate::score::Band;
use crate::summary::Summary;
use crate::text::{plural, printable, printable_line, truncate_chars};

/// Findings shown per article: a table is for reading; the machine formats have them all.
const MAX_ROWS: usize = 1000;
/// Ids and sources are cut to this many characters in a table cell: comfy-table's wrapping
/// takes time that grows with the square of a cell's length (a 100 KB id took 9 s).
const MAX_CELL: usize = 200;
/// Articles listed in the summary table. Its rows are kept until the end and laid out at once,
/// so without a limit the default output's memory grew with the number of articles (200,000
/// articles: 416 MB); past a few thousand rows a table is not read anyway.
const MAX_SUMMARY_ROWS: usize = 10_000;

/// `text`, cut to [`MAX_CELL`] characters with a `…`, safe for a terminal.
fn cell_text(text: &str) -> String {
    truncate_chars(&printable(text), MAX_CELL).into_owned()
}

/// One article's heading and findings table: written by the analysing threads in parallel
/// (see [`Prerender`]), since laying out a table takes about as long as analysing its article.
pub struct ArticleTable<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
}

impl<'a> ArticleTable<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        ArticleTable { rules, options }
    }

    /// The match inside a few words of context: `… were «slaughtered» by …`.
    fn context(text: &str, start: usize, end: usize) -> String {
        let excerpt = Excerpt::new(text, start, end);
        printable(&format!("{}«{}»{}", excerpt.before, excerpt.matched, excerpt.after)).into_owned()
    }

    fn write(&self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let article = &analysis.article;
        let score = &analysis.score;
        let heading = self.options.paint(Style::new().bold(), &printable_line(&article.id));
        let band = self.options.paint(
            band_color(score.band).on_default().bold(),
            &format!("{} ({})", Shown(score.score), score.band.as_str()),
        );
        writeln!(
            out,
            "{heading}  score {band}  ·  {} word{}  ·  {} finding{}",
            analysis.words,
            plural(analysis.words),
            analysis.findings.len(),
            plural(analysis.findings.len())
        )?;
        if !analysis.findings.is_empty() {
            let mut table = new_table(&self.options);
            table.set_header(["line:col", "zone", "category", "found", "message"]);
            for f in analysis.findings.iter().take(MAX_ROWS) {
                let rule = &self.rules.rules[f.rule];
                let category = &self.rules.categories[f.category];
                let zone = match f.voice {
                    Voice::Quoted => format!("{} (quoted)", f.zone.as_str()),
                    Voice::Outlet => f.zone.as_str().to_string(),
                };
                table.add_row([
                    Cell::new(format!("{}:{}", f.line, f.column)),
                    Cell::new(zone),
                    bold(&category.id, group_color(category.group)),
                    Cell::new(Self::context(&article.text, f.start, f.end)),
                    Cell::new(cell_text(&rule.message)),
                ]);
            }
            writeln!(out, "{table}")?;
            if analysis.findings.len() > MAX_ROWS {
                let more = analysis.findings.len() - MAX_ROWS;
                writeln!(
                    out,
                    "… and {more} more finding{} (all of them with --format json, jsonl or annotated)",
                    plural(more)
                )?;
            }
        }
        writeln!(out)
    }
}

impl Prerender for ArticleTable<'_> {
    fn render(&self, analysis: &Analysis) -> Vec<u8> {
        let mut part = Vec::new();
        self.write(&mut part, analysis).expect("writing to memory cannot fail");
        part
    }
}

pub struct TableReporter<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
    /// Each article's own table, when it was not written on an analysing thread.
    articles: ArticleTable<'a>,
    /// Summary rows, kept until `finish`: (id, words, score, band, heaviest categories).
    rows: Vec<(String, usize, f64, Band, String)>,
    /// Articles printed past [`MAX_SUMMARY_ROWS`], counted but not listed.
    unlisted: usize,
}

impl<'a> TableReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        let articles = ArticleTable::new(rules, options.clone());
        TableReporter { rules, options, articles, rows: Vec::new(), unlisted: 0 }
    }

    fn add_row(&mut self, analysis: &Analysis) {
        if self.rows.len() == MAX_SUMMARY_ROWS {
            self.unlisted += 1;
            return;
        }
        let heaviest = super::heaviest_categories(analysis, self.rules);
        let (article, score) = (&analysis.article, &analysis.score);
        self.rows.push((article.id.clone(), analysis.words, score.score, score.band, heaviest));
    }
}

/// A table that colours its cells when `options` say so (comfy-table's own styling, applied
/// after layout: colour codes inside cell text would have to be parsed at every width
/// measurement, which made the table four times slower than the analysis).
fn new_table(options: &ReportOptions) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if options.color {
        table.enforce_styling().style_text_only();
    } else {
        table.force_no_tty();
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(options.width);
    table
}

/// A cell in bold `color` (when the table is styled at all).
fn bold(text: &str, color: AnsiColor) -> Cell {
    Cell::new(text).fg(Color::AnsiValue(color as u8)).add_attribute(Attribute::Bold)
}

impl Reporter for TableReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        self.articles.write(out, analysis)?;
        self.add_row(analysis);
        Ok(())
    }

    fn prerendered_article(
        &mut self,
        out: &mut dyn Write,
        analysis: &Analysis,
        part: &[u8],
    ) -> io::Result<()> {
        out.write_all(part)?;
        self.add_row(analysis);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.rows.is_empty() {
            let mut table = new_table(&self.options);
            table.set_header(["article", "words", "score", "band", "heaviest categories (points)"]);
            for (id, words, score, band, top) in &self.rows {
                table.add_row([
                    Cell::new(cell_text(id)),
                    Cell::new(words).set_alignment(CellAlignment::Right),
                    Cell::new(Shown(*score).to_string()).set_alignment(CellAlignment::Right),
                    bold(band.as_str(), band_color(*band)),
                    Cell::new(top),
                ]);
            }
            writeln!(out, "{table}")?;
            if self.unlisted > 0 {
                writeln!(
                    out,
                    "… and {} more article{} (every one with --format csv or jsonl; the lowest scores first with --sort score --top N)",
                    self.unlisted,
                    plural(self.unlisted)
                )?;
            }
        }
        if let Some(sources) = &summary.sources {
            let mut table = new_table(&self.options);
            table.set_header(["source", "articles", "mean score", "worst score", "most frequent categories"]);
            for s in sources {
                let top: Vec<String> = s.top_categories.iter().map(|(c, n)| format!("{c} ({n})")).collect();
                table.add_row([
                    Cell::new(cell_text(&s.source)),
                    Cell::new(s.articles).set_alignment(CellAlignment::Right),
                    Cell::new(Shown(s.mean_score).to_string()).set_alignment(CellAlignment::Right),
                    Cell::new(Shown(s.worst_score).to_string()).set_alignment(CellAlignment::Right),
                    Cell::new(top.join(", ")),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        let mut line = format!(
            "{} article{}, {} finding{}",
            summary.articles,
            plural(summary.articles),
            summary.findings,
            plural(summary.findings)
        );
        if !summary.skipped.is_empty() {
            line.push_str(&format!(", {} skipped (see above)", summary.skipped.len()));
        }
        if let Some(threshold) = summary.fail_under {
            line.push_str(&format!(", {} below {threshold}", summary.below_threshold.len()));
        }
        writeln!(out, "{line}")
    }
}
