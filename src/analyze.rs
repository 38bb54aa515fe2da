//! The pipeline for one article: zones → sentences and quotations → matches → findings → score.
//!
//! [`Engine`] holds the compiled rules and is shared by all worker threads; [`Engine::analyze`]
//! is a pure function of the article.

use std::collections::HashSet;
use std::ops::Range;

use crate::hash::FxHashSet;

use crate::baseline::{Known, content_hash};
use crate::finding::Finding;
use crate::input::Article;
use crate::matcher::{CompileError, Matcher, RawMatch};
use crate::rules::{ReportSpan, RuleSet};
use crate::score::{Score, score};
use crate::segment::Segments;
use crate::text::{LineCursor, count_words, floor_char_boundary, fold_whitespace};
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
    /// Findings left out of `findings` and the score because the baseline knows them
    /// (`--baseline`); kept so that `--write-baseline` records them too.
    pub baselined: Vec<Finding>,
    pub score: Score,
}

/// The longest title taken from a title zone (bytes, then an ellipsis).
const MAX_TITLE_BYTES: usize = 300;

/// Compiled rules plus which of them are reported.
pub struct Engine {
    rules: RuleSet,
    matcher: Matcher,
    /// Per rule: are its findings reported and scored? (Every rule still counts for sentence
    /// conditions, so `--select unsourced-claim` still sees attributions.)
    enabled: Vec<bool>,
    baseline: Option<Known>,
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

    /// Reports only the rules in `selected` (all when it is `None`) that are not in `ignored`
    /// (rule indices, from [`RuleSet::rules_named`]).
    pub fn select(&mut self, selected: Option<&HashSet<usize>>, ignored: &HashSet<usize>) {
        for (i, enabled) in self.enabled.iter_mut().enumerate() {
            *enabled = selected.is_none_or(|selected| selected.contains(&i)) && !ignored.contains(&i);
        }
    }

    /// Leaves out the cue and technique findings that `baseline` knows.
    pub fn set_baseline(&mut self, baseline: Known) {
        self.baseline = Some(baseline);
    }

    /// Analyses one article (its zones detected from the text unless the input gave them; its
    /// title, when the input gave none or a blank one, is the text of its title zone).
    pub fn analyze(&self, mut article: Article) -> Analysis {
        let zones = article.zones.take().unwrap_or_else(|| detect_zones(&article.text));
        if article.title.as_deref().is_none_or(|given| given.trim().is_empty())
            && let Some(title) = zones.iter().find(|z| z.kind == ZoneKind::Title)
        {
            let zone = &article.text[title.start..title.end];
            // A title zone can be one huge line (a text file without line breaks).
            let cut = floor_char_boundary(zone, MAX_TITLE_BYTES);
            let mut heading = fold_whitespace(zone[..cut].trim_start_matches('\u{feff}'));
            if cut < zone.trim_end().len() {
                heading.push('…');
            }
            article.title = (!heading.is_empty()).then_some(heading);
        }
        let text = article.text.as_str();
        let mut sweep = Dedupe::new(self.rules.categories.len());
        self.conditioned_findings(text, &zones, |f| sweep.push(f));
        let mut findings = sweep.finish();
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

    /// `rules test` for one rule: each of its examples (which must make it fire) and
    /// counterexamples (which must not), run alone as text of the zone its scope looks at first.
    pub fn check_examples(&self, rule: usize) -> Vec<ExampleCheck<'_>> {
        let rule_data = &self.rules.rules[rule];
        let zone = rule_data.scope.example_zone();
        let examples = rule_data.examples.iter().map(|text| (text, true));
        let counterexamples = rule_data.counterexamples.iter().map(|text| (text, false));
        examples
            .chain(counterexamples)
            .map(|(text, should_fire)| ExampleCheck {
                text,
                should_fire,
                fired: self.rule_fires(rule, text, zone),
            })
            .collect()
    }

