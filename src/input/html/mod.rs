//! HTML input: decodes a saved web page, extracts its visible text and zones it.
//!
//! # How it works
//!
//! 1. **Decode** (`decode_html`): a byte-order mark wins, then a `<meta charset>` (or
//!    `http-equiv` content type) in the first 4 KiB, else UTF-8 if the bytes are valid UTF-8,
//!    else Windows-1252.
//! 2. **Parse once** with `dom_query` (html5ever). The tree is cloned: one copy is read as the
//!    page, the other is handed to `dom_smoothie` (a port of readability.js), which moves the
//!    article's nodes into its result. Node ids survive the clone and the moves, so the text
//!    nodes readability kept are known exactly (`readability_body`).
//! 3. **Walk the page** (`walk`) iteratively (no recursion, so deep nesting is safe), skipping
//!    `script`, `style`, `noscript`, `template`, `svg`, form controls and hidden elements, and cut
//!    the visible text into blocks: one per paragraph, heading, list item, table row or `<br>`
//!    line, each with its share of readability-kept characters, of link text, and the structural
//!    cues of its ancestors (heading, caption, `<time>`, class/id words such as `share`,
//!    `related`, `byline`).
//! 4. **Classify blocks** (`classify`): a block is body when readability kept most of it,
//!    corrected by a few general rules (headings and paragraphs between body blocks stay,
//!    share/related widgets and link lists inside the article go); the title is the heading
//!    that matches the page's metadata title, the byline the short author/date blocks next to it.
//! 5. **Lay out the text**: title line, byline line(s), the body paragraphs one per line, then
//!    the rest of the visible page text (navigation, share bars, related stories, comments,
//!    banners, footers) in document order as boilerplate, so a reader sees what was dropped.
//!    Sections are separated by a blank line, which belongs to the zone before it.
//!
//! When readability finds nothing (or the page is too large for it), the page text in document
//! order is zoned by [`crate::zones::detect_zones`], the plain-text zoner.
//!
//! # Where things are
//!
//! - `mod.rs` (this file): [`extract_html`], the entry point that runs the steps below in
//!   order, and [`Extracted`], its result.
//! - `decode.rs`: step 1, bytes to text (`decode_html`) and the nesting limit applied before
//!   parsing.
//! - `readability.rs`: step 2, running readability on the parsed page, the page's own metadata
//!   (`<title>`, canonical URL) and the article's container in the page.
//! - `tree.rs`: the non-recursive tree walk both walks of the page use, and the page's size and
//!   depth (which decide whether readability runs).
//! - `blocks.rs`: step 3, walking the visible page text into blocks (lines), with their flags.
//! - `cues.rs`: the element and class/id cues of step 3: flags from tag names and class/id
//!   words, hidden elements, icon glyphs, links that lead away.
//! - `classify.rs`: step 4, which block is title, byline, body or boilerplate, and the text
//!   rules (section labels, notices, trailing copyright lines) that clean the body.
//! - `layout.rs`: step 5, laying out the zoned text, and the fall-back to the plain-text zoner.
//! - `tests.rs`: the tests, mostly whole pages through [`extract_html`].

mod blocks;
mod classify;
mod cues;
mod decode;
mod layout;
mod readability;
mod tree;

#[cfg(test)]
mod tests;

use dom_query::Document;

use crate::text::fold_whitespace;
use crate::zones::Zone;

use blocks::walk;
use classify::{classify, clean_body};
pub(super) use decode::decode_html;
use decode::{limit_attributes, limit_nesting};
use layout::{fall_back_to_zoner, layout, plain_layout};
use readability::{article_root, page_metadata, readability_body};
use tree::shape;

/// What [`extract_html`] found in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// All visible text of the page, one block (paragraph, heading, list item) per line: title,
    /// byline, body, then the rest of the page.
    pub text: String,
    /// Zones covering `text`: Title, Byline, Body, Boilerplate.
    pub zones: Vec<Zone>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    pub site_name: Option<String>,
    /// Set when the page's bytes were not in the charset it declared, or not UTF-8.
    pub warning: Option<String>,
}

