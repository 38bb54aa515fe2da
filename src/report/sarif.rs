//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One `result` per finding, with
//! the rule's metadata (help text from its explanation) in the tool's driver: cues and
//! techniques as failed checks at their rule's severity, signals (good news) as passed checks
//! (`kind` "pass", `level` "none"), which dashboards do not raise as alerts.
//!
//! Streaming: the rules go out in `begin`, each article's results as it comes, and `finish`
//! closes the document. Regions count columns in Unicode code points (`columnKind`).
//!
//! A region is a place in the artifact file. For a text file it is the finding's span (lines,
//! columns, bytes; no bytes when the file was decoded from Windows-1252 or UTF-16). For a JSONL
//! line or CSV record it is the record's line only, and for an HTML page or a compressed file
//! there is none: the finding's span in the article's text is then in the result's
//! `properties.textRegion`. The article id is in `logicalLocations`.

use std::io::{self, Write};

use serde_json::json;

use super::{ReportOptions, Reporter};
use crate::analyze::Analysis;
use crate::input::Origin;
use crate::rules::{Group, RuleSet, Severity};
use crate::summary::Summary;
use crate::text::LineIndex;

pub struct SarifReporter<'a> {
    rules: &'a RuleSet,
    first: bool,
}

impl<'a> SarifReporter<'a> {
    pub fn new(rules: &'a RuleSet, _options: ReportOptions) -> Self {
        SarifReporter { rules, first: true }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

impl Reporter for SarifReporter<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<_> = self
            .rules
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                let category = &self.rules.categories[rule.category];
                let mut help = rule.explanation.clone();
                if let Some(advice) = &category.advice {
                    help.push_str("\n\nWhat to do next: ");
                    help.push_str(advice);
                }
                json!({
                    "id": rule.id,
                    "name": category.name,
                    "shortDescription": {"text": rule.message},
                    "fullDescription": {"text": category.explanation},
                    "help": {"text": help},
                    "defaultConfiguration": {"level": level(rule.severity)},
                    "properties": {"category": category.id, "group": category.group.as_str(), "weight": self.rules.weight_of(index)},
                })
            })
            .collect();
        let driver = json!({
            "name": env!("CARGO_PKG_NAME"),
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://crates.io/crates/newslint",
            "rules": rules,
        });
        write!(
            out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":"
        )?;
        serde_json::to_writer(&mut *out, &driver)?;
        write!(out, "}},\"columnKind\":\"unicodeCodePoints\",\"results\":[")
    }

    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let text = analysis.article.text.as_str();
        let lines = LineIndex::new(text);
        for f in &analysis.findings {
            let rule = &self.rules.rules[f.rule];
            let category = &self.rules.categories[f.category];
            let (end_line, end_column) = lines.line_column(text, f.end);
            // A signal (a byline, a named source) is good news: a passed check, not an alert.
            let (kind, level) = if category.group == Group::Signal {
                ("pass", "none")
            } else {
                ("fail", level(rule.severity))
            };
            let span = json!({
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": end_line,
                "endColumn": end_column,
                "byteOffset": f.start,
                "byteLength": f.end - f.start,
                "snippet": {"text": &text[f.start..f.end]},
            });
            let mut physical = json!({"artifactLocation": {"uri": uri(&analysis.article.path)}});
            let mut properties = json!({
                "article": analysis.article.id,
                "category": category.id,
                "group": category.group.as_str(),
                "zone": f.zone.as_str(),
                "voice": f.voice.as_str(),
            });
            match analysis.article.origin {
                Origin::File => physical["region"] = span,
                Origin::DecodedFile => {
                    // The byte offsets index the decoded text, not the file.
                    let mut region = span.clone();
                    if let Some(region) = region.as_object_mut() {
                        region.remove("byteOffset");
                        region.remove("byteLength");
                    }
                    physical["region"] = region;
                    properties["textRegion"] = span;
                }
                Origin::Record { line } => {
                    physical["region"] = json!({"startLine": line});
                    properties["textRegion"] = span;
                }
                Origin::Derived => properties["textRegion"] = span,
            }
            let result = json!({
                "ruleId": rule.id,
                "ruleIndex": f.rule,
                "kind": kind,
                "level": level,
                "message": {"text": format!("{} ({})", rule.message, category.id)},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"name": analysis.article.id, "kind": "article"}],
                }],
                "properties": properties,
            });
            if !self.first {
                out.write_all(b",")?;
            }
            self.first = false;
            out.write_all(b"\n")?;
            serde_json::to_writer(&mut *out, &result)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        writeln!(out, "\n]}}]}}")
    }
}

/// A relative URI reference for a path: `/` separators (`\` is one only on Windows; elsewhere it
/// is part of a name), and every byte that may not stand in a URI path as it is (spaces, `%`,
/// `#`, `?`, non-ASCII letters ...; also `:`, which would make `c:/x` a scheme) percent-encoded.
fn uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'\\' if cfg!(windows) => uri.push('/'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => uri.push(char::from(byte)),
            b'/' | b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+'
            | b',' | b';' | b'=' | b'@' => uri.push(char::from(byte)),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        let expected = if cfg!(windows) { "data/news/a%20b.txt" } else { "data%5Cnews%5Ca%20b.txt" };
        assert_eq!(uri(r"data\news\a b.txt"), expected);
        assert_eq!(uri("naïve #1?.txt"), "na%C3%AFve%20%231%3F.txt");
        assert_eq!(uri("c:/x/100%.jsonl"), "c%3A/x/100%25.jsonl");
    }
}