    /// `rules test` for one rule: its exception phrases that hold no match of the rule, and so
    /// never cancel one (left over from a phrase since removed, or a plural the whole-word
    /// phrase does not match).
    pub fn unused_exceptions(&self, rule: usize) -> Vec<&str> {
        let rule_data = &self.rules.rules[rule];
        let zone = rule_data.scope.example_zone();
        let holds_a_match = |phrase: &str| {
            spellings(phrase.trim_end_matches('*')).iter().any(|text| {
                let zones = [Zone { kind: zone, start: 0, end: text.len() }];
                self.matcher.scan(text, &zones).matches.iter().any(|m| m.rule == rule)
            })
        };
        rule_data.exceptions.iter().map(String::as_str).filter(|phrase| !holds_a_match(phrase)).collect()
    }

    /// Whether `rule` fires on `text` taken as all one zone, before findings of other rules of
    /// its category that cover the same words win the de-duplication.
    fn rule_fires(&self, rule: usize, text: &str, zone: ZoneKind) -> bool {
        let zones =
            if text.is_empty() { Vec::new() } else { vec![Zone { kind: zone, start: 0, end: text.len() }] };
        let mut fires = false;
        self.conditioned_findings(text, &zones, |f| fires |= f.rule == rule);
        fires
    }

    /// Every step before de-duplication: matches, scope and exceptions, sentence conditions,
    /// selection. Hands each finding to `sink` in order of start (the order [`Dedupe`] needs).
    ///
    /// Memory stays at one [`RawMatch`] per match: a line of ten million `!` has ten million
    /// matches, which are filtered in place, and their findings are handed on as they are made.
    fn conditioned_findings(&self, text: &str, zones: &[Zone], mut sink: impl FnMut(Finding)) {
        let segments = Segments::new(text);
        let matches = self.scoped_matches(text, zones, &segments);
        let runs = sentence_runs(&matches, &segments);
        let present = self.categories_by_sentence(&matches, &runs);
        let finding = |m: &RawMatch, (start, end): (usize, usize)| Finding {
            rule: m.rule,
            category: self.rules.rules[m.rule].category,
            start,
            end,
            line: 0,
            column: 0,
            zone: zone_at(zones, m.start),
            voice: segments.voice_of(m.start, m.end),
        };
        // A rule that reports its whole sentence gives a finding that starts at the sentence's
        // start, before the other findings of its run: those go first.
        for (sentence, run) in runs {
            let run = &matches[run];
            let passes = |m: &RawMatch| {
                let rule = &self.rules.rules[m.rule];
                self.enabled[m.rule]
                    && rule.sentence.as_ref().is_none_or(|condition| {
                        let has =
                            |category: &usize| sentence.is_some_and(|s| present.contains(&(s, *category)));
                        !condition.without.iter().any(has) && condition.with.iter().all(has)
                    })
            };
            let reports_sentence = |m: &RawMatch| {
                sentence.is_some()
                    && self.rules.rules[m.rule]
                        .sentence
                        .as_ref()
                        .is_some_and(|c| c.report == ReportSpan::Sentence)
            };
            if let Some(s) = sentence {
                let span = (segments.sentences[s].start, segments.sentences[s].end);
                let mut reported: Vec<usize> = Vec::new();
                for m in run.iter().filter(|m| reports_sentence(m) && passes(m)) {
                    if !reported.contains(&m.rule) {
                        reported.push(m.rule);
                        sink(finding(m, span));
                    }
                }
            }
            for m in run.iter().filter(|m| !reports_sentence(m) && passes(m)) {
                sink(finding(m, (m.start, m.end)));
            }
        }
    }

    /// The rules' matches in order of start, each once, without those outside their rule's
    /// scope (zone and voice) or inside one of its exceptions.
    fn scoped_matches(&self, text: &str, zones: &[Zone], segments: &Segments) -> Vec<RawMatch> {
        let mut scan = self.matcher.scan(text, zones);
        let mut matches = std::mem::take(&mut scan.matches);
        matches.sort_unstable();
        matches.dedup();
        matches.retain(|m| {
            let rule = &self.rules.rules[m.rule];
            rule.scope.allows(zone_at(zones, m.start), segments.voice_of(m.start, m.end))
                && !scan.is_exception(m)
        });
        matches
    }

