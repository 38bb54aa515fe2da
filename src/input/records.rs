//! Dataset readers: one article per JSONL line or per CSV record, streamed, so a file of any
//! size is read in bounded memory. A record that cannot be analysed becomes a skipped event
//! naming the file and line; the reader goes on with the next one.

use std::io::{BufRead, Read};

use serde_json::Value;

use super::{Article, Event, Fields, InputOptions, io_reason, is_blank, skipped, source_or_host};

/// A reader of one article per record.
pub(super) enum Records {
    Jsonl(JsonlReader),
    Csv(CsvReader),
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

/// Reads one article per line; blank lines are passed over.
pub(super) struct JsonlReader {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buffer: Vec<u8>,
    /// Whether the start of the file has been checked for binary data.
    checked: bool,
}

impl JsonlReader {
    pub(super) fn new(path: String, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlReader { path, reader, line: 0, buffer: Vec::new(), checked: false }
    }

    /// Why the file cannot be read as JSONL at all, from its first buffer: it cannot be read (a
    /// corrupt `.gz`), it starts with a UTF-16 byte-order mark, or it has NUL
    /// bytes (an executable, an image, compressed data without its `.gz` name, `/dev/zero`).
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
        memchr::memchr(0, head).map(|_| "binary data (it contains NUL bytes), not JSONL".to_string())
    }

    /// The next article or skipped line; `None` at the end of the input.
    fn next_event(&mut self, options: &InputOptions) -> Option<Event> {
        if !self.checked {
            self.checked = true;
            if let Some(reason) = self.not_jsonl() {
                self.reader = Box::new(std::io::empty());
                return Some(skipped(self.path.clone(), None, reason));
            }
        }
        loop {
            self.buffer.clear();
            let limit = options.max_article_bytes as u64 * 2 + 1;
            let read = (&mut self.reader).take(limit).read_until(b'\n', &mut self.buffer);
            match read {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(skipped(
                        self.path.clone(),
                        Some(self.line + 1),
                        format!("cannot read: {}", io_reason(&e)),
                    ));
                }
            }
            self.line += 1;
            if self.buffer.len() as u64 >= limit && self.buffer.last() != Some(&b'\n') {
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
                    format!(
                        "line is over the {}-byte article limit (raise it with --max-article-bytes)",
                        options.max_article_bytes
                    ),
                ));
            }
            let line = trim_line_end(&self.buffer);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // A line that is not UTF-8 is decoded as Windows-1252, as a text file would be.
            let (decoded, warning) = match std::str::from_utf8(line) {
                Ok(_) => (None, None),
                Err(e) => (
                    Some(encoding_rs::WINDOWS_1252.decode_without_bom_handling(line).0.into_owned()),
                    Some(format!(
                        "line {}: not valid UTF-8 (first bad byte at column {}); decoded as Windows-1252",
                        self.line,
                        e.valid_up_to() + 1
                    )),
                ),
            };
            let line = decoded.as_ref().map_or(line, |d| d.as_bytes());
            return Some(match parse_jsonl_line(line, &options.fields) {
                // The line may hold twice the limit (escapes); the text itself may not.
                Ok(article) if article.text.len() > options.max_article_bytes => skipped(
                    self.path.clone(),
                    Some(self.line),
                    format!(
                        "text is over the {}-byte article limit (raise it with --max-article-bytes)",
                        options.max_article_bytes
                    ),
                ),
                Ok(mut article) => {
                    if article.id.is_empty() {
                        article.id = format!("{}:{}", self.path, self.line);
                    }
                    article.path = self.path.clone();
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
pub(super) fn parse_jsonl_line(line: &[u8], fields: &Fields) -> Result<Article, String> {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    // serde_json says "at line 1 column N" of the one line it was given.
    let value: Value = serde_json::from_slice(line)
        .map_err(|e| format!("malformed JSON: {e}").replace(" at line 1 column ", " at column "))?;
    let Value::Object(mut object) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match object.remove(&fields.text) {
        Some(Value::String(text)) => text,
        Some(_) => return Err(format!("field `{}` is not a string", fields.text)),
        None => return Err(format!("no `{}` field", fields.text)),
    };
    if is_blank(&text) {
        return Err(format!("field `{}` is empty: there is no text to analyse", fields.text));
    }
    let mut string_field = |name: &str| match object.remove(name) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) if n.is_f64() => Some(number_as_written(line, name).unwrap_or(n.to_string())),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let id = string_field(&fields.id).unwrap_or_default();
    let title = string_field(&fields.title);
    let url = string_field(&fields.url);
    let source = source_or_host(string_field(&fields.source), url.as_deref());
    Ok(Article { id, path: String::new(), source, title, url, text, zones: None })
}

/// The text of a number field as the line writes it: a JSON number that is not a 64-bit integer
/// is parsed as a float, which would round an id like `123456789012345678901234` or print `1.50`
/// as `1.5`.
fn number_as_written(line: &[u8], name: &str) -> Option<String> {
    let fields: std::collections::HashMap<String, &serde_json::value::RawValue> =
        serde_json::from_slice(line).ok()?;
    Some(fields.get(name)?.get().to_string())
}

/// Reads one article per CSV record (RFC 4180, with a header row naming the fields).
pub(super) struct CsvReader {
    path: String,
    reader: csv::Reader<LastByte<Box<dyn Read + Send>>>,
    /// Column of each field: text, id, title, url, source.
    columns: Option<[Option<usize>; 5]>,
    record: csv::ByteRecord,
    failed: bool,
}

/// Remembers the last byte that is not white space and whether the end was reached, to tell a
/// file that ends inside a quoted field.
pub(super) struct LastByte<R> {
    inner: R,
    last: Option<u8>,
    at_end: bool,
}

impl<R: Read> Read for LastByte<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at_end |= n == 0 && !buf.is_empty();
        if let Some(&b) = buf[..n].iter().rev().find(|b| !b.is_ascii_whitespace()) {
            self.last = Some(b);
        }
        Ok(n)
    }
}

