//! Properties that must hold for any text: offsets point at the text, zones cover it, the score
//! stays in range and adds up, cues never raise it and signals never lower it.

use std::sync::LazyLock;

use newslint::Engine;
use newslint::finding::Finding;
use newslint::input::Article;
use newslint::rules::{Group, RuleSetBuilder, Voice};
use newslint::score::{BASE, score};
use newslint::segment::Segments;
use newslint::zones::ZoneKind;
use proptest::prelude::*;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(RuleSetBuilder::new(true).build().unwrap()).unwrap());

/// Text made of news-like pieces, quotes, odd characters and line breaks.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said Smith. ".to_string()),
        Just("“We will fight,” he told reporters. ".to_string()),
        Just("Sources say the shocking truth is out! ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("  • Home\n".to_string()),
        Just("Mr. U.S. Gen. ".to_string()),
        Just("Donate now! Don't copy text! ".to_string()),
        Just("‘’“”\"' ".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z ]{0,30}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn findings_zones_and_score_are_consistent(text in article_text()) {
        let analysis = ENGINE.analyze(Article { id: "p".into(), text: text.clone(), ..Article::default() });
        for f in &analysis.findings {
            prop_assert!(f.start < f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            // Line and column as an editor counts them: characters, 1-based, after a BOM.
            let before = &text[..f.start];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let mark = usize::from(line_start == 0 && text.starts_with('\u{feff}'));
            prop_assert_eq!(f.line, before.matches('\n').count() + 1);
            prop_assert_eq!(f.column, before[line_start..].chars().count() + 1 - mark);
        }
        prop_assert!(analysis.findings.windows(2).all(|w| w[0].start <= w[1].start));
        if text.is_empty() {
            prop_assert!(analysis.zones.is_empty());
        } else {
            prop_assert_eq!(analysis.zones[0].start, 0);
            prop_assert_eq!(analysis.zones.last().unwrap().end, text.len());
            for pair in analysis.zones.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                prop_assert!(pair[0].kind != pair[1].kind);
            }
        }
        let s = &analysis.score;
        prop_assert!((0.0..=100.0).contains(&s.score));
        let sum: f64 = s.breakdown.iter().map(|c| c.points).sum();
        prop_assert!((s.base + sum - s.score).abs() < 0.01);
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_inside_the_text(text in article_text()) {
        let segments = Segments::new(&text);
        for s in &segments.sentences {
            prop_assert!(s.start < s.end && s.end <= text.len());
            prop_assert_eq!(text[s.clone()].trim(), &text[s.clone()]);
        }
        prop_assert!(segments.sentences.windows(2).all(|w| w[0].end <= w[1].start));
        prop_assert!(segments.quotes.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn cues_never_raise_and_signals_never_lower_the_score(
        existing in prop::collection::vec((0usize..200, any::<bool>()), 0..30),
        added in 0usize..200,
        words in 0usize..5000,
    ) {
        let rules = ENGINE.rules();
        let finding = |rule: usize, quoted: bool| {
            let rule = rule % rules.rules.len();
            Finding {
                rule, category: rules.rules[rule].category, start: 0, end: 1, line: 1, column: 1,
                zone: ZoneKind::Body, voice: if quoted { Voice::Quoted } else { Voice::Outlet },
            }
        };
        let mut findings: Vec<Finding> = existing.iter().map(|&(r, q)| finding(r, q)).collect();
        let before = score(&findings, words, rules).score;
        let extra = finding(added, false);
        let is_signal = rules.categories[extra.category].group == Group::Signal;
        findings.push(extra);
        let after = score(&findings, words, rules).score;
        if is_signal { prop_assert!(after >= before, "{} -> {}", before, after) }
        else { prop_assert!(after <= before, "{} -> {}", before, after) }
    }
}

#[test]
fn longer_articles_need_more_cues_for_the_same_effect() {
    let rules = ENGINE.rules();
    let loaded =
        rules.rules.iter().position(|r| rules.categories[r.category].id == "loaded-language").unwrap();
    let cue = Finding {
        rule: loaded,
        category: rules.rules[loaded].category,
        start: 0,
        end: 1,
        line: 1,
        column: 1,
        zone: ZoneKind::Body,
        voice: Voice::Outlet,
    };
    let ten = vec![cue; 10];
    assert!(score(&ten, 300, rules).score < score(&ten, 3000, rules).score);
    // Saturation: the fifth cue costs less than the first.
    let cost = |n: usize| BASE - score(&ten[..n], 300, rules).score;
    assert!(cost(5) - cost(4) < cost(1) - cost(0));
}
