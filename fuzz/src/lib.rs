//! Shared pieces of the fuzz targets: the default engine and the invariants every analysis and
//! every zoning must hold.

use std::sync::LazyLock;

use newslint::Engine;
use newslint::analyze::Analysis;
use newslint::rules::RuleSetBuilder;
use newslint::zones::Zone;

/// The engine with the built-in rules, built once per process.
pub static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let set = RuleSetBuilder::new(true).build().expect("the built-in rules load");
    Engine::new(set).expect("the built-in rules compile")
});

/// Zones are in order, contiguous, non-empty, cover the whole text (none for an empty text) and
/// never split a character.
pub fn check_zones(text: &str, zones: &[Zone]) {
    if text.is_empty() {
        assert!(zones.is_empty(), "an empty text has zones: {zones:?}");
        return;
    }
    assert!(!zones.is_empty(), "a text of {} bytes has no zones", text.len());
    assert_eq!(zones[0].start, 0, "the first zone does not start at 0: {zones:?}");
    assert_eq!(
        zones.last().unwrap().end,
        text.len(),
        "the zones do not reach the end ({}): {zones:?}",
        text.len()
    );
    for (i, z) in zones.iter().enumerate() {
        assert!(z.start < z.end, "zone {i} is empty or reversed: {z:?}");
        assert!(
            text.is_char_boundary(z.start) && text.is_char_boundary(z.end),
            "zone {i} splits a character: {z:?}"
        );
        if i > 0 {
            assert_eq!(zones[i - 1].end, z.start, "zones {} and {i} are not contiguous: {zones:?}", i - 1);
        }
    }
}

/// Findings in bounds and on character boundaries; zones as [`check_zones`]; the score in
/// 0..=100 and equal to its base plus its breakdown.
pub fn check_analysis(analysis: &Analysis) {
    let text = analysis.article.text.as_str();
    check_zones(text, &analysis.zones);
    for f in &analysis.findings {
        assert!(f.start < f.end && f.end <= text.len(), "finding out of bounds ({}): {f:?}", text.len());
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "finding splits a character: {f:?}"
        );
        assert!(f.line >= 1 && f.column >= 1, "finding has no position: {f:?}");
    }
    let s = &analysis.score;
    assert!(s.score.is_finite() && (0.0..=100.0).contains(&s.score), "score out of range: {s:?}");
    let sum: f64 = s.base + s.breakdown.iter().map(|c| c.points).sum::<f64>();
    assert!((sum - s.score).abs() <= 0.01, "score {} != base + breakdown {sum}: {s:?}", s.score);
}
