//! Loading the gold standard: labelled spans plus the text they point into.
//!
//! Both formats give span offsets in Unicode code points, end exclusive; the engine reports byte
//! offsets into the text it analysed. This module does the conversion once, so that everything
//! after it compares byte ranges of the same string.
//!
//! - PTC (SemEval-2020 Task 11, and the same TSV of SemEval-2023 Task 3): lines `article_id TAB
//!   technique TAB start TAB end` in one file or in a folder of label files; the text of article
//!   `ID` is `article<ID>.txt` in the articles folder. PTC counts a leading byte-order mark as a
//!   code point, so for a file that starts with one, offsets are shifted by one character after
//!   the mark is dropped from the text we analyse (the engine should not see an invisible first
//!   character in the title line).
//! - JSONL: one `{"id", "text", "spans": [{"start", "end", "label"}]}` per line, offsets into
//!   `text` (an optional `title` is passed on to the engine).
//!
//! The articles evaluated are the ones the labels name. In a folder of PTC label files, a file
//! named `article<ID>…` names article `ID` even when it is empty: that is how PTC marks an article
//! the annotators read and found no technique in, and its findings are all false positives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::EvalError;
use crate::input::{Article, Decoded, decode, io_reason};

/// One labelled span, in byte offsets of its article's analysed text.
#[derive(Clone, Debug)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// An article to analyse and the spans the annotators marked in it.
#[derive(Clone, Debug)]
pub struct GoldArticle {
    pub article: Article,
    pub spans: Vec<GoldSpan>,
}

/// Every labelled article, in a deterministic order, and notes for the user (decoding fallbacks).
#[derive(Debug, Default)]
pub struct GoldSet {
    pub articles: Vec<GoldArticle>,
    pub warnings: Vec<String>,
}

/// A span as read, in code points, with where it was read (`file:line`) for error messages.
struct RawSpan {
    start: usize,
    end: usize,
    label: String,
    place: String,
}

/// Reads PTC TSV labels from `labels` (a file or folder) and the articles from `articles`.
pub fn load_ptc(labels: &Path, articles: Option<&Path>) -> Result<GoldSet, EvalError> {
    let articles = articles.ok_or_else(|| {
        EvalError("PTC labels need --articles DIR, the folder of the article<ID>.txt files".into())
    })?;
    if !articles.is_dir() {
        let problem = if articles.exists() { "is not a folder" } else { "does not exist" };
        return Err(EvalError(format!(
            "articles folder {} {problem} (PTC labels need the folder of the article<ID>.txt files)",
            articles.display()
        )));
    }
    let mut by_article: BTreeMap<String, Vec<RawSpan>> = BTreeMap::new();
    for file in label_files(labels)? {
        if let Some(id) = id_from_file_name(&file) {
            by_article.entry(id).or_default();
        }
        read_tsv(&file, &mut by_article)?;
    }

    let mut gold = GoldSet::default();
    for (id, spans) in by_article {
        let path = articles.join(format!("article{id}.txt"));
        let bytes = std::fs::read(&path).map_err(|e| {
            let named_in = spans.first().map_or_else(String::new, |s| format!(" (named in {})", s.place));
            EvalError(format!(
                "cannot read article {} for article id {id}{named_in}: {}",
                path.display(),
                io_reason(&e)
            ))
        })?;
        let display = path.display().to_string();
        // PTC counts a byte-order mark as the first code point; `decode` drops a UTF-16 one and
        // keeps a UTF-8 one, so note the first before decoding and drop the second after.
        let mut skipped = usize::from(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]));
        let Decoded { mut text, warning } = decode(bytes)
            .map_err(|reason| EvalError(format!("cannot analyse article {display}: {reason}")))?;
        if let Some(warning) = warning {
            gold.warnings.push(format!("{display}: {warning}"));
        }
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
            skipped = 1;
        }
        let spans = to_bytes(&text, skipped, spans, &format!("article {display}"))?;
        let article = Article { id, path: display, text, ..Article::default() };
        gold.articles.push(GoldArticle { article, spans });
    }
    Ok(gold)
}

