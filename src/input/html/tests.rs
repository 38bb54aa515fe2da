//! Tests of HTML extraction: mostly whole pages through [`extract_html`], a few of the steps
//! (decoding, the nesting limit, prose lines, class cues, classification) on their own.

use std::collections::HashSet;

use dom_query::Document;

use super::blocks::{Block, flag};
use super::classify::{classify, is_prose};
use super::cues::attribute_flags;
use super::decode::{MAX_ATTRIBUTES, MAX_NESTING, limit_attributes, limit_nesting};
use super::readability::ReadabilityResult;
use super::*;
use crate::zones::ZoneKind;

const ARTICLE: &[u8] = include_bytes!("../../../tests/data/html/article.html");
const WINDOWS_1252: &[u8] = include_bytes!("../../../tests/data/html/windows-1252.html");
const UNCLOSED: &[u8] = include_bytes!("../../../tests/data/html/unclosed.html");

/// The zone invariants of `crate::zones::detect_zones`.
fn assert_invariants(ex: &Extracted) {
    if ex.text.is_empty() {
        assert!(ex.zones.is_empty());
        return;
    }
    assert_eq!(ex.zones.first().map(|z| z.start), Some(0));
    assert_eq!(ex.zones.last().map(|z| z.end), Some(ex.text.len()));
    for z in &ex.zones {
        assert!(z.start < z.end, "empty zone {z:?}");
        assert!(ex.text.is_char_boundary(z.start) && ex.text.is_char_boundary(z.end));
    }
    for pair in ex.zones.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "zones must be contiguous");
        assert_ne!(pair[0].kind, pair[1].kind, "neighbours must differ");
    }
}

fn zone_text(ex: &Extracted, kind: ZoneKind) -> String {
    ex.zones.iter().filter(|z| z.kind == kind).map(|z| &ex.text[z.start..z.end]).collect()
}

/// The body holds every one of `kept`; every one of `furniture` is boilerplate, not body.
fn assert_body_and_furniture(ex: &Extracted, kept: &[&str], furniture: &[&str]) {
    let body = zone_text(ex, ZoneKind::Body);
    for kept in kept {
        assert!(body.contains(kept), "body lacks {kept:?}:\n{body}");
    }
    let boilerplate = zone_text(ex, ZoneKind::Boilerplate);
    for furniture in furniture {
        assert!(boilerplate.contains(furniture), "boilerplate lacks {furniture:?}");
        assert!(!body.contains(furniture), "body has {furniture:?}:\n{body}");
    }
}

fn extract(bytes: &[u8]) -> Extracted {
    let ex = extract_html(bytes).expect("extracts");
    assert_invariants(&ex);
    ex
}

#[test]
fn realistic_article_is_zoned() {
    let ex = extract(ARTICLE);
    let title = zone_text(&ex, ZoneKind::Title);
    assert_eq!(title.trim(), "City council approves new river bridge");
    assert!(ex.text.starts_with("City council approves new river bridge\n"));
    assert!(zone_text(&ex, ZoneKind::Byline).contains("Jane Roe"));
    assert_body_and_furniture(
        &ex,
        &[
            "The city council voted on Tuesday",
            "Construction is expected to start next spring",
            "Some residents welcomed the decision",
            "Others argued that the money would be better spent",
            "The mayor said the council had listened carefully",
            "Residents divided",
        ],
        &[
            "We use cookies",
            "Accept all cookies",
            "Sport",
            "Weather",
            "Share on Facebook",
            "Old ferry to stop running in May",
            "Subscribe",
            "All rights reserved",
            "Privacy policy",
        ],
    );
    for hidden in ["not text", "font-family", "Hidden promotional text", "Invisible tracking text"] {
        assert!(!ex.text.contains(hidden), "text has {hidden:?}");
    }
    assert_eq!(ex.title.as_deref(), Some("City council approves new river bridge"));
    assert_eq!(ex.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(ex.published.as_deref(), Some("2024-03-05T09:30:00Z"));
    assert_eq!(ex.url.as_deref(), Some("https://courier.example/news/2024/river-bridge"));
    assert_eq!(ex.site_name.as_deref(), Some("The Riverside Courier"));
    // Zones come in reading order: title, byline, body, boilerplate.
    let kinds: Vec<ZoneKind> = ex.zones.iter().map(|z| z.kind).collect();
    assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Byline, ZoneKind::Body, ZoneKind::Boilerplate]);
}

