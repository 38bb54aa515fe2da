//! Step 5: lays out the zoned text (title, byline, body, then the rest), and the fall-back to
//! the plain-text zoner.

use super::blocks::Block;
use super::classify::{WIDGET, is_prose};
use super::readability::ReadabilityResult;
use super::{Extracted, non_empty};
use crate::zones::{Zone, ZoneKind};

// ---------------------------------------------------------------------------------------------
// 5. Lay out
// ---------------------------------------------------------------------------------------------

/// Title, byline, body, then the rest in document order; a blank line after each section.
pub(super) fn layout(blocks: &[Block], kinds: &[ZoneKind], r: &ReadabilityResult) -> Extracted {
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
    // Our classifier marks one title block; the zoner's fall-back can mark a headline split
    // over two lines as two. Every one is kept: all of the page's text is in `text`.
    let titles: Vec<&str> = pick(ZoneKind::Title).collect();
    let from_readability = non_empty(r.title.clone()).filter(|_| titles.is_empty());
    section(ZoneKind::Title, &mut titles.into_iter().chain(from_readability.as_deref()));
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
/// article is elsewhere. When readability kept under 1,000 characters and the plain-text
/// zoner, run on the page in document order, finds a body more than twice as long (and 200
/// characters more), the zoner's zones are used instead (widget rules still apply).
pub(super) fn fall_back_to_zoner(blocks: &[Block], kinds: &mut [ZoneKind]) {
    let body_chars = |kinds: &[ZoneKind]| -> usize {
        blocks.iter().zip(kinds).filter(|(_, k)| **k == ZoneKind::Body).map(|(b, _)| b.chars as usize).sum()
    };
    let ours = body_chars(kinds);
    if ours >= 1000 {
        return;
    }
    let text = page_text(blocks);
    // One decision per block: `page_text` writes each block as one line of text without blank
    // lines between them (blocks are never empty or white space), which the zoner does not merge.
    let decisions = crate::zones::classify_lines(&text);
    debug_assert_eq!(decisions.len(), blocks.len(), "one zoner line per block");
    let mut zoned = vec![ZoneKind::Boilerplate; blocks.len()];
    for (k, d) in zoned.iter_mut().zip(decisions) {
        *k = d.kind;
    }
    for (b, k) in blocks.iter().zip(zoned.iter_mut()) {
        if *k == ZoneKind::Body && (b.has(WIDGET) && !is_prose(b) || b.link_share() >= 0.6) {
            *k = ZoneKind::Boilerplate;
        }
    }
    if body_chars(&zoned) > 2 * ours + 200 {
        kinds.copy_from_slice(&zoned);
    }
}

/// The page text in document order, zoned by the plain-text zoner.
pub(super) fn plain_layout(blocks: &[Block]) -> Extracted {
    let text = page_text(blocks);
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
