//! The pipeline for one article: zones → sentences and quotations → matches → findings → score.
//!
//! [`Engine`] holds the compiled rules and is shared by all worker threads; [`Engine::analyze`]
//! is a pure function of the article.

use std::collections::{BTreeMap, HashSet};

use crate::hash::FxHashSet;

use crate::baseline::{Known, content_hash};
use crate::finding::Finding;
use crate::input::Article;
use crate::matcher::{CompileError, Matcher, RawMatch, Scan};
use crate::rules::{Group, ReportSpan, RuleSet};
use crate::score::{Score, score};
use crate::segment::Segments;
use crate::text::{LineCursor, count_words};
use crate::zones::{Zone, ZoneKind, detect_zones};

/// The result for one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub article: Article,
    /// Words outside boilerplate.
    pub words: usize,
    pub zones: Vec<Zone>,
    /// Sorted by start, then longest first, then rule.
    pub findings: Vec<Finding>,
    /// Findings left out because the baseline knows them (`--baseline`).
    pub baselined: usize,
    pub score: Score,
}

/// `--select` / `--ignore` named something that is neither a rule nor a category.
#[derive(Debug, thiserror::Error)]
#[error("unknown rule or category `{0}` in --{1} (see `newslint rules list`)")]
pub struct UnknownId(pub String, pub &'static str);

/// Compiled rules plus which of them are reported.
pub struct Engine {
    rules: RuleSet,
    matcher: Matcher,
    /// Per rule: are its findings reported and scored? (Every rule still counts for sentence
    /// conditions, so `--select unsourced-claim` still sees attributions.)
    enabled: Vec<bool>,
    baseline: Option<Known>,
}

struct Candidate {
    m: RawMatch,
    zone: ZoneKind,
    voice: crate::rules::Voice,
    sentence: Option<usize>,
}

impl Engine {
    pub fn new(rules: RuleSet) -> Result<Self, CompileError> {
        let matcher = Matcher::new(&rules.rules)?;
        let enabled = vec![true; rules.rules.len()];
        Ok(Engine { rules, matcher, enabled, baseline: None })
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Reports only rules named (by rule or category id) in `select`, if any, minus `ignore`.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Result<(), UnknownId> {
        let resolve = |ids: &[String], flag: &'static str| -> Result<HashSet<usize>, UnknownId> {
            let mut rules = HashSet::new();
            for id in ids {
                if let Some(rule) = self.rules.rule(id) {
                    rules.insert(rule);
                } else if let Some(category) = self.rules.category(id) {
                    rules.extend(
                        self.rules
                            .rules
                            .iter()
                            .enumerate()
                            .filter(|(_, r)| r.category == category)
                            .map(|(i, _)| i),
                    );
                } else {
                    return Err(UnknownId(id.clone(), flag));
                }
            }
            Ok(rules)
        };
        let selected = resolve(select, "select")?;
        let ignored = resolve(ignore, "ignore")?;
        for (i, enabled) in self.enabled.iter_mut().enumerate() {
            *enabled = (select.is_empty() || selected.contains(&i)) && !ignored.contains(&i);
        }
        Ok(())
    }

    /// Leaves out the cue and technique findings that `baseline` knows.
    pub fn set_baseline(&mut self, baseline: Known) {
        self.baseline = Some(baseline);
    }

    /// Analyses one article (its zones detected from the text unless the input gave them; its
    /// title, when the input gave none, is the text of its title zone).
    pub fn analyze(&self, mut article: Article) -> Analysis {
        let zones = article.zones.take().unwrap_or_else(|| detect_zones(&article.text));
        if article.title.is_none()
            && let Some(title) = zones.iter().find(|z| z.kind == ZoneKind::Title)
        {
            let heading = article.text[title.start..title.end]
                .trim_start_matches('\u{feff}')
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            article.title = (!heading.is_empty()).then_some(heading);
        }
        let text = article.text.as_str();
        let mut findings = self.conditioned_findings(text, &zones);
        dedupe(&mut findings, self.rules.categories.len());
        // `dedupe` sorted the findings by start.
        let mut cursor = LineCursor::new(text);
        for f in &mut findings {
            (f.line, f.column) = cursor.advance_to(f.start);
        }
        let baselined = self.apply_baseline(text, &mut findings);
        let words = zones
            .iter()
            .filter(|z| z.kind != ZoneKind::Boilerplate)
            .map(|z| count_words(&text[z.start..z.end]))
            .sum();
        let score = score(&findings, words, &self.rules);
        Analysis { article, words, zones, findings, baselined, score }
    }

    /// Whether `rule` fires on `text` taken as all one zone, before findings of other rules of
    /// its category that cover the same words win the de-duplication (how `rules test` runs a
    /// rule's examples).
    pub fn rule_fires(&self, rule: usize, text: &str, zone: ZoneKind) -> bool {
        let zones =
            if text.is_empty() { Vec::new() } else { vec![Zone { kind: zone, start: 0, end: text.len() }] };
        self.conditioned_findings(text, &zones).iter().any(|f| f.rule == rule)
    }

    /// Every step before de-duplication: matches, scope and exceptions, sentence conditions,
    /// selection.
    fn conditioned_findings(&self, text: &str, zones: &[Zone]) -> Vec<Finding> {
        let segments = Segments::new(text);
        let mut scan = self.matcher.scan(text, zones);
        scan.matches.sort_unstable();
        scan.matches.dedup();
        let candidates = self.candidates(&scan, zones, &segments);
        drop(scan); // a line of ten million `!` has ten million matches: free them first
        self.apply_conditions(candidates, &segments)
    }

    /// Drops known findings; returns how many.
    fn apply_baseline(&self, text: &str, findings: &mut Vec<Finding>) -> usize {
        let Some(known) = &self.baseline else { return 0 };
        let hash = content_hash(text);
        let mut left = BTreeMap::new();
        let before = findings.len();
        findings.retain(|f| {
            self.rules.categories[f.category].group == Group::Signal
                || !known.absorbs(&mut left, &hash, &self.rules.rules[f.rule].id, &text[f.start..f.end])
        });
        before - findings.len()
    }

    /// Raw matches that pass their rule's scope (zone and voice) and exceptions.
    fn candidates(&self, scan: &Scan, zones: &[Zone], segments: &Segments) -> Vec<Candidate> {
        scan.matches
            .iter()
            .filter_map(|m| {
                let zone = zone_at(zones, m.start);
                let voice = segments.voice_of(m.start, m.end);
                let rule = &self.rules.rules[m.rule];
                if !rule.scope.allows(zone, voice) || scan.is_exception(m) {
                    return None;
                }
                Some(Candidate { m: *m, zone, voice, sentence: segments.sentence_at(m.start) })
            })
            .collect()
    }

    /// Applies sentence conditions and selection.
    fn apply_conditions(&self, candidates: Vec<Candidate>, segments: &Segments) -> Vec<Finding> {
        // Which categories each sentence has, from the rules without a sentence condition.
        // Not sized by the candidates: there are far fewer (sentence, category) pairs.
        let mut present: FxHashSet<(usize, usize)> = FxHashSet::default();
        for c in &candidates {
            if let Some(sentence) = c.sentence
                && self.rules.rules[c.m.rule].sentence.is_none()
            {
                present.insert((sentence, self.rules.rules[c.m.rule].category));
            }
        }
        let mut reported_sentences: FxHashSet<(usize, usize)> = FxHashSet::default();
        let mut findings = Vec::with_capacity(candidates.len());
        for c in candidates {
            let rule = &self.rules.rules[c.m.rule];
            if !self.enabled[c.m.rule] {
                continue;
            }
            let (mut start, mut end) = (c.m.start, c.m.end);
            if let Some(condition) = &rule.sentence {
                let has = |category: &usize| c.sentence.is_some_and(|s| present.contains(&(s, *category)));
                if condition.without.iter().any(has) || !condition.with.iter().all(has) {
                    continue;
                }
                if condition.report == ReportSpan::Sentence
                    && let Some(s) = c.sentence
                {
                    if !reported_sentences.insert((c.m.rule, s)) {
                        continue;
                    }
                    (start, end) = (segments.sentences[s].start, segments.sentences[s].end);
                }
            }
            findings.push(Finding {
                rule: c.m.rule,
                category: rule.category,
                start,
                end,
                line: 0,
                column: 0,
                zone: c.zone,
                voice: c.voice,
            });
        }
        findings
    }
}

/// One finding per stretch of text and category, so that two rules of a category cannot count
/// the same words twice: of overlapping findings the first to start wins (the longest of those
/// that start together), and the ones it overlaps go. Sorts by start, then longest first, then
/// rule.
fn dedupe(findings: &mut Vec<Finding>, categories: usize) {
    findings.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rule.cmp(&b.rule)));
    let mut reach = vec![0usize; categories];
    findings.retain(|f| {
        let keep = f.start >= reach[f.category];
        if keep {
            reach[f.category] = f.end;
        }
        keep
    });
}

fn zone_at(zones: &[Zone], offset: usize) -> ZoneKind {
    let i = zones.partition_point(|z| z.end <= offset);
    zones.get(i).or(zones.last()).map_or(ZoneKind::Body, |z| z.kind)
}
