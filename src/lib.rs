//! newslint: flags propaganda-technique and credibility cues in news articles with rules
//! written in TOML, and explains a 0–100 credibility score.
//!
//! The crate reads as its pipeline:
//!
//! 1. [`input`] — files, folders, standard input, JSONL, CSV, HTML pages and compressed files
//!    into [`input::Article`]s;
//! 2. [`zones`] — title, byline, body and boilerplate (page furniture);
//! 3. [`segment`] — sentences and quotations (whose voice: the outlet's or a speaker's);
//! 4. [`rules`] — rule files, loaded and validated; [`matcher`] — compiled into automata;
//! 5. [`analyze`] — one article through all steps into [`finding::Finding`]s;
//! 6. [`score`] — the score and its breakdown;
//! 7. [`report`] — one printer per output format; [`check`] runs the whole thing in parallel,
//!    and [`summary`] counts what the run saw.
//!
//! The library never prints to the terminal: printers write to the `Write` they are given.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod baseline;
pub mod check;
pub mod config;
pub mod eval;
pub mod finding;
pub mod input;
pub mod matcher;
pub mod report;
pub mod rules;
pub mod score;
pub mod segment;
pub mod summary;
pub mod text;
pub mod unspaced;
pub mod zones;

pub use analyze::{Analysis, Engine};

/// Fast hash maps for the small per-article tables (no iteration order of theirs is ever
/// observable). A module of its own so that `scripts/zoning/zone_eval.rs`, which compiles
/// the zones module with plain `rustc`, can stand in std's.
pub(crate) mod hash {
    pub use rustc_hash::{FxHashMap, FxHashSet};
}
