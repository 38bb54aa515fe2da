//! `--format html`: one self-contained classroom page (no network: CSS and script inline).
//!
//! The page is meant to be projected in a classroom or opened by a student: every article's
//! text with each finding highlighted in its category's colour, boilerplate greyed, line breaks
//! kept; a legend at the top whose checkboxes show or hide each category and group; a score card
//! per article that shows how the score adds up from the base; and, on hover or click of a
//! highlight, the rule's message, the category, the classroom explanation and what to do next.
//!
//! The legend needs the whole page's counts and sits above the articles, so the articles are
//! buffered and the page is written in `finish`. The output depends only on the input: no
//! timestamps, and element ids are numbered in input order.
//!
//! Article text and rule files are untrusted. Everything from them is HTML-escaped, and the
//! data the script needs (messages, explanations) travels in a JSON block with `<`, `>` and `&`
//! written as `\u` escapes so that no string can close the block. As a second line of defence
//! the page carries a Content-Security-Policy that allows no network access and runs only the
//! page's own script (by its SHA-256), so an escaping bug could not run an article's script.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

use serde::Serialize;

use super::{ReportOptions, Reporter, Shown};
use crate::analyze::Analysis;
use crate::finding::Finding;
use crate::rules::{Group, RuleSet, Voice};
use crate::score::Band;
use crate::summary::Summary;
use crate::text::{plural, truncate_chars};
use crate::zones::ZoneKind;

const CSS: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");
/// Base64 SHA-256 of [`SCRIPT`], for the Content-Security-Policy. After editing `page.js`, run
/// `scripts/html_report/script-hash.sh` and paste its output here; a stale hash blocks the
/// script, which the headless-Chromium test notices (the page's `js` class is missing).
const SCRIPT_SHA256: &str = "sAflSzbKQiZsuyVaGX5KzObtp9k52mHdOgatZ4DqEEY=";

/// Highlight colours of the built-in taxonomy: (category id, background, ink). Techniques are
/// warm (yellows, oranges, pinks), cues red, signals green and blue, so a glance at a paragraph
/// tells which kind of cue dominates; the ink (underline, swatch border) tells neighbours apart.
const PALETTE: &[(&str, &str, &str)] = &[
    ("loaded-language", "#ffec99", "#f08c00"),
    ("name-calling", "#ffc078", "#e8590c"),
    ("exaggeration", "#fcc2d7", "#d6336c"),
    ("doubt", "#eebefa", "#ae3ec9"),
    ("appeal-to-fear", "#f7b267", "#b35c00"),
    ("flag-waving", "#ffe8cc", "#fd7e14"),
    ("causal-oversimplification", "#e9d8a6", "#94703d"),
    ("slogans", "#ffd43b", "#c77700"),
    ("appeal-to-authority", "#dfc8a8", "#8a5a2b"),
    ("black-and-white", "#f3d9fa", "#9c36b5"),
    ("thought-terminating-cliche", "#ffdeeb", "#c2255c"),
    ("whataboutism", "#ffd8a8", "#f76707"),
    ("bandwagon", "#e6e98a", "#8f9a00"),
    ("reductio-ad-hitlerum", "#f4a9c0", "#a61e4d"),
    ("repetition", "#f9e2af", "#b08900"),
    ("unsourced-claim", "#ffa8a8", "#e03131"),
    ("vague-attribution", "#ffc9c9", "#f03e3e"),
    ("donation-appeal", "#ff8787", "#c92a2a"),
    ("copy-protection-notice", "#f5b5a5", "#a5301a"),
    ("clickbait", "#ffb3c1", "#d1123f"),
    ("sensationalism", "#ff9a8d", "#b71c1c"),
    ("conspiracy-framing", "#e8a0a0", "#862e2e"),
    ("attribution", "#b2f2bb", "#2f9e44"),
    ("byline", "#a5d8ff", "#1971c2"),
    ("dateline", "#99e9f2", "#0c8599"),
    ("direct-quote", "#c0eb75", "#5c940d"),
    ("citation", "#96f2d7", "#099268"),
    ("correction-notice", "#bac8ff", "#3b5bdb"),
];

