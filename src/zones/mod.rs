//! Zoning: which parts of an article's text are its title, byline, body, and which are page
//! furniture (boilerplate) that a scraper kept.
//!
//! Zoning is a pure function of the text: no I/O, no state between articles.
//!
//! # How it works
//!
//! Scraped article text usually has one text node (or one paragraph) per line, with menus,
//! share bars, related-headline lists, login forms and footers above, below and sometimes inside
//! the article. The classifier works on lines, joined into blocks, and is a single pipeline;
//! every step is one pass over the lines, so the whole is O(text length), a 50 MB line included.
//! `run` (in this file) calls the steps in order; each step names the file that holds it:
//!
//! 1. **Split lines** (`split_lines`, `mod.rs`): byte ranges of the lines, newline included, so
//!    that the lines tile the text and every zone boundary falls just after a `\n` (a char
//!    boundary).
//! 2. **Per-line features** ([`LineFeatures`], `features.rs`; the word scanner it uses is in
//!    `words.rs`): every cue the classifier looks at is computed in one place, in one scan of the
//!    line's words, without allocating: length in words, stop-word density, capitalisation,
//!    terminal punctuation, truncation ("..."), bullets, separators ("Home | World"), known
//!    furniture phrases, byline and date shape and code punctuation (for short lines only, from
//!    their first words' keys or a second look at their bytes), and how the line starts and ends
//!    (like the rest of a sentence, mid-sentence, as a label "Q:"). Words are compared with the
//!    word lists as integers (`Key`), not as lowercased copies, and a word's key is only made
//!    when some list may hold it.
//! 3. **Join fragments** (`join_fragments`, `mark_repeated`, `blocks.rs`): a scraper that writes
//!    one text node per line cuts a paragraph at every link. A line that continues the sentence of
//!    the line before it (it starts lowercase or with ", . )", or the line before ends with "the",
//!    "of", a comma, a possessive) joins that line's block, and the rest of the pipeline sees
//!    blocks, so a paragraph is judged as the paragraph it is. Then repetition: whether a block
//!    occurs more than once in the text (one `HashMap` of `&str` for the whole text).
//! 4. **Classify** (`classify`, `classify.rs`): each block is prose, a short line (heading,
//!    caption, menu item, byline), furniture, or blank. A heading such as "Also Read" turns the
//!    headline list under it into furniture, up to the next real paragraph; so are the paragraphs
//!    of a list of teasers (each followed by the same "Read more", or alone after a shared
//!    dateline).
//! 5. **Find the body** (`body_span`, `body.rs`): furniture clusters at the top and bottom of a
//!    page and the body is the densest run of prose, so each block gets a weight (+words for
//!    prose, -words and a fixed cost for anything else, nothing for code lines and a line repeated
//!    right after itself, a large cost for the start of the comments) and the body is the run of
//!    blocks with the maximum total weight (Kadane's algorithm). A short interruption inside the
//!    article (an ad, a related list) costs less than the prose around it, so the run bridges it;
//!    a list of teasers (headline, author, one paragraph) does not pay for itself. The body starts
//!    after a byline that comes before its first sentence, and a body that ends with a colon
//!    ("Tour dates:") goes on over the list after it.
//! 6. **Smooth** (`smooth`, `smooth.rs`): inside the body, furniture stays boilerplate, a short
//!    line between prose lines (a subheading) is body, and a run of short lines (a share bar, an
//!    author box) is boilerplate unless its lines are sentences, code or a colon announced them.
//!    Everything outside the body is boilerplate. Then, walking back from the body's end,
//!    copyright notices, calls to subscribe or follow, the author's bio and an "About ..." box go
//!    (`trim_trailing_notices`).
//! 7. **Title and byline** (`title_and_byline`, `title.rs`): the title is the headline-shaped line
//!    above the body that shares most content words with the body's first paragraphs (a photo
//!    credit, a dateline or a menu shares none), the nearest on a tie; byline and date lines
//!    between it and the body are the byline.
//! 8. **Merge** (`fill_blanks`, `merge`, `mod.rs`): blank lines join the zone before them, equal
//!    neighbours are merged.
//!
//! A text with no prose line at all (a short post, a caption) has no densest run; its body is
//! then every non-furniture line from its first sentence on (`short_text_body`, `body.rs`).
//! A text that is one short line without sentence punctuation (a headline on its own) is all
//! title, with no body; that is decided right after step 4 (`lone_headline`, `body.rs`).
//!
//! [`classify_lines`] exposes the per-line decisions and the features of each line's block, for
//! debugging and for the evaluation driver in `scripts/zoning/`.

