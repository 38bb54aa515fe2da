//! Dataset readers: one article per JSONL line or per CSV record, streamed, so a file of any
//! size is read in bounded memory. A record that cannot be analysed becomes a skipped event
//! naming the file and line; the reader goes on with the next one.

use std::io::{BufRead, Read};

use serde_json::value::RawValue;
use std::collections::HashMap;

use super::decode::windows_1252;
use super::{
    Article, Event, Fields, InputOptions, NOTHING_TO_ANALYSE, Origin, io_reason, is_blank, over_limit,
    skipped, source_or_host,
};

/// A reader of one article per record.
pub(super) enum Records {
    Jsonl(JsonlReader),
    // Boxed: the csv reader and its buffers are much larger than the JSONL reader.
    Csv(Box<CsvReader>),
}

impl Records {
    /// The next article or skipped record; `None` at the end of the input.
    pub(super) fn next_event(&mut self, options: &InputOptions) -> Option<Event> {
        match self {
            Records::Jsonl(reader) => reader.next_event(options),
            Records::Csv(reader) => reader.next_event(options),
        }
    }
}

/// Where a record that starts on `line` of its input sits: on that line of the file, when the
/// input's lines are the file's own.
fn record_origin(in_place: bool, line: usize) -> Origin {
    if in_place { Origin::Record { line } } else { Origin::Derived }
}

/// Reads one article per line; blank lines are passed over.
pub(super) struct JsonlReader {
    path: String,
    reader: Box<dyn BufRead + Send>,
    /// Its lines are lines of the file at `path` (not decompressed, not standard input).
    in_place: bool,
    line: usize,
    buffer: Vec<u8>,
    /// Whether the start of the file has been checked for binary data.
    checked: bool,
    /// Whether a line that is not blank, or a message about the file, has come: a file
    /// without either is named as empty, as an empty text file is.
    anything: bool,
}

impl JsonlReader {
    pub(super) fn new(path: String, reader: Box<dyn BufRead + Send>, in_place: bool) -> Self {
        JsonlReader { path, reader, in_place, line: 0, buffer: Vec::new(), checked: false, anything: false }
    }

