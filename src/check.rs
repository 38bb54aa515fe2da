//! Running `check`: reads articles in bounded batches, analyses each batch in parallel, and
//! hands the results to a printer in input order, so that output is the same whatever the
//! number of threads and memory stays flat however large the input. Reading, analysing and
//! printing overlap (one batch each).
//!
//! `--sort` and `--top` need every result before printing the first, so with them the results
//! are kept until the end (memory then grows with the input; the summary still counts all).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};

use crate::analyze::{Analysis, Engine};
use crate::input::{Event, Skipped};
use crate::report::{Prerender, Printer, Reporter};
use crate::summary::{SourceTallies, Summary, source_of};

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

/// Callbacks into the caller (the library does not print).
pub struct Hooks<'a> {
    pub diagnostic: &'a mut dyn FnMut(Diagnostic<'_>),
    /// Called after each batch with the articles and bytes analysed so far.
    pub progress: &'a mut dyn FnMut(usize, u64),
    /// Called with every analysed article, in input order, printed or not (`--top`).
    pub analysed: &'a mut dyn FnMut(&Analysis),
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
    let mut summary = Summary::new(options.fail_under);
    let mut sources = options.group_by_source.then(SourceTallies::default);
    let keep_all = options.keeps_all();
    let mut kept: Vec<Analysis> = Vec::new();
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
            if let Some(sources) = &mut sources {
                sources.add(&analysis, engine.rules());
            }
            (hooks.analysed)(&analysis);
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
        for analysis in &sorted_top(kept, options) {
            reporter.article(out, analysis)?;
        }
    }
    summary.finish(sources, engine.rules());
    reporter.finish(out, &summary)?;
    out.flush()?;
    Ok(summary)
}

/// The kept articles in `--sort` order (by score when only `--top` is given), the first
/// `--top` of them.
fn sorted_top(mut kept: Vec<Analysis>, options: &RunOptions) -> Vec<Analysis> {
    match options.sort.unwrap_or(SortKey::Score) {
        SortKey::Score => kept.sort_by(|a, b| a.score.score.total_cmp(&b.score.score)),
        SortKey::Id => kept.sort_by(|a, b| a.article.id.cmp(&b.article.id)),
        // The source is derived (field, URL host or folder): work it out once per article.
        SortKey::Source => kept.sort_by_cached_key(source_of),
    }
    kept.truncate(options.top.unwrap_or(usize::MAX));
    kept
}