mod blocks;
mod body;
mod classify;
mod features;
mod smooth;
mod title;
mod words;

pub use features::{LineFeatures, Phrase};

use blocks::{join_fragments, mark_repeated};
use body::{body_span, extend_over_list, lone_headline, short_text_body, starts_after_byline};
use classify::{Class, classify};
use smooth::{smooth, trim_trailing_notices};
use title::title_and_byline;

/// The kind of a zone, as printed in reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ZoneKind {
    Title,
    Byline,
    Body,
    Boilerplate,
}

impl ZoneKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Byline => "byline",
            ZoneKind::Body => "body",
            ZoneKind::Boilerplate => "boilerplate",
        }
    }
}

/// A set of zone kinds, one bit each (a rule's scope; the zones a line overlaps).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ZoneSet(u8);

impl ZoneSet {
    pub const NONE: ZoneSet = ZoneSet(0);
    pub const ALL: ZoneSet = ZoneSet(0b1111);

    pub const fn of(kind: ZoneKind) -> ZoneSet {
        ZoneSet(match kind {
            ZoneKind::Title => 1,
            ZoneKind::Byline => 2,
            ZoneKind::Body => 4,
            ZoneKind::Boilerplate => 8,
        })
    }

    pub const fn with(self, kind: ZoneKind) -> ZoneSet {
        ZoneSet(self.0 | ZoneSet::of(kind).0)
    }

    pub const fn without(self, kind: ZoneKind) -> ZoneSet {
        ZoneSet(self.0 & !ZoneSet::of(kind).0)
    }

    pub const fn contains(self, kind: ZoneKind) -> bool {
        self.0 & ZoneSet::of(kind).0 != 0
    }

    /// One bit per zone kind, for tables of many sets (the matcher's per-line zones).
    pub const fn bits(self) -> u8 {
        self.0
    }
}

/// A half-open byte range `start..end` of the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub kind: ZoneKind,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into zones that are in order, do not overlap, cover the whole text
/// (`zones[0].start == 0`, `zones.last().end == text.len()`, each zone starts where the previous
/// ends), never split a UTF-8 character, and never have two neighbours of the same kind.
/// An empty text has no zones.
pub fn detect_zones(text: &str) -> Vec<Zone> {
    let (blocks, _, kinds) = run(text);
    merge(&blocks, &kinds)
}

/// The decision for one line, for debugging and evaluation: the line's byte range (newline
/// included), the features of the block it belongs to (see `join_fragments`), and its zone
/// kind. Blank lines carry the kind of the zone they are merged into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineDecision {
    pub start: usize,
    pub end: usize,
    pub features: LineFeatures,
    pub kind: ZoneKind,
    /// The line continues the block of the line before it (a fragment of the same paragraph).
    pub joined: bool,
}

/// Runs the pipeline and returns one decision per line (a run of blank lines is one line), in
/// order; the lines tile the text.
pub fn classify_lines(text: &str) -> Vec<LineDecision> {
    let (blocks, features, kinds) = run(text);
    let mut decisions = Vec::with_capacity(blocks.len());
    let mut b = 0;
    // Blocks are runs of whole lines and both tile the text, so one walk pairs them.
    for line in split_lines(text) {
        while blocks[b].end <= line.start {
            b += 1;
        }
        decisions.push(LineDecision {
            start: line.start,
            end: line.end,
            features: features[b],
            kind: kinds[b],
            joined: line.start != blocks[b].start,
        });
    }
    decisions
}

/// The pipeline: the blocks, their features, and the zone kind of each block.
fn run(text: &str) -> (Vec<Line<'_>>, Vec<LineFeatures>, Vec<ZoneKind>) {
    let (blocks, features) = join_fragments(text, split_lines(text));
    let features = mark_repeated(&blocks, features);
    let classes = classify(&features);
    let mut kinds = vec![ZoneKind::Boilerplate; blocks.len()];
    // A text that is one headline-shaped line is a title, with no body (`lone_headline`).
    if let Some(headline) = lone_headline(&features, &classes) {
        kinds[headline] = ZoneKind::Title;
        fill_blanks(&classes, &mut kinds);
        return (blocks, features, kinds);
    }
    let mut span = extend_over_list(
        &features,
        &classes,
        starts_after_byline(&features, &classes, body_span(&features, &classes)),
    );
    if span.is_empty() {
        span = short_text_body(&features, &classes);
    }
    smooth(&features, &classes, span.clone(), &mut kinds);
    trim_trailing_notices(&blocks, &features, span.clone(), &mut kinds);
    title_and_byline(&blocks, &features, &classes, span, &mut kinds);
    fill_blanks(&classes, &mut kinds);
    (blocks, features, kinds)
}

