//! Running `check`: reads articles in bounded batches, analyses each batch in parallel, and
//! hands the results to a printer in input order, so that output is the same whatever the
//! number of threads and memory stays flat however large the input. Reading, analysing and
//! printing overlap (one batch each).
//!
//! `--sort` and `--top` need every result before printing the first, so with them the results
//! are kept until the end (memory then grows with the input; the summary still counts all).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};

use crate::analyze::{Analysis, Engine};
use crate::input::{Event, Skipped, source_or_host};
use crate::report::{Prerender, Printer, Reporter};
use crate::score::Band;

/// A batch is analysed once it holds this many articles...
const BATCH_ARTICLES: usize = 256;
/// ...or this many bytes of text (of HTML, for pages not yet extracted).
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// A batch's articles are laid out by the analysing threads (see [`Prerender`]) until their
/// parts hold this many bytes; the printer lays out the rest itself. A part can be a
/// thousand times its article (a table of a thousand findings), and this keeps a batch of such
/// articles within bounds.
const BATCH_PART_BYTES: usize = 8 * 1024 * 1024;
/// A pause of the input this long sends the articles read so far on (see [`read_batches`]).
const IDLE: std::time::Duration = std::time::Duration::from_millis(100);
/// Categories named per source in the `--group-by source` table.
const SOURCE_TOP_CATEGORIES: usize = 3;

/// Something the user should read on stderr, in input order.
#[derive(Debug)]
pub enum Diagnostic<'a> {
    Warning { path: &'a str, message: &'a str },
    Skipped(&'a Skipped),
}

/// The order of articles in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SortKey {
    /// Lowest score (least credible) first.
    Score,
    Id,
    Source,
}

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub fail_under: Option<f64>,
    pub sort: Option<SortKey>,
    /// Print only the first N articles (after sorting; `--top` alone sorts by score).
    pub top: Option<usize>,
    pub group_by_source: bool,
}

impl RunOptions {
    /// `--sort` and `--top` need every result before printing the first.
    fn keeps_all(&self) -> bool {
        self.sort.is_some() || self.top.is_some()
    }
}

/// Per-source figures for `--group-by source`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SourceStats {
    pub source: String,
    pub articles: usize,
    pub mean_score: f64,
    pub worst_score: f64,
    /// The most frequent cue and technique categories, with their finding counts.
    pub top_categories: Vec<(String, usize)>,
}

/// What a run saw, for the closing summary and the exit code.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub articles: usize,
    pub findings: usize,
    /// Cue and technique findings (the ones a baseline gate counts as new).
    pub problems: usize,
    /// Findings left out because the baseline knows them.
    pub baselined: usize,
    pub skipped: Vec<Skipped>,
    pub high: usize,
    pub mixed: usize,
    pub low: usize,
    pub mean_score: Option<f64>,
    pub fail_under: Option<f64>,
    /// Ids of the articles that scored below `fail_under`, in input order.
    pub below_threshold: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceStats>>,
    #[serde(skip)]
    score_sum: f64,
}

/// Callbacks into the caller (the library does not print).
pub struct Hooks<'a> {
    pub diagnostic: &'a mut dyn FnMut(Diagnostic<'_>),
    /// Called after each batch with the articles and bytes analysed so far.
    pub progress: &'a mut dyn FnMut(usize, u64),
    /// Called with every analysed article, in input order, printed or not (`--top`).
    pub analysed: &'a mut dyn FnMut(&Analysis),
}

#[derive(Default)]
struct SourceTally {
    articles: usize,
    score_sum: f64,
    worst: f64,
    categories: HashMap<usize, usize>,
}

/// What the analysis stage hands to the printing stage, in input order.
enum Done {
    /// `part`: what the format's [`Prerender`] wrote for the article, if it has one.
    Article {
        analysis: Box<Analysis>,
        warning: Option<String>,
        part: Option<Vec<u8>>,
    },
    Skipped(Skipped),
}

