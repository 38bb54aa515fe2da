//! HTML input: decodes a saved web page, extracts its visible text and zones it.
//!
//! # How it works
//!
//! 1. **Decode** ([`decode_html`]): a byte-order mark wins, then a `<meta charset>` (or
//!    `http-equiv` content type) in the first 4 KiB, else UTF-8 if the bytes are valid UTF-8,
//!    else Windows-1252.
//! 2. **Parse once** with `dom_query` (html5ever). The tree is cloned: one copy is read as the
//!    page, the other is handed to `dom_smoothie` (a port of readability.js), which moves the
//!    article's nodes into its result. Node ids survive the clone and the moves, so the text
//!    nodes readability kept are known exactly ([`readability_body`]).
//! 3. **Walk the page** ([`walk`]) iteratively (no recursion, so deep nesting is safe), skipping
//!    `script`, `style`, `noscript`, `template`, `svg`, form controls and hidden elements, and cut
//!    the visible text into blocks: one per paragraph, heading, list item, table row or `<br>`
//!    line, each with its share of readability-kept characters, of link text, and the structural
//!    cues of its ancestors (heading, caption, `<time>`, class/id words such as `share`,
//!    `related`, `byline`).
//! 4. **Classify blocks** ([`classify`]): a block is body when readability kept most of it,
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

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::{Document, NodeId, NodeRef};
use regex::Regex;

use crate::zones::{Zone, ZoneKind};

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
}

/// Pages with more elements than this are not given to readability (its cost grows faster than
/// the page); their text is zoned by the plain-text zoner.
const MAX_READABILITY_ELEMENTS: usize = 150_000;
/// Nor are pages nested deeper than this: readability's cost grows with depth times size (real
/// pages are rarely deeper than 60).
const MAX_READABILITY_DEPTH: usize = 256;

/// Decodes the bytes (BOM, `<meta charset>`, else UTF-8, else Windows-1252) and extracts the
/// page's text and zones. Never panics; an `Err` is a one-sentence reason.
pub fn extract_html(bytes: &[u8]) -> Result<Extracted, String> {
    if looks_binary(bytes) {
        return Err("binary data, not an HTML page".to_string());
    }
    let decoded = decode_html(bytes);
    let html = limit_nesting(&decoded);
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
            return Err(format!("a frameset page: its text is in the framed pages ({frames})"));
        }
        return Err("the page has no visible text".to_string());
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
    let s = collapse_ws(&s);
    (!s.is_empty()).then_some(s)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Executables, archives, images and other data that is clearly not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && memchr::memchr(0, head).is_some() && head.iter().filter(|&&b| b == 0).count() > head.len() / 8
}

// ---------------------------------------------------------------------------------------------
// 1. Decode
// ---------------------------------------------------------------------------------------------

static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#).unwrap()
});

/// Decodes an HTML page: BOM, else a declared charset, else UTF-8, else Windows-1252.
/// A declared UTF-16 is treated as UTF-8, as browsers do (the declaration is ASCII, so the page
/// cannot be UTF-16).
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    let head = &bytes[..bytes.len().min(4096)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| encoding_rs::Encoding::for_label(c.get(1)?.as_bytes()))
        .map(|e| e.output_encoding());
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        Some(_) => String::from_utf8_lossy(bytes).into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        },
    }
}

/// Deeper than this many unclosed container tags, further start tags are dropped.
const MAX_NESTING: usize = 256;