/// Colours for categories declared in user rule files, per group, taken in declaration order.
const EXTRA_TECHNIQUE: &[(&str, &str)] =
    &[("#fff3bf", "#e67700"), ("#ffe3e3", "#e8590c"), ("#f8d7f0", "#b02a8a")];
const EXTRA_CUE: &[(&str, &str)] = &[("#ffd6d6", "#c92a2a"), ("#f4c7bd", "#9b2c1c")];
const EXTRA_SIGNAL: &[(&str, &str)] =
    &[("#c3fae8", "#0ca678"), ("#d0ebff", "#1c7ed6"), ("#d3f9d8", "#37b24d")];

/// The groups in legend order, with their headings.
const GROUPS: [(Group, &str); 3] = [
    (Group::Technique, "Propaganda techniques"),
    (Group::Cue, "Credibility cues"),
    (Group::Signal, "Credibility signals"),
];

/// Quoted text is cut to this many characters in the list of findings under each article.
const MAX_LISTED: usize = 120;

pub struct HtmlReporter<'a> {
    rules: &'a RuleSet,
    /// Per category: (background, ink).
    colours: Vec<(&'static str, &'static str)>,
    /// The article sections, written after the legend in `finish`.
    sections: String,
    contents: Vec<ContentsEntry>,
    /// Findings per category over the whole page (legend counts).
    counts: Vec<usize>,
    /// Rules with at least one finding: their texts go into the page's data block.
    used_rules: Vec<bool>,
}

struct ContentsEntry {
    anchor: String,
    title: String,
    score: f64,
    band: Band,
}

impl<'a> HtmlReporter<'a> {
    pub fn new(rules: &'a RuleSet, _options: ReportOptions) -> Self {
        HtmlReporter {
            rules,
            colours: colours(rules),
            sections: String::new(),
            contents: Vec::new(),
            counts: vec![0; rules.categories.len()],
            used_rules: vec![false; rules.rules.len()],
        }
    }
}

/// Writing into a `String` cannot fail; this keeps the page builders free of ignored results.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

impl Reporter for HtmlReporter<'_> {
    fn article(&mut self, _out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
        let rules = self.rules;
        let article = &analysis.article;
        let text = article.text.as_str();
        let score = &analysis.score;
        let anchor = format!("article-{}", self.contents.len() + 1);
        // Offsets come from the engine, but a bad one must cost a highlight, not the page.
        let findings: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.start < f.end && text.get(f.start..f.end).is_some())
            .collect();
        for f in &analysis.findings {
            self.counts[f.category] += 1;
            self.used_rules[f.rule] = true;
        }
        let title = article_title(analysis);
        let html = &mut self.sections;

        put!(
            html,
            "<section class=\"article\" id=\"{anchor}\">\n<header>\n<h2><bdi>{}</bdi></h2>\n<p class=\"meta\">",
            esc(&title)
        );
        put!(html, "<span><bdi><code>{}</code></bdi></span>", esc(&article.id));
        if article.path != article.id {
            put!(html, "<span>file <bdi><code>{}</code></bdi></span>", esc(&article.path));
        }
        if let Some(source) = &article.source {
            put!(html, "<span>source: {}</span>", esc(source));
        }
        if let Some(url) = &article.url {
            // Only web addresses become links: a `javascript:` URL from the input must stay text.
            if url.starts_with("https://") || url.starts_with("http://") {
                put!(html, "<span><a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a></span>", esc(url));
            } else {
                put!(html, "<span>{}</span>", esc(url));
            }
        }
        html.push_str("</p>\n</header>\n");

        html.push_str("<div class=\"text\">");
        render_text(html, rules, text, analysis, &findings);
        html.push_str("</div>\n");

        self.score_card(analysis);
        self.findings_list(analysis);
        self.sections.push_str("</section>\n");
        self.contents.push(ContentsEntry { anchor, title, score: score.score, band: score.band });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let mut page = String::with_capacity(self.sections.len() + CSS.len() + SCRIPT.len() + 8192);
        self.head(&mut page);
        self.header(&mut page, summary);
        self.legend(&mut page);
        page.push_str("<main>\n");
        if self.contents.is_empty() {
            page.push_str("<p>No articles were analysed.</p>\n");
        }
        page.push_str(&self.sections);
        page.push_str("</main>\n");
        page.push_str("<script type=\"application/json\" id=\"newslint-data\">");
        page.push_str(&script_json(&self.data()));
        page.push_str("</script>\n<script>");
        page.push_str(SCRIPT);
        page.push_str("</script>\n</body>\n</html>\n");
        out.write_all(page.as_bytes())
    }
}

