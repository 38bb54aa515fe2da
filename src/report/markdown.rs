//! `--format markdown`: a summary table and the top findings per article, ready to paste into a
//! review or a pull-request comment.

use std::io::{self, Write};

use super::{Excerpt, ReportOptions, Reporter, Shown};
use crate::analyze::Analysis;
use crate::rules::RuleSet;
use crate::summary::Summary;
use crate::text::plural;

/// Findings listed per article (cues and techniques first, then signals).
const TOP_FINDINGS: usize = 10;

pub struct MarkdownReporter<'a> {
    rules: &'a RuleSet,
    rows: Vec<String>,
    sections: Vec<String>,
}

impl<'a> MarkdownReporter<'a> {
    pub fn new(rules: &'a RuleSet, _options: ReportOptions) -> Self {
        MarkdownReporter { rules, rows: Vec::new(), sections: Vec::new() }
    }
}

/// Text safe inside a Markdown table cell or heading: article text is untrusted, so nothing in it
/// may become a link, an image, an HTML tag, emphasis or code (which would also break the
/// `**match**` around it). The punctuation that can start any of these is backslash-escaped
/// (`!` needs no escape once `[` has one), `&` and `<` are written as entities, and line breaks
/// become spaces.
fn cell(text: &str) -> String {
    let mut safe = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '>' => {
                safe.push('\\');
                safe.push(c);
            }
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '\n' | '\r' => safe.push(' '),
            _ => safe.push(c),
        }
    }
    // Read on a terminal too: control characters (an escape sequence in an id) as pictures.
    crate::text::printable(&safe).into_owned()
}

impl Reporter for MarkdownReporter<'_> {
    fn article(&mut self, _out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let article = &analysis.article;
        let score = &analysis.score;
        let heaviest = super::heaviest_categories(analysis, self.rules);
        self.rows.push(format!(
            "| {} | {} | {} | {} | {} |",
            cell(&article.id),
            analysis.words,
            Shown(score.score),
            score.band.as_str(),
            cell(&heaviest)
        ));
        let mut section =
            format!("### {} — {} ({})\n\n", cell(&article.id), Shown(score.score), score.band.as_str());
        let mut findings: Vec<_> = analysis.findings.iter().collect();
        // Problems first (most severe first), then signals; input order within each.
        findings.sort_by_key(|f| {
            let rule = &self.rules.rules[f.rule];
            (!self.rules.is_problem(f.category), std::cmp::Reverse(rule.severity), f.start)
        });
        if findings.is_empty() {
            section.push_str("No findings.\n");
        } else {
            section.push_str("| Line:Col | Category | Found | Message |\n|---|---|---|---|\n");
            for f in findings.iter().take(TOP_FINDINGS) {
                let excerpt = Excerpt::new(&article.text, f.start, f.end);
                section.push_str(&format!(
                    "| {}:{} | {} | {}**{}**{} | {} |\n",
                    f.line,
                    f.column,
                    self.rules.categories[f.category].id,
                    cell(&excerpt.before),
                    cell(&excerpt.matched),
                    cell(&excerpt.after),
                    cell(&self.rules.rules[f.rule].message)
                ));
            }
            if findings.len() > TOP_FINDINGS {
                section.push_str(&format!("\n…and {} more.\n", findings.len() - TOP_FINDINGS));
            }
        }
        self.sections.push(section);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "## newslint report\n")?;
        writeln!(
            out,
            "{} article{}: {} high, {} mixed, {} low; mean score {}.\n",
            summary.articles,
            plural(summary.articles),
            summary.high,
            summary.mixed,
            summary.low,
            summary.mean_score.map_or("-".to_string(), |s| Shown(s).to_string())
        )?;
        if !self.rows.is_empty() {
            writeln!(out, "| Article | Words | Score | Band | Heaviest categories (points) |")?;
            writeln!(out, "|---|---:|---:|---|---|")?;
            for row in &self.rows {
                writeln!(out, "{row}")?;
            }
            writeln!(out)?;
        }
        if let Some(sources) = &summary.sources {
            writeln!(out, "| Source | Articles | Mean score | Worst score | Most frequent categories |")?;
            writeln!(out, "|---|---:|---:|---:|---|")?;
            for s in sources {
                let top: Vec<String> = s.top_categories.iter().map(|(c, n)| format!("{c} ({n})")).collect();
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&s.source),
                    s.articles,
                    Shown(s.mean_score),
                    Shown(s.worst_score),
                    top.join(", ")
                )?;
            }
            writeln!(out)?;
        }
        for section in &self.sections {
            writeln!(out, "{section}")?;
        }
        if !summary.skipped.is_empty() {
            let skipped = summary.skipped.len();
            writeln!(out, "Skipped {skipped} input{}:\n", plural(skipped))?;
            for s in &summary.skipped {
                writeln!(out, "- `{}`: {}", s.path.replace('`', "'"), cell(&s.reason))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_show_control_characters_as_pictures() {
        assert_eq!(super::cell("e\u{1b}[2Jid\u{7}|x"), "e\u{241b}\\[2Jid\u{2407}\\|x");
    }
}