/// html5ever's cost per tag grows with the depth of open elements, so a page of thousands of
/// nested containers takes minutes to parse. This scan counts start and end tags of common
/// container elements (a guess of the nesting, not a parse: it only needs to be right for
/// pathological pages) and drops start tags beyond [`MAX_NESTING`] levels, keeping their text.
/// Real pages are far below the limit and pass unchanged (borrowed).
fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    const CONTAINERS: &[&str] = &[
        "div",
        "span",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "main",
        "ul",
        "ol",
        "dl",
        "blockquote",
        "form",
        "font",
        "center",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "small",
        "big",
        "label",
        "fieldset",
        "figure",
        "details",
        "table",
    ];
    let bytes = html.as_bytes();
    let tag_at = |i: usize| -> Option<(bool, usize)> {
        // Some((is_end_tag, end of the tag name)) when a container tag starts at `i` ('<').
        let closing = bytes.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(closing);
        let len = bytes[start..].iter().take(12).take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &bytes[start..start + len];
        let known = CONTAINERS.iter().any(|c| c.as_bytes().eq_ignore_ascii_case(name));
        let delimited = matches!(bytes.get(start + len), Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'));
        (known && delimited).then_some((closing, start + len))
    };
    let (mut depth, mut out, mut copied) = (0usize, String::new(), 0usize);
    for i in memchr::memchr_iter(b'<', bytes) {
        if i < copied {
            continue;
        }
        let Some((closing, name_end)) = tag_at(i) else { continue };
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        if depth > MAX_NESTING {
            let end = memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |j| name_end + j + 1);
            out.push_str(&html[copied..i]);
            copied = end;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

// ---------------------------------------------------------------------------------------------
// 2. Readability
// ---------------------------------------------------------------------------------------------

/// What readability found: the text nodes of the article and the metadata.
struct ReadabilityResult {
    body: HashSet<NodeId>,
    title: String,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
}

fn readability_body(doc: Document) -> Option<ReadabilityResult> {
    let mut r = dom_smoothie::Readability::with_document(doc, None, None).ok()?;
    let article = r.parse().ok()?;
    let root = r.doc.select_single("#readability-page-1");
    let root = root.nodes().first()?;
    let body: HashSet<NodeId> = root.descendants_it().filter(|n| n.is_text()).map(|n| n.id).collect();
    Some(ReadabilityResult {
        body,
        title: article.title,
        byline: article.byline,
        published: article.published_time,
        site_name: article.site_name,
    })
}

struct PageMeta {
    url: Option<String>,
    title: Option<String>,
}

fn page_metadata(doc: &Document) -> PageMeta {
    let attr = |sel: &str, name: &str| {
        doc.select_single(sel).nodes().first().and_then(|n| n.attr(name)).map(|v| v.trim().to_string())
    };
    let url = attr(r#"link[rel~="canonical"]"#, "href")
        .filter(|u| !u.is_empty())
        .or_else(|| attr(r#"meta[property="og:url"]"#, "content").filter(|u| !u.is_empty()));
    let title =
        doc.select_single("title").nodes().first().map(|n| collapse_ws(&n.text())).filter(|t| !t.is_empty());
    PageMeta { url, title }
}

/// The lowest common ancestor of the text readability kept: the article's container in the page.
fn article_root(doc: &Document, body: &HashSet<NodeId>) -> Option<NodeId> {
    let mut first = None;
    let mut last = None;
    for node in doc.root().descendants_it() {
        if node.is_text() && body.contains(&node.id) {
            if first.is_none() {
                first = Some(node);
            }
            last = Some(node);
        }
    }
    let (first, last) = (first?, last?);
    let chain = |n: &NodeRef| {
        let mut chain: Vec<NodeId> = n.ancestors_it(None).map(|a| a.id).collect();
        chain.reverse();
        chain
    };
    let (a, b) = (chain(&first), chain(&last));
    a.iter().zip(&b).take_while(|(x, y)| x == y).last().map(|(x, _)| *x)
}

/// One step of a [`TreeWalk`].
#[derive(Clone, Copy)]
enum Visit<'a> {
    Enter(NodeRef<'a>),
    Exit(NodeRef<'a>),
}

/// Depth-first walk over the descendants of a node without recursion (a page of thousands of
/// nested elements would overflow the stack): each node is entered, its children are walked
/// unless [`TreeWalk::skip_children`] is called right after entering it, then it is exited.
/// Both tree walks of this module ([`shape`], [`walk`]) use it.
struct TreeWalk<'a> {
    root: NodeId,
    /// The node of the last step, and whether that step exited it.
    at: Option<(NodeRef<'a>, bool)>,
    skip: bool,
}

impl<'a> TreeWalk<'a> {
    /// Walks the descendants of `root` (not `root` itself).
    fn new(root: NodeRef<'a>) -> Self {
        TreeWalk { root: root.id, at: Some((root, false)), skip: false }
    }

    /// Do not walk the children of the node just entered.
    fn skip_children(&mut self) {
        self.skip = true;
    }
}

impl<'a> Iterator for TreeWalk<'a> {
    type Item = Visit<'a>;

    fn next(&mut self) -> Option<Visit<'a>> {
        let (node, exited) = self.at.take()?;
        let skip = std::mem::take(&mut self.skip);
        let step = if !exited {
            // Just entered: the first child is next, else the node is exited.
            match node.first_child().filter(|_| !skip) {
                Some(child) => Visit::Enter(child),
                None if node.id == self.root => return None,
                None => Visit::Exit(node),
            }
        } else if let Some(sibling) = node.next_sibling() {
            Visit::Enter(sibling)
        } else {
            // The last child was exited: its parent is exited next.
            match node.parent() {
                Some(parent) if parent.id != self.root => Visit::Exit(parent),
                _ => return None,
            }
        };
        self.at = Some(match step {
            Visit::Enter(n) => (n, false),
            Visit::Exit(n) => (n, true),
        });
        Some(step)
    }
}

/// The number of elements and the depth of the deepest node.
fn shape(doc: &Document) -> (usize, usize) {
    let (mut elements, mut depth, mut max_depth) = (0, 0, 0);
    for visit in TreeWalk::new(doc.root()) {
        match visit {
            Visit::Enter(node) => {
                elements += usize::from(node.is_element());
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            Visit::Exit(_) => depth -= 1,
        }
    }
    (elements, max_depth)
}

// ---------------------------------------------------------------------------------------------
// 3. Walk the page into blocks
// ---------------------------------------------------------------------------------------------

/// Context flags of a block, from its ancestors (OR over the text it contains).
mod flag {
    pub const LINK: u32 = 1;
    pub const LIST_ITEM: u32 = 1 << 1;
    pub const CAPTION: u32 = 1 << 2;
    pub const TIME: u32 = 1 << 3;
    pub const PRE: u32 = 1 << 4;
    pub const QUOTE: u32 = 1 << 5;
    pub const TABLE: u32 = 1 << 6;
    pub const FORM: u32 = 1 << 7;
    /// `nav`, `header`, `footer`, `aside` elements.
    pub const LANDMARK: u32 = 1 << 8;
    /// class/id words: share, social, ...
    pub const SOCIAL: u32 = 1 << 9;
    /// class/id words: related, recommended, more-from, next-post, promo, ...
    pub const RELATED: u32 = 1 << 10;
    pub const COMMENT: u32 = 1 << 11;
    pub const BYLINE: u32 = 1 << 12;
    pub const DATE: u32 = 1 << 13;
    pub const AD: u32 = 1 << 14;
    /// class/id words: nav, menu, breadcrumb, footer, cookie, widget, read-more, ...
    pub const FURNITURE: u32 = 1 << 15;
    pub const ARTICLE: u32 = 1 << 16;
    /// Inside the article's container (the flags above then only come from inside it).
    pub const INSIDE: u32 = 1 << 17;
    pub const FIGURE: u32 = 1 << 18;
    /// class/id words: newsletter, subscribe, sign-up, donate, cta (calls to action).
    pub const PROMO: u32 = 1 << 19;
    /// class/id words: author-box, author-bio, about-the-author, bio.
    pub const BIO: u32 = 1 << 20;
    /// A link inside the page (`#section`, a toggle), also counted as LINK.
    pub const ANCHOR: u32 = 1 << 21;
    /// class/id words: video, gallery, slideshow, carousel (a media embed's titles,
    /// durations and controls).
    pub const MEDIA: u32 = 1 << 22;
}

/// One line of visible text.
#[derive(Clone, Debug, Default)]
struct Block {
    text: String,
    /// Non-space characters, those readability kept, those inside links.
    chars: u32,
    body_chars: u32,
    link_chars: u32,
    flags: u32,
    /// Heading level 1-6, 0 when not a heading.
    heading: u8,
    /// The block elements (div, section, p, ...) below the article container this line starts
    /// in, outermost first: lines of one box (a newsletter box, a comment section) share a
    /// prefix. Empty outside the article.
    path: Vec<NodeId>,
}

impl Block {
    fn body_share(&self) -> f32 {
        self.body_chars as f32 / self.chars.max(1) as f32
    }
    fn link_share(&self) -> f32 {
        self.link_chars as f32 / self.chars.max(1) as f32
    }
    /// Words separated by spaces; in scripts written without spaces (Chinese, Japanese, Thai,
    /// ...) two characters count as a word, so a sentence there is as long as elsewhere.
    fn words(&self) -> usize {
        self.text
            .split_whitespace()
            .map(|w| {
                let unspaced = w.chars().filter(|&c| unspaced_script(c)).count();
                unspaced.div_ceil(2).max(1)
            })
            .sum()
    }
    fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// A letter of a script written without spaces between words: CJK ideographs, kana, Thai, Lao,
/// Khmer, Myanmar (Hangul is written with spaces).
fn unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FFFF // CJK extensions B-F
    )
}

/// How an element takes part in the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not visible: not descended into.
    Skip,
    /// Starts and ends a line.
    Block,
    /// A line break.
    Break,
    /// Separates its text from its neighbours by a space (table cells).
    Spaced,
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        // `noframes` is raw text to the parser (markup, not prose); `frame` has no content.
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "head" | "iframe" | "object"
        | "noframes" | "frame" | "embed" | "canvas" | "video" | "audio" | "select" | "textarea" | "input"
        | "option" | "datalist" | "map" | "dialog" => Role::Skip,
        "br" | "hr" => Role::Break,
        "td" | "th" => Role::Spaced,
        "p" | "div" | "section" | "article" | "main" | "aside" | "header" | "footer" | "nav" | "h1"
        | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "table" | "tr"
        | "thead" | "tbody" | "tfoot" | "caption" | "blockquote" | "pre" | "figure" | "figcaption"
        | "form" | "fieldset" | "legend" | "address" | "details" | "summary" | "body" | "html" | "center"
        | "menu" | "hgroup" | "picture" | "button" | "label" => Role::Block,
        _ => Role::Inline,
    }
}

fn element_flags(name: &str) -> u32 {
    match name {
        "a" => flag::LINK,
        "li" | "dd" | "dt" => flag::LIST_ITEM,
        "figcaption" | "caption" => flag::CAPTION,
        "time" => flag::TIME,
        "pre" => flag::PRE,
        "blockquote" | "q" => flag::QUOTE,
        "table" => flag::TABLE,
        "form" | "button" | "label" | "fieldset" => flag::FORM,
        "nav" | "header" | "footer" | "aside" => flag::LANDMARK,
        "article" | "main" => flag::ARTICLE,
        "figure" => flag::FIGURE,
        _ => 0,
    }
}

static CLASS_CUES: LazyLock<Vec<(Regex, u32)>> = LazyLock::new(|| {
    [
        (r"share|sharing|social", flag::SOCIAL),
        (
            r"related|recommend|more-?stories|also-?read|trending|popular|promo([^t]|$)|promotion|outbrain|taboola|most-?read|next-?(article|post|story)|nextstory|teaser|news-?list|more-?from|also-?like|recirc",
            flag::RELATED,
        ),
        // Not "subscriber" (paywalled article text is often wrapped in "subscriber-content").
        (
            r"newsletter|sign-?up|subscribe([-_ ]|$)|subscribe-?(box|form|cta|widget|block|banner|promo)|(^|[-_ ])cta([-_ ]|$)|donat(e|ion)|membership-?(cta|box|promo|appeal)|app-?(promo|banner|download)",
            flag::PROMO,
        ),
        (
            r"author-?(box|bio|info|card|profile|about|description|details|block)|about-?(the-?)?author|(^|[-_ ])bio([-_ ]|$)|biography",
            flag::BIO,
        ),
        // Not "commentary" (opinion pieces) nor "responsive" (layout).
        (
            r"comments?([-_ ]|$)|commentlist|comment-?(list|area|section|form|thread|wrap|respond|body|content|count)|disqus|(^|[-_ ])respond([-_ ]|$)|(^|[-_ ])(reply|replies)([-_ ]|$)|discussion",
            flag::COMMENT,
        ),
        (r"byline|author|dateline|writer|contributor|reporter", flag::BYLINE),
        (r"date|time|publish|posted|updated|timestamp", flag::DATE),
        (r"(^|[-_ ])ads?([-_ ]|$)|advert|sponsor|banner|dfp", flag::AD),
        (
            r"(^|[-_ ])nav|(^|[-_ ])rail|menu|breadcrumb|footer|masthead|sidebar|cookie|consent|gdpr|login|paywall|skip|toolbar|tags?([-_ ]|$)|keywords|topics|table-?of-?contents|widget|read-?more|readmore",
            flag::FURNITURE,
        ),
        (r"caption|credit", flag::CAPTION),
        (r"(^|[-_ ])(video|gallery|slideshow|carousel)", flag::MEDIA),
    ]
    .into_iter()
    .map(|(re, f)| (Regex::new(re).unwrap(), f))
    .collect()
});

/// Flags from an element's class, id, itemprop and rel attributes.
fn attribute_flags(node: &NodeRef) -> u32 {
    let mut words = String::new();
    for name in ["class", "id", "itemprop", "rel"] {
        if let Some(v) = node.attr(name) {
            words.push_str(&v);
            words.push(' ');
        }
    }
    if words.is_empty() {
        return 0;
    }
    let words = words.to_ascii_lowercase();
    CLASS_CUES.iter().filter(|(re, _)| re.is_match(&words)).fold(0, |acc, (_, f)| acc | f)
}

/// A link to another page: not an in-page anchor (`#section`, a table of contents, an FAQ
/// toggle), a script action or a named anchor without `href`.
fn leads_away(node: &NodeRef) -> bool {
    node.attr("href").is_some_and(|h| {
        let h = h.trim();
        !(h.is_empty()
            || h.starts_with('#')
            || h.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("javascript:")))
    })
}

/// Hidden by attribute, inline style or a screen-reader-only class.
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let style: String =
            style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(class) = node.attr("class") {
        return class.split_whitespace().any(|c| {
            matches!(
                c.to_ascii_lowercase().as_str(),
                "sr-only"
                    | "visually-hidden"
                    | "screen-reader-text"
                    | "screenreader-only"
                    | "visuallyhidden"
                    | "hidden"
                    | "hide-text"
                    | "text-hide"
                    | "hidden-text"
                    | "is-hidden"
                    | "d-none"
                    | "invisible"
                    | "element-invisible"
                    | "offscreen"
            )
        });
    }
    false
}

/// An icon font's glyph: an element classed `icon`, `fa`, `glyphicon`, `material-icons` (or
/// `icon-...`, `fa-...`) whose text is one or two characters ("S" drawn as a magnifier), or a
/// ligature icon's name (`<span class="material-icons">chevron_left</span>`).
fn is_icon(node: &NodeRef) -> bool {
    let Some(class) = node.attr("class") else { return false };
    let mut ligatures = false;
    let mut icon = false;
    for c in class.split_whitespace() {
        let c = c.to_ascii_lowercase();
        if c.starts_with("material-icons") || c.starts_with("material-symbols") {
            ligatures = true;
        } else if matches!(c.as_str(), "icon" | "icons" | "fa" | "glyphicon")
            || c.starts_with("icon-")
            || c.starts_with("fa-")
            || c.starts_with("glyphicon-")
        {
            icon = true;
        }
    }
    if !(icon || ligatures) {
        return false;
    }
    let text = node.text();
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    text.chars().count() <= 2 || ligatures && text.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

#[derive(Clone, Copy)]
struct Frame {
    /// The element this frame was pushed for.
    node: NodeId,
    /// Below the article container, a block element (its id is then on the line's path).
    boxed: bool,
    /// Lines finished before the element started.
    lines_before: usize,
    flags: u32,
    heading: u8,
    role: Role,
}

/// Builds the lines of visible text.
struct LineBuilder {
    blocks: Vec<Block>,
    current: Block,
    pending_space: bool,
}

impl LineBuilder {
    fn flush(&mut self) {
        if self.current.chars > 0 {
            let block = std::mem::take(&mut self.current);
            self.blocks.push(block);
        } else {
            self.current = Block::default();
        }
        self.pending_space = false;
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn push_text(&mut self, text: &str, frame: Frame, boxes: &[NodeId], body: bool) {
        let pre = frame.flags & flag::PRE != 0;
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                if pre {
                    self.flush();
                } else {
                    self.pending_space = true;
                }
            }
            for c in piece.chars() {
                if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' || c.is_control() {
                    if c != '\u{200b}' && c != '\u{feff}' {
                        self.pending_space = true;
                    }
                    continue;
                }
                let block = &mut self.current;
                if block.text.is_empty() {
                    block.path = boxes.to_vec();
                }
                if self.pending_space && !block.text.is_empty() {
                    block.text.push(' ');
                }
                self.pending_space = false;
                block.text.push(c);
                block.chars += 1;
                if body {
                    block.body_chars += 1;
                }
                if frame.flags & flag::LINK != 0 {
                    block.link_chars += 1;
                }
                block.flags |= frame.flags;
                if frame.heading > 0 && (block.heading == 0 || frame.heading < block.heading) {
                    block.heading = frame.heading;
                }
            }
        }
    }
}

