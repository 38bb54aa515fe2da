//! The score: 0 to 100, higher is more credible, and every point traced to a category.
//!
//! An article starts at [`BASE`] = 50, the middle of the scale (no evidence either way). Each
//! category's findings give it an *exposure* `e`:
//!
//! - per-finding categories: `e = W · log2(1 + n / L)`, where `W` is the category's weight and
//!   `n` the number of findings (each counted as its rule's weight over `W`, so a rule with half
//!   the category's weight counts as half a finding): the first finding is worth about `W`, the
//!   fifth much less (saturation). For cues and techniques `L = max(1, words / 250)`
//!   ([`REFERENCE_WORDS`]), so they are judged by density: up to 250 words by count, beyond that
//!   per 250 words, and ten cues in 3,000 words weigh less than in 300. Signals are judged by
//!   count (`L = 1`): each named source or checkable detail is evidence however long the article
//!   (measured: normalising signals by length too cost 0.10 of ROC AUC on the real-vs-fake
//!   development set, 0.822 -> 0.722, see scripts/eval/RESULTS.md);
//! - presence categories (a byline, a donation appeal): `e` = the weight of the heaviest
//!   counted finding's rule (`W` for rules without a weight of their own), however many.
//!
//! A category of weight 0 (`[weights] attribution = 0` in a project config) counts nothing,
//! whatever the weights of its rules.
//!
//! Cue and technique exposures add up to `E`, signal exposures to `S`. The penalty is
//! `BASE · (1 − exp(−E / BASE))` and the bonus `(100 − BASE) · (1 − exp(−S / (100 − BASE)))`:
//! both saturate, so the score stays inside 0..=100 by construction (no clamping), a small
//! exposure costs about its own size in points, and adding a cue can only lower the score,
//! adding a signal only raise it. Each category's share of the penalty (or bonus) is its share
//! of `E` (or `S`), rounded to cents so that `base + Σ points == score` exactly.
//!
//! Voice: technique and cue findings count only in the outlet's own words. Inside a speaker's
//! quotation they are reported (and counted in `quoted`) but cost nothing: the outlet is judged
//! on what it says, not on what it reports others saying. Signals count in either voice.
//!
//! The weights are data: categories in `rules/taxonomy.toml` (and `[[category]]` tables of rule
//! files, such as `specific-detail` in `rules/signals.toml`), rule weights in the rule files.

use serde::Serialize;

use crate::finding::Finding;
use crate::rules::{Counting, Group, RuleSet, Voice};

/// Where every article starts: no evidence either way, the middle of the scale ("mixed").
pub const BASE: f64 = 50.0;
/// Cues and techniques are judged per this many words; shorter articles get no length discount.
pub const REFERENCE_WORDS: f64 = 250.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    High,
    Mixed,
    Low,
}

impl Band {
    /// The lowest score of the mixed band; below it is low.
    pub const MIXED_FROM: f64 = 40.0;
    /// The lowest score of the high band.
    pub const HIGH_FROM: f64 = 70.0;

    pub fn of(score: f64) -> Band {
        if score >= Band::HIGH_FROM {
            Band::High
        } else if score >= Band::MIXED_FROM {
            Band::Mixed
        } else {
            Band::Low
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Band::High => "high",
            Band::Mixed => "mixed",
            Band::Low => "low",
        }
    }
}

/// One category's part in the score.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub category: usize,
    /// Findings that counted.
    pub count: usize,
    /// Findings inside quotations that were reported but not counted.
    pub quoted: usize,
    /// Negative for cues and techniques, positive for signals; rounded to cents.
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub base: f64,
    pub score: f64,
    pub band: Band,
    /// Heaviest first (by absolute points), then by category order.
    pub breakdown: Vec<Contribution>,
}

struct Tally {
    count: usize,
    quoted: usize,
    /// Sum of the counted findings' rule weights.
    weight: f64,
    max_weight: f64,
}

/// Scores an article from its findings and its word count (outside boilerplate).
pub fn score(findings: &[Finding], words: usize, rules: &RuleSet) -> Score {
    let mut tallies: Vec<Option<Tally>> = (0..rules.categories.len()).map(|_| None).collect();
    for finding in findings {
        let category = &rules.categories[finding.category];
        let counts = category.group == Group::Signal || finding.voice == Voice::Outlet;
        let weight = rules.weight_of(finding.rule);
        let tally = tallies[finding.category].get_or_insert(Tally {
            count: 0,
            quoted: 0,
            weight: 0.0,
            max_weight: 0.0,
        });
        if counts {
            tally.count += 1;
            tally.weight += weight;
            tally.max_weight = tally.max_weight.max(weight);
        } else {
            tally.quoted += 1;
        }
    }

    let length = (words as f64 / REFERENCE_WORDS).max(1.0);
    // (category, exposure) for each side.
    let mut penalties = Vec::new();
    let mut bonuses = Vec::new();
    for (index, tally) in tallies.iter().enumerate() {
        let Some(tally) = tally else { continue };
        let category = &rules.categories[index];
        let exposure = if tally.count == 0 || category.weight <= 0.0 {
            0.0
        } else {
            match category.counting {
                Counting::Presence => tally.max_weight,
                Counting::PerFinding => {
                    let unit = category.weight;
                    let length = if category.group == Group::Signal { 1.0 } else { length };
                    unit * (1.0 + tally.weight / unit / length).log2()
                }
            }
        };
        if category.group == Group::Signal {
            bonuses.push((index, exposure));
        } else {
            penalties.push((index, exposure));
        }
    }

    let penalty_cents = share_in_cents(&penalties, BASE);
    let bonus_cents = share_in_cents(&bonuses, 100.0 - BASE);
    let mut total_cents = (BASE * 100.0).round() as i64;
    let mut breakdown = Vec::new();
    for ((index, _), cents) in penalties.iter().zip(&penalty_cents) {
        total_cents -= cents;
        breakdown.push((*index, -cents));
    }
    for ((index, _), cents) in bonuses.iter().zip(&bonus_cents) {
        total_cents += cents;
        breakdown.push((*index, *cents));
    }
    let mut breakdown: Vec<Contribution> = breakdown
        .into_iter()
        .map(|(category, cents)| {
            let tally = tallies[category].as_ref().expect("tallied");
            Contribution { category, count: tally.count, quoted: tally.quoted, points: cents as f64 / 100.0 }
        })
        .collect();
    breakdown.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()).then(a.category.cmp(&b.category)));
    let score = total_cents as f64 / 100.0;
    Score { base: BASE, score, band: Band::of(score), breakdown }
}

/// Splits `budget · (1 − exp(−Σe / budget))` among the exposures, in whole cents that add up
/// exactly to the rounded total (largest remainder first).
fn share_in_cents(exposures: &[(usize, f64)], budget: f64) -> Vec<i64> {
    let total: f64 = exposures.iter().map(|(_, e)| e).sum();
    if total <= 0.0 {
        return vec![0; exposures.len()];
    }
    let points = budget * (1.0 - (-total / budget).exp());
    let total_cents = (points * 100.0).round() as i64;
    let exact: Vec<f64> = exposures.iter().map(|(_, e)| total_cents as f64 * e / total).collect();
    let mut cents: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = total_cents - cents.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b))
    });
    for i in order {
        if left <= 0 {
            break;
        }
        cents[i] += 1;
        left -= 1;
    }
    cents
}
