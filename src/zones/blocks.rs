//! Step 3, join fragments: lines cut at links become one block (`join_fragments`), and
//! repeated blocks are marked (`mark_repeated`).

use super::Line;
use super::features::{LineFeatures, Phrase, strip_bullet};
use crate::hash::FxHashMap;

// ---------------------------------------------------------------------------------------------
// 3. Join fragments
// ---------------------------------------------------------------------------------------------

/// Whether line `next` goes on the sentence that line `previous` left unfinished, so that both
/// are pieces of one paragraph (a scraper that writes one text node per line cuts a paragraph at
/// every link, bold word and footnote mark). The line before must not end a sentence or
/// announce a list, and either it ends open or the next line starts like the rest of a
/// sentence. A label goes with the sentence after it. List items and known furniture phrases
/// stay lines of their own, and so does a byline unless the sentence before is cut off right
/// before it ("met on" / "June 2"): "by Jane Doe" after a headline starts lowercase but is no
/// part of it.
fn continues_line(previous: &LineFeatures, next: &LineFeatures) -> bool {
    let own_line = |f: &LineFeatures| {
        f.bullet || matches!(f.phrase, Some(Phrase::Furniture | Phrase::Comments | Phrase::Related))
    };
    let unfinished =
        !previous.terminal && !previous.colon && (previous.open_end || (next.continues && !next.byline));
    let labelled = previous.label && next.terminal && !next.byline;
    previous.words > 0 && next.words > 0 && (unfinished || labelled) && !own_line(previous) && !own_line(next)
}

/// Joins the lines that are fragments of one paragraph into blocks (see [`continues_line`]) and
/// computes the features of each block; a block of one line keeps that line's features. The
/// rest of the pipeline works on blocks, so a paragraph split by its links is judged as the
/// paragraph it is. Each line is scanned once for its own features and once more only if it
/// is joined, so this stays linear.
pub(super) fn join_fragments<'a>(
    text: &'a str,
    mut lines: Vec<Line<'a>>,
) -> (Vec<Line<'a>>, Vec<LineFeatures>) {
    let offset = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let mut features: Vec<LineFeatures> = Vec::with_capacity(lines.len());
    // The blocks are built in place: `lines[..blocks]` are the blocks so far, the last one
    // possibly still growing (`joined`: it has more than one line, its features are stale).
    let mut blocks = 0;
    let mut previous = LineFeatures::default();
    let mut joined = false;
    for i in 0..lines.len() {
        let line = &lines[i];
        let f = LineFeatures::of(line.content);
        if blocks > 0 && continues_line(&previous, &f) {
            let (end, content_end) = (line.end, offset(line.content) + line.content.len());
            let block = &mut lines[blocks - 1];
            block.end = end;
            block.content = &text[offset(block.content)..content_end];
            joined = true;
        } else {
            if std::mem::take(&mut joined) {
                features[blocks - 1] = LineFeatures::of(lines[blocks - 1].content);
            }
            lines.swap(blocks, i);
            features.push(f);
            blocks += 1;
        }
        previous = f;
    }
    if joined {
        features[blocks - 1] = LineFeatures::of(lines[blocks - 1].content);
    }
    lines.truncate(blocks);
    (lines, features)
}

/// Prose of at least this many words is not furniture even when it is repeated (a pull quote,
/// a teaser that repeats the first paragraph)...
const LONG_PROSE_WORDS: u32 = 20;
/// ... unless it is this long: no paragraph is, but a copy of the whole article kept for
/// machines (structured data, a hidden print or app version) is, and pages that carry one
/// often carry two.
const ARTICLE_COPY_WORDS: u32 = 300;

/// Sets `repeated` on the features of every block whose text occurs more than once.
pub(super) fn mark_repeated<'a>(lines: &[Line<'a>], mut features: Vec<LineFeatures>) -> Vec<LineFeatures> {
    // Repetition: count lines by their text without bullet, so that a related-list item that
    // repeats a headline counts. Long prose is skipped (it is never furniture for being repeated,
    // and skipping it keeps the map small and the hashing cheap), except article copies, which
    // are only hashed when another one has the same length, so a text of one huge paragraph is
    // not hashed at all.
    let copy_lengths = {
        let mut lengths: FxHashMap<usize, u32> = FxHashMap::default();
        for (line, f) in lines.iter().zip(&features) {
            if f.words >= ARTICLE_COPY_WORDS {
                *lengths.entry(line.content.len()).or_insert(0) += 1;
            }
        }
        lengths
    };
    let key = |line: &Line<'a>, f: &LineFeatures| {
        let short = f.words > 0 && !(f.is_prose() && f.words >= LONG_PROSE_WORDS);
        let copy = f.words >= ARTICLE_COPY_WORDS && copy_lengths[&line.content.len()] > 1;
        (short || copy).then(|| strip_bullet(line.content).1)
    };
    let mut counts: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(lines.len(), Default::default());
    let mut previous: Option<&str> = None;
    for (line, f) in lines.iter().zip(features.iter_mut()) {
        if f.words == 0 {
            continue;
        }
        let k = key(line, f);
        f.echo = k.is_some() && k == previous && f.words < ARTICLE_COPY_WORDS;
        previous = k;
        if let Some(k) = k.filter(|_| !f.echo) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    for (line, f) in lines.iter().zip(features.iter_mut()) {
        f.repeated = !f.echo && key(line, f).is_some_and(|k| counts[k] > 1);
    }
    features
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_cues() {
        let f = LineFeatures::of;
        assert!(continues_line(&f("according to the"), &f("Los Angeles Times")));
        assert!(continues_line(&f("Los Angeles Times"), &f(". It gives more money.")));
        assert!(continues_line(&f("Japan's"), &f("Nikkei 225")));
        assert!(continues_line(&f("Prof. Carlos:"), &f("I am here with Eugene, who is at home here.")));
        assert!(continues_line(&f("Kindle for PC"), &f("に関する話。")));
        assert!(continues_line(&f("Alien"), &f("(pictured) and")));
        // A sentence that ends, a menu, a byline after a headline, a list, furniture: no.
        assert!(!continues_line(&f("The vote was a victory."), &f("and then")));
        assert!(!continues_line(&f("Home"), &f("World")));
        assert!(!continues_line(&f("Council approves new budget"), &f("by Jane Doe")));
        assert!(!continues_line(&f("Tour dates:"), &f("June 9 -- Tampa, FL")));
        assert!(!continues_line(&f("• one"), &f("• two")));
        assert!(!continues_line(&f("the story of"), &f("Share on Facebook")));
        assert!(!continues_line(&f("Mark Esper, left, and Ngo Xuan Lich shake"), &f("... more")));
    }
}
