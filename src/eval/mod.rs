//! `newslint eval`: precision and recall of the rules against labelled spans.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::analyze::Engine;

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

/// Per-category and micro-averaged results.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {}

pub fn evaluate(_engine: &Engine, _options: &EvalOptions) -> Result<EvalReport, EvalError> {
    Err(EvalError("eval is not implemented yet".into()))
}

pub fn write_table(_report: &EvalReport, _out: &mut dyn Write) -> io::Result<()> {
    Ok(())
}