impl CsvReader {
    /// The csv crate reads an unclosed quote to the end of the file as one field, records and
    /// all. This is that case when the record ends at the end of the file, its last field spans
    /// lines (only a quoted field can) and the file does not end with a quote: the number of
    /// lines swallowed.
    fn unclosed_quote(&self) -> Option<usize> {
        let last_field = self.record.iter().next_back()?;
        let lines = memchr::memchr_iter(b'\n', last_field.trim_ascii_end()).count();
        let input = self.reader.get_ref();
        (input.at_end && lines > 0 && input.last != Some(b'"')).then_some(lines)
    }

    pub(super) fn new(path: String, reader: Box<dyn Read + Send>) -> Self {
        let reader = csv::ReaderBuilder::new().flexible(true).from_reader(LastByte {
            inner: reader,
            last: None,
            at_end: false,
        });
        CsvReader { path, reader, columns: None, record: csv::ByteRecord::new(), failed: false }
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
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    self.failed = true;
                }
                return Some(skipped(self.path.clone(), line, format!("malformed CSV: {e}")));
            }
        }
        Some(self.record_to_article(columns, options))
    }

    /// The columns of the fields, from the header row.
    fn read_header(&mut self, options: &InputOptions) -> Result<[Option<usize>; 5], Event> {
        let headers = self
            .reader
            .byte_headers()
            .map_err(|e| skipped(self.path.clone(), Some(1), format!("malformed CSV header: {e}")))?;
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
    fn record_to_article(&self, columns: [Option<usize>; 5], options: &InputOptions) -> Event {
        let line = self.record.position().map_or(0, |p| p.line() as usize);
        let skip = |reason: String| skipped(self.path.clone(), Some(line), reason);
        if let Some(lines) = self.unclosed_quote() {
            return skip(format!(
                "a quoted field opens in this record and is never closed, so the {lines} lines after it were \
                 read as part of it; close the quote"
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
        // Text that is not UTF-8 is decoded as Windows-1252, as a text file would be.
        let (text, warning) = match std::str::from_utf8(bytes) {
            Ok(text) => (std::borrow::Cow::Borrowed(text), None),
            Err(e) => (
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
                Some(format!(
                    "line {line}: text not valid UTF-8 (first bad byte at byte {} of the field); decoded as Windows-1252",
                    e.valid_up_to() + 1
                )),
            ),
        };
        if is_blank(&text) {
            // As for JSONL: an empty text is named, not dropped.
            return skip("the text is empty: there is nothing to analyse".into());
        }
        if text.len() > options.max_article_bytes {
            return skip(format!("text is over the {}-byte article limit", options.max_article_bytes));
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
        };
        Event::Article { article: Box::new(article), warning }
    }
}