/// Runs the engine over every input event and prints through `printer`.
///
/// Three stages overlap, each on its own thread, with batches handed over one at a time (so at
/// most a few batches are in memory): reading and decoding the next batch, analysing the
/// current one on `pool` (and writing each article's part of the output, if the format
/// prerenders), and printing the previous one on the calling thread.
pub fn run(
    inputs: impl Iterator<Item = Event> + Send + 'static,
    engine: &Engine,
    pool: &rayon::ThreadPool,
    printer: &mut Printer<'_>,
    out: &mut dyn Write,
    hooks: Hooks<'_>,
    options: &RunOptions,
) -> io::Result<Summary> {
    let (batch_tx, batch_rx) = sync_channel::<(Vec<Event>, u64)>(0);
    // Not joined: after a write error (a closed pipe) the run ends at once even if the reader
    // is waiting for more of a standard input that never comes; it stops at its next send.
    std::thread::spawn(move || read_batches(inputs, batch_tx));
    let stop = AtomicBool::new(false);
    // Articles kept for `--sort`/`--top` are laid out at the end, and only those printed.
    let prerender = if options.keeps_all() { None } else { printer.prerender.as_deref() };
    let reporter = printer.reporter.as_mut();
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = sync_channel::<(Vec<Done>, u64)>(0);
        let stop = &stop;
        scope.spawn(move || analyse_batches(batch_rx, done_tx, engine, prerender, pool, stop));
        let printed = print_results(done_rx, engine, reporter, out, hooks, options);
        stop.store(true, Ordering::Relaxed);
        printed
    })
}

/// The analysing stage: each batch's articles in parallel on `pool`, in input order. Ends when
/// the reader is done, the printer has gone, or `stop` is set while no batch is coming.
fn analyse_batches(
    batches: Receiver<(Vec<Event>, u64)>,
    done: SyncSender<(Vec<Done>, u64)>,
    engine: &Engine,
    prerender: Option<&dyn Prerender>,
    pool: &rayon::ThreadPool,
    stop: &AtomicBool,
) {
    loop {
        let (events, bytes) = match batches.recv_timeout(std::time::Duration::from_millis(50)) {
            Ok(batch) => batch,
            Err(RecvTimeoutError::Timeout) if !stop.load(Ordering::Relaxed) => continue,
            Err(_) => return,
        };
        let parts = PartBudget { prerender, bytes_left: AtomicUsize::new(BATCH_PART_BYTES) };
        let analysed = pool.install(|| {
            use rayon::prelude::*;
            events.into_par_iter().map(|event| analyse(engine, &parts, event)).collect()
        });
        if done.send((analysed, bytes)).is_err() {
            return; // the printer stopped: stop analysing
        }
    }
}

/// The format's [`Prerender`], if it has one, and how many bytes of parts one batch may still
/// take (see [`BATCH_PART_BYTES`]). Which articles go over it depends on the threads' timing,
/// but not the output: a part is what the printer would write for its article.
struct PartBudget<'a> {
    prerender: Option<&'a dyn Prerender>,
    bytes_left: AtomicUsize,
}

impl PartBudget<'_> {
    fn render(&self, analysis: &Analysis) -> Option<Vec<u8>> {
        let prerender = self.prerender?;
        if self.bytes_left.load(Ordering::Relaxed) == 0 {
            return None;
        }
        let part = prerender.render(analysis);
        let used = part.len();
        let _ = self
            .bytes_left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| Some(left.saturating_sub(used)));
        Some(part)
    }
}

/// One input event through the engine (an HTML page must be extracted first), and its part
/// of the output if the format prerenders.
fn analyse(engine: &Engine, parts: &PartBudget<'_>, event: Event) -> Done {
    match event {
        Event::Article { article, warning } => {
            let analysis = Box::new(engine.analyze(*article));
            let part = parts.render(&analysis);
            Done::Article { analysis, warning, part }
        }
        Event::Skipped(skipped) => Done::Skipped(skipped),
        Event::Page(page) => analyse(engine, parts, page.extract()),
    }
}