/// Pages with more elements than this are not given to readability (its cost grows faster than
/// the page); their text is zoned by the plain-text zoner.
const MAX_READABILITY_ELEMENTS: usize = 150_000;
/// Nor are pages nested deeper than this: readability's cost grows with depth times size (real
/// pages are rarely deeper than 60).
const MAX_READABILITY_DEPTH: usize = 256;

/// Why a page has no article to analyse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoArticle {
    #[error("binary data, not an HTML page")]
    Binary,
    /// The `src` of its frames.
    #[error("a frameset page: its text is in the framed pages ({0})")]
    Frameset(String),
    #[error("the page has no visible text")]
    NoText,
    /// The extractor panicked (a bug); the run goes on with the other inputs.
    #[error("the HTML extractor failed on this page (an internal error: please report it with the page)")]
    Internal,
}

/// Decodes the bytes (BOM, `<meta charset>`, else UTF-8, else Windows-1252) and extracts the
/// page's text and zones. Never panics.
pub fn extract_html(bytes: &[u8]) -> Result<Extracted, NoArticle> {
    if looks_binary(bytes) {
        return Err(NoArticle::Binary);
    }
    let decoded = decode_html(bytes);
    let html = limit_nesting(&decoded.text);
    let html = limit_attributes(&html);
    let doc = Document::from(&*html);
    let page = doc.clone();
    let meta = page_metadata(&page);
    let (elements, depth) = shape(&page);
    let mut readability = None;
    if elements <= MAX_READABILITY_ELEMENTS && depth <= MAX_READABILITY_DEPTH {
        readability = readability_body(doc);
    }
    let root = readability.as_ref().and_then(|r| article_root(&page, &r.body));
    let blocks = walk(&page, readability.as_ref().map(|r| &r.body), root);
    let mut extracted = match &readability {
        Some(r) => {
            let mut kinds = classify(&blocks, r);
            fall_back_to_zoner(&blocks, &mut kinds);
            clean_body(&blocks, &mut kinds);
            layout(&blocks, &kinds, r)
        }
        None => plain_layout(&blocks),
    };
    if extracted.text.trim().is_empty() {
        if let Some(frames) = frame_sources(&page) {
            return Err(NoArticle::Frameset(frames));
        }
        return Err(NoArticle::NoText);
    }
    if let Some(r) = readability {
        extracted.title = non_empty(r.title);
        extracted.byline = r.byline.and_then(non_empty);
        extracted.published = r.published.and_then(non_empty);
        extracted.site_name = r.site_name.and_then(non_empty);
    }
    extracted.url = meta.url;
    if extracted.title.is_none() {
        extracted.title = meta.title;
    }
    extracted.warning = decoded.warning;
    Ok(extracted)
}

/// The `src` of a frameset's frames, comma-separated (at most 5), or `None` without frames.
fn frame_sources(doc: &Document) -> Option<String> {
    let frames = doc.select("frame[src]");
    let sources: Vec<String> =
        frames.nodes().iter().filter_map(|n| n.attr("src")).map(|s| s.to_string()).collect();
    if sources.is_empty() {
        return None;
    }
    let shown = sources.iter().take(5).map(String::as_str).collect::<Vec<_>>().join(", ");
    Some(if sources.len() > 5 { format!("{shown}, ...") } else { shown })
}

fn non_empty(s: String) -> Option<String> {
    let s = fold_whitespace(&s);
    (!s.is_empty()).then_some(s)
}

/// Executables, archives (a compressed page saved as `.html`), images and other data that is
/// clearly not text: a NUL byte in the first 4 KiB, which no page in our 186 test and benchmark
/// pages has (UTF-16 with a byte-order mark aside), or mostly control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && (memchr::memchr(0, head).is_some() || crate::text::mostly_control_bytes(bytes))
}