    /// Why the file cannot be read as JSONL at all, from its first buffer: it cannot be read (a
    /// corrupt `.gz`), it starts with a UTF-16 byte-order mark, or it is data (NUL bytes in its
    /// first line, or mostly control bytes: an executable, an image, compressed data without its
    /// `.gz` name, `/dev/zero`).
    /// One message for the file, not one per "line" of binary data.
    fn not_jsonl(&mut self) -> Option<String> {
        let head = match self.reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return Some(format!("cannot read: {}", io_reason(&e))),
        };
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Some(
                "UTF-16 JSONL is not supported: convert it to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8`"
                    .into(),
            );
        }
        // A NUL in the first line, or control bytes all over: data. A NUL in a later line is
        // that line's problem (it is skipped as malformed JSON), not the file's.
        let first_line = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
        (memchr::memchr(0, first_line).is_some() || crate::text::mostly_control_bytes(head))
            .then(|| "binary data (it contains NUL or control bytes), not JSONL".to_string())
    }

    /// The next article or skipped line; `None` at the end of the input.
    fn next_event(&mut self, options: &InputOptions) -> Option<Event> {
        if !self.checked {
            self.checked = true;
            if let Some(reason) = self.not_jsonl() {
                self.reader = Box::new(std::io::empty());
                self.anything = true;
                return Some(skipped(self.path.clone(), None, reason));
            }
        }
        loop {
            self.buffer.clear();
            // One byte more than a line may have, to tell an over-long one.
            let limit = (options.max_record_bytes() as u64).saturating_add(1);
            let read = (&mut self.reader).take(limit).read_until(b'\n', &mut self.buffer);
            match read {
                Ok(0) if !self.anything => {
                    self.anything = true;
                    return Some(skipped(self.path.clone(), None, format!("empty: {NOTHING_TO_ANALYSE}")));
                }
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A read error ends the file: a decoder (a truncated .gz) returns the same
                    // error at every later read, and the lines after it cannot be found.
                    self.reader = Box::new(std::io::empty());
                    self.anything = true;
                    return Some(skipped(
                        self.path.clone(),
                        Some(self.line + 1),
                        format!("cannot read: {}", io_reason(&e)),
                    ));
                }
            }
            self.line += 1;
            if self.buffer.len() as u64 >= limit && self.buffer.last() != Some(&b'\n') {
                self.anything = true;
                // Drop the rest of an over-long line without holding it in memory.
                loop {
                    self.buffer.clear();
                    match (&mut self.reader).take(1 << 20).read_until(b'\n', &mut self.buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if self.buffer.last() == Some(&b'\n') => break,
                        Ok(_) => {}
                    }
                }
                return Some(skipped(
                    self.path.clone(),
                    Some(self.line),
                    over_limit("line", options.max_article_bytes),
                ));
            }
            let line = trim_line_end(&self.buffer);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.anything = true;
            // A line that is not UTF-8 is decoded as Windows-1252, as a text file would be.
            let (decoded, warning) = match std::str::from_utf8(line) {
                Ok(_) => (None, None),
                Err(e) => {
                    let (text, warning) = windows_1252(line, e.valid_up_to(), "the line");
                    (Some(text), Some(format!("line {}: {warning}", self.line)))
                }
            };
            let line = decoded.as_ref().map_or(line, |d| d.as_bytes());
            return Some(match parse_jsonl_line(line, &options.fields) {
                // The line may hold twice the limit (escapes); the text itself may not.
                Ok(article) if article.text.len() > options.max_article_bytes => {
                    skipped(self.path.clone(), Some(self.line), over_limit("text", options.max_article_bytes))
                }
                Ok(mut article) => {
                    if article.id.is_empty() {
                        article.id = format!("{}:{}", self.path, self.line);
                    }
                    article.path = self.path.clone();
                    article.origin = record_origin(self.in_place, self.line);
                    Event::Article { article: Box::new(article), warning }
                }
                Err(reason) => skipped(self.path.clone(), Some(self.line), reason),
            });
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// One JSONL line to an article (id left empty when the line has none).
///
/// The line is read as an object of raw values, and only the fields newslint uses are decoded:
/// a number is kept as written (an id like `123456789012345678901234` or `1.50` is not rounded
/// through a float, and `1e400` in any field does not make the line unreadable).
pub(super) fn parse_jsonl_line(line: &[u8], fields: &Fields) -> Result<Article, String> {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    // serde_json says "at line 1 column N" of the one line it was given.
    let mut object: HashMap<String, &RawValue> =
        serde_json::from_slice(line).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => "not a JSON object".to_string(),
            _ => format!("malformed JSON: {e}").replace(" at line 1 column ", " at column "),
        })?;
    let text = match object.remove(&fields.text).map(|raw| serde_json::from_str::<String>(raw.get())) {
        Some(Ok(text)) => text,
        Some(Err(_)) => return Err(format!("field `{}` is not a string", fields.text)),
        None => return Err(format!("no `{}` field", fields.text)),
    };
    if is_blank(&text) {
        return Err(format!("field `{}` is empty: {NOTHING_TO_ANALYSE}", fields.text));
    }
    let mut string_field = |name: &str| {
        let raw = object.remove(name)?.get();
        match raw.as_bytes()[0] {
            b'"' => serde_json::from_str(raw).ok(),
            b'-' | b'0'..=b'9' => Some(raw.to_string()),
            _ => None,
        }
    };
    let id = string_field(&fields.id).unwrap_or_default();
    let title = string_field(&fields.title);
    let url = string_field(&fields.url);
    let source = source_or_host(string_field(&fields.source), url.as_deref());
    Ok(Article { id, path: String::new(), source, title, url, text, zones: None, origin: Origin::Derived })
}

/// Reads one article per CSV record (RFC 4180, with a header row naming the fields).
pub(super) struct CsvReader {
    path: String,
    reader: csv::Reader<CsvInput<Box<dyn Read + Send>>>,
    /// Its lines are lines of the file at `path` (it is not decompressed).
    in_place: bool,
    /// Column of each field: text, id, title, url, source.
    columns: Option<[Option<usize>; 5]>,
    record: csv::ByteRecord,
    /// Whether a record followed the header row.
    any_record: bool,
    failed: bool,
}

/// The bytes of a CSV file on their way to the csv crate. Remembers the last byte that is not
/// white space and whether the end was reached (to tell a file that ends inside a quoted
/// field), and bounds every record: the csv crate holds a record whole, however long, so the
/// bytes of a record past `limit` are dropped here (a quoted field is closed first) and the cut
/// is noted, to skip that record with a message.
pub(super) struct CsvInput<R> {
    inner: R,
    at_end: bool,
    /// Where the file is, read by the csv crate's rules.
    state: CsvState,
    /// Bytes of the current record so far.
    record_bytes: usize,
    limit: usize,
    /// Dropping the rest of a record that went over `limit`.
    dropping: bool,
    /// Where records were cut, oldest first.
    cuts: std::collections::VecDeque<Cut>,
    handed_on: u64,
    /// Line breaks dropped before the record being read: the csv crate counts lines in what it
    /// is handed, so its line numbers are behind by this many.
    lines_dropped: u64,
}