impl HtmlReporter<'_> {
    fn head(&self, page: &mut String) {
        let title = match self.contents.as_slice() {
            [only] => format!("newslint: {}", only.title),
            _ => "newslint report".to_string(),
        };
        put!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'; base-uri 'none'; \
             form-action 'none'\">\n\
             <meta name=\"generator\" content=\"newslint {}\">\n<title>{}</title>\n<style>\n{CSS}",
            env!("CARGO_PKG_VERSION"),
            esc(&title)
        );
        // One custom-property pair per category: highlights, swatches and chips all use them.
        for (index, (bg, ink)) in self.colours.iter().enumerate() {
            put!(page, ".c{index}{{--bg:{bg};--fg:{ink}}}\n");
        }
        page.push_str("</style>\n</head>\n<body>\n");
    }

    fn header(&self, page: &mut String, summary: &Summary) {
        page.push_str("<header class=\"page-head\">\n<h1>newslint <small>classroom report</small></h1>\n<p>");
        // The run's totals, as in every other format; with `--top` the page shows fewer.
        put!(
            page,
            "{} article{} · {} finding{}",
            summary.articles,
            plural(summary.articles),
            summary.findings,
            plural(summary.findings)
        );
        if self.contents.len() < summary.articles {
            put!(page, " · {} shown", self.contents.len());
        }
        if let Some(mean) = summary.mean_score {
            put!(page, " · mean score {}", Shown(mean));
        }
        if summary.articles > 1 {
            put!(page, " · {} high · {} mixed · {} low", summary.high, summary.mixed, summary.low);
        }
        page.push_str("</p>\n");
        if self.contents.len() > 1 {
            page.push_str("<ol class=\"toc\">\n");
            for entry in &self.contents {
                put!(
                    page,
                    "<li><a href=\"#{}\" class=\"band-{}\">{} <span class=\"badge\">{}</span></a></li>\n",
                    entry.anchor,
                    entry.band.as_str(),
                    esc(&entry.title),
                    Shown(entry.score)
                );
            }
            page.push_str("</ol>\n");
        }
        if !summary.skipped.is_empty() {
            put!(
                page,
                "<div class=\"skipped\"><b>{} input{} could not be analysed:</b>\n<ul>\n",
                summary.skipped.len(),
                plural(summary.skipped.len())
            );
            for skipped in &summary.skipped {
                match skipped.line {
                    Some(line) => put!(page, "<li><bdi><code>{}:{line}</code></bdi>: ", esc(&skipped.path)),
                    None => put!(page, "<li><bdi><code>{}</code></bdi>: ", esc(&skipped.path)),
                }
                put!(page, "{}</li>\n", esc(&skipped.reason));
            }
            page.push_str("</ul>\n</div>\n");
        }
        page.push_str("</header>\n");
    }

    /// The legend: per group a toggle and one chip (toggle, swatch, name, count) per category
    /// that was found; categories with no finding on the page are left out to keep it short.
    fn legend(&self, page: &mut String) {
        page.push_str("<nav class=\"legend\" aria-label=\"Legend\">\n<div class=\"legend-inner\">\n");
        for (group, heading) in GROUPS {
            let members: Vec<usize> = (0..self.rules.categories.len())
                .filter(|&c| self.rules.categories[c].group == group && self.counts[c] > 0)
                .collect();
            if members.is_empty() {
                continue;
            }
            let total: usize = members.iter().map(|&c| self.counts[c]).sum();
            put!(
                page,
                "<div class=\"legend-row\"><label class=\"group\"><input type=\"checkbox\" checked \
                 data-group=\"{0}\">{heading} <small>({total})</small></label><div class=\"chips\">\n",
                group.as_str()
            );
            for c in members {
                let category = &self.rules.categories[c];
                put!(
                    page,
                    "<label class=\"chip c{c}\" title=\"{}\"><input type=\"checkbox\" checked data-cat=\"{c}\" \
                     data-in=\"{}\">{} <b>{}</b></label>\n",
                    esc(&category.explanation),
                    group.as_str(),
                    esc(&category.name),
                    self.counts[c]
                );
            }
            page.push_str("</div></div>\n");
        }
        if self.counts.iter().all(|&n| n == 0) {
            page.push_str("<div class=\"legend-row\">No findings on this page.</div>\n");
        }
        page.push_str(
            "<div class=\"key\"><span>Click or point at a highlight for its explanation.</span>\
             <span><span class=\"sample-q\">dashed underline</span>: inside a quotation \
             (techniques and cues there are reported but do not count in the score)</span>\
             <span><span class=\"sample-b\">grey text</span>: page furniture (menus, footers), \
             not scored</span></div>\n</div>\n</nav>\n",
        );
    }

    /// The score card: score, band, words, and a waterfall from the base through each
    /// category's points to the score, on a 0–100 scale.
    fn score_card(&mut self, analysis: &Analysis) {
        let score = &analysis.score;
        let html = &mut self.sections;
        let quoted: usize = score.breakdown.iter().map(|c| c.quoted).sum();
        put!(
            html,
            "<aside class=\"card band-{0}\" data-score=\"{1}\" data-base=\"{2}\" data-words=\"{3}\" \
             data-band=\"{0}\">\n<div class=\"score\"><span class=\"num\">{5}</span>\
             <span class=\"of\">/ 100</span><span class=\"badge\">{0}</span></div>\n\
             <dl><dt>Words</dt><dd>{3}</dd><dt>Findings</dt><dd>{4}",
            score.band.as_str(),
            score.score,
            score.base,
            analysis.words,
            analysis.findings.len(),
            Shown(score.score)
        );
        if quoted > 0 {
            put!(html, " ({quoted} quoted, not counted)");
        }
        html.push_str("</dd></dl>\n");
        // Where the score lands among the bands, and where every article starts.
        put!(
            html,
            "<div class=\"gauge\" role=\"img\" aria-label=\"Score {0} of 100 ({1}); every article \
             starts at {2:.0}\"><span class=\"fill\" style=\"width:{3:.2}%\"></span><span class=\"start\" \
             style=\"left:{4:.2}%\"></span></div>\n<div class=\"ticks\"><span style=\"left:0%\">0</span>\
             <span style=\"left:{5:.0}%\">low</span><span style=\"left:{6:.0}%\">{6:.0}</span>\
             <span style=\"left:{7:.0}%\">mixed</span><span style=\"left:{8:.0}%\">{8:.0}</span>\
             <span style=\"left:{9:.0}%\">high</span><span style=\"left:100%\">100</span></div>\n",
            Shown(score.score),
            score.band.as_str(),
            score.base,
            score.score.clamp(0.0, 100.0),
            score.base.clamp(0.0, 100.0),
            Band::MIXED_FROM / 2.0,
            Band::MIXED_FROM,
            (Band::MIXED_FROM + Band::HIGH_FROM) / 2.0,
            Band::HIGH_FROM,
            (Band::HIGH_FROM + 100.0) / 2.0,
        );
        html.push_str("<h3>How the score adds up</h3>\n<div class=\"chart\">\n");
        put!(
            html,
            "<span class=\"label\"><span class=\"start-key\"></span>Starting point</span><span></span><span class=\"value\">{:.2}</span>\n",
            score.base
        );
        // Bars are scaled to the heaviest category (at least 5 points) so small effects stay
        // visible; cost goes left of the centre line, gain right.
        let scale = score.breakdown.iter().map(|c| c.points.abs()).fold(5.0, f64::max);
        for c in &score.breakdown {
            let category = &self.rules.categories[c.category];
            put!(
                html,
                "<span class=\"label\" title=\"{}\"><span class=\"sw c{}\"></span><span>{}",
                esc(&category.name),
                c.category,
                esc(&category.name)
            );
            if c.count > 1 {
                put!(html, " ×{}", c.count);
            }
            let (class, side) = if c.points < 0.0 { ("minus", "right") } else { ("plus", "left") };
            let width = (c.points.abs() / scale * 50.0).min(50.0);
            put!(
                html,
                "</span></span><span class=\"track\"><span class=\"bar {class}\" \
                 style=\"{side}:50%;width:{width:.2}%\"></span></span><span class=\"value\" \
                 data-category=\"{}\" data-points=\"{}\" data-count=\"{}\" data-quoted=\"{}\">{:+.2}</span>\n",
                esc(&category.id),
                c.points,
                c.count,
                c.quoted,
                c.points
            );
        }
        put!(
            html,
            "<span class=\"sum-line\"></span><span class=\"label total\">Score</span><span></span><span class=\"value total\">{}</span>\n",
            Shown(score.score)
        );
        html.push_str("</div>\n");
        if score.breakdown.is_empty() {
            html.push_str("<p class=\"note\">Nothing found that moves the score.</p>\n");
        }
        if quoted > 0 {
            html.push_str(
                "<p class=\"note\">Techniques and cues inside quotations are shown with a dashed \
                 underline: reported, but they do not count in the score.</p>\n",
            );
        }
        html.push_str("</aside>\n");
    }

    /// Every finding in a table, closed by default: the page's content without the script, and
    /// what a printed copy shows.
    fn findings_list(&mut self, analysis: &Analysis) {
        if analysis.findings.is_empty() {
            return;
        }
        let text = analysis.article.text.as_str();
        let html = &mut self.sections;
        put!(
            html,
            "<details class=\"findings\"><summary>List all {} finding{}</summary>\n<table>\n\
             <tr><th>Line</th><th>Category</th><th>Found</th><th>Message</th></tr>\n",
            analysis.findings.len(),
            plural(analysis.findings.len())
        );
        for f in &analysis.findings {
            let rule = &self.rules.rules[f.rule];
            let category = &self.rules.categories[f.category];
            let found = text.get(f.start..f.end).unwrap_or("");
            let mut shown: String = found.chars().take(MAX_LISTED).collect();
            if shown.len() < found.len() {
                shown.push('…');
            }
            put!(
                html,
                "<tr><td>{}:{}</td><td><span class=\"sw c{}\"></span> {}</td><td>{}</td><td>{}",
                f.line,
                f.column,
                f.category,
                esc(&category.name),
                esc(&shown),
                esc(&rule.message)
            );
            if f.voice == Voice::Quoted {
                html.push_str(" <i>(quoted)</i>");
            }
            html.push_str("</td></tr>\n");
        }
        html.push_str("</table>\n</details>\n");
    }

    /// What the script needs to explain a highlight: the texts of the rules and categories
    /// that were found, keyed by index (the `data-r` / `data-c` of each highlight).
    fn data(&self) -> PageData<'_> {
        let mut data = PageData::default();
        for (index, rule) in self.rules.rules.iter().enumerate() {
            if !self.used_rules[index] {
                continue;
            }
            data.rules.insert(
                index,
                RuleData { id: &rule.id, message: &rule.message, explanation: &rule.explanation },
            );
            let category = &self.rules.categories[rule.category];
            data.categories.insert(
                rule.category,
                CategoryData {
                    id: &category.id,
                    name: &category.name,
                    group: category.group.as_str(),
                    explanation: &category.explanation,
                    advice: category.advice.as_deref(),
                },
            );
        }
        data
    }
}

