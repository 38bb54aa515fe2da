//! `--format table` (the default): per article, a table of findings with each match shown in a
//! few words of context; then one summary table of all articles.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::{Excerpt, ReportOptions, Reporter};
use crate::analyze::Analysis;
use crate::check::Summary;
use crate::rules::{Group, RuleSet, Voice};
use crate::score::Band;
/// Findings shown per article: a table is for reading; the machine formats have them all.
const MAX_ROWS: usize = 1000;
/// Ids and sources are cut to this many characters in a table cell: comfy-table's wrapping
/// takes time that grows with the square of a cell's length (a 100 KB id took 9 s).
const MAX_CELL: usize = 200;

/// `text`, cut to [`MAX_CELL`] characters with a `…`.
fn cell_text(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

pub struct TableReporter<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
    /// Summary rows, kept until `finish`: (id, words, score, band, heaviest categories).
    rows: Vec<(String, usize, f64, Band, String)>,
}

impl<'a> TableReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        TableReporter { rules, options, rows: Vec::new() }
    }

    fn new_table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(width) = self.options.width {
            table.set_width(width);
        }
        table
    }

    fn group_style(group: Group) -> Style {
        match group {
            Group::Signal => AnsiColor::Green.on_default().bold(),
            Group::Cue => AnsiColor::Red.on_default().bold(),
            Group::Technique => AnsiColor::Yellow.on_default().bold(),
        }
    }

    fn band_style(band: Band) -> Style {
        match band {
            Band::High => AnsiColor::Green.on_default().bold(),
            Band::Mixed => AnsiColor::Yellow.on_default().bold(),
            Band::Low => AnsiColor::Red.on_default().bold(),
        }
    }

    /// The match inside a few words of context: `… were «slaughtered» by …`.
    fn context(&self, text: &str, start: usize, end: usize, group: Group) -> String {
        let excerpt = Excerpt::new(text, start, end);
        let marked = if self.options.color {
            self.options.paint(Self::group_style(group).underline(), &excerpt.matched)
        } else {
            format!("«{}»", excerpt.matched)
        };
        format!("{}{marked}{}", excerpt.before, excerpt.after)
    }
}

impl Reporter for TableReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let article = &analysis.article;
        let score = &analysis.score;
        let heading = self.options.paint(Style::new().bold(), &article.id);
        let band = self
            .options
            .paint(Self::band_style(score.band), &format!("{:.1} ({})", score.score, score.band.as_str()));
        writeln!(
            out,
            "{heading}  score {band}  ·  {} words  ·  {} findings",
            analysis.words,
            analysis.findings.len()
        )?;
        if !analysis.findings.is_empty() {
            let mut table = self.new_table();
            table.set_header(["line:col", "zone", "category", "found", "message"]);
            for f in analysis.findings.iter().take(MAX_ROWS) {
                let rule = &self.rules.rules[f.rule];
                let category = &self.rules.categories[f.category];
                let zone = match f.voice {
                    Voice::Quoted => format!("{} (quoted)", f.zone.as_str()),
                    Voice::Outlet => f.zone.as_str().to_string(),
                };
                table.add_row([
                    format!("{}:{}", f.line, f.column),
                    zone,
                    self.options.paint(Self::group_style(category.group), &category.id),
                    self.context(&article.text, f.start, f.end, category.group),
                    cell_text(&rule.message),
                ]);
            }
            writeln!(out, "{table}")?;
            if analysis.findings.len() > MAX_ROWS {
                let more = analysis.findings.len() - MAX_ROWS;
                writeln!(
                    out,
                    "… and {more} more findings (all of them with --format json, jsonl or annotated)"
                )?;
            }
        }
        writeln!(out)?;
        let heaviest = super::heaviest_categories(analysis, self.rules);
        self.rows.push((article.id.clone(), analysis.words, score.score, score.band, heaviest));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.rows.is_empty() {
            let mut table = self.new_table();
            table.set_header(["article", "words", "score", "band", "heaviest categories (points)"]);
            for (id, words, score, band, top) in &self.rows {
                table.add_row([
                    comfy_table::Cell::new(cell_text(id)),
                    comfy_table::Cell::new(words).set_alignment(CellAlignment::Right),
                    comfy_table::Cell::new(format!("{score:.1}")).set_alignment(CellAlignment::Right),
                    comfy_table::Cell::new(self.options.paint(Self::band_style(*band), band.as_str())),
                    comfy_table::Cell::new(top),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        if let Some(sources) = &summary.sources {
            let mut table = self.new_table();
            table.set_header(["source", "articles", "mean score", "worst score", "most frequent categories"]);
            for s in sources {
                let top: Vec<String> = s.top_categories.iter().map(|(c, n)| format!("{c} ({n})")).collect();
                table.add_row([
                    comfy_table::Cell::new(cell_text(&s.source)),
                    comfy_table::Cell::new(s.articles).set_alignment(CellAlignment::Right),
                    comfy_table::Cell::new(format!("{:.1}", s.mean_score))
                        .set_alignment(CellAlignment::Right),
                    comfy_table::Cell::new(format!("{:.1}", s.worst_score))
                        .set_alignment(CellAlignment::Right),
                    comfy_table::Cell::new(top.join(", ")),
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