#[derive(Debug)]
struct Cut {
    /// Offset in the bytes handed on.
    at: u64,
    /// Line breaks dropped with the rest of the record.
    lines: u64,
}

/// The csv crate's reading of RFC 4180: a quote opens a quoted field only at the start of a
/// field; `""` inside one is a quote; text after its closing quote joins the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CsvState {
    FieldStart,
    Unquoted,
    Quoted,
    /// In a quoted field, just after a quote (which closes it unless another follows).
    QuoteInQuoted,
}

impl CsvState {
    /// The state after `b`, and whether `b` ends a record (CR and LF each do, as for the csv
    /// crate; CR LF makes an empty record in between, which it skips).
    fn next(self, b: u8) -> (CsvState, bool) {
        use CsvState::*;
        match (self, b) {
            (Quoted, b'"') => (QuoteInQuoted, false),
            (Quoted, _) => (Quoted, false),
            (QuoteInQuoted, b'"') => (Quoted, false),
            (FieldStart, b'"') => (Quoted, false),
            (_, b',') => (FieldStart, false),
            (_, b'\r' | b'\n') => (FieldStart, true),
            (_, _) => (Unquoted, false),
        }
    }
}

impl<R> CsvInput<R> {
    fn new(inner: R, limit: usize) -> Self {
        CsvInput {
            inner,
            at_end: false,
            state: CsvState::FieldStart,
            record_bytes: 0,
            limit,
            dropping: false,
            cuts: std::collections::VecDeque::new(),
            handed_on: 0,
            lines_dropped: 0,
        }
    }

    /// Drops the bytes of `buf` that go past a record's limit, in place; returns how many are
    /// left.
    fn bound_records(&mut self, buf: &mut [u8]) -> usize {
        let mut kept = 0;
        for i in 0..buf.len() {
            let b = buf[i];
            let before = self.state;
            let ends;
            (self.state, ends) = before.next(b);
            if self.dropping && !ends {
                if b == b'\n'
                    && let Some(cut) = self.cuts.back_mut()
                {
                    cut.lines += 1;
                }
                continue;
            }
            self.dropping = false;
            self.record_bytes = if ends { 0 } else { self.record_bytes + 1 };
            if self.record_bytes > self.limit {
                self.dropping = true;
                self.cuts.push_back(Cut { at: self.handed_on + kept as u64, lines: 0 });
                if before != CsvState::Quoted {
                    continue;
                }
                // Close the quoted field, so that the record ends where it ends in the file.
                buf[kept] = b'"';
            } else {
                buf[kept] = b;
            }
            kept += 1;
        }
        self.handed_on += kept as u64;
        kept
    }

    /// Whether the record handed on from byte `start` to `end` was cut, and how many line
    /// breaks were dropped before it (forgets the cuts before `end`).
    fn take_cut(&mut self, start: u64, end: u64) -> (bool, u64) {
        let mut cut = false;
        let mut lines_before = self.lines_dropped;
        while let Some(front) = self.cuts.front()
            && front.at < end
        {
            if front.at >= start {
                cut = true;
            } else {
                lines_before += front.lines;
            }
            self.lines_dropped += front.lines;
            self.cuts.pop_front();
        }
        (cut, lines_before)
    }
}

impl<R: Read> Read for CsvInput<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                self.at_end |= !buf.is_empty();
                return Ok(0);
            }
            let kept = self.bound_records(&mut buf[..n]);
            // All of it dropped: read on (0 would mean the end of the file).
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

impl CsvReader {
    /// The csv crate reads an unclosed quote to the end of the file as one field, records and
    /// all. This is that case when the file ended inside a quoted field and this record is the
    /// one it ended in: the number of lines its last field swallowed.
    fn unclosed_quote(&self) -> Option<usize> {
        let input = self.reader.get_ref();
        if !(input.at_end && input.state == CsvState::Quoted) {
            return None;
        }
        let last_field = self.record.iter().next_back()?;
        Some(memchr::memchr_iter(b'\n', last_field.trim_ascii_end()).count())
    }

