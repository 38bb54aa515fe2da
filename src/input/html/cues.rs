//! The cues of step 3: flags from an element's name and its class/id words, hidden elements,
//! icon glyphs and links that lead away.

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;

use super::blocks::flag;

pub(super) fn element_flags(name: &str) -> u32 {
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
pub(super) fn attribute_flags(node: &NodeRef) -> u32 {
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
pub(super) fn leads_away(node: &NodeRef) -> bool {
    node.attr("href").is_some_and(|h| {
        let h = h.trim();
        !(h.is_empty()
            || h.starts_with('#')
            || h.get(..11).is_some_and(|p| p.eq_ignore_ascii_case("javascript:")))
    })
}

/// Hidden by attribute, inline style or a screen-reader-only class.
pub(super) fn is_hidden(node: &NodeRef) -> bool {
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
pub(super) fn is_icon(node: &NodeRef) -> bool {
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