#[test]
fn scripts_and_styles_are_not_text() {
    let ex = extract(b"<html><body><script>alert(1)</script><style>p{}</style><p>Visible words only.</p><noscript>Enable JS</noscript><template><p>tpl</p></template><svg><text>svg</text></svg></body></html>");
    assert!(!ex.text.contains("alert(1)"));
    for hidden in ["p{}", "Enable JS", "tpl", "svg"] {
        assert!(!ex.text.contains(hidden), "{hidden}");
    }
    assert!(ex.text.contains("Visible words only."));
}

#[test]
fn unclosed_tags_keep_their_text() {
    let ex = extract(UNCLOSED);
    for words in [
        "Unclosed paragraph with bold and italic text",
        "Second block of text with a link",
        "cell one cell two",
    ] {
        assert!(ex.text.contains(words), "{words}: {}", ex.text);
    }
    let ex = extract(b"<p>truncated <a href=\"x");
    assert!(ex.text.contains("truncated"));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let ex = extract(deep.as_bytes());
    assert!(ex.text.contains("Deep text."));
    let unclosed = format!("<body>{}end", "<div><span><b>x ".repeat(20_000));
    let ex = extract(unclosed.as_bytes());
    assert!(ex.text.contains("end"));
    let ex = extract(format!("<body>{}", "<i>".repeat(30_000) + "italic").as_bytes());
    assert!(ex.text.contains("italic"));
}

#[test]
fn windows_1252_is_decoded_from_the_meta_charset() {
    let ex = extract(WINDOWS_1252);
    assert!(ex.text.contains("He said “hello” and left – café closed"), "{}", ex.text);
    // Without a declaration, invalid UTF-8 falls back to Windows-1252 as well.
    let ex = extract(b"<p>Caf\xe9 \x93quoted\x94 text.</p>");
    assert!(ex.text.contains("Café “quoted” text."), "{}", ex.text);
}

