//! Step 4: which block is title, byline, body or boilerplate, and the text rules that clean the
//! body whichever way it was found.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{Block, flag};
use super::readability::ReadabilityResult;
use crate::zones::ZoneKind;

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
/// The plain-text zoner has a broader list of its own (`TRAILING_NOTICES` in `zones/smooth.rs`),
/// tuned on plain-text pages.
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
pub(super) fn is_prose(b: &Block) -> bool {
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

pub(super) const WIDGET: u32 = flag::SOCIAL
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

pub(super) fn classify(blocks: &[Block], r: &ReadabilityResult) -> Vec<ZoneKind> {
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
        // Lines without letters are rules, counters and icons; in a code block (`<pre>`) they
        // close its functions ("});").
        if !b.text.chars().any(char::is_alphabetic) && !b.has(flag::PRE) {
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
    // 4. Prose, headings and code lines (`<pre>`) between body blocks that readability dropped
    // (embedded posts, subheadings, a code block's lines) come back.
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
                    && (is_prose(b) || (b.heading >= 2 && b.words() <= 20) || b.has(flag::PRE))
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
pub(super) fn clean_body(blocks: &[Block], kinds: &mut [ZoneKind]) {
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
