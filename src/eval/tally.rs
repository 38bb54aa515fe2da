//! Matching findings against gold spans, and counting.
//!
//! A finding and a gold span match when their byte ranges overlap (share at least one byte) and
//! the gold label maps to the finding's category. Each category is a row of the report, except
//! that categories joined by one corpus label (PTC's `Bandwagon,Reductio_ad_hitlerum` maps to
//! two) share a row: the annotators did not tell them apart, so neither can we. Rows are built
//! only from labels present in the gold data, so a category the corpus never annotates gets no
//! row and its findings are not counted as false positives of it.
//!
//! Precision counts findings, recall counts gold spans, each at most once however many partners
//! it overlaps (the SemEval task used partial-overlap credit instead; counting hits keeps the
//! numbers easy to check by hand). The technique-agnostic row ignores labels: any finding of a
//! technique category against any gold span, mapped or not.

use std::collections::{BTreeMap, HashMap};

use super::gold::{GoldSet, GoldSpan};
use super::label_map::LabelMap;
use crate::finding::Finding;
use crate::rules::{Group, RuleSet};

/// Raw counts behind one precision/recall pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub findings: usize,
    /// Findings that overlap a gold span of their row.
    pub findings_correct: usize,
    pub gold: usize,
    /// Gold spans overlapped by a finding of their row.
    pub gold_found: usize,
}

impl Count {
    pub fn add(&mut self, other: &Count) {
        self.findings += other.findings;
        self.findings_correct += other.findings_correct;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
    }
}

/// Counts for some articles: per row, technique-agnostic, and all findings of any category.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub rows: Vec<Count>,
    pub agnostic: Count,
    pub findings: usize,
}

impl Tally {
    pub fn add(mut self, other: Tally) -> Tally {
        if self.rows.len() < other.rows.len() {
            self.rows.resize(other.rows.len(), Count::default());
        }
        for (row, count) in self.rows.iter_mut().zip(&other.rows) {
            row.add(count);
        }
        self.agnostic.add(&other.agnostic);
        self.findings += other.findings;
        self
    }
}

/// How gold labels and finding categories fall into report rows.
pub struct Rows {
    /// Each row's categories, in taxonomy order; rows ordered by their first category.
    pub members: Vec<Vec<usize>>,
    of_category: Vec<Option<usize>>,
    of_label: HashMap<String, Option<usize>>,
    is_technique: Vec<bool>,
    /// Gold spans per label present, and whether the map lists the label at all.
    pub unmapped: BTreeMap<String, (usize, bool)>,
}