    /// Records longer than `max_record_bytes` are skipped without being held whole.
    pub(super) fn new(
        path: String,
        reader: Box<dyn Read + Send>,
        in_place: bool,
        max_record_bytes: usize,
    ) -> Self {
        let reader =
            csv::ReaderBuilder::new().flexible(true).from_reader(CsvInput::new(reader, max_record_bytes));
        CsvReader {
            path,
            reader,
            in_place,
            columns: None,
            record: csv::ByteRecord::new(),
            any_record: false,
            failed: false,
        }
    }

    fn next_event(&mut self, options: &InputOptions) -> Option<Event> {
        if self.failed {
            return None;
        }
        let columns = match self.columns {
            Some(columns) => columns,
            None => match self.read_header(options) {
                Ok(columns) => *self.columns.insert(columns),
                Err(skip) => {
                    self.failed = true;
                    return Some(skip);
                }
            },
        };
        match self.reader.read_byte_record(&mut self.record) {
            // A header row and nothing else is named, as an empty file is.
            Ok(false) if !self.any_record => {
                self.failed = true;
                let reason = format!("no records after the header row: {NOTHING_TO_ANALYSE}");
                return Some(skipped(self.path.clone(), None, reason));
            }
            Ok(false) => return None,
            Ok(true) => self.any_record = true,
            // A read error (a truncated .csv.gz) ends the file, as for JSONL, at the line the
            // reader had reached.
            Err(e) => {
                self.any_record = true;
                if let csv::ErrorKind::Io(io) = e.kind() {
                    self.failed = true;
                    let line = self.reader.position().line() as usize;
                    return Some(skipped(
                        self.path.clone(),
                        Some(line),
                        format!("cannot read: {}", io_reason(io)),
                    ));
                }
                let line = e.position().map(|p| p.line() as usize);
                return Some(skipped(self.path.clone(), line, format!("malformed CSV: {e}")));
            }
        }
        Some(self.record_to_article(columns, options))
    }

    /// The columns of the fields, from the header row.
    fn read_header(&mut self, options: &InputOptions) -> Result<[Option<usize>; 5], Event> {
        let malformed =
            |e: csv::Error| skipped(self.path.clone(), Some(1), format!("malformed CSV header: {e}"));
        self.reader.byte_headers().map_err(malformed)?;
        // A header row over the record limit was cut on its way in: its columns are not all there.
        let header_end = self.reader.position().byte();
        if self.reader.get_mut().take_cut(0, header_end).0 {
            let reason = over_limit("the header row", options.max_article_bytes);
            return Err(skipped(self.path.clone(), Some(1), reason));
        }
        let headers = self.reader.byte_headers().map_err(malformed)?;
        let first = headers.get(0).unwrap_or_default();
        let problem = if headers.iter().all(|h| h.iter().all(u8::is_ascii_whitespace)) {
            Some(format!("empty: {NOTHING_TO_ANALYSE}"))
        } else if first.starts_with(&[0xFF, 0xFE]) || first.starts_with(&[0xFE, 0xFF]) {
            Some(
                "UTF-16 CSV is not supported: convert it to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8`"
                    .into(),
            )
        } else if headers.iter().any(|h| h.contains(&0)) {
            Some("NUL bytes in the header row: binary data or UTF-16 text, not CSV in UTF-8".into())
        } else {
            None
        };
        if let Some(reason) = problem {
            return Err(skipped(self.path.clone(), None, reason));
        }
        let find = |name: &str| headers.iter().position(|h| h == name.as_bytes());
        let fields = &options.fields;
        let columns = [
            find(&fields.text),
            find(&fields.id),
            find(&fields.title),
            find(&fields.url),
            find(&fields.source),
        ];
        if columns[0].is_none() {
            return Err(skipped(
                self.path.clone(),
                Some(1),
                format!("no `{}` column (name it with --text-field)", fields.text),
            ));
        }
        Ok(columns)
    }