// ---------------------------------------------------------------------------------------------
// 1. Split lines
// ---------------------------------------------------------------------------------------------

/// A stretch of whole lines: from [`split_lines`], one line or a run of blank lines; from
/// `join_fragments` on, a block (the lines of one paragraph that a scraper cut at its links),
/// which is what every later step calls a line. `start..end` includes the last line's
/// terminator, `content` is the text trimmed of whitespace (including the `\r` of CRLF endings).
struct Line<'a> {
    start: usize,
    end: usize,
    content: &'a str,
}

/// Consecutive blank lines become one line: they carry nothing, and a text of millions of
/// newlines then costs one entry instead of millions.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let end = start + raw.len();
        let content = raw.trim();
        match lines.last_mut() {
            Some(last) if content.is_empty() && last.content.is_empty() => last.end = end,
            _ => lines.push(Line { start, end, content }),
        }
        start = end;
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// 8. Merge
// ---------------------------------------------------------------------------------------------

/// Blank lines take the kind of the nearest non-blank line before them (after them at the start
/// of the text), so they never split a zone.
fn fill_blanks(classes: &[Class], kinds: &mut [ZoneKind]) {
    let first = classes.iter().position(|&c| c != Class::Blank);
    let mut current = first.map_or(ZoneKind::Boilerplate, |i| kinds[i]);
    for (kind, &class) in kinds.iter_mut().zip(classes) {
        if class == Class::Blank {
            *kind = current;
        } else {
            current = *kind;
        }
    }
}