#[derive(Default, Serialize)]
struct PageData<'a> {
    categories: BTreeMap<usize, CategoryData<'a>>,
    rules: BTreeMap<usize, RuleData<'a>>,
}

#[derive(Serialize)]
struct CategoryData<'a> {
    id: &'a str,
    name: &'a str,
    group: &'static str,
    explanation: &'a str,
    advice: Option<&'a str>,
}

#[derive(Serialize)]
struct RuleData<'a> {
    id: &'a str,
    message: &'a str,
    explanation: &'a str,
}

/// JSON for a `<script type="application/json">` block. `<`, `>` and `&` only occur inside JSON
/// strings, where `\u003c` means the same, so `</script>` or `<!--` in a rule's text cannot end
/// or confuse the block; U+2028/2029 are escaped for older script parsers.
fn script_json(data: &PageData<'_>) -> String {
    let json = serde_json::to_string(data).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

/// Characters of a title shown as an article's heading.
const MAX_HEADING: usize = 160;

/// The heading of an article: its title (the input's, else its title zone's, see
/// [`Engine::analyze`](crate::analyze::Engine::analyze)) cut to [`MAX_HEADING`] characters, else
/// its id.
fn article_title(analysis: &Analysis) -> String {
    let article = &analysis.article;
    match article.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(title) => truncate_chars(title, MAX_HEADING).into_owned(),
        None => article.id.clone(),
    }
}

