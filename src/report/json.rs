//! `--format json` (one document) and `--format jsonl` (one article per line), as SPEC.md.

use std::io::{self, Write};

use serde::Serialize;

use super::{ReportOptions, Reporter};
use crate::analyze::Analysis;
use crate::check::Summary;
use crate::rules::RuleSet;

/// The ARTICLE object of SPEC.md.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub source: Option<&'a str>,
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub words: usize,
    pub score: f64,
    pub band: &'static str,
    pub base: f64,
    pub breakdown: Vec<BreakdownJson<'a>>,
    /// Serialised one by one from the analysis (an article may have millions).
    pub findings: Findings<'a>,
    pub zones: Vec<ZoneJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

#[derive(Serialize)]
pub struct BreakdownJson<'a> {
    pub category: &'a str,
    pub group: &'static str,
    pub count: usize,
    /// Findings inside speakers' quotations, reported but not counted.
    pub quoted: usize,
    pub points: f64,
}

#[derive(Serialize)]
pub struct FindingJson<'a> {
    pub rule: &'a str,
    pub category: &'a str,
    pub group: &'static str,
    pub severity: &'static str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub zone: &'static str,
    pub voice: &'static str,
    pub message: &'a str,
}

/// An article's findings as a JSON array of [`FindingJson`], made one at a time.
pub struct Findings<'a> {
    analysis: &'a Analysis,
    rules: &'a RuleSet,
}

impl<'a> Findings<'a> {
    pub fn iter(&self) -> impl Iterator<Item = FindingJson<'a>> + use<'a> {
        let (rules, text) = (self.rules, self.analysis.article.text.as_str());
        self.analysis.findings.iter().map(move |f| {
            let rule = &rules.rules[f.rule];
            let category = &rules.categories[f.category];
            FindingJson {
                rule: &rule.id,
                category: &category.id,
                group: category.group.as_str(),
                severity: rule.severity.as_str(),
                start: f.start,
                end: f.end,
                line: f.line,
                column: f.column,
                text: &text[f.start..f.end],
                zone: f.zone.as_str(),
                voice: f.voice.as_str(),
                message: &rule.message,
            }
        })
    }
}

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[derive(Serialize)]
pub struct ZoneJson {
    pub zone: &'static str,
    pub start: usize,
    pub end: usize,
}

impl<'a> ArticleJson<'a> {
    pub fn new(analysis: &'a Analysis, rules: &'a RuleSet, include_text: bool) -> Self {
        let article = &analysis.article;
        let text = article.text.as_str();
        ArticleJson {
            id: &article.id,
            path: &article.path,
            source: article.source.as_deref(),
            title: article.title.as_deref(),
            url: article.url.as_deref(),
            words: analysis.words,
            score: analysis.score.score,
            band: analysis.score.band.as_str(),
            base: analysis.score.base,
            breakdown: analysis
                .score
                .breakdown
                .iter()
                .map(|c| {
                    let category = &rules.categories[c.category];
                    BreakdownJson {
                        category: &category.id,
                        group: category.group.as_str(),
                        count: c.count,
                        quoted: c.quoted,
                        points: c.points,
                    }
                })
                .collect(),
            findings: Findings { analysis, rules },
            zones: analysis
                .zones
                .iter()
                .map(|z| ZoneJson { zone: z.kind.as_str(), start: z.start, end: z.end })
                .collect(),
            text: include_text.then_some(text),
        }
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") };

/// One JSON document: articles are streamed into the `articles` array, the summary closes it.
pub struct JsonReporter<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
    first: bool,
    buffer: Vec<u8>,
}

impl<'a> JsonReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        JsonReporter { rules, options, first: true, buffer: Vec::new() }
    }
}

impl Reporter for JsonReporter<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\"schema\":1,\"tool\":")?;
        serde_json::to_writer(&mut *out, &TOOL)?;
        write!(out, ",\"articles\":[")
    }

    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        if !self.first {
            out.write_all(b",")?;
        }
        self.first = false;
        out.write_all(b"\n")?;
        write_article(
            out,
            &mut self.buffer,
            &ArticleJson::new(analysis, self.rules, self.options.include_text),
        )
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        write!(out, "\n],\"summary\":")?;
        serde_json::to_writer(&mut *out, summary)?;
        writeln!(out, "}}")
    }
}

/// Serialises `article` through `buffer`: serde_json writes in many small pieces, which cost a
/// dynamic call each when made to `out` directly; the buffer hands them on in pieces of about
/// [`CHUNK`] bytes, so that an article with a million findings (half a gigabyte of JSON) is not
/// held whole in memory.
fn write_article(out: &mut dyn Write, buffer: &mut Vec<u8>, article: &ArticleJson<'_>) -> io::Result<()> {
    buffer.clear();
    let mut chunked = Chunked { out, buffer };
    serde_json::to_writer(&mut chunked, article)?;
    chunked.drain()
}

const CHUNK: usize = 64 * 1024;

struct Chunked<'a> {
    out: &'a mut dyn Write,
    buffer: &'a mut Vec<u8>,
}

impl Chunked<'_> {
    /// Writes what is buffered to `out` (without flushing `out`).
    fn drain(&mut self) -> io::Result<()> {
        self.out.write_all(self.buffer)?;
        self.buffer.clear();
        Ok(())
    }
}

impl Write for Chunked<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    // serde_json calls `write_all` for every piece; the default one loops over `write`.
    #[inline]
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        if self.buffer.len() + data.len() > CHUNK {
            self.drain()?;
            if data.len() > CHUNK {
                // A long string (the article text): straight through.
                return self.out.write_all(data);
            }
        }
        self.buffer.extend_from_slice(data);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()
    }
}

/// One ARTICLE object per line.
pub struct JsonlReporter<'a> {
    rules: &'a RuleSet,
    options: ReportOptions,
    buffer: Vec<u8>,
}

impl<'a> JsonlReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        JsonlReporter { rules, options, buffer: Vec::new() }
    }
}

impl Reporter for JsonlReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        write_article(
            out,
            &mut self.buffer,
            &ArticleJson::new(analysis, self.rules, self.options.include_text),
        )?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