/// Walks the visible page text into blocks.
fn walk(doc: &Document, body: Option<&HashSet<NodeId>>, article: Option<NodeId>) -> Vec<Block> {
    let mut out = LineBuilder { blocks: Vec::new(), current: Block::default(), pending_space: false };
    let top =
        Frame { node: doc.root().id, boxed: false, lines_before: 0, flags: 0, heading: 0, role: Role::Block };
    // The ids of the frames that are boxes, outermost first.
    let mut boxes: Vec<NodeId> = Vec::new();
    let mut frames: Vec<Frame> = vec![top];
    let mut tree = TreeWalk::new(doc.root());
    while let Some(visit) = tree.next() {
        let node = match visit {
            Visit::Enter(node) => node,
            Visit::Exit(node) => {
                if frames.len() > 1 && frames.last().is_some_and(|f| f.node == node.id) {
                    if frames.last().is_some_and(|f| f.boxed) {
                        boxes.pop();
                    }
                    leave(&mut frames, &mut out);
                }
                continue;
            }
        };
        let parent = *frames.last().unwrap_or(&top);
        if node.is_text() {
            let in_body = body.is_some_and(|b| b.contains(&node.id));
            if let Some(contents) = node.query(|n| match &n.data {
                dom_query::NodeData::Text { contents } => Some(contents.to_string()),
                _ => None,
            }) && let Some(text) = contents
            {
                out.push_text(&text, parent, &boxes, in_body);
            }
            continue;
        }
        if !node.is_element() {
            tree.skip_children();
            continue;
        }
        let name = node.qual_name_ref().map(|q| q.local.to_ascii_lowercase()).unwrap_or_default();
        let r = role(&name);
        if r == Role::Skip || is_hidden(&node) || is_icon(&node) {
            tree.skip_children();
            continue;
        }
        let heading = match name.as_str() {
            "h1" => 1,
            "h2" => 2,
            "h3" => 3,
            "h4" => 4,
            "h5" => 5,
            "h6" => 6,
            _ => parent.heading,
        };
        let mut own = element_flags(&name) | attribute_flags(&node);
        if &*name == "a" && !leads_away(&node) {
            own |= flag::ANCHOR;
        }
        let flags =
            if Some(node.id) == article { flag::INSIDE | element_flags(&name) } else { parent.flags | own };
        match r {
            Role::Block | Role::Break => out.flush(),
            Role::Spaced => out.space(),
            _ => {}
        }
        let boxed = r == Role::Block && parent.flags & flag::INSIDE != 0;
        if boxed {
            boxes.push(node.id);
        }
        frames.push(Frame { node: node.id, boxed, lines_before: out.blocks.len(), flags, heading, role: r });
    }
    out.flush();
    out.blocks
}