/// Reads a JSONL file of articles with their spans.
pub fn load_jsonl(labels: &Path) -> Result<GoldSet, EvalError> {
    let display = labels.display().to_string();
    let text = read_utf8(labels, "labels file")?;
    let mut gold = GoldSet::default();
    for (index, line) in text.lines().enumerate() {
        let place = format!("{display}:{}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        let record: JsonlRecord = serde_json::from_str(line).map_err(|e| {
            // serde_json counts the line as line 1: the column is what it adds to `place`.
            let message = e.to_string().replace(" at line 1 column ", " at column ");
            EvalError(format!("{place}: malformed labelled article: {message}"))
        })?;
        // A number id is named as written, as `check` names it ("1.50", not "1.5").
        let id = match record.id.as_deref().map(|raw| (raw, serde_json::from_str(raw.get()))) {
            Some((_, Ok(serde_json::Value::String(id)))) => id,
            Some((raw, Ok(serde_json::Value::Number(_)))) => raw.get().to_string(),
            _ => place.clone(),
        };
        let spans = record
            .spans
            .into_iter()
            .map(|s| RawSpan { start: s.start, end: s.end, label: s.label, place: place.clone() })
            .collect::<Vec<_>>();
        if spans.iter().any(|s| s.label.trim().is_empty()) {
            return Err(EvalError(format!("{place}: a span has an empty label")));
        }
        check_order(&spans)?;
        let spans = to_bytes(&record.text, 0, spans, &format!("the text of {id}"))?;
        let article = Article {
            id,
            path: display.clone(),
            title: record.title,
            text: record.text,
            ..Article::default()
        };
        gold.articles.push(GoldArticle { article, spans });
    }
    Ok(gold)
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<Box<serde_json::value::RawValue>>,
    title: Option<String>,
    text: String,
    #[serde(default)]
    spans: Vec<JsonlSpan>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlSpan {
    start: usize,
    end: usize,
    label: String,
}

/// The label files named by `labels`: the file itself, or the label files in the folder, sorted.
/// A folder's label files are those named `*.labels` (PTC 2020) or `*labels*.txt` (SemEval-2023:
/// `article<ID>-labels-subtask-3.txt`).
fn label_files(labels: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let display = labels.display();
    let meta = std::fs::metadata(labels)
        .map_err(|e| EvalError(format!("cannot read labels {display}: {}", io_reason(&e))))?;
    if !meta.is_dir() {
        return Ok(vec![labels.to_path_buf()]);
    }
    let entries = std::fs::read_dir(labels)
        .map_err(|e| EvalError(format!("cannot read labels folder {display}: {}", io_reason(&e))))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| EvalError(format!("cannot read labels folder {display}: {e}")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_label_file = name.ends_with(".labels") || (name.contains("labels") && name.ends_with(".txt"));
        if is_label_file && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    if files.is_empty() {
        return Err(EvalError(format!(
            "labels folder {display} has no label files (*.labels or *labels*.txt)"
        )));
    }
    files.sort();
    Ok(files)
}

/// `article123.task2-TC.labels` -> `123`: the article a per-article label file is about.
fn id_from_file_name(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_str()?;
    let digits: String = name.strip_prefix("article")?.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

fn read_tsv(file: &Path, by_article: &mut BTreeMap<String, Vec<RawSpan>>) -> Result<(), EvalError> {
    let display = file.display().to_string();
    let text = read_utf8(file, "labels file")?;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("{display}:{}", index + 1);
        let malformed = |why: String| EvalError(format!("{place}: malformed label line: {why}"));
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [id, label, start, end] = fields[..] else {
            // PTC's task-1 files (`*.task1-SI.labels`) have the spans without their techniques.
            let no_technique = matches!(fields[..], [_, start, end]
                if start.parse::<usize>().is_ok() && end.parse::<usize>().is_ok());
            let hint = if no_technique {
                "; these look like spans without their technique (PTC's task-1 `.task1-SI.labels` \
                 files): use the task-2 files (`.task2-TC.labels`), which name each span's technique"
            } else {
                ""
            };
            return Err(malformed(format!(
                "expected 4 tab-separated fields (article id, technique, start, end), found {}{hint}",
                fields.len()
            )));
        };
        // The id becomes part of a file name; keep it from pointing anywhere but the folder.
        if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
            return Err(malformed(format!("`{id}` is not an article id")));
        }
        if label.is_empty() {
            return Err(malformed("the technique is empty".into()));
        }
        let number = |field: &str, what: &str| {
            field.parse::<usize>().map_err(|_| malformed(format!("{what} `{field}` is not a whole number")))
        };
        let span = RawSpan {
            start: number(start, "start")?,
            end: number(end, "end")?,
            label: label.to_string(),
            place,
        };
        check_order(std::slice::from_ref(&span))?;
        by_article.entry(id.to_string()).or_default().push(span);
    }
    Ok(())
}

