//! Step 6, smooth: the lines inside the body (`smooth`), then the notices at its end
//! (`trim_trailing_notices`).

use super::classify::Class;
use super::features::{LineFeatures, strip_wire_credit};
use super::words::starts_with_ignore_ascii_case;
use super::{Line, ZoneKind};

// ---------------------------------------------------------------------------------------------
// 6. Smooth
// ---------------------------------------------------------------------------------------------

/// This many short lines in a row (blank lines aside) are a block of furniture, not headings.
const SHORT_RUN: usize = 3;

/// Decides the lines inside the body span: prose is body, furniture is boilerplate, short lines
/// are body when they are isolated between prose (subheadings) and boilerplate in runs, unless
/// they are sentences (items of a list in the article) or a list announced by a colon.
pub(super) fn smooth(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    let mut i = span.start;
    while i < span.end {
        match classes[i] {
            Class::Prose => kinds[i] = ZoneKind::Body,
            Class::Short | Class::Furniture => {
                // The run of non-prose lines starting here, blank lines and sentences skipped.
                let mut end = i;
                let mut count = 0;
                while end < span.end && classes[end] != Class::Prose {
                    let f = &features[end];
                    let short = classes[end] != Class::Blank && !f.is_sentence_like() && !f.code;
                    count += usize::from(short);
                    end += 1;
                }
                let announced = (span.start..i)
                    .rev()
                    .find(|&j| classes[j] != Class::Blank)
                    .is_some_and(|j| features[j].colon)
                    || features[i].colon;
                for j in i..end {
                    let sentence = features[j].is_sentence_like() || features[j].code;
                    if classes[j] == Class::Short && (count < SHORT_RUN || sentence || announced) {
                        kinds[j] = ZoneKind::Body;
                    }
                }
                i = end;
                continue;
            }
            Class::Blank => {}
        }
        i += 1;
    }
}

/// A trailing notice has at most this many words.
const TRAILING_NOTICE_MAX_WORDS: u32 = 60;

/// Phrases (lowercase) of the notices sites append to every article: copyright and reprint
/// notices, calls to follow, subscribe, sign up, download the app, write in, advertise.
/// The HTML reader has its own, narrower list for page blocks (`TRAILING_NOTICE` in
/// `input/html/classify.rs`: "follow us" only next to a social network's name); each was tuned
/// on its own benchmark (plain-text pages here, HTML pages there), so they are kept apart.
#[rustfmt::skip]
const TRAILING_NOTICES: &[&str] = &[
    "©", "copyright", "all rights reserved", "without permission", "written permission",
    "without prior permission", "follow us", "follow him", "follow her", "follow them",
    "find us on", "join us on", "like us on", "connect with us", "subscribe now",
    "subscribe today", "subscribe here", "subscribe to our", "subscribe to the", "sign up here",
    "sign up now", "sign up today", "sign up for our", "sign up to our", "by signing up",
    "newsletter",
    "your inbox", "unsubscribe", "download the", "download our", "get the app", "letters@",
    "letter to the editor", "tell us what you think", "we want to hear", "have a tip",
    "have a news tip", "send us your", "click here", "contact us at", "email us at",
    "reach us at", "can be reached at", "may be reached at", "advertise with",
];

/// What an author's bio says the author is ("Jane Doe is a senior writer for ...").
#[rustfmt::skip]
const BIO_ROLES: &[&str] = &[
    "writer", "reporter", "editor", "correspondent", "columnist", "journalist", "professor",
    "author", "contributor", "founder", "director", "fellow", "analyst", "consultant",
    "producer", "researcher", "freelance", "lecturer", "scientist", "student", "blogger",
];

/// An author's bio: a name (one to four capitalised words), "is a/an/the", and a role, in one
/// short paragraph.
fn is_author_bio(content: &str, lower: &str) -> bool {
    let mut words = content.split_whitespace();
    let mut name = 0;
    let verb = loop {
        match words.next() {
            Some(w) if name < 4 && w.starts_with(char::is_uppercase) => name += 1,
            Some(w) if name > 0 && w == "is" => break words.next(),
            _ => return false,
        }
    };
    matches!(verb, Some("a" | "an" | "the")) && BIO_ROLES.iter().any(|r| lower.contains(r))
}

/// An "About ..." box at the end of the body (the author, the company of a press release) has
/// at most this many lines under its heading.
const ABOUT_BOX_LINES: usize = 4;

/// The heading of an "About" box: "About", "About Jane Doe", "About the author", "About us",
/// "Über ...", "Sobre ...", "À propos ...": the word and then a name, not "About the study".
fn is_about_heading(f: &LineFeatures, content: &str) -> bool {
    if f.words > 5 || f.terminal || f.bullet {
        return false;
    }
    ["About", "Über", "Sobre", "À propos", "Acerca de"].iter().any(|&word| {
        content.strip_prefix(word).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', ':']);
            rest.is_empty()
                || rest.starts_with(char::is_uppercase)
                || ["the author", "me", "us", "den autor", "mich", "uns", "l'auteur", "o autor"]
                    .iter()
                    .any(|n| starts_with_ignore_ascii_case(rest, n) && rest.len() <= n.len() + 1)
        })
    })
}

/// Walking back from the end of the body: copyright and reprint notices, calls to follow or
/// subscribe, and the author's bio are boilerplate, up to the first line that is none of these
/// (so an article that quotes such a sentence keeps it); so is an "About ..." box of a few
/// lines (see [`is_about_heading`]). Only the last lines are looked at.
pub(super) fn trim_trailing_notices(
    lines: &[Line<'_>],
    features: &[LineFeatures],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    // Body lines above the trimmed end that are no notice: an "About" box, if a heading comes.
    let mut pending: Vec<usize> = Vec::new();
    for i in span.rev() {
        let f = &features[i];
        if f.words == 0 || kinds[i] != ZoneKind::Body {
            continue;
        }
        let content = lines[i].content;
        if is_about_heading(f, content) {
            for j in pending.drain(..).chain([i]) {
                kinds[j] = ZoneKind::Boilerplate;
            }
            continue;
        }
        if pending.is_empty() && f.words <= TRAILING_NOTICE_MAX_WORDS {
            // A paragraph that ends with a wire credit ("... said. ©AFP") is no notice.
            let lower = strip_wire_credit(content).unwrap_or(content).to_lowercase();
            if TRAILING_NOTICES.iter().any(|n| lower.contains(n)) || is_author_bio(content, &lower) {
                kinds[i] = ZoneKind::Boilerplate;
                continue;
            }
        }
        pending.push(i);
        if pending.len() > ABOUT_BOX_LINES {
            break;
        }
    }
}
