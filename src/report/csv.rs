//! `--format csv`: one row per article (id, source, title, words, score, band, then one column of
//! finding counts per category), RFC 4180 quoting. Text cells that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`.

use std::io::{self, Write};

use super::{ReportOptions, Reporter};
use crate::analyze::Analysis;
use crate::rules::RuleSet;
use crate::summary::Summary;

pub struct CsvReporter<'a> {
    rules: &'a RuleSet,
}

impl<'a> CsvReporter<'a> {
    pub fn new(rules: &'a RuleSet, _options: ReportOptions) -> Self {
        CsvReporter { rules }
    }

    fn write_record(out: &mut dyn Write, record: &[String]) -> io::Result<()> {
        let mut writer = ::csv::WriterBuilder::new().from_writer(out);
        writer.write_record(record).map_err(io::Error::other)?;
        writer.flush()
    }
}

/// Neutralises spreadsheet formula injection.
fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

impl Reporter for CsvReporter<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let mut header: Vec<String> =
            ["id", "source", "title", "words", "score", "band"].iter().map(|s| s.to_string()).collect();
        header.extend(self.rules.categories.iter().map(|c| c.id.clone()));
        Self::write_record(out, &header)
    }

    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let article = &analysis.article;
        let mut counts = vec![0usize; self.rules.categories.len()];
        for f in &analysis.findings {
            counts[f.category] += 1;
        }
        let mut record = vec![
            safe_cell(&article.id),
            safe_cell(article.source.as_deref().unwrap_or("")),
            safe_cell(article.title.as_deref().unwrap_or("")),
            analysis.words.to_string(),
            format!("{:.2}", analysis.score.score),
            analysis.score.band.as_str().to_string(),
        ];
        record.extend(counts.iter().map(usize::to_string));
        Self::write_record(out, &record)
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(super::safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::safe_cell("-1+1"), "'-1+1");
        assert_eq!(super::safe_cell("@SUM"), "'@SUM");
        assert_eq!(super::safe_cell("plain"), "plain");
    }
}