/// What is open around a stretch of text: its zone, then the findings covering it, outermost
/// first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Index into the article's zones (`None`: a stretch no zone covers, shown as body).
    Zone(Option<usize>),
    /// Index into the valid findings.
    Mark(usize),
}

/// Writes `text` with zones as `<span>`s and findings as `<mark>`s.
///
/// Findings may overlap without nesting (a sentence-long finding that starts inside a phrase
/// finding). The text is cut at every zone and finding boundary; each piece wants a stack of
/// open elements (its zone, then the findings covering it, the longest first). Going from one
/// piece to the next closes the elements that are no longer wanted in order and opens the new
/// ones, so the HTML is always well nested: a finding that crosses another is split into two
/// `<mark>`s with the same data, and the inner colour sits on top of the outer.
fn render_text(html: &mut String, rules: &RuleSet, text: &str, analysis: &Analysis, findings: &[&Finding]) {
    let zones: Vec<_> =
        analysis.zones.iter().filter(|z| z.start < z.end && text.get(z.start..z.end).is_some()).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(zones.iter().flat_map(|z| [z.start, z.end]));
    cuts.extend(findings.iter().flat_map(|f| [f.start, f.end]));
    cuts.sort_unstable();
    cuts.dedup();

    // Findings by start; `next` is the first not yet opened.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| (findings[i].start, i));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut next_zone = 0;

    for piece in cuts.windows(2) {
        let (from, to) = (piece[0], piece[1]);
        active.retain(|&i| findings[i].end > from);
        while next < order.len() && findings[order[next]].start <= from {
            active.push(order[next]);
            next += 1;
        }
        // Outermost first: earlier start, then longer, then input order.
        active.sort_by_key(|&i| (findings[i].start, std::cmp::Reverse(findings[i].end), i));

        // Zones are in order and pieces move forward, so the zone index only ever advances
        // (a linear scan per piece would be quadratic on long texts with many zones).
        while next_zone < zones.len() && zones[next_zone].end <= from {
            next_zone += 1;
        }
        let zone = zones.get(next_zone).filter(|z| z.start <= from).map(|_| next_zone);
        let wanted: Vec<Open> =
            std::iter::once(Open::Zone(zone)).chain(active.iter().map(|&i| Open::Mark(i))).collect();
        let keep = stack.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        while stack.len() > keep {
            close(html, stack.pop());
        }
        for &open in &wanted[keep..] {
            match open {
                Open::Zone(z) => {
                    let kind = z.map_or(ZoneKind::Body, |z| zones[z].kind);
                    put!(html, "<span class=\"z z-{}\"", kind.as_str());
                    if kind == ZoneKind::Boilerplate {
                        html.push_str(" title=\"Page furniture (menus, share bars, footers): not scored\"");
                    }
                    html.push('>');
                }
                Open::Mark(i) => {
                    let f = findings[i];
                    let rule = &rules.rules[f.rule];
                    let category = &rules.categories[f.category];
                    let quoted = if f.voice == Voice::Quoted { " q" } else { "" };
                    // `title` is the tooltip without the script; the script replaces it.
                    put!(
                        html,
                        "<mark class=\"c{0}{quoted}\" data-c=\"{0}\" data-r=\"{1}\" data-g=\"{2}\" title=\"{3}: {4}\">",
                        f.category,
                        f.rule,
                        category.group.as_str(),
                        esc(&category.name),
                        esc(&rule.message)
                    );
                }
            }
            stack.push(open);
        }
        put!(html, "{}", esc(&text[from..to]));
    }
    while let Some(open) = stack.pop() {
        close(html, Some(open));
    }
}