    /// Which categories each sentence has, from the rules without a sentence condition.
    fn categories_by_sentence(
        &self,
        matches: &[RawMatch],
        runs: &[(Option<usize>, Range<usize>)],
    ) -> FxHashSet<(usize, usize)> {
        // Not sized by the matches: there are far fewer (sentence, category) pairs.
        let mut present = FxHashSet::default();
        for (sentence, run) in runs {
            let Some(sentence) = *sentence else { continue };
            for m in &matches[run.clone()] {
                let rule = &self.rules.rules[m.rule];
                if rule.sentence.is_none() {
                    present.insert((sentence, rule.category));
                }
            }
        }
        present
    }

    /// Takes the known findings out of `findings`, in order, and returns them.
    fn apply_baseline(&self, text: &str, findings: &mut Vec<Finding>) -> Vec<Finding> {
        let Some(known) = &self.baseline else { return Vec::new() };
        let mut known = known.of_article(&content_hash(text));
        let (kept, absorbed) = std::mem::take(findings).into_iter().partition(|f| {
            !self.rules.is_problem(f.category)
                || !known.absorbs(&self.rules.rules[f.rule].id, &text[f.start..f.end])
        });
        *findings = kept;
        absorbed
    }
}

/// One example or counterexample of a rule, run (see [`Engine::check_examples`]).
#[derive(Clone, Copy, Debug)]
pub struct ExampleCheck<'a> {
    pub text: &'a str,
    /// An example must make its rule fire; a counterexample must not.
    pub should_fire: bool,
    pub fired: bool,
}

impl ExampleCheck<'_> {
    pub fn passed(&self) -> bool {
        self.fired == self.should_fire
    }
}

/// One finding per stretch of text and category, so that two rules of a category cannot count
/// the same words twice: of overlapping findings the first to start wins (the longest of those
/// that start together, then the lowest rule), and the ones it overlaps go.
///
/// Findings arrive in order of start and only those that start together are held, so a run of
/// matches that one long finding covers costs no memory.
struct Dedupe {
    /// Per category, the end of the last finding kept.
    reach: Vec<usize>,
    /// The findings that start where the newest one does.
    tied: Vec<Finding>,
    /// Sorted by start, then longest first, then rule.
    kept: Vec<Finding>,
}

impl Dedupe {
    fn new(categories: usize) -> Self {
        Dedupe { reach: vec![0; categories], tied: Vec::new(), kept: Vec::new() }
    }

    fn push(&mut self, finding: Finding) {
        debug_assert!(self.tied.first().is_none_or(|t| t.start <= finding.start), "findings out of order");
        if self.tied.first().is_some_and(|t| t.start != finding.start) {
            self.settle();
        }
        if finding.start >= self.reach[finding.category] {
            self.tied.push(finding);
        }
    }

    /// Decides the findings that start together: nothing later can start before them.
    fn settle(&mut self) {
        self.tied.sort_by(|a, b| b.end.cmp(&a.end).then(a.rule.cmp(&b.rule)));
        for f in self.tied.drain(..) {
            if f.start >= self.reach[f.category] {
                self.reach[f.category] = f.end;
                self.kept.push(f);
            }
        }
    }

    fn finish(mut self) -> Vec<Finding> {
        self.settle();
        self.kept
    }
}

/// The matches (sorted by start) in runs that start in the same sentence, or between the same
/// two sentences (`None`), in order.
fn sentence_runs(matches: &[RawMatch], segments: &Segments) -> Vec<(Option<usize>, Range<usize>)> {
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(first) = matches.get(from) {
        let sentence = segments.sentence_at(first.start);
        let bound = match sentence {
            Some(s) => segments.sentences[s].end,
            None => {
                let next = segments.sentences.partition_point(|s| s.end <= first.start);
                segments.sentences.get(next).map_or(usize::MAX, |s| s.start)
            }
        };
        let to = from + matches[from..].partition_point(|m| m.start < bound);
        runs.push((sentence, from..to));
        from = to;
    }
    runs
}