fn leave(frames: &mut Vec<Frame>, out: &mut LineBuilder) {
    if let Some(frame) = frames.pop() {
        match frame.role {
            Role::Block | Role::Break => out.flush(),
            // A cell that holds several lines is a layout column (old table-based pages), not
            // a data cell: the next cell starts a line of its own.
            Role::Spaced if out.blocks.len() > frame.lines_before => out.flush(),
            Role::Spaced => out.space(),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Classify blocks
// ---------------------------------------------------------------------------------------------

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|\b(updated|published|posted)\b|\b\d{1,2}:\d\d\b|\b(ago)\b").unwrap()
});
static BY_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(by|from|written by|posted by|von|par|por|di)\s+\S").unwrap());

/// The label of a section that follows the article (comments, related stories, author bio,
/// tags...) or of an advertising slot: a whole line, never article text.
static SECTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^[\s\p{P}]*(
            \d*\s*comments?|leave\ a\ (comment|reply)|post\ a\ comment|add\ (a\ )?comment|join\ the\ (conversation|discussion)
            |related(\ (articles?|stories|story|posts?|content|news|coverage|reading|topics|links|videos?))?
            |(you\ (may|might)\ also\ (like|enjoy)|recommended|more\ (from|on|in|stories|news|articles|to\ read)|most\ (read|popular|viewed|shared))(\s+\S+){0,3}
            |(trending|popular|latest)(\ (now|news|stories|articles|posts))?|top\ stories|don.?t\ miss|editor.?s?\ picks?
            |read\ (more|next|also|this\ next)|also\ read|what\ to\ read\ next|see\ also|further\ reading
            |about\ the\ authors?|share(\ (this|the))?(\ (article|story|post|page))?(\ (on|via))?|tags?|topics|filed\ under
            |sponsored(\ (content|stories|links))?|advertisement|advert|ad|promoted(\ stories|\ content)?
            |newsletter|sign\ up\b.*\bnewsletters?\b.*|subscribe(\ (now|today|here))?
        )[\s\p{P}]*$",
    )
    .unwrap()
});

/// Section labels that could also be an article's own subheading ("More on the vote", "Latest"):
/// they leave the body, but do not take their box with them.
static WEAK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s\p{P}]*(more|latest|trending|popular|top stories|don.?t miss|editor.?s?)\b").unwrap()
});

/// Lines that sites append to every article: copyright and reprint notices, calls to follow,
/// subscribe, sign up, download the app, send tips or letters, advertise. Only looked for at the
/// end of the body (see [`clean_body`]), where a match is not the article quoting such a sentence.
static TRAILING_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^[\s\p{P}]*(©|\(c\)|copyright\b) | ©\s*\d{4} | all\ rights\ reserved | \bcopyrighted\b
        | \b(reprint(ed|ing)?|republish(ed|ing)?|reproduc(ed|tion))\b.{0,40}\bwithout\b.{0,20}\bpermission
        | \b(follow|find|join|like|connect\ with|keep\ up\ with)\ (us|him|her|them|me|the\ [\w.\-]+(\ [\w.\-]+)?|@\w+)\b.{0,60}\b(twitter|facebook|instagram|linkedin|youtube|tiktok|telegram|whatsapp|threads|mastodon|bluesky|x)\b
        | \bsubscribe\ (now|today|here|to\ (our|the))\b | \bsign(ing)?\ up\ (here|now|today|for\ (our|the|free|a)|to\ (our|the))\b
        | \b(our|free|daily|weekly)\ ([\w.\-’']+\ ){0,2}newsletters?\b | \byour\ inbox\b | \bunsubscribe\b
        | \b(download|get|install)\ (the|our)\ .{0,40}\bapps?\b | \bstraight\ to\ your\ (phone|inbox|device)\b
        | \bletters?@ | \bletter\ to\ the\ editor\b | \btell\ us\ what\ you\ think\b | \bwe\ want\ to\ hear\b
        | \bhave\ a\ (news\ )?tip\b | \bsend\ us\ (a\ |an\ |your\ )?(\w+\ )?(tips?|story|stories|message|review|photos?|videos?|news)\b
        | \bclick\ here\b
        | \b(contact|email|e-mail|reach)\ us\ at\b | \b(may|can)\ be\ reached\ at\b | \badvertise\ with\ (us|the)\b
        ",
    )
    .unwrap()
});

/// Short notices that are never the article's text wherever they stand: an advertiser
/// disclosure, a "requires JavaScript" placeholder, a leftover `[shortcode]...[/shortcode]`.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(contains|may\ contain|includes?)\ (affiliate\ links|references\ to\ products)
        | \bwe\ may\ (receive|earn)\ (compensation|a\ commission)\b
        | \b(requires|enable|turn\ on|activate)\ javascript\b | \bjavascript\ (is\ )?(required|disabled)\b
        | ^\[\w+[^\]]*\].*\[/\w+\]$
        ",
    )
    .unwrap()
});

/// "By" on a line of its own, the author's name on the next (both are the byline).
static BY_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(by|written by|words by|posted by|author|authors)\s*:?$").unwrap());

/// A sentence or a paragraph: long enough, or ending like one.
/// In scripts without spaces a line needs its final punctuation or 60 characters (a date and a
/// place name are not a sentence).
fn is_prose(b: &Block) -> bool {
    let spaced = b.text.split_whitespace().count();
    let terminal = b
        .text
        .trim_end_matches(['"', '\'', '”', '’', ')', '»', '」', '』', '）'])
        .ends_with(['.', '!', '?', '。', '！', '？', ':']);
    spaced >= 12 || (terminal && b.words() >= 4) || (b.chars >= 60 && spaced <= 3)
}

/// A short line that names the author or the date.
fn bylinish(b: &Block) -> bool {
    b.words() <= 25
        && b.link_share() < 0.9
        && (b.has(flag::BYLINE | flag::DATE | flag::TIME)
            || BY_LINE.is_match(&b.text)
            || BY_ALONE.is_match(&b.text)
            || DATE_LINE.is_match(&b.text))
}

const WIDGET: u32 = flag::SOCIAL
    | flag::RELATED
    | flag::COMMENT
    | flag::AD
    | flag::FURNITURE
    | flag::FORM
    | flag::PROMO
    | flag::BIO
    | flag::MEDIA;
/// Widgets whose prose is not the article either: comments, newsletter and donation boxes,
/// author bios, related stories with their summaries. (Other widget words also name wrappers
/// of the article text, e.g. a "paywall", "widget" or "read-more" container, so their prose
/// stays.)
const PROSE_WIDGET: u32 = flag::COMMENT | flag::PROMO | flag::BIO | flag::RELATED;