fn close(html: &mut String, open: Option<Open>) {
    match open {
        Some(Open::Zone(_)) => html.push_str("</span>"),
        Some(Open::Mark(_)) => html.push_str("</mark>"),
        None => {}
    }
}

/// Per category: its colours from [`PALETTE`], or for a category declared in a user file the
/// next colour of its group's extra list.
fn colours(rules: &RuleSet) -> Vec<(&'static str, &'static str)> {
    let mut extra_used = [0usize; 3];
    rules
        .categories
        .iter()
        .map(|category| {
            if let Some((_, bg, ink)) = PALETTE.iter().find(|(id, _, _)| *id == category.id) {
                return (*bg, *ink);
            }
            let (list, slot) = match category.group {
                Group::Technique => (EXTRA_TECHNIQUE, 0),
                Group::Cue => (EXTRA_CUE, 1),
                Group::Signal => (EXTRA_SIGNAL, 2),
            };
            let colour = list[extra_used[slot] % list.len()];
            extra_used[slot] += 1;
            colour
        })
        .collect()
}

/// HTML-escapes a string for text and for double- or single-quoted attributes.
fn esc(s: &str) -> Esc<'_> {
    Esc(s)
}

struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut last = 0;
        for (i, byte) in self.0.bytes().enumerate() {
            let entity = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&self.0[last..i])?;
            f.write_str(entity)?;
            last = i + 1;
        }
        f.write_str(&self.0[last..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            esc("<a href=\"x\" title='y'>&</a>").to_string(),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(esc("née – ok").to_string(), "née – ok");
    }

    #[test]
    fn script_json_cannot_close_its_block() {
        let mut data = PageData::default();
        data.rules
            .insert(0, RuleData { id: "x", message: "</script><!--", explanation: "a & b > c\u{2028}" });
        let json = script_json(&data);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["rules"]["0"]["message"], "</script><!--");
    }

    #[test]
    fn the_script_hash_is_filled_in() {
        assert_eq!(SCRIPT_SHA256.len(), 44, "run scripts/html_report/script-hash.sh");
    }
}