/// Groups input events into batches, each sent with its byte count once it holds
/// [`BATCH_ARTICLES`] events (articles and skipped inputs) or [`BATCH_BYTES`] bytes of text or
/// HTML (the article that reaches the limit included). When the input pauses (a stream on standard
/// input) for [`IDLE`], the articles read so far go as a batch of their own, so that they are
/// printed without waiting for the rest.
fn read_batches(
    inputs: impl Iterator<Item = Event> + Send + 'static,
    batches: SyncSender<(Vec<Event>, u64)>,
) {
    // A few articles in flight between the two threads, whatever their size.
    let (event_tx, events) = sync_channel::<Event>(4);
    // Not joined either: it may wait on standard input for good.
    std::thread::spawn(move || {
        for event in inputs {
            if event_tx.send(event).is_err() {
                return;
            }
        }
    });
    let mut batch = Vec::new();
    let (mut articles, mut bytes) = (0, 0);
    loop {
        let event = match events.recv_timeout(IDLE) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                if !batch.is_empty() {
                    if batches.send((std::mem::take(&mut batch), bytes as u64)).is_err() {
                        return;
                    }
                    (articles, bytes) = (0, 0);
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match &event {
            Event::Article { article, .. } => (articles, bytes) = (articles + 1, bytes + article.text.len()),
            Event::Page(page) => (articles, bytes) = (articles + 1, bytes + page.len()),
            // Skipped inputs count towards a batch too, so their messages are printed as they
            // come, even from a file that is all bad lines.
            Event::Skipped(_) => articles += 1,
        }
        batch.push(event);
        if articles >= BATCH_ARTICLES || bytes >= BATCH_BYTES {
            if batches.send((std::mem::take(&mut batch), bytes as u64)).is_err() {
                return;
            }
            (articles, bytes) = (0, 0);
        }
    }
    if !batch.is_empty() {
        let _ = batches.send((batch, bytes as u64));
    }
}

/// The printing stage: diagnostics and articles in input order, the summary, the closing
/// output.
fn print_results(
    done: Receiver<(Vec<Done>, u64)>,
    engine: &Engine,
    reporter: &mut dyn Reporter,
    out: &mut dyn Write,
    hooks: Hooks<'_>,
    options: &RunOptions,
) -> io::Result<Summary> {
    let mut summary = Summary { fail_under: options.fail_under, ..Summary::default() };
    let keep_all = options.keeps_all();
    let mut kept: Vec<Analysis> = Vec::new();
    let mut sources: BTreeMap<String, SourceTally> = BTreeMap::new();
    let mut bytes_done = 0u64;
    reporter.begin(out)?;
    for (batch, bytes) in done {
        for item in batch {
            let (analysis, part) = match item {
                Done::Skipped(skipped) => {
                    (hooks.diagnostic)(Diagnostic::Skipped(&skipped));
                    summary.skipped.push(skipped);
                    continue;
                }
                Done::Article { analysis, warning, part } => {
                    if let Some(message) = &warning {
                        (hooks.diagnostic)(Diagnostic::Warning { path: &analysis.article.path, message });
                    }
                    (*analysis, part)
                }
            };
            summary.count(&analysis, engine.rules());
            (hooks.analysed)(&analysis);
            if options.group_by_source {
                let tally = sources.entry(source_of(&analysis)).or_default();
                tally.worst = if tally.articles == 0 {
                    analysis.score.score
                } else {
                    tally.worst.min(analysis.score.score)
                };
                tally.articles += 1;
                tally.score_sum += analysis.score.score;
                for f in &analysis.findings {
                    if engine.rules().is_problem(f.category) {
                        *tally.categories.entry(f.category).or_default() += 1;
                    }
                }
            }
            match part {
                _ if keep_all => kept.push(analysis),
                Some(part) => reporter.prerendered_article(out, &analysis, &part)?,
                None => reporter.article(out, &analysis)?,
            }
        }
        bytes_done += bytes;
        (hooks.progress)(summary.articles, bytes_done);
        // A stream's results go out batch by batch, not when the output buffer fills.
        if !keep_all {
            out.flush()?;
        }
    }
    if keep_all {
        match options.sort.unwrap_or(SortKey::Score) {
            SortKey::Score => kept.sort_by(|a, b| a.score.score.total_cmp(&b.score.score)),
            SortKey::Id => kept.sort_by(|a, b| a.article.id.cmp(&b.article.id)),
            // The source is derived (field, URL host or folder): work it out once per article.
            SortKey::Source => kept.sort_by_cached_key(source_of),
        }
        kept.truncate(options.top.unwrap_or(usize::MAX));
        for analysis in &kept {
            reporter.article(out, analysis)?;
        }
    }
    if summary.articles > 0 {
        summary.mean_score = Some(round2(summary.score_sum / summary.articles as f64));
    }
    if options.group_by_source {
        summary.sources = Some(source_stats(sources, engine));
    }
    reporter.finish(out, &summary)?;
    out.flush()?;
    Ok(summary)
}

impl Summary {
    fn count(&mut self, analysis: &Analysis, rules: &crate::rules::RuleSet) {
        self.problems += analysis.findings.iter().filter(|f| rules.is_problem(f.category)).count();
        self.articles += 1;
        self.findings += analysis.findings.len();
        self.baselined += analysis.baselined.len();
        self.score_sum += analysis.score.score;
        match analysis.score.band {
            Band::High => self.high += 1,
            Band::Mixed => self.mixed += 1,
            Band::Low => self.low += 1,
        }
        if self.fail_under.is_some_and(|threshold| analysis.score.score < threshold) {
            self.below_threshold.push(analysis.article.id.clone());
        }
    }
}

/// The name of the folder newslint runs in.
static CURRENT_FOLDER: std::sync::LazyLock<Option<String>> = std::sync::LazyLock::new(|| {
    Some(std::env::current_dir().ok()?.file_name()?.to_string_lossy().into_owned())
});

/// The article's source: its `source` field, else the host of its URL, else its folder.
fn source_of(analysis: &Analysis) -> String {
    let article = &analysis.article;
    source_or_host(article.source.clone(), article.url.as_deref())
        .or_else(|| {
            // The folder the file is in, also when the path names none ("dump.jsonl", "../a.txt");
            // standard input has none.
            let parent = std::path::Path::new(&article.path).parent().filter(|_| article.path != "-")?;
            let folder = match parent.file_name() {
                Some(name) => name.to_string_lossy().into_owned(),
                // The current folder's name is looked up once per run, not once per record.
                None if matches!(parent.to_str(), Some("" | ".")) => CURRENT_FOLDER.clone()?,
                None => std::fs::canonicalize(parent).ok()?.file_name()?.to_string_lossy().into_owned(),
            };
            Some(folder)
        })
        .unwrap_or_else(|| "-".to_string())
}

/// Sources from the least to the most credible on average.
fn source_stats(sources: BTreeMap<String, SourceTally>, engine: &Engine) -> Vec<SourceStats> {
    let mut stats: Vec<SourceStats> = sources
        .into_iter()
        .map(|(source, tally)| {
            let mut categories: Vec<(usize, usize)> = tally.categories.into_iter().collect();
            categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            SourceStats {
                source,
                articles: tally.articles,
                mean_score: round2(tally.score_sum / tally.articles as f64),
                worst_score: tally.worst,
                top_categories: categories
                    .into_iter()
                    .take(SOURCE_TOP_CATEGORIES)
                    .map(|(c, n)| (engine.rules().categories[c].id.clone(), n))
                    .collect(),
            }
        })
        .collect();
    stats.sort_by(|a, b| a.mean_score.total_cmp(&b.mean_score).then(a.source.cmp(&b.source)));
    stats
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
