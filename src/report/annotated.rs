//! `--format annotated`: the article itself in the terminal, each cue underlined and labelled
//! in place, like a compiler diagnostic, for reading one article closely.
//!
//! Only lines with findings are shown (with the line number); long lines are wrapped, and each
//! finding is underlined on the wrapped piece where it starts.

use std::io::{self, Write};

use anstyle::Style;

use super::{ReportOptions, Reporter, Shown, group_color};
use crate::analyze::Analysis;
use crate::rules::{Group, RuleSet, Voice};
use crate::summary::Summary;
use unicode_width::UnicodeWidthChar;

use crate::text::{LineIndex, plural, printable, printable_line};

pub struct AnnotatedReporter<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
}

impl<'a> AnnotatedReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        AnnotatedReporter { rules, options }
    }
}

/// What puts the next text right under the end of `prefix` on a terminal: each tab as a tab
/// (it moves to the same tab stop), every other character as the columns it takes (two for
/// 東 or an emoji, none for a combining accent).
fn blank_under(prefix: &str) -> String {
    prefix
        .chars()
        .map(|c| if c == '\t' { "\t".to_string() } else { " ".repeat(c.width().unwrap_or(0)) })
        .collect()
}

/// The columns `text` takes on a terminal (a tab counted as one).
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c == '\t' { 1 } else { c.width().unwrap_or(0) }).sum()
}

/// Splits `line` into pieces of at most `width` characters, at spaces where possible; returns
/// byte ranges relative to the line.
fn wrap(line: &str, width: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < line.len() {
        let rest = &line[start..];
        let Some((hard_end, _)) = rest.char_indices().nth(width) else {
            pieces.push((start, line.len()));
            break;
        };
        let end = rest[..hard_end].rfind(' ').filter(|&i| i > 0).map_or(hard_end, |i| i + 1);
        pieces.push((start, start + end));
        start += end;
    }
    if pieces.is_empty() {
        pieces.push((0, 0));
    }
    pieces
}

impl Reporter for AnnotatedReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let text = analysis.article.text.as_str();
        let score = &analysis.score;
        writeln!(
            out,
            "{}  score {} ({})  ·  {} word{}  ·  {} finding{}",
            self.options.paint(Style::new().bold(), &printable_line(&analysis.article.id)),
            Shown(score.score),
            score.band.as_str(),
            analysis.words,
            plural(analysis.words),
            analysis.findings.len(),
            plural(analysis.findings.len())
        )?;
        let lines = LineIndex::new(text);
        let gutter = analysis.findings.last().map_or(1, |f| f.line.to_string().len());
        let width = (self.options.width as usize).saturating_sub(gutter + 3).max(20);
        let mut i = 0;
        let findings = &analysis.findings;
        while i < findings.len() {
            let line_no = findings[i].line;
            let on_line: Vec<_> = findings[i..].iter().take_while(|f| f.line == line_no).collect();
            i += on_line.len();
            let range = lines.line_range(text, line_no);
            let line = &text[range.clone()];
            writeln!(out, "{:>gutter$} |", "")?;
            // The findings (in order of start) go under the piece they start in, each looked at
            // once: a line of a hundred thousand findings is as quick as a hundred lines.
            let mut next = 0;
            let pieces = wrap(line, width);
            for (index, &(piece_start, piece_end)) in pieces.iter().enumerate() {
                writeln!(
                    out,
                    "{:>gutter$} | {}",
                    if piece_start == 0 { line_no.to_string() } else { String::new() },
                    printable(&line[piece_start..piece_end])
                )?;
                let last_piece = index + 1 == pieces.len();
                while let Some(f) = on_line.get(next) {
                    let start = (f.start - range.start).min(line.len());
                    if start >= piece_end && !last_piece {
                        break;
                    }
                    next += 1;
                    let category = &self.rules.categories[f.category];
                    let rule = &self.rules.rules[f.rule];
                    let pad = blank_under(&printable(&line[piece_start..start]));
                    let end = (f.end - range.start).min(piece_end);
                    let length = display_width(&printable(&line[start..end])).max(1);
                    let mark = if category.group == Group::Signal { '+' } else { '^' };
                    let color = group_color(category.group);
                    let quoted = if f.voice == Voice::Quoted { " [quoted]" } else { "" };
                    let label = format!(
                        "{} {}: {}{quoted}",
                        mark.to_string().repeat(length),
                        category.id,
                        printable(&rule.message)
                    );
                    writeln!(
                        out,
                        "{:>gutter$} | {}{}",
                        "",
                        pad,
                        self.options.paint(color.on_default().bold(), &label)
                    )?;
                }
            }
        }
        writeln!(out)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let (articles, findings) = (summary.articles, summary.findings);
        writeln!(out, "{articles} article{}, {findings} finding{}", plural(articles), plural(findings))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_at_spaces() {
        let line = "one two three four five";
        let pieces: Vec<&str> = super::wrap(line, 9).into_iter().map(|(a, b)| &line[a..b]).collect();
        assert_eq!(pieces, ["one two ", "three ", "four five"]);
        assert_eq!(super::wrap("", 5), [(0, 0)]);
    }
}
