//! Step 7, title and byline: the headline above the body and the byline lines after it
//! (`title_and_byline`).

use super::classify::Class;
use super::features::LineFeatures;
use super::words::{Word, alphanumeric_core, scan_words, words};
use super::{Line, ZoneKind};
use crate::hash::FxHashMap;

// ---------------------------------------------------------------------------------------------
// 7. Title and byline
// ---------------------------------------------------------------------------------------------

/// How many non-blank lines above the body are searched for the headline.
const TITLE_LOOKBACK: usize = 12;
/// The body's first this many words are compared with the headline candidates.
const BODY_VOCABULARY_WORDS: usize = 200;
/// A headline shares at least this many content words with the body.
const TITLE_MIN_SHARED: usize = 2;
/// Only words of at least this many bytes are compared: content words, not "the" or "of".
const CONTENT_WORD_MIN_LEN: usize = 4;

/// Finds the title above the body and marks it, and the byline lines between it and the body.
/// When the body starts at the first line of the text, that line is the title if it looks like a
/// headline and prose follows it (a clean article whose headline reads like a sentence).
pub(super) fn title_and_byline(
    lines: &[Line<'_>],
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    if span.is_empty() {
        return;
    }
    // The span may start with lines that smoothing left out (a share bar, a byline box that
    // weighed as prose): the header is what is above the first body line.
    let start = span.clone().find(|&i| kinds[i] == ZoneKind::Body).unwrap_or(span.start);
    let (ranked, searched_from) = headline_above(lines, features, classes, kinds, span.clone(), start);
    let title = ranked.or_else(|| first_line_headline(features, classes, start));
    if let Some(t) = title {
        kinds[t] = ZoneKind::Title;
    } else if let Some(first) = headline_opening_body(features, classes, span, start) {
        // The body's own first line: nothing above it can be a byline.
        kinds[first] = ZoneKind::Title;
        return;
    }
    mark_bylines(features, title.map_or(searched_from, |t| t + 1)..start, kinds);
}

/// The best headline among the lines above the body (`start`), and the first line searched.
///
/// Candidates are the headline-shaped lines above the body, furniture or not: a headline may
/// be repeated (in a related list, in the breadcrumbs) or follow a "Trending" menu that made
/// everything up to the first paragraph a related list; only a teaser cut off with "..." is
/// no headline (menus, share bars and bullets are not headline-shaped). The headline is about
/// what the article is about, so it shares content words with the article's first
/// paragraphs, and photo credits, datelines, site names and navigation links share none: the
/// candidates that share at least `TITLE_MIN_SHARED` words win. Then a line without a final
/// period (captions and standfirsts are sentences, a headline may ask or exclaim), then the
/// most shared words, then the nearest.
fn headline_above(
    lines: &[Line<'_>],
    features: &[LineFeatures],
    classes: &[Class],
    kinds: &[ZoneKind],
    span: std::ops::Range<usize>,
    start: usize,
) -> (Option<usize>, usize) {
    let mut candidates = Vec::with_capacity(TITLE_LOOKBACK);
    let mut searched_from = start;
    for i in (0..start).rev().filter(|&i| classes[i] != Class::Blank).take(TITLE_LOOKBACK) {
        searched_from = i;
        if features[i].is_headline_like() && !features[i].truncated {
            candidates.push(i);
        }
    }
    let shared_counts = shared_with_body(lines, kinds, span, &candidates);
    let mut best: Option<(usize, (bool, bool, usize))> = None;
    for (&i, &shared) in candidates.iter().zip(&shared_counts) {
        let period = lines[i].content.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with('.');
        let rank = (shared >= TITLE_MIN_SHARED, !period, shared);
        if best.is_none_or(|(_, r)| rank > r) {
            best = Some((i, rank));
        }
    }
    (best.map(|(i, _)| i), searched_from)
}

/// The plain-text convention: the text's first line, a blank line, then the body. A short
/// headline ("Breaking news") is still a headline there.
fn first_line_headline(features: &[LineFeatures], classes: &[Class], start: usize) -> Option<usize> {
    let first = (0..start).find(|&i| classes[i] != Class::Blank)?;
    let alone = (first + 1..start).all(|i| classes[i] == Class::Blank) && first + 1 < start;
    (alone && features[first].is_bare_headline()).then_some(first)
}

/// The body's first line, when nothing is above it, it looks like a headline and prose follows.
fn headline_opening_body(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
    start: usize,
) -> Option<usize> {
    let mut non_blank = (0..span.end).filter(|&i| classes[i] != Class::Blank);
    let (first, next) = (non_blank.next()?, non_blank.next()?);
    (first >= start && features[first].is_headline_like() && classes[next] == Class::Prose).then_some(first)
}

/// The byline and date lines in `lines` (between the title, or the top of the search, and the
/// body); dates shared with teasers and furniture phrases are no byline.
fn mark_bylines(features: &[LineFeatures], lines: std::ops::Range<usize>, kinds: &mut [ZoneKind]) {
    for i in lines {
        if features[i].byline && !features[i].repeated && features[i].phrase.is_none() {
            kinds[i] = ZoneKind::Byline;
        }
    }
}

/// For each of the `candidates` (at most [`TITLE_LOOKBACK`] lines), how many distinct content
/// words (see [`CONTENT_WORD_MIN_LEN`]) it shares with the first [`BODY_VOCABULARY_WORDS`] words
/// of the body, compared lowercase.
///
/// The candidates' words are few and the body's many, so the set is made of the candidates'
/// words (each with a bit per candidate that has it) and the body's words are looked up in it,
/// each found word counted once for its candidates; with no candidate words the body is not
/// read at all. The candidates' words are written one after the other into one string and the
/// set holds slices of it, so that no word is allocated on its own.
fn shared_with_body(
    lines: &[Line<'_>],
    kinds: &[ZoneKind],
    span: std::ops::Range<usize>,
    candidates: &[usize],
) -> [usize; TITLE_LOOKBACK] {
    let mut shared = [0; TITLE_LOOKBACK];
    let mut lowercase = String::new();
    let mut ends: Vec<(usize, u16)> = Vec::new();
    for (bit, &i) in candidates.iter().enumerate() {
        for word in words(lines[i].content) {
            if push_content_word(&mut lowercase, word) {
                ends.push((lowercase.len(), 1 << bit));
            }
        }
    }
    if ends.is_empty() {
        return shared;
    }
    // Each candidate word, with the candidates that have it (cleared once found in the body).
    let mut title_words: FxHashMap<&str, u16> = FxHashMap::default();
    let mut filter = WordFilter::default();
    let mut from = 0;
    for &(end, bit) in &ends {
        let word = &lowercase[from..end];
        filter.insert(word.as_bytes());
        *title_words.entry(word).or_default() |= bit;
        from = end;
    }
    let body_words = span.filter(|&i| kinds[i] == ZoneKind::Body).flat_map(|i| scan_words(lines[i].content));
    let mut word_buffer = String::new();
    for Word { text: word, ascii } in body_words.take(BODY_VOCABULARY_WORDS) {
        let core = alphanumeric_core(word);
        // An ASCII word lowercases byte by byte, so the filter can rule it out before that.
        if core.len() < CONTENT_WORD_MIN_LEN || (ascii && !filter.may_hold_ascii_lowercase(core.as_bytes())) {
            continue;
        }
        word_buffer.clear();
        push_lowercase(&mut word_buffer, core);
        if let Some(bits) = title_words.get_mut(word_buffer.as_str()) {
            let mut bits = std::mem::take(bits);
            while bits != 0 {
                shared[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    }
    shared
}

/// Appends the word lowercased without surrounding punctuation, if it is long enough to be a
/// content word, and tells whether it did.
fn push_content_word(buffer: &mut String, word: &str) -> bool {
    let core = alphanumeric_core(word);
    if core.len() < CONTENT_WORD_MIN_LEN {
        return false;
    }
    push_lowercase(buffer, core);
    true
}

/// Appends `core` lowercased.
fn push_lowercase(buffer: &mut String, core: &str) {
    if core.is_ascii() {
        let start = buffer.len();
        buffer.push_str(core);
        buffer[start..].make_ascii_lowercase();
    } else {
        buffer.push_str(&core.to_lowercase());
    }
}

/// A 256-bit set of the (length, first byte, last byte) of some lowercase words: a word whose
/// triple is not in it is none of them. It rules out most body words of the title search
/// before they are lowercased and hashed.
#[derive(Default)]
struct WordFilter([u64; 4]);

impl WordFilter {
    /// The bit of a word's triple.
    fn slot(len: usize, first: u8, last: u8) -> usize {
        (len.wrapping_mul(0x45) ^ usize::from(first).wrapping_mul(0x0B) ^ usize::from(last)) & 0xFF
    }

    /// Adds a (lowercase, non-empty) word.
    fn insert(&mut self, word: &[u8]) {
        let slot = Self::slot(word.len(), word[0], word[word.len() - 1]);
        self.0[slot >> 6] |= 1 << (slot & 63);
    }

    /// Whether the ASCII `word` (non-empty), once lowercased, may be one of the words added.
    fn may_hold_ascii_lowercase(&self, word: &[u8]) -> bool {
        let (first, last) = (word[0].to_ascii_lowercase(), word[word.len() - 1].to_ascii_lowercase());
        let slot = Self::slot(word.len(), first, last);
        self.0[slot >> 6] & (1 << (slot & 63)) != 0
    }
}
