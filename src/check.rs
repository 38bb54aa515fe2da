//! Running `check`: reads articles in bounded batches, analyses each batch in parallel, and
//! hands the results to a printer in input order, so that output is the same whatever the
//! number of threads and memory stays flat however large the input.

use std::io::{self, Write};

use crate::analyze::Engine;
use crate::input::{Event, Skipped};
use crate::report::Reporter;
use crate::score::Band;

/// A batch is analysed once it holds this many articles...
const BATCH_ARTICLES: usize = 512;
/// ...or this many bytes of text.
const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// Something the user should read on stderr, in input order.
#[derive(Debug)]
pub enum Diagnostic<'a> {
    Warning { path: &'a str, message: &'a str },
    Skipped(&'a Skipped),
}

/// What a run saw, for the closing summary and the exit code.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub articles: usize,
    pub findings: usize,
    pub skipped: Vec<Skipped>,
    pub high: usize,
    pub mixed: usize,
    pub low: usize,
    pub mean_score: Option<f64>,
    pub fail_under: Option<f64>,
    /// Ids of the articles that scored below `fail_under`, in input order.
    pub below_threshold: Vec<String>,
    #[serde(skip)]
    score_sum: f64,
}

/// Runs the engine over every input event and prints through `reporter`.
pub fn run(
    inputs: impl Iterator<Item = Event>,
    engine: &Engine,
    pool: &rayon::ThreadPool,
    reporter: &mut dyn Reporter,
    out: &mut dyn Write,
    diagnostics: &mut dyn FnMut(Diagnostic<'_>),
    fail_under: Option<f64>,
) -> io::Result<Summary> {
    let mut summary = Summary { fail_under, ..Summary::default() };
    reporter.begin(out)?;
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() || !batch.is_empty() {
        match inputs.next() {
            Some(Event::Article { article, warning }) => {
                if let Some(message) = &warning {
                    diagnostics(Diagnostic::Warning { path: &article.path, message });
                }
                batch_bytes += article.text.len();
                batch.push(*article);
                if batch.len() < BATCH_ARTICLES && batch_bytes < BATCH_BYTES && inputs.peek().is_some() {
                    continue;
                }
            }
            Some(Event::Skipped(skipped)) => {
                diagnostics(Diagnostic::Skipped(&skipped));
                summary.skipped.push(skipped);
                if inputs.peek().is_some() {
                    continue;
                }
            }
            None => {}
        }
        let articles = std::mem::take(&mut batch);
        batch_bytes = 0;
        let analyses: Vec<_> = pool.install(|| {
            use rayon::prelude::*;
            articles.into_par_iter().map(|article| engine.analyze(article)).collect()
        });
        for analysis in &analyses {
            summary.articles += 1;
            summary.findings += analysis.findings.len();
            summary.score_sum += analysis.score.score;
            match analysis.score.band {
                Band::High => summary.high += 1,
                Band::Mixed => summary.mixed += 1,
                Band::Low => summary.low += 1,
            }
            if fail_under.is_some_and(|threshold| analysis.score.score < threshold) {
                summary.below_threshold.push(analysis.article.id.clone());
            }
            reporter.article(out, analysis)?;
        }
    }
    if summary.articles > 0 {
        summary.mean_score = Some((summary.score_sum / summary.articles as f64 * 100.0).round() / 100.0);
    }
    reporter.finish(out, &summary)?;
    out.flush()?;
    Ok(summary)
}
