//! Step 5, find the body: the densest run of prose (`body_span`) and its adjustments.

use super::classify::Class;
use super::features::{LineFeatures, Phrase};

// ---------------------------------------------------------------------------------------------
// 5. Find the body
// ---------------------------------------------------------------------------------------------

/// Extra cost of a furniture line, on top of its words, so that long menus of one-word items
/// weigh as much as they look.
const FURNITURE_COST: i64 = 3;
/// Extra cost of any short line (a heading, a caption): a teaser list (headline, author, one
/// paragraph, again and again) costs more than its paragraphs are worth, while an article's
/// subheadings are followed by several paragraphs.
const SHORT_COST: i64 = 10;
/// Extra cost of a menu-like short line.
const MENU_COST: i64 = 2;
/// Extra cost of the start of a comment: more than a typical reader comment is worth, so the
/// body never runs on into the comment section.
const COMMENTS_COST: i64 = 50;

/// How much a line pulls the body towards itself: prose adds its words (half of them without a
/// final period: paragraphs end like sentences, long footer and link lines often do not),
/// everything else takes its words away, calls to action too (so they are trimmed at the body's
/// edges).
fn weight(f: &LineFeatures, class: Class) -> i64 {
    let words = i64::from(f.words);
    match class {
        Class::Blank => 0,
        _ if f.echo || f.code => 0,
        Class::Prose if f.phrase == Some(Phrase::Notice) => -words,
        Class::Prose if !f.terminal => words / 2,
        Class::Prose => words,
        Class::Short if f.is_menu_like() => -words - MENU_COST - SHORT_COST,
        Class::Short => -words - SHORT_COST,
        Class::Furniture if f.phrase == Some(Phrase::Comments) => -words - COMMENTS_COST,
        Class::Furniture => -words - FURNITURE_COST,
    }
}

/// The run of lines with the largest total weight (Kadane), as a range of line indices. Empty
/// when no line has a positive weight.
///
/// The short lines of a list that a line ending with a colon announces ("The rankings were as
/// follows:", then "1. Finland", "2. Norway", ...) weigh nothing, up to the next line that is
/// not short: they are the article's content, which the colon says, and a ranking or a list of
/// dates in the middle of an article no longer cuts it in two. A label's colon ("Published:",
/// "More:", "Share this:", three words at most) announces a value or a box, not a list.
pub(super) fn body_span(features: &[LineFeatures], classes: &[Class]) -> std::ops::Range<usize> {
    let (mut best, mut best_sum) = (0..0, 0i64);
    let (mut start, mut sum) = (0, 0i64);
    let mut announced = false;
    for (i, (f, &class)) in features.iter().zip(classes).enumerate() {
        if sum <= 0 {
            start = i;
            sum = 0;
        }
        let in_list = announced && class == Class::Short;
        if class != Class::Blank {
            announced = in_list || (f.colon && !f.label && matches!(class, Class::Prose | Class::Short));
        }
        sum += if in_list { 0 } else { weight(f, class) };
        if sum > best_sum {
            best_sum = sum;
            best = start..i + 1;
        }
    }
    best
}

/// The byline ends the article's header: long lines without a sentence end above it, at the
/// start of the body, are a headline, a standfirst or a breadcrumb trail glued to the headline
/// ("Home News Business Ascom announces a strategic partnership with ..."), which weigh as
/// prose. So when a byline or dateline comes before the body's first sentence, the body starts
/// after it. A body without a sentence is left as it is.
pub(super) fn starts_after_byline(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let sentence =
        |i: usize| classes[i] == Class::Prose && (features[i].terminal || features[i].inner_sentences > 0);
    let Some(first_sentence) = span.clone().find(|&i| sentence(i)) else {
        return span;
    };
    match (span.start..first_sentence).rev().find(|&i| features[i].byline && classes[i] != Class::Furniture) {
        Some(byline) => byline + 1..span.end,
        None => span,
    }
}

/// A text without a single line of prose (a post, a caption, a headline and two sentences) is
/// all body, page furniture aside: from its first sentence (the lines above it can still be a
/// title and byline), or from its first line if it has no sentence, to its last non-furniture
/// line.
pub(super) fn short_text_body(features: &[LineFeatures], classes: &[Class]) -> std::ops::Range<usize> {
    let content = |i: &usize| matches!(classes[*i], Class::Short | Class::Prose);
    let Some(last) = (0..classes.len()).rev().find(content) else {
        return 0..0;
    };
    let first_sentence = (0..=last).find(|&i| content(&i) && features[i].terminal);
    let first = first_sentence.or_else(|| (0..=last).find(content)).unwrap_or(last);
    first..last + 1
}

/// A text that is one headline-shaped line is a headline on its own (a dataset of headlines, a
/// title field passed as text); a lone byline or menu is not.
pub(super) fn lone_headline(features: &[LineFeatures], classes: &[Class]) -> Option<usize> {
    let mut content = (0..classes.len()).filter(|&i| classes[i] != Class::Blank);
    let only = content.next()?;
    let headline =
        content.next().is_none() && classes[only] != Class::Furniture && features[only].is_bare_headline();
    headline.then_some(only)
}

/// A body that ends announcing a list ("The tour dates:") goes on over what follows it (the
/// list's short lines of dates, scores, names, and any prose after them), up to the next
/// furniture line or the end of the text.
pub(super) fn extend_over_list(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let non_blank = |i: &usize| classes[*i] != Class::Blank;
    let Some(last) = span.clone().rev().find(non_blank) else {
        return span;
    };
    let Some(next) = (span.end..classes.len()).find(non_blank) else {
        return span;
    };
    let announced = features[last].colon || (classes[next] == Class::Short && features[next].colon);
    if !announced {
        return span;
    }
    let end = (next..classes.len()).find(|&i| classes[i] == Class::Furniture).unwrap_or(classes.len());
    span.start..end
}
