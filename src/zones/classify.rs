//! Step 4, classify: each block is prose, short, furniture or blank (`classify`).

use super::features::{LineFeatures, Phrase};

// ---------------------------------------------------------------------------------------------
// 4. Classify
// ---------------------------------------------------------------------------------------------

/// The coarse class of a line, before looking at its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Blank,
    /// Sentences: the stuff articles are made of.
    Prose,
    /// Any other text: headings, captions, bylines, menu items. Its neighbours decide.
    Short,
    /// Furniture wherever it is.
    Furniture,
}

/// A related-headlines list ends at the first line that is clearly a paragraph: this long and
/// ending like a sentence (headlines are shorter or lack the final period).
const RELATED_LIST_END_WORDS: u32 = 12;
/// Truncated lines up to this long are teasers of other articles.
const TEASER_MAX_WORDS: u32 = 60;

pub(super) fn classify(features: &[LineFeatures]) -> Vec<Class> {
    let mut in_related_list = false;
    let mut classes: Vec<Class> = features
        .iter()
        .map(|f| {
            if f.words == 0 {
                return Class::Blank;
            }
            let prose = f.is_prose();
            if f.phrase == Some(Phrase::Related) {
                in_related_list = true;
                return Class::Furniture;
            }
            if in_related_list {
                if prose && f.terminal && f.words >= RELATED_LIST_END_WORDS {
                    in_related_list = false;
                } else {
                    return Class::Furniture;
                }
            }
            let furniture = matches!(f.phrase, Some(Phrase::Furniture | Phrase::Comments));
            let teaser = f.truncated && f.words <= TEASER_MAX_WORDS;
            if furniture || teaser || f.repeated || f.echo || (!prose && f.bullet && !f.is_sentence_like()) {
                Class::Furniture
            } else if prose {
                Class::Prose
            } else {
                Class::Short
            }
        })
        .collect();
    // A list of teasers of other articles: each paragraph is followed by the same "Read more"
    // link, or comes alone (no paragraph after it) right after a dateline that other teasers
    // share, under a headline or author line (not under a paragraph: a list of quotes, each
    // with its source and date, is part of an article). The article's first paragraph may come
    // after the same date as the teasers, but more paragraphs follow it.
    let mut before_last: Option<usize> = None;
    let mut last_content: Option<usize> = None;
    let mut dated_paragraph: Option<usize> = None;
    for (i, f) in features.iter().enumerate() {
        if f.words == 0 {
            continue;
        }
        if let Some(p) = dated_paragraph.take()
            && classes[i] != Class::Prose
        {
            classes[p] = Class::Furniture;
        }
        if let Some(j) = last_content {
            if f.read_more && f.repeated && classes[j] == Class::Prose {
                classes[j] = Class::Furniture;
            }
            let under_heading = before_last.is_none_or(|h| classes[h] != Class::Prose);
            if classes[i] == Class::Prose && features[j].byline && features[j].repeated && under_heading {
                dated_paragraph = Some(i);
            }
        }
        before_last = last_content;
        last_content = Some(i);
    }
    classes
}