fn classify(blocks: &[Block], r: &ReadabilityResult) -> Vec<ZoneKind> {
    use ZoneKind::{Body, Boilerplate, Byline, Title};
    let mut kinds: Vec<ZoneKind> =
        blocks.iter().map(|b| if b.body_share() >= 0.5 { Body } else { Boilerplate }).collect();
    let title = find_title(blocks, &r.title);
    // 1. Widgets, captions and link lists inside the article are not body.
    for (b, k) in blocks.iter().zip(kinds.iter_mut()) {
        if *k != Body {
            continue;
        }
        let inside = b.has(flag::INSIDE);
        if inside && (b.has(PROSE_WIDGET) || b.has(WIDGET) && !is_prose(b)) {
            *k = Boilerplate;
        }
        if b.has(flag::CAPTION | flag::FIGURE) {
            *k = Boilerplate;
        }
        if b.link_share() >= 0.6 && b.heading == 0 {
            *k = Boilerplate;
        }
        // A heading that is all link to another page is a teaser (home and section pages); one
        // that links inside the page is a permalink or an FAQ toggle.
        if b.link_share() >= 0.9 && b.heading > 0 && !b.has(flag::ANCHOR) {
            *k = Boilerplate;
        }
        if !b.text.chars().any(char::is_alphabetic) {
            *k = Boilerplate;
        }
    }
    // 2. Short lines that announce a dropped list ("You may also like...", "DON'T MISS") go too.
    for i in 0..blocks.len().saturating_sub(1) {
        let (b, next) = (&blocks[i], &blocks[i + 1]);
        if kinds[i] == Body
            && !is_prose(b)
            && b.words() <= 6
            && kinds[i + 1] == Boilerplate
            && next.body_share() >= 0.5
        {
            kinds[i] = Boilerplate;
        }
    }
    // 3. Byline and date lines at the top of the body, kickers before the first paragraph.
    {
        let first_prose = (0..blocks.len()).find(|&i| kinds[i] == Body && is_prose(&blocks[i]));
        let from = title.map_or(0, |t| t + 1);
        if let Some(first) = first_prose {
            let lo = from.min(first).max(first.saturating_sub(12));
            // Lines of the first paragraph's own element (verses cut by `<br>`) are no kickers.
            let in_first = !blocks[first].path.is_empty();
            for i in lo..first {
                if Some(i) == title {
                    continue;
                }
                if bylinish(&blocks[i])
                    || i > 0 && BY_ALONE.is_match(&blocks[i - 1].text) && blocks[i].words() <= 6
                {
                    kinds[i] = Byline;
                } else if kinds[i] == Body && !(in_first && blocks[i].path == blocks[first].path) {
                    kinds[i] = Boilerplate;
                }
            }
            // A copy of the headline further up (the title found was another heading: a logo
            // that spells out the headline) is not body either.
            let title_tokens = tokens(&r.title);
            for i in 0..lo {
                let b = &blocks[i];
                if kinds[i] == Body && !is_prose(b) && title_similarity(&b.text, &title_tokens) >= 0.8 {
                    kinds[i] = Boilerplate;
                }
            }
        }
    }
    // 4. Prose and headings between body blocks that readability dropped (embedded posts,
    // subheadings) come back.
    {
        let body_idx: Vec<usize> = (0..blocks.len()).filter(|&i| kinds[i] == Body).collect();
        if let (Some(&lo), Some(&hi)) = (body_idx.first(), body_idx.last()) {
            for i in lo..hi {
                let b = &blocks[i];
                if kinds[i] == Boilerplate
                    && b.body_chars == 0
                    && b.has(flag::INSIDE)
                    && !b.has(WIDGET | flag::CAPTION | flag::FIGURE)
                    && b.link_share() < 0.5
                    && (is_prose(b) || (b.heading >= 2 && b.words() <= 20))
                {
                    kinds[i] = Body;
                }
            }
        }
    }
    if let Some(i) = title {
        kinds[i] = Title;
    }
    kinds
}

/// Rules on the text of the lines, run on the body whichever way it was found (readability or
/// the plain-text zoner): what sites put around every article is not the article.
fn clean_body(blocks: &[Block], kinds: &mut [ZoneKind]) {
    use ZoneKind::{Body, Boilerplate};
    // 1. Section labels ("Comments", "Related stories", "Advertisement") are not body; a label
    // that opens a box inside the article (the box's first line: a newsletter box, a comment
    // section) takes the rest of the box with it, unless the box holds most of the body.
    let body_total: u32 =
        blocks.iter().zip(kinds.iter()).filter(|(_, k)| **k == Body).map(|(b, _)| b.chars).sum();
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if kinds[i] != Body || b.words() > 10 || !SECTION_LABEL.is_match(&b.text) {
            continue;
        }
        kinds[i] = Boilerplate;
        if WEAK_LABEL.is_match(&b.text) {
            continue;
        }
        let end = label_box_end(blocks, i);
        let boxed: u32 = (i + 1..end).filter(|&j| kinds[j] == Body).map(|j| blocks[j].chars).sum();
        if boxed * 3 <= body_total {
            for k in &mut kinds[i + 1..end] {
                if *k == Body {
                    *k = Boilerplate;
                }
            }
        }
    }
    // 2. Disclosures and placeholders, wherever they stand.
    for (b, k) in blocks.iter().zip(kinds.iter_mut()) {
        if *k == Body && b.words() <= 60 && NOTICE.is_match(&b.text) {
            *k = Boilerplate;
        }
    }
    // 3. A short line shown three times or more in a row (a slideshow's title over every
    // slide) is not the article's; table cells may repeat.
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..].iter().take_while(|b| b.text == blocks[i].text).count();
        let b = &blocks[i];
        if run >= 3 && !b.has(flag::TABLE) && !is_prose(b) && b.words() <= 12 {
            for k in &mut kinds[i..i + run] {
                if *k == Body {
                    *k = Boilerplate;
                }
            }
        }
        i += run;
    }
    // 4. Trailing notices: walking back from the end of the body, copyright lines and calls to
    // follow, subscribe or write in go, until a line that is none of these.
    // A short line of the notice's own paragraph ("The-CNN-Wire<br>© 2013 ...") goes with it.
    let mut dropped: Option<usize> = None;
    for i in (0..blocks.len()).rev() {
        if kinds[i] != Body {
            continue;
        }
        let b = &blocks[i];
        let notice = b.words() <= 60 && TRAILING_NOTICE.is_match(&b.text);
        let credit = dropped.is_some_and(|d| {
            !b.path.is_empty() && b.path == blocks[d].path && !is_prose(b) && b.words() <= 5
        });
        if !(notice || credit) {
            break;
        }
        kinds[i] = Boilerplate;
        dropped = Some(i);
    }
}

/// The end (exclusive) of the box that line `i` opens: the outermost block element on its path
/// that no earlier line is in, and the lines after `i` that are in it. `i + 1` when the line opens
/// no box.
fn label_box_end(blocks: &[Block], i: usize) -> usize {
    let path = &blocks[i].path;
    let before = i.checked_sub(1).map(|p| blocks[p].path.as_slice()).unwrap_or_default();
    let shared = path.iter().zip(before).take_while(|(a, b)| a == b).count();
    let Some(&outer) = path.get(shared) else { return i + 1 };
    // A line inside the box has it at the same depth of its path.
    (i + 1..blocks.len()).find(|&j| blocks[j].path.get(shared) != Some(&outer)).unwrap_or(blocks.len())
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(|t| t.to_lowercase()).collect()
}

/// Token overlap of a candidate line with the title: shares of each side found in the other.
fn title_similarity(line: &str, title: &[String]) -> f32 {
    let line = tokens(line);
    if line.is_empty() || title.is_empty() {
        return 0.0;
    }
    let set: HashSet<&String> = title.iter().collect();
    let common = line.iter().filter(|t| set.contains(t)).count() as f32;
    (common / line.len() as f32).min(common / title.len() as f32 * 1.25).min(1.0)
}

fn find_title(blocks: &[Block], title: &str) -> Option<usize> {
    let title = tokens(title);
    let mut best: Option<(usize, f32)> = None;
    for (i, b) in blocks.iter().enumerate() {
        if b.heading == 0 || b.heading > 3 || b.words() > 40 {
            continue;
        }
        let score = title_similarity(&b.text, &title) - 0.05 * f32::from(b.heading - 1);
        if score >= 0.6 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i).or_else(|| {
        // No heading matches: the first h1, if there is exactly one.
        let h1: Vec<usize> =
            blocks.iter().enumerate().filter(|(_, b)| b.heading == 1).map(|(i, _)| i).collect();
        (h1.len() == 1).then(|| h1[0])
    })
}

// ---------------------------------------------------------------------------------------------
// 5. Lay out
// ---------------------------------------------------------------------------------------------

