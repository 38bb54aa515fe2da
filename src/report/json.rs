//! `--format json` (one document) and `--format jsonl` (one article per line), as SPEC.md.

use std::io::{self, Write};

use serde::Serialize;

use super::{ReportOptions, Reporter};
use crate::analyze::Analysis;
use crate::rules::RuleSet;
use crate::summary::Summary;

#[derive(Serialize)]
struct BreakdownJson<'a> {
    category: &'a str,
    group: &'static str,
    count: usize,
    /// Findings inside speakers' quotations, reported but not counted.
    quoted: usize,
    points: f64,
}

#[derive(Serialize)]
struct ZoneJson {
    zone: &'static str,
    start: usize,
    end: usize,
}

/// Per rule, the parts of its findings' JSON that depend on the rule alone, escaped once: a
/// FINDING object is `head` start, end, line, column, text, zone and voice `tail`.
struct RuleFragments {
    /// `{"rule":…,"category":…,"group":…,"severity":…,"start":`
    head: Vec<u8>,
    /// `,"message":…}`
    tail: Vec<u8>,
}

fn rule_fragments(rules: &RuleSet) -> Vec<RuleFragments> {
    rules
        .rules
        .iter()
        .map(|rule| {
            let category = &rules.categories[rule.category];
            let mut head = b"{\"rule\":".to_vec();
            let strings = [
                (&b""[..], rule.id.as_str()),
                (b",\"category\":", &category.id),
                (b",\"group\":", category.group.as_str()),
                (b",\"severity\":", rule.severity.as_str()),
            ];
            for (key, value) in strings {
                head.extend_from_slice(key);
                serde_json::to_writer(&mut head, value).expect("writing to a Vec cannot fail");
            }
            head.extend_from_slice(b",\"start\":");
            let mut tail = b",\"message\":".to_vec();
            serde_json::to_writer(&mut tail, &rule.message).expect("writing to a Vec cannot fail");
            tail.push(b'}');
            RuleFragments { head, tail }
        })
        .collect()
}

/// Writes the ARTICLE object of SPEC.md (fields in its order) through `buffer` (see
/// [`Chunked`]). Written by hand rather than derived: serde's per-field key escaping cost more
/// than the rest of a finding's output, and an article may have millions of findings.
fn write_article(
    out: &mut dyn Write,
    buffer: &mut Vec<u8>,
    analysis: &Analysis,
    rules: &RuleSet,
    fragments: &[RuleFragments],
    include_text: bool,
) -> io::Result<()> {
    let article = &analysis.article;
    let text = article.text.as_str();
    buffer.clear();
    let mut w = Chunked { out, buffer };
    let w = &mut w;
    w.write_all(b"{\"id\":")?;
    value(w, &article.id)?;
    w.write_all(b",\"path\":")?;
    value(w, &article.path)?;
    w.write_all(b",\"source\":")?;
    value(w, &article.source)?;
    w.write_all(b",\"title\":")?;
    value(w, &article.title)?;
    if let Some(url) = &article.url {
        w.write_all(b",\"url\":")?;
        value(w, url)?;
    }
    w.write_all(b",\"words\":")?;
    value(w, &analysis.words)?;
    w.write_all(b",\"score\":")?;
    value(w, &analysis.score.score)?;
    w.write_all(b",\"band\":")?;
    value(w, analysis.score.band.as_str())?;
    w.write_all(b",\"base\":")?;
    value(w, &analysis.score.base)?;
    w.write_all(b",\"breakdown\":")?;
    let breakdown: Vec<BreakdownJson<'_>> = analysis
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
        .collect();
    value(w, &breakdown)?;
    w.write_all(b",\"findings\":[")?;
    write_findings(w, analysis, fragments)?;
    w.write_all(b"],\"zones\":")?;
    let zones: Vec<ZoneJson> = analysis
        .zones
        .iter()
        .map(|z| ZoneJson { zone: z.kind.as_str(), start: z.start, end: z.end })
        .collect();
    value(w, &zones)?;
    if include_text {
        w.write_all(b",\"text\":")?;
        value(w, text)?;
    }
    w.write_all(b"}")?;
    w.drain()
}

/// The FINDING objects, comma-separated.
fn write_findings(w: &mut Chunked<'_>, analysis: &Analysis, fragments: &[RuleFragments]) -> io::Result<()> {
    let text = analysis.article.text.as_str();
    let mut numbers = itoa::Buffer::new();
    for (i, f) in analysis.findings.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let rule = &fragments[f.rule];
        w.write_all(&rule.head)?;
        w.write_all(numbers.format(f.start).as_bytes())?;
        w.write_all(b",\"end\":")?;
        w.write_all(numbers.format(f.end).as_bytes())?;
        w.write_all(b",\"line\":")?;
        w.write_all(numbers.format(f.line).as_bytes())?;
        w.write_all(b",\"column\":")?;
        w.write_all(numbers.format(f.column).as_bytes())?;
        w.write_all(b",\"text\":")?;
        value(w, &text[f.start..f.end])?;
        w.write_all(b",\"zone\":\"")?;
        w.write_all(f.zone.as_str().as_bytes())?;
        w.write_all(b"\",\"voice\":\"")?;
        w.write_all(f.voice.as_str().as_bytes())?;
        w.write_all(b"\"")?;
        w.write_all(&rule.tail)?;
    }
    Ok(())
}

fn value(w: &mut Chunked<'_>, value: &(impl Serialize + ?Sized)) -> io::Result<()> {
    Ok(serde_json::to_writer(w, value)?)
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
    fragments: Vec<RuleFragments>,
    options: ReportOptions,
    first: bool,
    buffer: Vec<u8>,
}

impl<'a> JsonReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        JsonReporter { rules, fragments: rule_fragments(rules), options, first: true, buffer: Vec::new() }
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
        write_article(out, &mut self.buffer, analysis, self.rules, &self.fragments, self.options.include_text)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        write!(out, "\n],\"summary\":")?;
        serde_json::to_writer(&mut *out, summary)?;
        writeln!(out, "}}")
    }
}

/// [`write_article`] hands serde_json's many small pieces on in pieces of about this size: each
/// costs a dynamic call when made to `out` directly, and an article with a million findings
/// (half a gigabyte of JSON) is not held whole in memory.
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
    fragments: Vec<RuleFragments>,
    options: ReportOptions,
    buffer: Vec<u8>,
}

impl<'a> JsonlReporter<'a> {
    pub fn new(rules: &'a RuleSet, options: ReportOptions) -> Self {
        JsonlReporter { rules, fragments: rule_fragments(rules), options, buffer: Vec::new() }
    }
}

impl Reporter for JsonlReporter<'_> {
    fn article(&mut self, out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        write_article(
            out,
            &mut self.buffer,
            analysis,
            self.rules,
            &self.fragments,
            self.options.include_text,
        )?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