    /// The record just read as an article, or why it is skipped.
    fn record_to_article(&mut self, columns: [Option<usize>; 5], options: &InputOptions) -> Event {
        let start = self.record.position().map_or(0, |p| p.byte());
        let end = self.reader.position().byte();
        let (cut, lines_dropped) = self.reader.get_mut().take_cut(start, end);
        let line = self.record.position().map_or(0, |p| (p.line() + lines_dropped) as usize);
        let skip = |reason: String| skipped(self.path.clone(), Some(line), reason);
        if cut {
            return skip(over_limit("record", options.max_article_bytes));
        }
        if let Some(lines) = self.unclosed_quote() {
            let swallowed = match lines {
                0 => String::new(),
                1 => ", so the line after it was read as part of it".to_string(),
                n => format!(", so the {n} lines after it were read as part of it"),
            };
            return skip(format!(
                "a quoted field opens in this record and is never closed{swallowed}; close the quote"
            ));
        }
        let field = |column: Option<usize>| {
            column
                .and_then(|c| self.record.get(c))
                .and_then(|b| std::str::from_utf8(b).ok())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let Some(bytes) = columns[0].and_then(|c| self.record.get(c)) else {
            return skip("record has no text column".into());
        };
        if memchr::memchr(0, bytes).is_some() {
            return skip("binary data in the text column (it contains NUL bytes), not text".into());
        }
        // Text that is not UTF-8 is decoded as Windows-1252, as a text file would be.
        let (text, warning) = match std::str::from_utf8(bytes) {
            Ok(text) => (std::borrow::Cow::Borrowed(text), None),
            Err(e) => {
                let (text, warning) = windows_1252(bytes, e.valid_up_to(), "the text field");
                (std::borrow::Cow::Owned(text), Some(format!("line {line}: {warning}")))
            }
        };
        if is_blank(&text) {
            // As for JSONL: an empty text is named, not dropped.
            return skip(format!("column `{}` is empty: {NOTHING_TO_ANALYSE}", options.fields.text));
        }
        if text.len() > options.max_article_bytes {
            return skip(over_limit("text", options.max_article_bytes));
        }
        let url = field(columns[3]);
        let article = Article {
            id: field(columns[1]).unwrap_or_else(|| format!("{}:{line}", self.path)),
            path: self.path.clone(),
            title: field(columns[2]),
            source: source_or_host(field(columns[4]), url.as_deref()),
            url,
            text: text.into_owned(),
            zones: None,
            origin: record_origin(self.in_place, line),
        };
        Event::Article { article: Box::new(article), warning }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A field as a CSV writer would write it.
    fn encode(field: &str) -> String {
        if field.contains(['"', ',', '\n', '\r']) {
            format!("\"{}\"", field.replace('"', "\"\""))
        } else {
            field.to_string()
        }
    }

    /// Every record read through [`CsvInput`] with `limit`, and whether it was cut.
    fn read_bounded(csv_text: &str, limit: usize) -> Vec<(Vec<String>, bool)> {
        let input = CsvInput::new(csv_text.as_bytes(), limit);
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(input);
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let start = record.position().unwrap().byte();
            let end = reader.position().byte();
            let (cut, _) = reader.get_mut().take_cut(start, end);
            out.push((record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect(), cut));
        }
        out
    }

    #[test]
    fn a_long_record_is_cut_and_the_next_one_read_whole() {
        let text = "a,short\nb,\"long, \"\"quoted\"\"\nfield over lines\"\nc,\"after\nit\"\n";
        let records = read_bounded(text, 12);
        let ids: Vec<(&str, bool)> = records.iter().map(|(r, cut)| (r[0].as_str(), *cut)).collect();
        assert_eq!(ids, [("a", false), ("b", true), ("c", false)]);
        assert_eq!(records[2].0, ["c", "after\nit"]);
    }

    proptest! {
        /// Records within the limit come out as the csv crate reads them unbounded; the others
        /// are reported cut; none is lost or merged.
        #[test]
        fn records_within_the_limit_are_read_as_without_one(
            records in proptest::collection::vec(
                proptest::collection::vec("[a\",\n ]{0,12}", 0..4), 1..8),
            limit in 4usize..40,
            crlf in any::<bool>(),
        ) {
            let encoded: Vec<(Vec<String>, String)> = records
                .iter()
                .enumerate()
                .map(|(i, fields)| {
                    let mut all = vec![format!("r{i}")];
                    all.extend(fields.iter().cloned());
                    let line = all.iter().map(|f| encode(f)).collect::<Vec<_>>().join(",");
                    (all, line)
                })
                .collect();
            let terminator = if crlf { "\r\n" } else { "\n" };
            let text: String = encoded.iter().map(|(_, line)| format!("{line}{terminator}")).collect();
            let got = read_bounded(&text, limit);
            prop_assert_eq!(got.len(), encoded.len());
            for ((fields, line), (read, cut)) in encoded.iter().zip(&got) {
                prop_assert_eq!(*cut, line.len() > limit, "{:?}", line);
                if !cut {
                    prop_assert_eq!(read, fields);
                }
            }
        }
    }
}