/// Title, byline, body, then the rest in document order; a blank line after each section.
fn layout(blocks: &[Block], kinds: &[ZoneKind], r: &ReadabilityResult) -> Extracted {
    let mut text = String::new();
    let mut zones: Vec<Zone> = Vec::new();
    let mut section = |kind: ZoneKind, lines: &mut dyn Iterator<Item = &str>| {
        let start = text.len();
        let mut any = false;
        for line in lines {
            text.push_str(line);
            text.push('\n');
            any = true;
        }
        if any {
            text.push('\n');
            push_zone(&mut zones, kind, start, text.len());
        }
    };
    let pick = |kind: ZoneKind| {
        blocks.iter().zip(kinds).filter(move |(_, k)| **k == kind).map(|(b, _)| b.text.as_str())
    };
    let title_line = pick(ZoneKind::Title).next().map(str::to_string).or_else(|| non_empty(r.title.clone()));
    section(ZoneKind::Title, &mut title_line.as_deref().into_iter());
    section(ZoneKind::Byline, &mut pick(ZoneKind::Byline));
    section(ZoneKind::Body, &mut pick(ZoneKind::Body));
    section(ZoneKind::Boilerplate, &mut pick(ZoneKind::Boilerplate));
    // The last blank line is not needed.
    if text.ends_with("\n\n") {
        text.pop();
        if let Some(last) = zones.last_mut() {
            last.end = text.len();
        }
    }
    Extracted { text, zones, ..Extracted::default() }
}

/// The page text in document order, one block per line.
fn page_text(blocks: &[Block]) -> String {
    let mut text = String::new();
    for b in blocks {
        text.push_str(&b.text);
        text.push('\n');
    }
    text
}

/// Readability sometimes settles on a small block (a blog's header, a disclaimer) while the
/// article is elsewhere. When the plain-text zoner, run on the page in document order, finds a
/// body more than twice as long and readability kept under 1,000 characters, the zoner's zones
/// are used instead (widget rules still apply).
fn fall_back_to_zoner(blocks: &[Block], kinds: &mut [ZoneKind]) {
    let body_chars = |kinds: &[ZoneKind]| -> usize {
        blocks.iter().zip(kinds).filter(|(_, k)| **k == ZoneKind::Body).map(|(b, _)| b.chars as usize).sum()
    };
    let ours = body_chars(kinds);
    let text = page_text(blocks);
    let mut zoned = vec![ZoneKind::Boilerplate; blocks.len()];
    for (k, d) in zoned.iter_mut().zip(crate::zones::classify_lines(&text)) {
        *k = d.kind;
    }
    for (b, k) in blocks.iter().zip(zoned.iter_mut()) {
        if *k == ZoneKind::Body && (b.has(WIDGET) && !is_prose(b) || b.link_share() >= 0.6) {
            *k = ZoneKind::Boilerplate;
        }
    }
    if ours < 1000 && body_chars(&zoned) > 2 * ours + 200 {
        kinds.copy_from_slice(&zoned);
    }
}

/// The page text in document order, zoned by the plain-text zoner.
fn plain_layout(blocks: &[Block]) -> Extracted {
    let mut text = String::new();
    for b in blocks {
        text.push_str(&b.text);
        text.push('\n');
    }
    let zones = crate::zones::detect_zones(&text);
    Extracted { text, zones, ..Extracted::default() }
}

