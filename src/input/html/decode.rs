//! Step 1: decodes the page's bytes to text, and limits the nesting of tags before parsing.

use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// 1. Decode
// ---------------------------------------------------------------------------------------------

static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#).unwrap()
});

/// A page's text, and a warning when its bytes were not what it declared (or, declaring
/// nothing, not UTF-8), as text files warn.
pub struct DecodedPage {
    pub text: String,
    pub warning: Option<String>,
}

const REPLACED: &str = "invalid bytes were replaced with U+FFFD";

/// Decodes an HTML page: BOM, else a declared charset, else UTF-8, else Windows-1252.
/// A declared UTF-16 is treated as UTF-8, as browsers do (the declaration is ASCII, so the page
/// cannot be UTF-16).
pub fn decode_html(bytes: &[u8]) -> DecodedPage {
    let page = |text: std::borrow::Cow<'_, str>, warning: Option<&str>| DecodedPage {
        text: text.into_owned(),
        warning: warning.map(str::to_string),
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let warning = format!("not valid {} (byte-order mark); {REPLACED}", encoding.name());
        return page(text, had_errors.then_some(warning.as_str()));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| encoding_rs::Encoding::for_label(c.get(1)?.as_bytes()))
        .map(|e| e.output_encoding());
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let warning = format!("declared {0} but not valid {0}; {REPLACED}", encoding.name());
            page(text, had_errors.then_some(warning.as_str()))
        }
        Some(_) => match String::from_utf8_lossy(bytes) {
            text @ std::borrow::Cow::Borrowed(_) => page(text, None),
            text => page(text, Some(&format!("declared UTF-8 but not valid UTF-8; {REPLACED}"))),
        },
        None => match std::str::from_utf8(bytes) {
            Ok(text) => page(text.into(), None),
            Err(_) => page(
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
                Some("no charset declared and not valid UTF-8; decoded as Windows-1252"),
            ),
        },
    }
}

/// Deeper than this many unclosed container tags, further start tags are dropped.
pub(super) const MAX_NESTING: usize = 256;

/// html5ever's cost per tag grows with the depth of open elements, so a page of thousands of
/// nested containers takes minutes to parse. This scan counts start and end tags of common
/// container elements (a guess of the nesting, not a parse: it only needs to be right for
/// pathological pages) and drops start tags beyond [`MAX_NESTING`] levels, keeping their text.
/// Real pages are far below the limit and pass unchanged (borrowed).
pub(super) fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
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

/// Attributes a start tag keeps (real tags have a handful).
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// html5ever checks each new attribute of a tag against the ones before it, and merges the
/// attributes of every later `<html>` and `<body>` tag into the first one the same way, so
/// 160,000 attributes on one tag took 15 s and 40,000 `<html a=1>` tags 8 s. This scan drops
/// the attributes of a start tag that has more than [`MAX_ATTRIBUTES`], and those of every
/// `<html>` and `<body>` tag after the first of each (whose attributes html5ever would merge),
/// keeping the tags. Real pages pass unchanged (borrowed).
pub(super) fn limit_attributes(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut out, mut copied) = (String::new(), 0usize);
    let (mut seen_html, mut seen_body) = (false, false);
    for i in memchr::memchr_iter(b'<', bytes) {
        if i < copied || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = i + 1 + bytes[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &bytes[i + 1..name_end];
        // The tag's end and its attribute count: a name starts after white space, outside quotes.
        let (mut quote, mut attributes, mut after_space, mut end) = (None, 0usize, false, bytes.len());
        for (j, &b) in bytes.iter().enumerate().skip(name_end) {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => {
                    end = j + 1;
                    break;
                }
                (None, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => after_space = true,
                (None, _) => {
                    if after_space && b != b'=' && b != b'/' {
                        attributes += 1;
                    }
                    after_space = false;
                }
            }
        }
        let repeated = if name.eq_ignore_ascii_case(b"html") {
            std::mem::replace(&mut seen_html, true)
        } else if name.eq_ignore_ascii_case(b"body") {
            std::mem::replace(&mut seen_body, true)
        } else {
            false
        };
        if attributes > MAX_ATTRIBUTES || (repeated && attributes > 0) {
            out.push_str(&html[copied..name_end]);
            out.push('>');
            copied = end;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}
