//! `newslint eval`: precision and recall of the rules against labelled spans.
//!
//! The evaluation is a pipeline of small steps, one module each:
//!
//! 1. `label_map`: load the mapping from the corpus's technique labels to our category ids
//!    (built in, or `--label-map FILE`), checked against the loaded categories;
//! 2. `gold`: load the labelled spans (PTC TSV or JSONL) and the articles they point into, and
//!    turn code-point offsets into byte offsets of the text the engine will analyse;
//! 3. analyse every article with the engine, in parallel (results come back in input order, and
//!    the counts are sums, so the output does not depend on scheduling);
//! 4. `tally`: match findings to gold spans by overlap and count, per category row, summed
//!    over rows (micro average) and technique-agnostic;
//! 5. print: [`write_table`] or the serialised [`EvalReport`].
//!
//! Every problem with the inputs (a missing folder, a malformed label line, a span past the end
//! of its article, an article id without an article file, a bad label map) stops the run with an
//! [`EvalError`] of one sentence naming the file, and the command exits with code 2.

mod gold;
mod label_map;
mod table;
mod tally;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

pub use table::write_table;

use crate::analyze::Engine;
use gold::GoldSet;
use label_map::LabelMap;
use tally::{Count, Rows, Tally};

/// The format of the gold labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelsFormat {
    /// PTC TSV: `article_id  technique  start  end` (code points), articles in `--articles`.
    Ptc,
    /// JSONL: `{"id", "text", "spans": [{"start", "end", "label"}]}` (articles inline).
    Jsonl,
}

#[derive(Clone, Debug)]
pub struct EvalOptions {
    /// Folder of `article<ID>.txt` files (PTC); unused for JSONL labels.
    pub articles: Option<PathBuf>,
    pub labels: PathBuf,
    pub labels_format: LabelsFormat,
    /// A TOML mapping from external labels to category ids; `None`: the built-in one.
    pub label_map: Option<PathBuf>,
}

/// Why an evaluation could not run (one sentence, naming the file).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct EvalError(pub String);

/// Per-category and micro-averaged results. Field names are stable (`--format json`).
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    /// Version of this JSON shape.
    pub schema: u32,
    /// `built-in` or the path of the `--label-map` file.
    pub label_map: String,
    pub articles: usize,
    /// Every gold span, mapped or not.
    pub gold_spans: usize,
    /// Every finding, of any category.
    pub findings: usize,
    /// One row per category the gold labels map to (categories one label merges share a row).
    pub categories: Vec<CategoryScores>,
    /// Sums of the rows' counts, and precision/recall/F1 of the sums.
    pub micro: Scores,
    /// Any finding of a technique category against any gold span, whatever the labels.
    pub technique_agnostic: Scores,
    /// Gold spans whose label maps to no category (scored only in `technique_agnostic`).
    pub unmapped_spans: usize,
    pub unmapped: Vec<UnmappedLabel>,
    /// Notes on the inputs (e.g. an article that was not UTF-8 and was decoded as Windows-1252).
    pub warnings: Vec<String>,
}

/// One row of the report.
#[derive(Clone, Debug, Serialize)]
pub struct CategoryScores {
    /// The category id, or the ids of a merged row joined with `+`.
    pub category: String,
    pub members: Vec<String>,
    #[serde(flatten)]
    pub scores: Scores,
}

/// Counts and the ratios computed from them; a ratio is `null` when its denominator is 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    pub findings: usize,
    /// Findings that overlap a gold span whose label maps to the finding's category.
    pub findings_correct: usize,
    pub gold: usize,
    /// Gold spans overlapped by a finding of the category their label maps to.
    pub gold_found: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

/// A gold label with no category: how many spans carry it, and whether the map lists it (a
/// label the map lists with no category is deliberate; one it lacks may be a typo or a new
/// corpus).
#[derive(Clone, Debug, Serialize)]
pub struct UnmappedLabel {
    pub label: String,
    pub spans: usize,
    pub in_label_map: bool,
}

/// Loads the labels, analyses the labelled articles and scores the findings against the labels.
pub fn evaluate(engine: &Engine, options: &EvalOptions) -> Result<EvalReport, EvalError> {
    let map = LabelMap::load(options.label_map.as_deref(), engine.rules())?;
    let gold = match options.labels_format {
        LabelsFormat::Ptc => gold::load_ptc(&options.labels, options.articles.as_deref())?,
        LabelsFormat::Jsonl => gold::load_jsonl(&options.labels)?,
    };
    let rows = Rows::new(&gold, &map, engine.rules());
    let GoldSet { articles, warnings } = gold;
    let count = articles.len();
    let tally = articles
        .into_par_iter()
        .map(|gold| rows.count(&engine.analyze(gold.article).findings, &gold.spans))
        .reduce(Tally::default, Tally::add);
    Ok(report(engine, &map, &rows, tally, count, warnings))
}

fn report(
    engine: &Engine,
    map: &LabelMap,
    rows: &Rows,
    tally: Tally,
    articles: usize,
    warnings: Vec<String>,
) -> EvalReport {
    let categories = &engine.rules().categories;
    let mut micro = Count::default();
    let mut scored = Vec::new();
    for (r, members) in rows.members.iter().enumerate() {
        let count = tally.rows.get(r).copied().unwrap_or_default();
        micro.add(&count);
        let members: Vec<String> = members.iter().map(|&c| categories[c].id.clone()).collect();
        scored.push(CategoryScores { category: members.join("+"), members, scores: scores(count) });
    }
    let unmapped: Vec<UnmappedLabel> = rows
        .unmapped
        .iter()
        .map(|(label, &(spans, in_label_map))| UnmappedLabel { label: label.clone(), spans, in_label_map })
        .collect();
    EvalReport {
        schema: 1,
        label_map: map.source.clone(),
        articles,
        gold_spans: tally.agnostic.gold,
        findings: tally.findings,
        categories: scored,
        micro: scores(micro),
        technique_agnostic: scores(tally.agnostic),
        unmapped_spans: unmapped.iter().map(|u| u.spans).sum(),
        unmapped,
        warnings,
    }
}

fn scores(count: Count) -> Scores {
    let ratio = |num: usize, den: usize| (den > 0).then(|| num as f64 / den as f64);
    let precision = ratio(count.findings_correct, count.findings);
    let recall = ratio(count.gold_found, count.gold);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    Scores {
        findings: count.findings,
        findings_correct: count.findings_correct,
        gold: count.gold,
        gold_found: count.gold_found,
        precision,
        recall,
        f1,
    }
}