#[test]
fn encodings() {
    assert_eq!(decode_html("<p>é</p>".as_bytes()).text, "<p>é</p>");
    assert_eq!(decode_html(b"\xEF\xBB\xBF<p>x</p>").text, "<p>x</p>");
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("<p>Hé</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(decode_html(&utf16).text, "<p>Hé</p>");
    assert!(extract(&utf16).text.contains("Hé"));
    // A declared UTF-8 page with a bad byte keeps the rest.
    let page = decode_html(b"<meta charset=\"utf-8\"><p>ok \xff ok</p>");
    assert!(page.text.contains("ok \u{fffd} ok"));
    assert!(page.warning.unwrap().starts_with("declared UTF-8 but not valid UTF-8"));
    let declared =
        decode_html(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe9");
    assert_eq!(
        declared.text,
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">é"
    );
    assert_eq!(declared.warning, None, "decoded as declared");
    // Bytes the declared charset has no character for are named, as for UTF-8.
    let page = decode_html(b"<meta charset=\"shift_jis\"><p>\x82\xa0 ok \x85 ok</p>");
    assert!(page.text.contains("\u{3042} ok \u{fffd}"), "{}", page.text);
    assert_eq!(
        page.warning.as_deref(),
        Some("declared Shift_JIS but not valid Shift_JIS; invalid bytes were replaced with U+FFFD")
    );
    let utf16: Vec<u8> = [0xFF, 0xFE, b'<', 0, b'p', 0, 0x00, 0xD8, b'>', 0].to_vec();
    assert!(decode_html(&utf16).warning.unwrap().starts_with("not valid UTF-16LE (byte-order mark)"));
    let undeclared = decode_html(b"<p>caf\xe9</p>");
    assert_eq!(undeclared.text, "<p>café</p>");
    assert!(undeclared.warning.unwrap().ends_with("decoded as Windows-1252"));
    assert_eq!(decode_html("<p>café</p>".as_bytes()).warning, None);
}

#[test]
fn garbage_never_panics() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for len in [0, 1, 7, 100, 5_000, 60_000] {
        let bytes: Vec<u8> = (0..len).map(|_| (next() % 256) as u8).collect();
        if let Ok(ex) = extract_html(&bytes) {
            assert_invariants(&ex);
        }
        // Random tag soup.
        let pieces = [
            "<div>",
            "</div>",
            "<p>",
            "text ",
            "<a href='",
            "'>",
            "<!--",
            "-->",
            "<script>",
            "é",
            "\u{0}",
            "<br>",
            "</p",
        ];
        let soup: String = (0..len / 4).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
        if let Ok(ex) = extract_html(soup.as_bytes()) {
            assert_invariants(&ex);
        }
    }
}

#[test]
fn empty_and_binary_inputs_are_refused() {
    assert!(extract_html(b"").is_err());
    assert!(extract_html(b"<html><head><title></title></head><body>  </body></html>").is_err());
    assert!(extract_html(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_err());
    // A compressed page saved as .html (a gzip header holds NUL bytes), and random bytes: data
    // whose few stray tags or letters would otherwise be scored as an article.
    let mut gzipped = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    gzipped.extend(b"<p>readable words in between</p>".repeat(10).iter().map(|b| b ^ 0x5a));
    assert_eq!(extract_html(&gzipped).err(), Some(NoArticle::Binary));
    let noise: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert!(extract_html(&noise).is_err());
    // A page with a UTF-16 byte-order mark is text, NUL bytes and all.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("<p>A page in UTF-16.</p>".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(extract_html(&utf16).is_ok());
}

#[test]
fn invariants_over_several_pages() {
    let pages: [&[u8]; 7] = [
        ARTICLE,
        WINDOWS_1252,
        UNCLOSED,
        b"plain text, no tags at all",
        b"<h1>Only a heading</h1>",
        "<p>Ünïcödé – 日本語のテキスト。</p><p>Second paragraph with more words in it.</p>".as_bytes(),
        b"<ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul><footer>Footer</footer>",
    ];
    for page in pages {
        let ex = extract(page);
        assert!(!ex.text.is_empty());
    }
}

#[test]
fn sentences_in_scripts_without_spaces_are_prose() {
    let line =
        |text: &str| Block { text: text.to_string(), chars: text.chars().count() as u32, ..Block::default() };
    // 39 characters, one "word" to split_whitespace: a sentence all the same.
    let sentence = line("梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危机。");
    assert!(sentence.words() >= 12 && is_prose(&sentence));
    // A date and a place: many characters, no sentence.
    let dateline = line("2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]");
    assert!(!is_prose(&dateline));
    assert_eq!(line("The council voted").words(), 3);
}

#[test]
fn icon_glyphs_slide_titles_and_video_headlines_are_not_body() {
    let slides = "<div class=\"slide-title\">Weather threatens holiday plans</div>".repeat(4);
    let page = article_page(&format!(
        "{P1}<p><span class=\"icon notranslate\">S</span> <span class=\"material-icons\">chevron_left</span></p>\
         {slides}{P2}<div class=\"video-resource\"><div class=\"video-resource__headline\">Hear what happened inside the chamber</div></div>{P3}"
    ));
    let ex = extract(page.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    assert!(body.contains("The city council voted") && body.contains("Some residents welcomed"), "{body}");
    assert!(!body.contains("Weather threatens") && !body.contains("chevron_left"), "{body}");
    assert!(!body.contains("Hear what happened"), "{body}");
    assert!(!body.lines().any(|l| l.trim() == "S"), "{body}");
}

#[test]
fn elements_hidden_by_a_utility_class_are_not_text() {
    let page = article_page(&format!(
        "<h2 class=\"hide-text\">Share this story</h2>{P1}<div class=\"d-none\">Loading gallery</div>\
         {P2}<span class=\"magnifier hidden\">Enlarge image</span>{P3}<p class=\"hidden-xs\">Shown on large screens.</p>"
    ));
    let ex = extract(page.as_bytes());
    for hidden in ["Share this story", "Loading gallery", "Enlarge image"] {
        assert!(!ex.text.contains(hidden), "text has {hidden:?}");
    }
    // Responsive classes hide an element on some screens only.
    assert!(ex.text.contains("Shown on large screens."));
}

#[test]
fn a_wire_credit_goes_with_its_copyright_line() {
    let page = article_page(&format!(
        "{P1}{P2}{P3}<p>The-Wire<br>© 2013 Example News Network. All rights reserved.</p>"
    ));
    let ex = extract(page.as_bytes());
    assert_body_and_furniture(
        &ex,
        &["The city council voted", "Some residents welcomed"],
        &["The-Wire", "All rights reserved"],
    );
}

#[test]
fn a_copy_of_the_headline_far_above_the_first_paragraph_is_not_body() {
    let line = |text: &str, kept: bool, heading: u8| {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
        Block {
            text: text.to_string(),
            chars,
            body_chars: if kept { chars } else { 0 },
            heading,
            ..Block::default()
        }
    };
    // The logo spells out the headline and wins the title; the article's own heading is kept
    // by readability, more than a dozen lines (ratings, share buttons) above the text.
    let mut blocks = vec![
        line("Council approves the river bridgeThe Courier", false, 1),
        line("Council approves the river bridge", true, 3),
    ];
    blocks.extend((0..14).map(|_| line("Rate", false, 0)));
    blocks.push(line(&P1[3..P1.len() - 4], true, 0));
    let r = ReadabilityResult {
        body: HashSet::new(),
        title: "Council approves the river bridge | The Courier".to_string(),
        byline: None,
        published: None,
        site_name: None,
    };
    let kinds = classify(&blocks, &r);
    assert_eq!(kinds[0], ZoneKind::Title);
    assert_eq!(kinds[1], ZoneKind::Boilerplate);
    assert_eq!(kinds[16], ZoneKind::Body);
}

#[test]
fn short_lines_of_the_first_paragraph_itself_are_no_kickers() {
    let page = article_page(&format!(
        "<p class=\"kicker\">Music</p><p>I am pretty sure<br>This is the best feeling<br>\
         Room full of people but I only see you and nobody else in the whole wide world tonight</p>{P1}{P2}{P3}"
    ));
    let ex = extract(page.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    assert!(body.contains("I am pretty sure") && body.contains("This is the best feeling"), "{body}");
    assert!(!body.contains("Music"), "{body}");
}

#[test]
fn a_drupal_node_promoted_to_the_front_page_is_no_promo_box() {
    let doc = Document::from(
        "<article class=\"node node-report node-promoted\">a</article><div class=\"promo-box\">b</div>\
         <div class=\"promos\">c</div><div class=\"promotion\">d</div>",
    );
    let flags = |sel: &str| attribute_flags(doc.select_single(sel).nodes().first().unwrap());
    assert_eq!(flags("article") & flag::RELATED, 0);
    for sel in [".promo-box", ".promos", ".promotion"] {
        assert_ne!(flags(sel) & flag::RELATED, 0, "{sel}");
    }
}

#[test]
fn a_caption_at_the_start_of_a_paragraph_does_not_take_the_paragraph_with_it() {
    // An image with its caption inside the paragraph it illustrates (MSN's markup).
    let page = article_page(&format!(
        "<p><span class=\"storyimage\"><img src=\"a.jpg\" alt=\"\"><span class=\"caption\">\
         <span class=\"attribution\">© Provided by Example Media</span> Photo of the river</span></span>\
         The bridge will be the first to cross the river since the old one was closed in 1990, and it \
         will carry both cars and trains when it opens in the summer.</p>{P1}{P2}{P3}\
         <p>A view of the river from the old ferry. <span class=\"credit\">(Photo: Jane Doe)</span></p>"
    ));
    let ex = extract(page.as_bytes());
    assert_body_and_furniture(
        &ex,
        &["The bridge will be the first", "The city council voted"],
        // A credit after the caption's text still makes it a caption.
        &["Provided by Example Media", "A view of the river"],
    );
}

#[test]
fn the_lines_of_a_code_block_in_the_article_are_body() {
    let page = article_page(&format!(
        "{P1}<p>Here is the test suite, powered by Mocha:</p>\
         <pre><code>describe(\"Cow\", function() {{\n  it(\"greets\", function() {{\n    greet();\n  }});\n}});\n</code></pre>\
         {P2}{P3}"
    ));
    let ex = extract(page.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    for line in ["describe(\"Cow\", function() {", "greet();", "});"] {
        assert!(body.contains(line), "body lacks {line:?}:\n{body}");
    }
}

/// A page around `inner` (inside the article element) with enough prose for readability.
fn article_page(inner: &str) -> String {
    format!(
        "<html><head><title>Council approves the river bridge</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>Council approves the river bridge</h1>{inner}</article>\
         <footer><a href=\"/privacy\">Privacy</a></footer></body></html>"
    )
}

const P1: &str = "<p>The city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that has lasted for more than ten years and divided the town.</p>";
const P2: &str = "<p>Construction is expected to start next spring and to take about three years, the mayor told reporters after the vote, adding that the old ferry would keep running until then.</p>";
const P3: &str = "<p>Some residents welcomed the decision, saying the bridge would cut their commute by half, while others argued that the money would be better spent on schools and roads.</p>";

#[test]
fn notices_labels_and_promo_boxes_leave_the_body() {
    let page = article_page(&format!(
        "<p>This post contains affiliate links; we may earn a commission.</p>{P1}\
         <div class=\"factbox\"><h3>Sign up for our newsletter</h3>\
         <p>Never miss the latest news: pop your email into the box and get a roundup every single morning.</p>\
         <p>Every day we will send you the best stories of the day, and you can leave whenever you like.</p></div>\
         {P2}<p>Advertisement</p>{P3}\
         <h3>Comments</h3>\
         <p>Follow us on Twitter and Facebook for the latest updates from the city.</p>\
         <p>© 2024 The Riverside Courier. All rights reserved.</p>"
    ));
    let ex = extract(page.as_bytes());
    assert_body_and_furniture(
        &ex,
        &["The city council voted", "Construction is expected", "Some residents welcomed"],
        &[
            "affiliate links",
            "Sign up for our newsletter",
            "Never miss the latest news",
            "Every day we will send you",
            "Advertisement",
            "Comments",
            "Follow us on Twitter",
            "All rights reserved",
        ],
    );
}

#[test]
fn a_subheading_like_a_label_keeps_its_section() {
    let page = article_page(&format!(
        "<section>{P1}{P2}{P3}</section><section><h2>More on the vote</h2>\
         <p>The vote was close, seven to five, and two members abstained after a long night.</p></section>"
    ));
    let ex = extract(page.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    assert!(body.contains("Some residents welcomed") && body.contains("seven to five"), "{body}");
}

#[test]
fn comment_and_author_bio_boxes_are_not_body_but_commentary_is() {
    let page = article_page(&format!(
        "<div class=\"commentary-body\">{P1}{P2}{P3}</div>\
         <div class=\"author-bio\"><p>Jane Roe has covered city hall for the Courier since 2015 and writes about transport and housing.</p></div>\
         <div id=\"comments\"><p>I think this bridge is a terrible waste of money and nobody asked the people who live by the river.</p></div>"
    ));
    let ex = extract(page.as_bytes());
    assert_body_and_furniture(
        &ex,
        &["The city council voted", "Some residents welcomed"],
        &["has covered city hall", "terrible waste of money"],
    );
}

#[test]
fn pages_without_an_article_have_little_or_no_body() {
    let teaser = |n: usize| {
        format!(
            "<article><h3><a href=\"/story/{n}\">Headline number {n} about the town</a></h3><p>A short summary.</p></article>"
        )
    };
    let home = format!(
        "<html><head><title>The Courier - News</title></head><body><nav><a href=/>Home</a></nav>\
         <main>{}</main><footer>© 2024 The Courier</footer></body></html>",
        (0..8).map(teaser).collect::<String>()
    );
    let ex = extract(home.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    assert!(!body.contains("Headline number"), "teasers in the body:\n{body}");
    let nav = b"<html><head><title>Site map</title></head><body><nav><ul><li><a href=/a>About us</a></li>\
        <li><a href=/b>Contact</a></li><li><a href=/c>Careers</a></li></ul></nav>\
        <footer><a href=/d>Cookie settings</a></footer></body></html>";
    let ex = extract(nav);
    assert!(zone_text(&ex, ZoneKind::Body).trim().is_empty(), "{:?}", ex.zones);
    assert!(zone_text(&ex, ZoneKind::Boilerplate).contains("Cookie settings"));
    let error = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>\
        <p>The requested URL was not found on this server.</p></body></html>";
    let ex = extract(error);
    assert!(ex.text.contains("The requested URL was not found"));
}

#[test]
fn framesets_are_refused_naming_their_frames() {
    let page = b"<html><head><title>Frames</title></head><frameset cols=\"20%,80%\">\
        <frame src=\"menu.html\"><frame src=\"main.html\"><noframes><body><p>Your browser does not \
        support frames.</p></body></noframes></frameset></html>";
    let err = extract_html(page).unwrap_err();
    assert_eq!(err, NoArticle::Frameset("menu.html, main.html".into()));
    assert!(err.to_string().starts_with("a frameset page: its text is in the framed pages"), "{err}");
    // A frameset inside a page with text of its own is just a page.
    let ex =
        extract(b"<body><p>Some text of the page itself.</p><frameset><frame src=a.html></frameset></body>");
    assert!(ex.text.contains("Some text of the page itself."));
}

#[test]
fn legacy_charsets_declared_in_meta() {
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(
        "<html><head><meta charset=\"koi8-r\"><title>Новости</title></head><body><p>Городской совет одобрил мост.</p></body></html>",
    );
    assert!(extract(&koi8).text.contains("Городской совет одобрил мост."));
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>市議会が新しい橋を承認した。</p></body></html>",
    );
    assert!(extract(&sjis).text.contains("市議会が新しい橋を承認した。"));
    let (latin2, _, _) = encoding_rs::ISO_8859_2
        .encode("<meta charset=iso-8859-2><p>Rada miejska zatwierdziła budowę mostu.</p>");
    assert!(extract(&latin2).text.contains("Rada miejska zatwierdziła budowę mostu."));
}

#[test]
fn br_separated_text_in_a_layout_table() {
    let page = "<html><head><title>Old style article</title></head><body><table><tr>\
        <td><a href=/>Home</a><br><a href=/x>Archive</a></td><td><b>Old style article</b><br><br>"
        .to_string()
        + &[P1, P2, P3].map(|p| p.trim_start_matches("<p>").trim_end_matches("</p>")).join("<br><br>")
        + "<br><br><a href=/>Back to the home page</a></td></tr></table></body></html>";
    let ex = extract(page.as_bytes());
    let body = zone_text(&ex, ZoneKind::Body);
    let paragraphs: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(paragraphs.len(), 3, "{body}");
    assert!(paragraphs[0].starts_with("The city council voted"));
    // The navigation column is a line of its own, not glued to the article's first line.
    assert!(ex.text.lines().any(|l| l == "Archive"), "{}", ex.text);
}

#[test]
fn huge_pages_skip_readability_but_are_zoned() {
    let mut page = String::from("<html><body><nav><a href=/>Home</a></nav>");
    for i in 0..MAX_READABILITY_ELEMENTS / 2 + 1000 {
        page.push_str(&format!(
            "<div><p>Paragraph {i} of a very long page, with enough words to be prose.</p></div>"
        ));
    }
    page.push_str("</body></html>");
    let ex = extract(page.as_bytes());
    assert!(ex.text.contains("Paragraph 0 of a very long page"));
    assert!(ex.zones.iter().any(|z| z.kind == ZoneKind::Body));
}

#[test]
fn nesting_limit_drops_only_excess_tags() {
    let normal = "<div><p>a</p></div>";
    assert!(matches!(limit_nesting(normal), std::borrow::Cow::Borrowed(_)));
    let deep = "<div>".repeat(MAX_NESTING + 10) + "x";
    let limited = limit_nesting(&deep);
    assert_eq!(limited.matches("<div>").count(), MAX_NESTING);
    assert!(limited.ends_with('x'));
}

#[test]
fn a_headline_the_zoner_splits_over_two_title_lines_keeps_both() {
    use super::layout::{fall_back_to_zoner, layout};
    let p = "The council said on Monday that the new rules would apply to all of the schools in the city, and that the money would be paid out in the spring when the year starts.";
    let texts = ["Council approves", "new budget for city schools", p, p, p, p, "Small kept thing here"];
    let blocks: Vec<Block> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            Block {
                text: t.to_string(),
                chars,
                body_chars: if i == 6 { chars } else { 0 },
                ..Block::default()
            }
        })
        .collect();
    // Readability kept only the small last block: the zoner's zones are used instead.
    let mut kinds = vec![ZoneKind::Boilerplate; blocks.len()];
    kinds[6] = ZoneKind::Body;
    fall_back_to_zoner(&blocks, &mut kinds);
    assert_eq!(kinds[..2], [ZoneKind::Title, ZoneKind::Title]);
    let r = ReadabilityResult {
        body: HashSet::new(),
        title: String::new(),
        byline: None,
        published: None,
        site_name: None,
    };
    let extracted = layout(&blocks, &kinds, &r);
    let title = &extracted.zones[0];
    assert_eq!(title.kind, ZoneKind::Title);
    assert_eq!(
        extracted.text[title.start..title.end].trim_end(),
        "Council approves\nnew budget for city schools"
    );
}

#[test]
fn tags_with_thousands_of_attributes_lose_them_and_keep_their_text() {
    let normal = "<html lang=en><body class=\"a b\"><div id='x' data-y=\"1 > 0\" hidden><p>Text</p></div></body></html>";
    assert!(matches!(limit_attributes(normal), std::borrow::Cow::Borrowed(_)));
    let many: Vec<String> = (0..MAX_ATTRIBUTES + 1).map(|i| format!("a{i}=1")).collect();
    let page =
        format!("<html><body><div {}><p>Experts say it is shocking.</p></div></body></html>", many.join(" "));
    assert_eq!(
        limit_attributes(&page),
        "<html><body><div><p>Experts say it is shocking.</p></div></body></html>"
    );
    // Later <html> and <body> tags, whose attributes html5ever merges into the first ones.
    let repeated = "<html lang=en><body id=b><html a=1><body c=2 d><p>x</p>";
    assert_eq!(limit_attributes(repeated), "<html lang=en><body id=b><html><body><p>x</p>");
    let extracted = extract_html(page.as_bytes()).unwrap();
    assert!(extracted.text.contains("Experts say it is shocking."));
}