fn zone_at(zones: &[Zone], offset: usize) -> ZoneKind {
    let i = zones.partition_point(|z| z.end <= offset);
    zones.get(i).or(zones.last()).map_or(ZoneKind::Body, |z| z.kind)
}

/// The ways an exception phrase (kept in lower case) can be written in a text it cancels
/// matches in: phrases ignore ASCII case, and a case-sensitive pattern of the rule may need
/// capitals ("said The"), so every word in lower case or with a capital first letter (up to
/// six words), and all in capitals.
fn spellings(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    };
    let free = words.len().min(6);
    let mut spellings: Vec<String> = (0u32..1 << free)
        .map(|mask| {
            let spelt: Vec<String> = words
                .iter()
                .enumerate()
                .map(
                    |(i, word)| {
                        if i < free && mask & (1 << i) != 0 { capitalised(word) } else { word.to_string() }
                    },
                )
                .collect();
            spelt.join(" ")
        })
        .collect();
    spellings.push(phrase.to_uppercase());
    spellings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Voice;
    use proptest::prelude::*;

    fn finding(start: usize, len: usize, rule: usize) -> Finding {
        Finding {
            rule,
            category: rule % 2,
            start,
            end: start + len,
            line: 0,
            column: 0,
            zone: ZoneKind::Body,
            voice: Voice::Outlet,
        }
    }

    #[test]
    fn examples_are_checked_one_by_one() {
        let mut builder = crate::rules::RuleSetBuilder::new(false);
        let rule = "[[rule]]\nid = \"r\"\ncategory = \"doubt\"\nmessage = \"m\"\nexplanation = \"e\"\n\
                    phrases = [\"so-called\"]\nexamples = [\"the so-called plan\", \"no cue here\"]\n\
                    counterexamples = [\"a plan\", \"their so-called experts\"]\n";
        builder.add_source("test.toml", rule.to_string());
        let engine = Engine::new(builder.build().unwrap()).unwrap();
        let checks: Vec<(&str, bool, bool)> =
            engine.check_examples(0).iter().map(|c| (c.text, c.should_fire, c.passed())).collect();
        assert_eq!(
            checks,
            [
                ("the so-called plan", true, true),
                ("no cue here", true, false),
                ("a plan", false, true),
                ("their so-called experts", false, false),
            ]
        );
    }

    /// The definition: sort by start, longest first, then rule; keep a finding when it starts
    /// at or after the end of the last one kept in its category.
    fn sorted_dedupe(mut findings: Vec<Finding>) -> Vec<Finding> {
        findings.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rule.cmp(&b.rule)));
        let mut reach = [0; 2];
        findings.retain(|f| {
            let keep = f.start >= reach[f.category];
            if keep {
                reach[f.category] = f.end;
            }
            keep
        });
        findings
    }

    #[test]
    fn one_long_finding_covers_the_matches_inside_it() {
        let mut dedupe = Dedupe::new(2);
        dedupe.push(finding(0, 1000, 0));
        for start in 1..1000 {
            dedupe.push(finding(start, 1, 2));
            assert!(dedupe.tied.len() <= 1, "covered findings are not held");
        }
        dedupe.push(finding(1000, 1, 2));
        assert_eq!(dedupe.finish(), vec![finding(0, 1000, 0), finding(1000, 1, 2)]);
    }

    proptest! {
        /// Findings handed over in order of start (ties in any order) give what sorting them
        /// all first gives.
        #[test]
        fn streaming_dedupe_is_the_sorted_one(
            raw in proptest::collection::vec((0usize..40, 1usize..12, 0usize..5), 0..60),
        ) {
            let mut findings: Vec<Finding> = raw.iter().map(|&(s, l, r)| finding(s, l, r)).collect();
            findings.sort_by_key(|f| f.start);
            let mut dedupe = Dedupe::new(2);
            for f in findings.iter().cloned() {
                dedupe.push(f);
            }
            prop_assert_eq!(dedupe.finish(), sorted_dedupe(findings));
        }
    }
}