fn check_order(spans: &[RawSpan]) -> Result<(), EvalError> {
    match spans.iter().find(|s| s.end <= s.start) {
        Some(s) => Err(EvalError(format!(
            "{}: span {}..{} ({}) is empty: its end must be after its start",
            s.place, s.start, s.end, s.label
        ))),
        None => Ok(()),
    }
}

/// Converts code-point spans to byte spans of `text`. `skipped` code points at the start of the
/// labelled text are not in `text` (a byte-order mark); a span starting inside them starts at 0.
fn to_bytes(text: &str, skipped: usize, spans: Vec<RawSpan>, what: &str) -> Result<Vec<GoldSpan>, EvalError> {
    if spans.is_empty() {
        return Ok(Vec::new());
    }
    // Byte offset of each code point, plus the end of the text: index = code point.
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    spans
        .into_iter()
        .map(|s| {
            let byte = |cp: usize| bounds.get(cp.saturating_sub(skipped)).copied();
            match (byte(s.start), byte(s.end)) {
                (Some(start), Some(end)) => Ok(GoldSpan { start, end, label: s.label }),
                _ => {
                    let length = bounds.len() - 1 + skipped;
                    Err(EvalError(format!(
                        "{}: span {}..{} ({}) is past the end of {what} ({length} character{})",
                        s.place,
                        s.start,
                        s.end,
                        s.label,
                        crate::text::plural(length)
                    )))
                }
            }
        })
        .collect()
}

fn read_utf8(path: &Path, what: &str) -> Result<String, EvalError> {
    let display = path.display();
    let bytes = std::fs::read(path)
        .map_err(|e| EvalError(format!("cannot read {what} {display}: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        EvalError(format!(
            "{what} {display} is not UTF-8 (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> RawSpan {
        RawSpan { start, end, label: "L".into(), place: "f:1".into() }
    }

    #[test]
    fn code_points_become_byte_offsets() {
        // "é" is 2 bytes, "🇺" 4: code point 3 is byte 4, code point 5 is byte 9.
        let text = "aé b🇺c";
        let spans = to_bytes(text, 0, vec![span(3, 5), span(0, 6)], "t").unwrap();
        assert_eq!((spans[0].start, spans[0].end), (4, 9));
        assert_eq!(&text[spans[0].start..spans[0].end], "b🇺");
        assert_eq!((spans[1].start, spans[1].end), (0, text.len()));
        assert!(to_bytes(text, 0, vec![span(0, 7)], "t").is_err());
    }

    #[test]
    fn a_dropped_byte_order_mark_shifts_offsets() {
        let text = "Title";
        let spans = to_bytes(text, 1, vec![span(1, 6), span(0, 2)], "t").unwrap();
        assert_eq!((spans[0].start, spans[0].end), (0, 5));
        assert_eq!((spans[1].start, spans[1].end), (0, 1));
        assert!(to_bytes(text, 1, vec![span(1, 7)], "t").is_err());
    }

    #[test]
    fn ids_from_file_names() {
        assert_eq!(id_from_file_name(Path::new("d/article123.task2-TC.labels")).as_deref(), Some("123"));
        assert_eq!(id_from_file_name(Path::new("article9-labels-subtask-3.txt")).as_deref(), Some("9"));
        assert_eq!(id_from_file_name(Path::new("train-task2-TC.labels")), None);
    }
}