/// Merges consecutive lines of the same kind into zones.
fn merge(lines: &[Line<'_>], kinds: &[ZoneKind]) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    for (line, &kind) in lines.iter().zip(kinds) {
        match zones.last_mut() {
            Some(zone) if zone.kind == kind => zone.end = line.end,
            _ => zones.push(Zone { kind, start: line.start, end: line.end }),
        }
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::features::strip_wire_credit;
    use super::*;

    const SEED_000: &str = include_str!("../../tests/data/zones/000_efcd41e9a7eb89e8.txt");
    const SEED_003: &str = include_str!("../../tests/data/zones/003_836afd67f5dc4781.txt");

    /// The kind of every line whose trimmed text is `line` (each occurrence).
    fn kinds_of(text: &str, line: &str) -> Vec<ZoneKind> {
        let decisions = classify_lines(text);
        let found: Vec<ZoneKind> =
            decisions.iter().filter(|d| text[d.start..d.end].trim() == line).map(|d| d.kind).collect();
        assert!(!found.is_empty(), "line not found: {line:?}");
        found
    }

    fn kinds_of_prefix(text: &str, prefix: &str) -> Vec<ZoneKind> {
        let decisions = classify_lines(text);
        let found: Vec<ZoneKind> = decisions
            .iter()
            .filter(|d| text[d.start..d.end].trim().starts_with(prefix))
            .map(|d| d.kind)
            .collect();
        assert!(!found.is_empty(), "line not found: {prefix:?}");
        found
    }

    #[test]
    fn short_texts_without_prose_are_body() {
        let kinds = |text: &str| detect_zones(text).iter().map(|z| z.kind).collect::<Vec<_>>();
        assert_eq!(kinds("A game-changer, they say."), [ZoneKind::Body]);
        assert_eq!(kinds("The council met, said Smith."), [ZoneKind::Body]);
        assert_eq!(
            kinds("Headline\r\n\r\nA calm day.\r\nThen a terrifying storm.\r\n"),
            [ZoneKind::Title, ZoneKind::Body]
        );
        assert_eq!(
            kinds("Terrifying news\n\nA terrifying invasion is near. This proves the plan failed.\n"),
            [ZoneKind::Title, ZoneKind::Body]
        );
        assert_eq!(kinds("You Won't Believe What This Dog Did Next"), [ZoneKind::Title]);
        assert_eq!(kinds("\n  Breaking news  \n\n"), [ZoneKind::Title]);
        // A lone byline or menu is no headline (as it is not above a body either).
        assert_eq!(kinds("By Jane Doe"), [ZoneKind::Body]);
        assert_eq!(kinds("Home | World | Sport | Business"), [ZoneKind::Body]);
    }

    fn assert_all(text: &str, line: &str, kind: ZoneKind) {
        for k in kinds_of(text, line) {
            assert_eq!(k, kind, "{line:?}");
        }
    }

    fn check_invariants(text: &str) {
        let zones = detect_zones(text);
        if text.is_empty() {
            assert!(zones.is_empty());
            return;
        }
        assert_eq!(zones[0].start, 0, "{text:?}");
        assert_eq!(zones.last().unwrap().end, text.len());
        for z in &zones {
            assert!(z.start < z.end, "empty zone {z:?}");
            assert!(text.is_char_boundary(z.start) && text.is_char_boundary(z.end));
        }
        for pair in zones.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert_ne!(pair[0].kind, pair[1].kind);
        }
    }

    #[test]
    fn seed_003_furniture_is_boilerplate() {
        let t = SEED_003;
        for line in [
            "TFIGlobal",
            "No Result",
            "View All Result",
            "• Indo-Pacific",
            "• The Caribbean",
            "Share on FacebookShare on X",
            "Also Read",
            "How US vs Russia, China clash is damaging global cybersecurity?",
            "IMF and the West once again come out in support of terrorism, give Pakistan $2.4 bn aid",
            "Why U.S. Should Not Sell Its Military Technology to Pakistan?",
            "Tags: Joe BidenRussiaShort takesUSAVladimir Putin",
            "ShareTweetSend",
            "Germany Declares Immigration Emergency: Merz’s Policy Shift Sparks EU Tension",
            "Fico and Orban join up to take on EU over Ukraine",
            "May 1, 2025",
            "Youtube Twitter Facebook",
            "• About Us",
            "• Privacy Policy",
            "©2025 - TFI MEDIA PRIVATE LIMITED",
            "Welcome Back!",
            "Login to your account below",
            "Forgotten Password?",
            "Retrieve your password",
            "Please enter your username or email address to reset your password.",
            "Log In",
            "Add New Playlist",
        ] {
            assert_all(t, line, ZoneKind::Boilerplate);
        }
    }

    #[test]
    fn seed_003_title_byline_body() {
        let t = SEED_003;
        assert_eq!(kinds_of_prefix(t, "After Biden threatened to grill Putin"), [ZoneKind::Title]);
        assert_all(t, "Sohil Sinha by Sohil Sinha", ZoneKind::Byline);
        let date = kinds_of(t, "June 2, 2021");
        assert!(date == [ZoneKind::Byline] || date == [ZoneKind::Body], "{date:?}");

        // Every paragraph from the first to the last is body, quotes included.
        let decisions = classify_lines(t);
        let line_of = |prefix: &str| decisions.iter().position(|d| t[d.start..].starts_with(prefix)).unwrap();
        let first = line_of("Following President Joe Biden’s statement");
        let last = line_of("President Joe Biden and his Democratic government");
        assert!(t[decisions[last].start..decisions[last].end].contains("throws at them."));
        let also_read = line_of("Also Read");
        let resume = line_of("“We are ready to talk");
        for (i, d) in decisions.iter().enumerate().take(last + 1).skip(first) {
            let line = t[d.start..d.end].trim();
            if line.is_empty() || (also_read..resume).contains(&i) {
                continue;
            }
            assert_eq!(d.kind, ZoneKind::Body, "{line:?}");
        }
    }

    #[test]
    fn seed_000() {
        let t = SEED_000;
        assert_eq!(
            kinds_of(t, "The United States of America and Russia meeting maybe under pressure."),
            [ZoneKind::Title]
        );
        assert_eq!(kinds_of_prefix(t, "• The United States of America"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(t, "• Lifting sanctions"), [ZoneKind::Boilerplate]);
        for prefix in [
            "[Alles Europa News] ; While Russia",
            "With vast hacking",
            "On his campaign podium",
            "But since then",
            "“We have said very clearly",
            "However, he considered",
        ] {
            assert_eq!(kinds_of_prefix(t, prefix), [ZoneKind::Body], "{prefix:?}");
        }
        for prefix in ["For those of you who have indicated", "Don`t copy text!"] {
            assert_ne!(kinds_of_prefix(t, prefix), [ZoneKind::Title], "{prefix:?}");
        }
    }

    #[test]
    fn clean_article_is_title_and_body() {
        let t = "Council approves new budget for city schools\n\n\
                 The city council voted on Tuesday to approve a budget that gives more money to \
                 the schools in the north of the city.\n\n\
                 It is the first time in a decade that the budget has grown, and the mayor said \
                 that the vote was a victory for the families of the city.\n";
        let zones = detect_zones(t);
        let kinds: Vec<ZoneKind> = zones.iter().map(|z| z.kind).collect();
        assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Body]);
        assert_eq!(t[zones[0].start..zones[0].end].trim(), "Council approves new budget for city schools");
        check_invariants(t);
    }

    const PARAGRAPH_1: &str = "The city council voted on Tuesday to approve a budget that gives more \
                               money to the schools in the north of the city.";
    const PARAGRAPH_2: &str = "It is the first time in a decade that the school budget has grown, and \
                               the mayor said that the vote was a victory for the families.";

    #[test]
    fn menu_line_next_to_the_headline_is_not_the_title() {
        let headline = "Council approves new budget for city schools";
        for t in [
            format!("Home | World | Business | Share\n{headline}\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
            format!("{headline}\nHome | World | Business | Share\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
            format!("Home | World | Share\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
        ] {
            let decisions = classify_lines(&t);
            for d in &decisions {
                let line = t[d.start..d.end].trim();
                if line.starts_with("Home") {
                    assert_eq!(d.kind, ZoneKind::Boilerplate, "{t:?}");
                }
                if line == headline {
                    assert_eq!(d.kind, ZoneKind::Title, "{t:?}");
                }
            }
            check_invariants(&t);
        }
    }

    #[test]
    fn the_title_is_the_headline_about_the_body_not_a_credit() {
        let t = format!(
            "Council approves new budget for city schools\nBy Jane Doe\nJohn Roe | Example Images\n\n\
             {PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"
        );
        assert_eq!(kinds_of(&t, "Council approves new budget for city schools"), [ZoneKind::Title]);
        assert_eq!(kinds_of(&t, "By Jane Doe"), [ZoneKind::Byline]);
        assert_eq!(kinds_of(&t, "John Roe | Example Images"), [ZoneKind::Boilerplate]);
    }

    #[test]
    fn a_trending_menu_does_not_hide_the_headline() {
        // "Trending" starts a related list, which runs on to the first paragraph; the headline
        // and byline inside it are still found.
        let t = format!(
            "Trending\n  • Climate\n  • Space\nCouncil approves new budget for city schools\n\
             By Jane Doe - 11/19/19 06:56 AM EST\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"
        );
        assert_eq!(kinds_of(&t, "Council approves new budget for city schools"), [ZoneKind::Title]);
        assert_eq!(kinds_of(&t, "By Jane Doe - 11/19/19 06:56 AM EST"), [ZoneKind::Byline]);
        assert_eq!(kinds_of(&t, "• Space"), [ZoneKind::Boilerplate]);
    }

    #[test]
    fn paragraph_fragments_split_at_links_are_one_block() {
        // One text node per line: the links "Los Angeles Times" and "the mayor" cut the
        // paragraphs; the pieces are judged together, as the paragraphs they are.
        let t = "Home\nWorld\nSport\nCouncil approves new budget for city schools\nby Jane Doe\n\
                 The city council voted on Tuesday to approve a budget, according to the\n\
                 Los Angeles Times\n\
                 . It gives more money to the schools in the north of the city.\n\
                 It is the first time in a decade that the budget has grown, and\n\
                 the mayor\n\
                 said that the vote was a victory for the families of the city.\n\
                 Share this:\nFacebook\nTwitter\n";
        let decisions = classify_lines(t);
        let kind = |line: &str| decisions.iter().find(|d| t[d.start..d.end].trim() == line).unwrap().kind;
        for line in [
            "Los Angeles Times",
            "the mayor",
            ". It gives more money to the schools in the north of the city.",
        ] {
            assert_eq!(kind(line), ZoneKind::Body, "{line:?}");
        }
        assert!(decisions.iter().filter(|d| d.joined).count() == 4);
        assert_eq!(kind("Council approves new budget for city schools"), ZoneKind::Title);
        assert_eq!(kind("by Jane Doe"), ZoneKind::Byline);
        for line in ["Home", "Sport", "Share this:", "Twitter"] {
            assert_eq!(kind(line), ZoneKind::Boilerplate, "{line:?}");
        }
        check_invariants(t);
    }

    #[test]
    fn copies_of_the_whole_article_are_boilerplate() {
        let article = format!("{PARAGRAPH_1} {PARAGRAPH_2} ").repeat(12);
        let copy = article.trim();
        let paragraphs = format!("{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n").repeat(12);
        let t = format!("Council approves new budget for city schools\n\n{paragraphs}{copy}\n{copy}\n");
        assert_eq!(kinds_of(&t, copy), [ZoneKind::Boilerplate, ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body; 12]);
        // Once, it is the article, written as one line.
        let once = format!("Council approves new budget for city schools\n\n{copy}\n");
        assert_eq!(kinds_of(&once, copy), [ZoneKind::Body]);
    }

    #[test]
    fn teasers_that_end_with_the_same_read_more_link_are_not_body() {
        let teaser = |n: u32| {
            format!(
                "Story {n} headline here\nBy Jane Doe\nThe council said on Monday that the new \
                 rules would apply to all of the schools in the city, and that the money would \
                 be paid out in the spring, number {n}.\nRead More\n"
            )
        };
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             {PARAGRAPH_1}\n\n{}{}{}",
            teaser(1),
            teaser(2),
            teaser(3)
        );
        assert_eq!(kinds_of_prefix(&t, "The council said on Monday"), [ZoneKind::Boilerplate; 3]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);

        // "Read more:" introduces links inside the article; the paragraph before it stays.
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\nRead more:\n\n\
             Mayor opens the new bridge\n\n{PARAGRAPH_2}\n\nRead more:\n\nSchools get new rules\n\n\
             {PARAGRAPH_1}\n"
        );
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
    }

    #[test]
    fn lone_paragraphs_after_a_shared_dateline_are_teasers() {
        let teaser = |n: u32| {
            format!(
                "Story {n} headline here\nJane Doe\nTuesday November 19, 2019\nThe council said \
                 on Monday that the new rules would apply to all of the schools in the city, and \
                 that the money would be paid out in the spring, number {n}.\n"
            )
        };
        // The article has the teasers' date too, but more than one paragraph after it.
        let t = format!(
            "Council approves new budget for city schools\nTuesday November 19, 2019\n\
             {PARAGRAPH_1}\n{PARAGRAPH_2}\n{PARAGRAPH_1}\nElsewhere on the site\n{}{}{}",
            teaser(1),
            teaser(2),
            teaser(3)
        );
        assert_eq!(kinds_of_prefix(&t, "The council said on Monday"), [ZoneKind::Boilerplate; 3]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
    }

    #[test]
    fn linked_headlines_and_photo_credits_are_furniture() {
        for line in [
            "Related: Alaska Airlines delays full Oneworld membership to early 2021",
            "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense",
            "À lire aussi » Ballonnements, lourdeurs... Quel est votre profil digestif ?",
            "WeWork chairman Marcelo Claure (Credit: Getty Images)",
            "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com",
            "Photograph by Ed Marshall, Redonda Restoration Programme",
            "A cross-section through the module, showing the crew quarters. Credit: ESA",
        ] {
            assert_eq!(LineFeatures::of(line).phrase, Some(Phrase::Furniture), "{line:?}");
        }
        for line in ["Lesen Sie auch", "Baca juga", "Leia também"] {
            assert_eq!(LineFeatures::of(line).phrase, Some(Phrase::Related), "{line:?}");
        }
        for line in [
            "Related coverage of the vote will follow on Tuesday, the council said in a statement.",
            "The photos were taken by a photographer who works for Getty Images.",
            // The end of a caption cut at a link: it joins the caption, which is then furniture.
            ", may one day become an enabler of deep space travel. Credit: 20th Century Fox",
        ] {
            assert_eq!(LineFeatures::of(line).phrase, None, "{line:?}");
        }
    }

    #[test]
    fn code_blocks_inside_the_article_are_body() {
        // A tutorial: code blocks between paragraphs, each shown twice (once for the copy
        // button).
        let code = [
            "my_ggp <- ggplot(data, aes(x = Groups, y = Probability))",
            "my_ggp + theme(text = element_text(size = 20))",
            "if (x == null) { return; }",
            "storage._wrapped = empty",
        ];
        let blocks = code.map(|l| format!("{l}\n\n{l}\n\n")).concat();
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{blocks}\
             {PARAGRAPH_2}\n\n{PARAGRAPH_1}\n"
        );
        for line in code {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body, ZoneKind::Boilerplate], "{line:?}");
        }
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
        for line in code {
            assert!(LineFeatures::of(line).code, "{line:?}");
        }
        for line in [
            "Home > News > World",
            "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
            "___",
            "[button link=\"http://example.com/\" type=\"big\"]",
            "Read it at https://example.com/?id=3",
            "E = mc2 is the most famous equation of all, and it is the one that the physicist gave us",
        ] {
            assert!(!LineFeatures::of(line).code, "{line:?}");
        }
    }

    #[test]
    fn trailing_notices_and_the_authors_bio_are_not_body() {
        let bio = "Jane Doe is a senior writer for the Example Times, where she covers the city.";
        let quoted = "John Roe is a writer too, and he said that the schools had waited for years.";
        let notices = [
            "Subscribe now to our print edition for the full story.",
            "© 2024 Example Media. All rights reserved.",
        ];
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{quoted}\n\n\
             {PARAGRAPH_2}\n\n{PARAGRAPH_1}\n\n{bio}\n\n{}\n\n{}\n",
            notices[0], notices[1]
        );
        // The bio at the end goes; the like of it inside the article stays.
        assert_eq!(kinds_of(&t, bio), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, quoted), [ZoneKind::Body]);
        for line in notices {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Boilerplate], "{line:?}");
        }
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        // An article that ends on a sentence about signing up for something keeps it.
        let last = "If you just want the film service, you can sign up for a free trial of seven \
                    days, and pay each month after that.";
        let t = format!("Council approves new budget\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{last}\n");
        assert_eq!(kinds_of(&t, last), [ZoneKind::Body]);
    }

    #[test]
    fn an_about_box_at_the_end_is_not_body() {
        let about = "Example Systems is a global provider of software for schools and city councils, \
                     with offices in ten countries.";
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             {PARAGRAPH_1}\n\nAbout Example Systems\n\n{about}\n"
        );
        assert_eq!(kinds_of(&t, "About Example Systems"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, about), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        // A subheading about something else is the article's.
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             About the study\n\n{PARAGRAPH_1}\n"
        );
        assert_eq!(kinds_of(&t, "About the study"), [ZoneKind::Body]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
    }

    #[test]
    fn interview_questions_and_answers_are_body() {
        let qa = ["Q: Favourite childhood memory?", "A: A trip to the sea", "Q: Favourite books?", "A: Dune"];
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{}\n\n\
             {PARAGRAPH_1}\n",
            qa.join("\n\n")
        );
        for line in &qa[..3] {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body], "{line:?}");
        }
    }

    #[test]
    fn comments_and_teasers_are_not_body() {
        let paragraph = "The council said on Monday that the new rules would apply to all of the \
                         schools in the city, and that the money would be paid out in the spring.";
        let t = format!(
            "Council sets new school rules\n\n{paragraph}\n\n{paragraph}\n\n3 Comments\n\n\
             joe says:\n\nI think that this is a good idea and that the council is right to do \
             it, but it is late.\n\nMayor opens the new bridge over the river and the rail...\n"
        );
        assert_eq!(kinds_of(&t, "3 Comments"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "I think that this"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "Mayor opens"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, paragraph), [ZoneKind::Body, ZoneKind::Body]);
    }

    #[test]
    fn a_wire_credit_after_the_last_sentence_keeps_the_paragraph() {
        for line in [
            "政府は繰り返し主張しているが、アナリストは「攻撃を行う意図を維持している」と指摘している。(c)AFP/Aminu ABUBAKAR",
            "The talks will resume in Geneva next week, the ministry said. ©AFP",
        ] {
            assert!(LineFeatures::of(line).terminal, "{line:?}");
        }
        for line in ["Copyright (c) Yonhap News Agency", "© 2024 Example Media", "Photo (c) Jane Doe."] {
            assert!(strip_wire_credit(line).is_none(), "{line:?}");
        }
        let paragraph = "The council said on Monday that the new rules would apply to all of the \
                         schools in the city, and that the money would be paid out in the spring.";
        let last = "The mayor said the plan would be ready by the end of the year, aides said. ©AFP";
        let t = format!("Council sets new school rules\n\n{paragraph}\n\n{paragraph}\n\n{last}\n");
        assert_eq!(kinds_of(&t, last), [ZoneKind::Body]);
    }

    #[test]
    fn comment_counts_after_there_are_start_the_comments() {
        for line in
            ["There are 13 comments", "5 thoughts on “Council sets new school rules”", "Showing 2 comments"]
        {
            assert_eq!(LineFeatures::of(line).phrase, Some(Phrase::Comments), "{line:?}");
        }
        // A count inside a sentence is no heading.
        for line in ["The council read 13 comments from parents", "There are 13 schools"] {
            assert_ne!(LineFeatures::of(line).phrase, Some(Phrase::Comments), "{line:?}");
        }
        let paragraph = "The council said on Monday that the new rules would apply to all of the \
                         schools in the city, and that the money would be paid out in the spring.";
        let comment = "I think that this is a good idea and that the council is right to do it, \
                       but it is late and the schools have waited for years for the money.";
        let t = format!(
            "Council sets new school rules\n\n{paragraph}\n\n{paragraph}\n\nThere are 2 comments\n\n\
             Jane Roe · March 10, 2017 at 12:20 AM\n\n{comment}\n\nReply\n\n\
             John Doe · March 11, 2017 at 9:02 AM\n\n{comment}\n"
        );
        assert_eq!(kinds_of(&t, comment), [ZoneKind::Boilerplate, ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, paragraph), [ZoneKind::Body, ZoneKind::Body]);
    }

    #[test]
    fn a_list_announced_by_a_colon_inside_the_article_is_body() {
        let before = [
            "The report ranked ten rich countries on poverty, inequality, jobs and the safety net, \
             and it found that the country did worse than most of the others on almost every count.",
            "Among its key findings, the class a child is born into matters much more here than in \
             most of the other countries, the authors of the report wrote in their summary.",
        ];
        let after = [
            "The low ranking was due to the high levels of wealth and income inequality, and to a \
             safety net that the report called one of the weakest of all the countries it studied.",
            "The authors said that the safety net provides only half of the help that people in the \
             other countries get, and that it does so too late for many of the families in need.",
        ];
        let countries = ["Finland", "Norway", "Australia", "Canada", "Germany", "France", "Italy", "Spain"];
        let list: Vec<String> =
            countries.iter().enumerate().map(|(i, c)| format!("{}. {c}", i + 1)).collect();
        let announce = "The overall rankings of the countries were as follows:";
        let t = format!(
            "Country ranks low in new report\n\n{}\n\n{announce}\n{}\n\n{}\n",
            before.join("\n\n"),
            list.join("\n"),
            after.join("\n\n")
        );
        for line in before.iter().chain(&after) {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body], "{line:?}");
        }
        for line in &list {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body], "{line:?}");
        }
        // A label's colon ("PUBLISHED:", three words at most) announces a value, not a list: the
        // body still starts after the byline, without the standfirst above it.
        let standfirst = "Troops were sent to the city in a bid to restore order after months of \
                          riots, with a warning that it will not be allowed to spiral into chaos.";
        let t = format!(
            "Country sends troops to the city\n{standfirst}\nBy\nJane Doe\nPUBLISHED:\n\
             10:48, Tue, Nov 19, 2019\n| UPDATED:\n11:05, Tue, Nov 19, 2019\n{}\n",
            after.join("\n")
        );
        assert_eq!(kinds_of(&t, standfirst), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, "10:48, Tue, Nov 19, 2019"), [ZoneKind::Byline]);
    }

    #[test]
    fn paragraphs_ending_with_their_scripts_full_stop_are_sentences() {
        for line in [
            "သူတို သုံးဦးလုံးဟာ အောက်ပါ စွပ်စွဲချက်တွေနဲ့ တရားစွဲဆိုခံထားရတာဖြစ်ပါတယ်။",
            "यह योजना अगले साल से लागू होगी।",
            "یہ منصوبہ اگلے سال نافذ ہوگا۔",
        ] {
            assert!(LineFeatures::of(line).terminal, "{line:?}");
        }
    }

    #[test]
    fn spanish_comment_sections_are_not_body() {
        let paragraph = "El juez señala en el auto que hay indicios claros de que la sociedad pudo \
                         haber cometido delitos fiscales y de blanqueo de capitales en los años.";
        let t = format!(
            "El juez imputa a la infanta\n\n{paragraph}\n\n{paragraph}\n\nComentar\n\n\
             Recuerde que usted es responsable de todo lo que escribe y que se revelarán sus \
             datos a las autoridades públicas si se lo piden.\n"
        );
        assert_eq!(kinds_of(&t, "Comentar"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "Recuerde que"), [ZoneKind::Boilerplate]);
        assert_eq!(LineFeatures::of("12 comentarios").phrase, Some(Phrase::Comments));
    }

    #[test]
    fn invariants_hold_on_tricky_inputs() {
        let long_line = "word and the of ".repeat(65_536);
        let mut inputs: Vec<String> = [
            "",
            " ",
            "   \t  ",
            "\n",
            "\n\n\n\n",
            "\r\n\r\n",
            "no newline at all",
            "Title\r\n\r\nThe body of the article is here and it is long enough to be prose.\r\n",
            "é",
            "Ünïcödé héadline — ça va\n\n日本語の文章です。これは本文です。\n",
            "• a\n• b\n• c\n",
            "Share on Facebook\nShare on Facebook\n",
            "by Jane Doe\nJune 2, 2021\n",
            "x\ny\n",
            "\u{a0}\n\u{2028}\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push(long_line.clone());
        inputs.push(format!("Headline here\n{long_line}\nfooter"));
        inputs.push(SEED_000.replace('\n', "\r\n"));
        inputs.push(SEED_003.to_string());
        inputs.push(SEED_003.replace("\n\n", "\n"));
        // Every word on its own line, as a scraper that writes each text node and each link on
        // a line of its own would: most lines join.
        inputs.push(SEED_003.split_whitespace().collect::<Vec<_>>().join("\n"));
        inputs.push("and the\n".repeat(10_000));
        inputs.push("A\n, the\n".repeat(1_000) + "end.");
        for input in &inputs {
            check_invariants(input);
            // Every prefix ending on a char boundary, for the short inputs.
            if input.len() < 200 {
                for (i, _) in input.char_indices() {
                    check_invariants(&input[..i]);
                }
            }
        }
    }
}
