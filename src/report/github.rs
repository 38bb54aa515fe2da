//! `--format github`: GitHub Actions workflow commands, one annotation per cue or technique
//! finding (`::warning file=…,line=…,col=…::…`). Signals are good news, not problems, so they
//! are not annotated.
//!
//! An annotation points at a place in a file of the repository. For a text file that is the
//! finding's line and column. For a JSONL line or CSV record it is the record's line, and the
//! message names the article and the place in its text (`article a17, 3:12: …`); for an HTML page
//! or a compressed file, the file as a whole, with the same message.

use std::io::{self, Write};

use super::{ReportOptions, Reporter, Shown};
use crate::analyze::Analysis;
use crate::input::Origin;
use crate::rules::{Group, RuleSet, Severity};
use crate::summary::Summary;
use crate::text::plural;

pub struct GithubReporter<'a> {
    rules: &'a RuleSet,
}

impl<'a> GithubReporter<'a> {
    pub fn new(rules: &'a RuleSet, _options: ReportOptions) -> Self {
        GithubReporter { rules }
    }
}

impl Reporter for GithubReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let text = &analysis.article.text;
        for f in &analysis.findings {
            let rule = &self.rules.rules[f.rule];
            let category = &self.rules.categories[f.category];
            if category.group == Group::Signal {
                continue;
            }
            let command = match rule.severity {
                Severity::Info => "notice",
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            let quoted = if f.voice == crate::rules::Voice::Quoted { " (inside a quotation)" } else { "" };
            let article = &analysis.article;
            let message = format!("{}{quoted}: \"{}\"", rule.message, &text[f.start..f.end]);
            // Where the file has the finding's line and column, the annotation points there;
            // elsewhere the message says where in the article it is.
            let in_article = |message| format!("article {}, {}:{}: {message}", article.id, f.line, f.column);
            let (place, message) = match article.origin {
                Origin::File | Origin::DecodedFile => (format!(",line={},col={}", f.line, f.column), message),
                Origin::Record { line } => (format!(",line={line}"), in_article(message)),
                Origin::Derived => (String::new(), in_article(message)),
            };
            writeln!(
                out,
                "::{command} file={}{place},title={}::{}",
                escape_property(&article.path),
                escape_property(&format!("{} ({})", category.id, rule.id)),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "::notice title=newslint::{} article{}, {} finding{}, mean score {}",
            summary.articles,
            plural(summary.articles),
            summary.findings,
            plural(summary.findings),
            summary.mean_score.map_or("-".to_string(), |s| Shown(s).to_string())
        )
    }
}

/// Workflow-command message escaping; other control characters (an escape sequence in a file
/// name, which the Actions log would interpret) are shown as pictures.
fn escape_data(s: &str) -> String {
    crate::text::printable(&s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")).into_owned()
}

/// Workflow-command property escaping (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(super::escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(super::escape_data("x\u{1b}[2Jy\u{7}"), "x\u{241b}[2Jy\u{2407}");
    }
}