fn push_zone(zones: &mut Vec<Zone>, kind: ZoneKind, start: usize, end: usize) {
    if start == end {
        return;
    }
    match zones.last_mut() {
        Some(last) if last.kind == kind && last.end == start => last.end = end,
        _ => zones.push(Zone { kind, start, end }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &[u8] = include_bytes!("../../tests/data/html/article.html");
    const WINDOWS_1252: &[u8] = include_bytes!("../../tests/data/html/windows-1252.html");
    const UNCLOSED: &[u8] = include_bytes!("../../tests/data/html/unclosed.html");

    /// The zone invariants of `crate::zones::detect_zones`.
    fn assert_invariants(ex: &Extracted) {
        if ex.text.is_empty() {
            assert!(ex.zones.is_empty());
            return;
        }
        assert_eq!(ex.zones.first().map(|z| z.start), Some(0));
        assert_eq!(ex.zones.last().map(|z| z.end), Some(ex.text.len()));
        for z in &ex.zones {
            assert!(z.start < z.end, "empty zone {z:?}");
            assert!(ex.text.is_char_boundary(z.start) && ex.text.is_char_boundary(z.end));
        }
        for pair in ex.zones.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "zones must be contiguous");
            assert_ne!(pair[0].kind, pair[1].kind, "neighbours must differ");
        }
    }

    fn zone_text(ex: &Extracted, kind: ZoneKind) -> String {
        ex.zones.iter().filter(|z| z.kind == kind).map(|z| &ex.text[z.start..z.end]).collect()
    }

    /// The body holds every one of `kept`; every one of `furniture` is boilerplate, not body.
    fn assert_body_and_furniture(ex: &Extracted, kept: &[&str], furniture: &[&str]) {
        let body = zone_text(ex, ZoneKind::Body);
        for kept in kept {
            assert!(body.contains(kept), "body lacks {kept:?}:\n{body}");
        }
        let boilerplate = zone_text(ex, ZoneKind::Boilerplate);
        for furniture in furniture {
            assert!(boilerplate.contains(furniture), "boilerplate lacks {furniture:?}");
            assert!(!body.contains(furniture), "body has {furniture:?}:\n{body}");
        }
    }

    fn extract(bytes: &[u8]) -> Extracted {
        let ex = extract_html(bytes).expect("extracts");
        assert_invariants(&ex);
        ex
    }

    #[test]
    fn realistic_article_is_zoned() {
        let ex = extract(ARTICLE);
        let title = zone_text(&ex, ZoneKind::Title);
        assert_eq!(title.trim(), "City council approves new river bridge");
        assert!(ex.text.starts_with("City council approves new river bridge\n"));
        assert!(zone_text(&ex, ZoneKind::Byline).contains("Jane Roe"));
        assert_body_and_furniture(
            &ex,
            &[
                "The city council voted on Tuesday",
                "Construction is expected to start next spring",
                "Some residents welcomed the decision",
                "Others argued that the money would be better spent",
                "The mayor said the council had listened carefully",
                "Residents divided",
            ],
            &[
                "We use cookies",
                "Accept all cookies",
                "Sport",
                "Weather",
                "Share on Facebook",
                "Old ferry to stop running in May",
                "Subscribe",
                "All rights reserved",
                "Privacy policy",
            ],
        );
        for hidden in ["not text", "font-family", "Hidden promotional text", "Invisible tracking text"] {
            assert!(!ex.text.contains(hidden), "text has {hidden:?}");
        }
        assert_eq!(ex.title.as_deref(), Some("City council approves new river bridge"));
        assert_eq!(ex.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(ex.published.as_deref(), Some("2024-03-05T09:30:00Z"));
        assert_eq!(ex.url.as_deref(), Some("https://courier.example/news/2024/river-bridge"));
        assert_eq!(ex.site_name.as_deref(), Some("The Riverside Courier"));
        // Zones come in reading order: title, byline, body, boilerplate.
        let kinds: Vec<ZoneKind> = ex.zones.iter().map(|z| z.kind).collect();
        assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Byline, ZoneKind::Body, ZoneKind::Boilerplate]);
    }

    #[test]
    fn scripts_and_styles_are_not_text() {
        let ex = extract(b"<html><body><script>alert(1)</script><style>p{}</style><p>Visible words only.</p><noscript>Enable JS</noscript><template><p>tpl</p></template><svg><text>svg</text></svg></body></html>");
        assert!(!ex.text.contains("alert(1)"));
        for hidden in ["p{}", "Enable JS", "tpl", "svg"] {
            assert!(!ex.text.contains(hidden), "{hidden}");
        }
        assert!(ex.text.contains("Visible words only."));
    }

    #[test]
    fn unclosed_tags_keep_their_text() {
        let ex = extract(UNCLOSED);
        for words in [
            "Unclosed paragraph with bold and italic text",
            "Second block of text with a link",
            "cell one cell two",
        ] {
            assert!(ex.text.contains(words), "{words}: {}", ex.text);
        }
        let ex = extract(b"<p>truncated <a href=\"x");
        assert!(ex.text.contains("truncated"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let ex = extract(deep.as_bytes());
        assert!(ex.text.contains("Deep text."));
        let unclosed = format!("<body>{}end", "<div><span><b>x ".repeat(20_000));
        let ex = extract(unclosed.as_bytes());
        assert!(ex.text.contains("end"));
        let ex = extract(format!("<body>{}", "<i>".repeat(30_000) + "italic").as_bytes());
        assert!(ex.text.contains("italic"));
    }

    #[test]
    fn windows_1252_is_decoded_from_the_meta_charset() {
        let ex = extract(WINDOWS_1252);
        assert!(ex.text.contains("He said “hello” and left – café closed"), "{}", ex.text);
        // Without a declaration, invalid UTF-8 falls back to Windows-1252 as well.
        let ex = extract(b"<p>Caf\xe9 \x93quoted\x94 text.</p>");
        assert!(ex.text.contains("Café “quoted” text."), "{}", ex.text);
    }

    #[test]
    fn encodings() {
        assert_eq!(decode_html("<p>é</p>".as_bytes()), "<p>é</p>");
        assert_eq!(decode_html(b"\xEF\xBB\xBF<p>x</p>"), "<p>x</p>");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<p>Hé</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_html(&utf16), "<p>Hé</p>");
        assert!(extract(&utf16).text.contains("Hé"));
        // A declared UTF-8 page with a bad byte keeps the rest.
        let text = decode_html(b"<meta charset=\"utf-8\"><p>ok \xff ok</p>");
        assert!(text.contains("ok \u{fffd} ok"));
        assert_eq!(
            decode_html(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe9"),
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">é"
        );
    }

    #[test]
    fn garbage_never_panics() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in [0, 1, 7, 100, 5_000, 60_000] {
            let bytes: Vec<u8> = (0..len).map(|_| (next() % 256) as u8).collect();
            if let Ok(ex) = extract_html(&bytes) {
                assert_invariants(&ex);
            }
            // Random tag soup.
            let pieces = [
                "<div>",
                "</div>",
                "<p>",
                "text ",
                "<a href='",
                "'>",
                "<!--",
                "-->",
                "<script>",
                "é",
                "\u{0}",
                "<br>",
                "</p",
            ];
            let soup: String =
                (0..len / 4).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            if let Ok(ex) = extract_html(soup.as_bytes()) {
                assert_invariants(&ex);
            }
        }
    }

    #[test]
    fn empty_and_binary_inputs_are_refused() {
        assert!(extract_html(b"").is_err());
        assert!(extract_html(b"<html><head><title></title></head><body>  </body></html>").is_err());
        assert!(extract_html(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_err());
    }

    #[test]
    fn invariants_over_several_pages() {
        let pages: [&[u8]; 7] = [
            ARTICLE,
            WINDOWS_1252,
            UNCLOSED,
            b"plain text, no tags at all",
            b"<h1>Only a heading</h1>",
            "<p>Ünïcödé – 日本語のテキスト。</p><p>Second paragraph with more words in it.</p>".as_bytes(),
            b"<ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul><footer>Footer</footer>",
        ];
        for page in pages {
            let ex = extract(page);
            assert!(!ex.text.is_empty());
        }
    }

    #[test]
    fn sentences_in_scripts_without_spaces_are_prose() {
        let line = |text: &str| Block {
            text: text.to_string(),
            chars: text.chars().count() as u32,
            ..Block::default()
        };
        // 39 characters, one "word" to split_whitespace: a sentence all the same.
        let sentence = line("梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危机。");
        assert!(sentence.words() >= 12 && is_prose(&sentence));
        // A date and a place: many characters, no sentence.
        let dateline = line("2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]");
        assert!(!is_prose(&dateline));
        assert_eq!(line("The council voted").words(), 3);
    }

    #[test]
    fn icon_glyphs_slide_titles_and_video_headlines_are_not_body() {
        let slides = "<div class=\"slide-title\">Weather threatens holiday plans</div>".repeat(4);
        let page = article_page(&format!(
            "{P1}<p><span class=\"icon notranslate\">S</span> <span class=\"material-icons\">chevron_left</span></p>\
             {slides}{P2}<div class=\"video-resource\"><div class=\"video-resource__headline\">Hear what happened inside the chamber</div></div>{P3}"
        ));
        let ex = extract(page.as_bytes());
        let body = zone_text(&ex, ZoneKind::Body);
        assert!(
            body.contains("The city council voted") && body.contains("Some residents welcomed"),
            "{body}"
        );
        assert!(!body.contains("Weather threatens") && !body.contains("chevron_left"), "{body}");
        assert!(!body.contains("Hear what happened"), "{body}");
        assert!(!body.lines().any(|l| l.trim() == "S"), "{body}");
    }

    #[test]
    fn elements_hidden_by_a_utility_class_are_not_text() {
        let page = article_page(&format!(
            "<h2 class=\"hide-text\">Share this story</h2>{P1}<div class=\"d-none\">Loading gallery</div>\
             {P2}<span class=\"magnifier hidden\">Enlarge image</span>{P3}<p class=\"hidden-xs\">Shown on large screens.</p>"
        ));
        let ex = extract(page.as_bytes());
        for hidden in ["Share this story", "Loading gallery", "Enlarge image"] {
            assert!(!ex.text.contains(hidden), "text has {hidden:?}");
        }
        // Responsive classes hide an element on some screens only.
        assert!(ex.text.contains("Shown on large screens."));
    }

    #[test]
    fn a_wire_credit_goes_with_its_copyright_line() {
        let page = article_page(&format!(
            "{P1}{P2}{P3}<p>The-Wire<br>© 2013 Example News Network. All rights reserved.</p>"
        ));
        let ex = extract(page.as_bytes());
        assert_body_and_furniture(
            &ex,
            &["The city council voted", "Some residents welcomed"],
            &["The-Wire", "All rights reserved"],
        );
    }

    #[test]
    fn a_copy_of_the_headline_far_above_the_first_paragraph_is_not_body() {
        let line = |text: &str, kept: bool, heading: u8| {
            let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            Block {
                text: text.to_string(),
                chars,
                body_chars: if kept { chars } else { 0 },
                heading,
                ..Block::default()
            }
        };
        // The logo spells out the headline and wins the title; the article's own heading is kept
        // by readability, more than a dozen lines (ratings, share buttons) above the text.
        let mut blocks = vec![
            line("Council approves the river bridgeThe Courier", false, 1),
            line("Council approves the river bridge", true, 3),
        ];
        blocks.extend((0..14).map(|_| line("Rate", false, 0)));
        blocks.push(line(&P1[3..P1.len() - 4], true, 0));
        let r = ReadabilityResult {
            body: HashSet::new(),
            title: "Council approves the river bridge | The Courier".to_string(),
            byline: None,
            published: None,
            site_name: None,
        };
        let kinds = classify(&blocks, &r);
        assert_eq!(kinds[0], ZoneKind::Title);
        assert_eq!(kinds[1], ZoneKind::Boilerplate);
        assert_eq!(kinds[16], ZoneKind::Body);
    }

    #[test]
    fn short_lines_of_the_first_paragraph_itself_are_no_kickers() {
        let page = article_page(&format!(
            "<p class=\"kicker\">Music</p><p>I am pretty sure<br>This is the best feeling<br>\
             Room full of people but I only see you and nobody else in the whole wide world tonight</p>{P1}{P2}{P3}"
        ));
        let ex = extract(page.as_bytes());
        let body = zone_text(&ex, ZoneKind::Body);
        assert!(body.contains("I am pretty sure") && body.contains("This is the best feeling"), "{body}");
        assert!(!body.contains("Music"), "{body}");
    }

    #[test]
    fn a_drupal_node_promoted_to_the_front_page_is_no_promo_box() {
        let doc = Document::from(
            "<article class=\"node node-report node-promoted\">a</article><div class=\"promo-box\">b</div>\
             <div class=\"promos\">c</div><div class=\"promotion\">d</div>",
        );
        let flags = |sel: &str| attribute_flags(doc.select_single(sel).nodes().first().unwrap());
        assert_eq!(flags("article") & flag::RELATED, 0);
        for sel in [".promo-box", ".promos", ".promotion"] {
            assert_ne!(flags(sel) & flag::RELATED, 0, "{sel}");
        }
    }

    /// A page around `inner` (inside the article element) with enough prose for readability.
    fn article_page(inner: &str) -> String {
        format!(
            "<html><head><title>Council approves the river bridge</title></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <article><h1>Council approves the river bridge</h1>{inner}</article>\
             <footer><a href=\"/privacy\">Privacy</a></footer></body></html>"
        )
    }

    const P1: &str = "<p>The city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that has lasted for more than ten years and divided the town.</p>";
    const P2: &str = "<p>Construction is expected to start next spring and to take about three years, the mayor told reporters after the vote, adding that the old ferry would keep running until then.</p>";
    const P3: &str = "<p>Some residents welcomed the decision, saying the bridge would cut their commute by half, while others argued that the money would be better spent on schools and roads.</p>";

    #[test]
    fn notices_labels_and_promo_boxes_leave_the_body() {
        let page = article_page(&format!(
            "<p>This post contains affiliate links; we may earn a commission.</p>{P1}\
             <div class=\"factbox\"><h3>Sign up for our newsletter</h3>\
             <p>Never miss the latest news: pop your email into the box and get a roundup every single morning.</p>\
             <p>Every day we will send you the best stories of the day, and you can leave whenever you like.</p></div>\
             {P2}<p>Advertisement</p>{P3}\
             <h3>Comments</h3>\
             <p>Follow us on Twitter and Facebook for the latest updates from the city.</p>\
             <p>© 2024 The Riverside Courier. All rights reserved.</p>"
        ));
        let ex = extract(page.as_bytes());
        assert_body_and_furniture(
            &ex,
            &["The city council voted", "Construction is expected", "Some residents welcomed"],
            &[
                "affiliate links",
                "Sign up for our newsletter",
                "Never miss the latest news",
                "Every day we will send you",
                "Advertisement",
                "Comments",
                "Follow us on Twitter",
                "All rights reserved",
            ],
        );
    }

    #[test]
    fn a_subheading_like_a_label_keeps_its_section() {
        let page = article_page(&format!(
            "<section>{P1}{P2}{P3}</section><section><h2>More on the vote</h2>\
             <p>The vote was close, seven to five, and two members abstained after a long night.</p></section>"
        ));
        let ex = extract(page.as_bytes());
        let body = zone_text(&ex, ZoneKind::Body);
        assert!(body.contains("Some residents welcomed") && body.contains("seven to five"), "{body}");
    }

    #[test]
    fn comment_and_author_bio_boxes_are_not_body_but_commentary_is() {
        let page = article_page(&format!(
            "<div class=\"commentary-body\">{P1}{P2}{P3}</div>\
             <div class=\"author-bio\"><p>Jane Roe has covered city hall for the Courier since 2015 and writes about transport and housing.</p></div>\
             <div id=\"comments\"><p>I think this bridge is a terrible waste of money and nobody asked the people who live by the river.</p></div>"
        ));
        let ex = extract(page.as_bytes());
        assert_body_and_furniture(
            &ex,
            &["The city council voted", "Some residents welcomed"],
            &["has covered city hall", "terrible waste of money"],
        );
    }

    #[test]
    fn pages_without_an_article_have_little_or_no_body() {
        let teaser = |n: usize| {
            format!(
                "<article><h3><a href=\"/story/{n}\">Headline number {n} about the town</a></h3><p>A short summary.</p></article>"
            )
        };
        let home = format!(
            "<html><head><title>The Courier - News</title></head><body><nav><a href=/>Home</a></nav>\
             <main>{}</main><footer>© 2024 The Courier</footer></body></html>",
            (0..8).map(teaser).collect::<String>()
        );
        let ex = extract(home.as_bytes());
        let body = zone_text(&ex, ZoneKind::Body);
        assert!(!body.contains("Headline number"), "teasers in the body:\n{body}");
        let nav =
            b"<html><head><title>Site map</title></head><body><nav><ul><li><a href=/a>About us</a></li>\
            <li><a href=/b>Contact</a></li><li><a href=/c>Careers</a></li></ul></nav>\
            <footer><a href=/d>Cookie settings</a></footer></body></html>";
        let ex = extract(nav);
        assert!(zone_text(&ex, ZoneKind::Body).trim().is_empty(), "{:?}", ex.zones);
        assert!(zone_text(&ex, ZoneKind::Boilerplate).contains("Cookie settings"));
        let error = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>\
            <p>The requested URL was not found on this server.</p></body></html>";
        let ex = extract(error);
        assert!(ex.text.contains("The requested URL was not found"));
    }

    #[test]
    fn framesets_are_refused_naming_their_frames() {
        let page = b"<html><head><title>Frames</title></head><frameset cols=\"20%,80%\">\
            <frame src=\"menu.html\"><frame src=\"main.html\"><noframes><body><p>Your browser does not \
            support frames.</p></body></noframes></frameset></html>";
        let err = extract_html(page).unwrap_err();
        assert!(err.contains("frameset") && err.contains("main.html"), "{err}");
        // A frameset inside a page with text of its own is just a page.
        let ex = extract(
            b"<body><p>Some text of the page itself.</p><frameset><frame src=a.html></frameset></body>",
        );
        assert!(ex.text.contains("Some text of the page itself."));
    }

    #[test]
    fn legacy_charsets_declared_in_meta() {
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(
            "<html><head><meta charset=\"koi8-r\"><title>Новости</title></head><body><p>Городской совет одобрил мост.</p></body></html>",
        );
        assert!(extract(&koi8).text.contains("Городской совет одобрил мост."));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>市議会が新しい橋を承認した。</p></body></html>",
        );
        assert!(extract(&sjis).text.contains("市議会が新しい橋を承認した。"));
        let (latin2, _, _) = encoding_rs::ISO_8859_2
            .encode("<meta charset=iso-8859-2><p>Rada miejska zatwierdziła budowę mostu.</p>");
        assert!(extract(&latin2).text.contains("Rada miejska zatwierdziła budowę mostu."));
    }

    #[test]
    fn br_separated_text_in_a_layout_table() {
        let page = "<html><head><title>Old style article</title></head><body><table><tr>\
            <td><a href=/>Home</a><br><a href=/x>Archive</a></td><td><b>Old style article</b><br><br>"
            .to_string()
            + &[P1, P2, P3].map(|p| p.trim_start_matches("<p>").trim_end_matches("</p>")).join("<br><br>")
            + "<br><br><a href=/>Back to the home page</a></td></tr></table></body></html>";
        let ex = extract(page.as_bytes());
        let body = zone_text(&ex, ZoneKind::Body);
        let paragraphs: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(paragraphs.len(), 3, "{body}");
        assert!(paragraphs[0].starts_with("The city council voted"));
        // The navigation column is a line of its own, not glued to the article's first line.
        assert!(ex.text.lines().any(|l| l == "Archive"), "{}", ex.text);
    }

    #[test]
    fn huge_pages_skip_readability_but_are_zoned() {
        let mut page = String::from("<html><body><nav><a href=/>Home</a></nav>");
        for i in 0..MAX_READABILITY_ELEMENTS / 2 + 1000 {
            page.push_str(&format!(
                "<div><p>Paragraph {i} of a very long page, with enough words to be prose.</p></div>"
            ));
        }
        page.push_str("</body></html>");
        let ex = extract(page.as_bytes());
        assert!(ex.text.contains("Paragraph 0 of a very long page"));
        assert!(ex.zones.iter().any(|z| z.kind == ZoneKind::Body));
    }

    #[test]
    fn nesting_limit_drops_only_excess_tags() {
        let normal = "<div><p>a</p></div>";
        assert!(matches!(limit_nesting(normal), std::borrow::Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_NESTING + 10) + "x";
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_NESTING);
        assert!(limited.ends_with('x'));
    }
}