impl Rows {
    pub fn new(gold: &GoldSet, map: &LabelMap, rules: &RuleSet) -> Rows {
        let n = rules.categories.len();
        // Union-find over categories, joining those that one present label maps to together.
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut c: usize) -> usize {
            while parent[c] != c {
                parent[c] = parent[parent[c]];
                c = parent[c];
            }
            c
        }
        let mut scored = vec![false; n];
        let mut unmapped = BTreeMap::new();
        for span in gold.articles.iter().flat_map(|a| &a.spans) {
            match map.get(&span.label) {
                Some(categories) if !categories.is_empty() => {
                    for &c in categories {
                        scored[c] = true;
                        let (a, b) = (root(&mut parent, categories[0]), root(&mut parent, c));
                        parent[a.max(b)] = a.min(b);
                    }
                }
                listed => unmapped.entry(span.label.clone()).or_insert((0, listed.is_some())).0 += 1,
            }
        }
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut row_of_root: HashMap<usize, usize> = HashMap::new();
        let mut of_category = vec![None; n];
        for c in (0..n).filter(|&c| scored[c]) {
            let r = *row_of_root.entry(root(&mut parent, c)).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[r].push(c);
            of_category[c] = Some(r);
        }
        let mut of_label = HashMap::new();
        for span in gold.articles.iter().flat_map(|a| &a.spans) {
            of_label.entry(span.label.clone()).or_insert_with(|| {
                map.get(&span.label).and_then(|cs| cs.first()).and_then(|&c| of_category[c])
            });
        }
        let is_technique = rules.categories.iter().map(|c| c.group == Group::Technique).collect();
        Rows { members, of_category, of_label, is_technique, unmapped }
    }

    /// Counts one article's findings against its gold spans: each overlap test is a binary
    /// search ([`Intervals`]), so an article of 100,000 spans and findings is counted in
    /// milliseconds, not in minutes.
    pub fn count(&self, findings: &[Finding], spans: &[GoldSpan]) -> Tally {
        let gold_rows: Vec<Option<usize>> =
            spans.iter().map(|s| self.of_label.get(&s.label).copied().flatten()).collect();
        let rows = self.members.len();
        let all_spans = Intervals::new(spans.iter().map(|s| (s.start, s.end)));
        let spans_of_row: Vec<Intervals> = (0..rows)
            .map(|row| {
                let of_row = spans.iter().zip(&gold_rows).filter(|(_, r)| **r == Some(row));
                Intervals::new(of_row.map(|(s, _)| (s.start, s.end)))
            })
            .collect();
        let techniques = Intervals::new(
            findings.iter().filter(|f| self.is_technique[f.category]).map(|f| (f.start, f.end)),
        );
        let findings_of_row: Vec<Intervals> = (0..rows)
            .map(|row| {
                let of_row = findings.iter().filter(|f| self.of_category[f.category] == Some(row));
                Intervals::new(of_row.map(|f| (f.start, f.end)))
            })
            .collect();

        let mut tally = Tally { rows: vec![Count::default(); rows], ..Tally::default() };
        tally.findings = findings.len();
        for f in findings {
            if self.is_technique[f.category] {
                tally.agnostic.findings += 1;
                tally.agnostic.findings_correct += usize::from(all_spans.overlaps(f.start, f.end));
            }
            if let Some(row) = self.of_category[f.category] {
                let count = &mut tally.rows[row];
                count.findings += 1;
                count.findings_correct += usize::from(spans_of_row[row].overlaps(f.start, f.end));
            }
        }
        for (s, &gold_row) in spans.iter().zip(&gold_rows) {
            tally.agnostic.gold += 1;
            tally.agnostic.gold_found += usize::from(techniques.overlaps(s.start, s.end));
            if let Some(row) = gold_row {
                let count = &mut tally.rows[row];
                count.gold += 1;
                count.gold_found += usize::from(findings_of_row[row].overlaps(s.start, s.end));
            }
        }
        tally
    }
}

/// Byte ranges, for "does any of them overlap this range?" in logarithmic time: sorted by start,
/// with the largest end among the first k of them.
struct Intervals {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end of the ranges `0..=k` (in order of start).
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(ranges: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut ranges: Vec<(usize, usize)> = ranges.collect();
        ranges.sort_unstable();
        let starts = ranges.iter().map(|r| r.0).collect();
        let max_end = ranges
            .iter()
            .scan(0, |max, r| {
                *max = (*max).max(r.1);
                Some(*max)
            })
            .collect();
        Intervals { starts, max_end }
    }

    /// Whether one of the ranges shares a byte with `start..end` (`a < end && start < b`, as
    /// two spans overlap; a zero-length range overlaps what strictly contains it).
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }
}

#[cfg(test)]
mod tests {
    use super::Intervals;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn overlap_queries_agree_with_testing_every_range(
            ranges in proptest::collection::vec((0usize..60, 0usize..8), 0..20),
            queries in proptest::collection::vec((0usize..70, 0usize..8), 1..20),
        ) {
            let ranges: Vec<(usize, usize)> = ranges.into_iter().map(|(s, len)| (s, s + len)).collect();
            let intervals = Intervals::new(ranges.iter().copied());
            for (start, len) in queries {
                let end = start + len;
                let expected = ranges.iter().any(|&(s, e)| s < end && start < e);
                prop_assert_eq!(intervals.overlaps(start, end), expected, "{:?} {}..{}", ranges, start, end);
            }
        }
    }
}
