//! Input: turns the paths a user names into a stream of articles, in a deterministic order.
//!
//! - a file argument is one article (`.txt`, `.md`, `.html`/`.htm`, anything else given by
//!   name), or one article per record for `.jsonl`/`.ndjson` (one JSON object per line) and
//!   `.csv` (a header row, then one record per article);
//! - any of these may be compressed: `.gz` (gzip) or `.zst` (zstd), e.g. `dump.jsonl.zst`;
//! - a folder is walked recursively (hidden files and `.gitignore`/`.ignore` respected, sorted by
//!   path) for files of those kinds;
//! - `-` is standard input: JSONL if it starts with `{`, else one article.
//!
//! Anything that cannot be analysed becomes a [`Skipped`] event naming the path (and line) and
//! the reason; the stream goes on with the next input. Datasets are read record by record (see
//! `records`), so a large file is never held in memory whole.

mod decode;
pub mod html;
mod records;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use decode::{Decoded, NotText, decode};
use records::{CsvReader, JsonlReader, Records};

use crate::zones::Zone;

/// One article to analyse.
#[derive(Clone, Debug, Default)]
pub struct Article {
    pub id: String,
    pub path: String,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Zones known from the input itself (HTML structure); `None`: detect them from the text.
    pub zones: Option<Vec<Zone>>,
    /// How the text relates to the file at `path`, for formats that point into files.
    pub origin: Origin,
}

/// How an article's text relates to the file at its `path`: whether a finding's line and
/// column (which count in the text) are also a place in that file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// The file is the text (`.txt`, `.md`, not compressed): lines, columns and bytes are the
    /// file's.
    File,
    /// The file decoded (it was Windows-1252 or UTF-16): lines and columns are the file's,
    /// byte offsets only the decoded text's.
    DecodedFile,
    /// One record of the file (a JSONL line, a CSV record) that starts on this line of it.
    Record { line: usize },
    /// Made from the file (HTML extracted, decompressed) or read from standard input.
    #[default]
    Derived,
}

/// An input that could not be analysed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub reason: String,
}

/// What the input stream yields, in order.
#[derive(Debug)]
pub enum Event {
    /// An article, with a warning for the user when it was read with a fallback (e.g. it was
    /// not UTF-8).
    Article {
        article: Box<Article>,
        warning: Option<String>,
    },
    /// An HTML page, read but not yet extracted: [`Page::extract`] makes it an article (or a
    /// skip). Extraction (parsing, readability, the page's blocks) is most of an HTML article's
    /// work, so it is left to whoever analyses the articles, in parallel, not done on the one
    /// thread that reads the inputs.
    Page(Box<Page>),
    Skipped(Skipped),
}

/// Runs third-party parsing code (html5ever, readability) so that a panic in it on one page
/// skips that page, with a reason, instead of ending the run. (Fuzzing has found none; this
/// is for the one it has not.)
fn guarded<T>(parse: impl FnOnce() -> Result<T, html::NoArticle>) -> Result<T, html::NoArticle> {
    GUARDED.set(true);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    GUARDED.set(false);
    outcome.unwrap_or(Err(html::NoArticle::Internal))
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside guarded parsing (`guarded`), whose panic skips one page with one
/// sentence: a panic hook stays quiet then, instead of printing Rust's panic report first.
pub fn panic_is_guarded() -> bool {
    GUARDED.get()
}

/// An HTML page as read, with the id and path its article will have.
#[derive(Debug)]
pub struct Page {
    bytes: Vec<u8>,
    id: String,
    path: String,
}

impl Page {
    /// The page's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The page's article (text, zones, title, URL and source from the page), or why there is
    /// none.
    pub fn extract(self) -> Event {
        let Page { bytes, id, path } = self;
        match guarded(|| html::extract_html(&bytes)) {
            Ok(page) => {
                let source = source_or_host(page.site_name, page.url.as_deref());
                let article = Article {
                    id,
                    path,
                    source,
                    title: page.title,
                    url: page.url,
                    text: page.text,
                    zones: Some(page.zones),
                    origin: Origin::Derived,
                };
                Event::Article { article: Box::new(article), warning: page.warning }
            }
            Err(reason) => skipped(path, None, reason.to_string()),
        }
    }
}

/// How to read the inputs (`--input-format`): each by its kind, or every one as text or as
/// JSONL, whatever its name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension; standard input is JSONL when it starts with `{`.
    #[default]
    Auto,
    Text,
    Jsonl,
}

/// Names of the JSONL fields and CSV columns that hold an article's parts (remappable).
#[derive(Clone, Debug)]
pub struct Fields {
    pub text: String,
    pub id: String,
    pub title: String,
    pub url: String,
    pub source: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            url: "url".into(),
            source: "source".into(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct InputOptions {
    pub format: InputFormat,
    pub fields: Fields,
    /// Articles larger than this many bytes are skipped with a message.
    pub max_article_bytes: usize,
}

impl InputOptions {
    /// The longest JSONL line or CSV record read: it holds more than its text (the other
    /// fields, escapes), so twice the article limit.
    fn max_record_bytes(&self) -> usize {
        self.max_article_bytes.saturating_mul(2)
    }
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: InputFormat::Auto,
            fields: Fields::default(),
            max_article_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What a file holds, from its name (a `.gz` or `.zst` ending names its compression).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    Csv,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The kind and compression of a file from its name; `None` for a name a folder walk skips.
/// Whether a folder walk reads a file of this name as an article (`.txt`, `.jsonl.gz`, ...).
pub fn is_article_file(path: &Path) -> bool {
    kind_of(path).0.is_some()
}

fn kind_of(path: &Path) -> (Option<Kind>, Compression) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let (name, compression) = match name.rsplit_once('.') {
        Some((stem, "gz")) => (stem.to_string(), Compression::Gzip),
        Some((stem, "zst")) => (stem.to_string(), Compression::Zstd),
        _ => (name, Compression::None),
    };
    let kind = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt" | "md") => Some(Kind::Text),
        Some("jsonl" | "ndjson") => Some(Kind::Jsonl),
        Some("csv") => Some(Kind::Csv),
        Some("html" | "htm") => Some(Kind::Html),
        _ => None,
    };
    (kind, compression)
}

enum Pending {
    /// A path as the user gave it.
    Argument(PathBuf),
    /// A file found under a folder argument, with its id (path below the folder).
    Found {
        path: PathBuf,
        id: String,
    },
    Failed(Skipped),
}

/// The stream of articles from a list of paths. Iterate it to get [`Event`]s.
pub struct Inputs {
    pending: VecDeque<Pending>,
    records: Option<Records>,
    options: InputOptions,
}

impl Inputs {
    pub fn new(paths: &[PathBuf], options: InputOptions) -> Self {
        Inputs { pending: paths.iter().cloned().map(Pending::Argument).collect(), records: None, options }
    }

    fn expand_folder(&mut self, folder: &Path) {
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(folder).require_git(false).sort_by_file_path(Ord::cmp).build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if entry.file_type().is_some_and(|t| t.is_file()) && kind_of(path).0.is_some() {
                        let id = path.strip_prefix(folder).unwrap_or(path).to_string_lossy().into_owned();
                        found.push(Pending::Found { path: path.to_path_buf(), id });
                    }
                }
                Err(error) => found.push(Pending::Failed(walk_failure(folder, &error))),
            }
        }
        // A folder with nothing to read is named: a dataset gate must not pass on no articles.
        if found.is_empty() {
            let reason = "no article files in this folder (newslint reads .txt, .md, .html, .htm, \
                          .jsonl, .ndjson and .csv, also as .gz or .zst; hidden and ignored files \
                          are left out)";
            let path = folder.to_string_lossy().into_owned();
            found.push(Pending::Failed(Skipped { path, line: None, reason: reason.to_string() }));
        }
        for item in found.into_iter().rev() {
            self.pending.push_front(item);
        }
    }

    fn open(&mut self, path: PathBuf, id: String) -> Option<Event> {
        let display = path.to_string_lossy().into_owned();
        let (kind, compression) = kind_of(&path);
        let kind = match self.options.format {
            InputFormat::Jsonl => Kind::Jsonl,
            InputFormat::Text => Kind::Text,
            InputFormat::Auto => kind.unwrap_or(Kind::Text),
        };
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) => return Some(skipped(display, None, format!("cannot open: {}", io_reason(&e)))),
        };
        if compression == Compression::None
            && let Ok(meta) = file.metadata()
            && meta.len() > self.options.max_article_bytes as u64
            && matches!(kind, Kind::Text | Kind::Html)
        {
            return Some(skipped(display, None, self.too_large(meta.len() as usize)));
        }
        let in_place = compression == Compression::None;
        let reader: Box<dyn Read + Send> = match compression {
            Compression::None => Box::new(file),
            Compression::Gzip => {
                Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)))
            }
            Compression::Zstd => match zstd::stream::read::Decoder::new(file) {
                Ok(decoder) => Box::new(decoder),
                Err(e) => {
                    return Some(skipped(display, None, format!("cannot read zstd data: {}", io_reason(&e))));
                }
            },
        };
        match kind {
            Kind::Jsonl => {
                self.records = Some(Records::Jsonl(JsonlReader::new(
                    display,
                    Box::new(BufReader::with_capacity(1 << 16, reader)),
                    in_place,
                )));
                None
            }
            Kind::Csv => {
                let max_record_bytes = self.options.max_record_bytes();
                self.records =
                    Some(Records::Csv(Box::new(CsvReader::new(display, reader, in_place, max_record_bytes))));
                None
            }
            Kind::Text | Kind::Html => {
                let bytes = match self.read_article(reader, &display, "cannot read") {
                    Ok(bytes) => bytes,
                    Err(event) => return Some(event),
                };
                Some(if kind == Kind::Html {
                    Event::Page(Box::new(Page { bytes, id, path: display }))
                } else {
                    let origin = if in_place { Origin::File } else { Origin::Derived };
                    self.text_article(bytes, id, display, origin)
                })
            }
        }
    }

    fn too_large(&self, size: usize) -> String {
        over_limit(&format!("article ({size} bytes)"), self.options.max_article_bytes)
    }

    /// Reads one whole article, at most one byte over the limit, so that a larger one is
    /// refused without being held in memory.
    fn read_article(&self, reader: impl Read, path: &str, failure: &str) -> Result<Vec<u8>, Event> {
        let mut bytes = Vec::new();
        if let Err(e) =
            reader.take((self.options.max_article_bytes as u64).saturating_add(1)).read_to_end(&mut bytes)
        {
            return Err(skipped(path.into(), None, format!("{failure}: {}", io_reason(&e))));
        }
        if bytes.len() > self.options.max_article_bytes {
            // Read only up to one byte over the limit: the size is not known.
            return Err(skipped(path.into(), None, over_limit("article", self.options.max_article_bytes)));
        }
        Ok(bytes)
    }

    fn text_article(&self, bytes: Vec<u8>, id: String, path: String, origin: Origin) -> Event {
        match decode(bytes) {
            Err(reason) => skipped(path, None, reason.to_string()),
            Ok(Decoded { text, warning }) => {
                if is_blank(&text) {
                    return skipped(path, None, format!("empty: {NOTHING_TO_ANALYSE}"));
                }
                let origin =
                    if origin == Origin::File && warning.is_some() { Origin::DecodedFile } else { origin };
                Event::Article {
                    article: Box::new(Article { id, path, text, origin, ..Article::default() }),
                    warning,
                }
            }
        }
    }

    fn stdin(&mut self) -> Option<Event> {
        let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
        let starts_with_brace = match reader.fill_buf() {
            Ok(buf) => starts_with_brace(buf),
            Err(e) => {
                return Some(skipped(
                    "-".into(),
                    None,
                    format!("cannot read standard input: {}", io_reason(&e)),
                ));
            }
        };
        let is_jsonl = match self.options.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => starts_with_brace,
        };
        if is_jsonl {
            self.records = Some(Records::Jsonl(JsonlReader::new("-".into(), Box::new(reader), false)));
            return None;
        }
        Some(match self.read_article(reader, "-", "cannot read standard input") {
            Ok(bytes) => self.text_article(bytes, "-".into(), "-".into(), Origin::Derived),
            Err(event) => event,
        })
    }
}

/// Whether the first character that is not white space is `{`: after a UTF-8 byte-order mark,
/// which the JSONL reader skips too, or in UTF-16 (by its mark), which that reader then refuses
/// with a reason instead of the JSON being read as an article's text.
fn starts_with_brace(buf: &[u8]) -> bool {
    // The ASCII byte of each UTF-16 unit: the first of little-endian pairs, the second of big.
    let (units, skip, step) = if let Some(rest) = buf.strip_prefix(b"\xFF\xFE") {
        (rest, 0, 2)
    } else if let Some(rest) = buf.strip_prefix(b"\xFE\xFF") {
        (rest, 1, 2)
    } else {
        (buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf), 0, 1)
    };
    units.iter().skip(skip).step_by(step).find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

impl Iterator for Inputs {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(records) = &mut self.records {
                match records.next_event(&self.options) {
                    Some(event) => return Some(event),
                    None => self.records = None,
                }
            }
            let event = match self.pending.pop_front()? {
                Pending::Failed(skip) => Some(Event::Skipped(skip)),
                Pending::Found { path, id } => self.open(path, id),
                Pending::Argument(path) if path.as_os_str() == "-" => self.stdin(),
                Pending::Argument(path) => match std::fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => {
                        self.expand_folder(&path);
                        None
                    }
                    Ok(_) => {
                        let id = path.file_name().map_or_else(
                            || path.to_string_lossy().into_owned(),
                            |name| name.to_string_lossy().into_owned(),
                        );
                        self.open(path, id)
                    }
                    Err(e) => Some(skipped(path.to_string_lossy().into_owned(), None, io_reason(&e))),
                },
            };
            if event.is_some() {
                return event;
            }
        }
    }
}

/// Why an input is skipped for its size: `what` ("article", "line", "record", "text") is bigger
/// than `--max-article-bytes`.
fn over_limit(what: &str, limit: usize) -> String {
    format!("{what} is over the {limit}-byte article limit (raise it with --max-article-bytes)")
}

/// The end of every message about an article with no text.
const NOTHING_TO_ANALYSE: &str = "there is no text to analyse";

/// Nothing but white space and byte-order marks (a file holding only a UTF-8 BOM is empty).
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// An article's source: the one the input names, else the host of its URL.
pub fn source_or_host(source: Option<String>, url: Option<&str>) -> Option<String> {
    source.or_else(|| url.and_then(host_of))
}

/// The host of a URL, without `www.`: `https://www.example.com/a` -> `example.com`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

fn skipped(path: String, line: Option<usize>, reason: String) -> Event {
    Event::Skipped(Skipped { path, line, reason })
}

/// A folder walk's error as a skipped input: the file or folder it is about, and why.
pub(crate) fn walk_failure(folder: &Path, error: &ignore::Error) -> Skipped {
    let path = match error {
        ignore::Error::WithPath { path, .. } => path.to_string_lossy().into_owned(),
        ignore::Error::WithDepth { err, .. } => return walk_failure(folder, err),
        ignore::Error::Loop { child, .. } => {
            return Skipped {
                path: child.to_string_lossy().into_owned(),
                line: None,
                reason: "symbolic link loop".into(),
            };
        }
        _ => folder.to_string_lossy().into_owned(),
    };
    let reason = match error {
        ignore::Error::WithPath { err, .. } => walk_reason(err),
        other => walk_reason(other),
    };
    Skipped { path, line: None, reason }
}

/// A walk error's reason as `io_reason` gives it ("permission denied"), not as the walker
/// words it ("IO error for operation on PATH: Permission denied (os error 13)").
fn walk_reason(error: &ignore::Error) -> String {
    match error {
        ignore::Error::Io(e) => format!("cannot read the folder: {}", io_reason(e)),
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => walk_reason(err),
        other => match other.io_error() {
            Some(e) => format!("cannot read the folder: {}", io_reason(e)),
            None => other.to_string(),
        },
    }
}

/// The reason of an I/O error, without Rust's "(os error N)".
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_guarded_parsing_skips_the_page_and_is_marked_guarded() {
        let outcome = guarded::<()>(|| {
            assert!(panic_is_guarded(), "a panic hook can tell it is guarded");
            panic!("a parser bug")
        });
        assert!(matches!(outcome, Err(html::NoArticle::Internal)));
        assert!(!panic_is_guarded(), "and not after");
    }

    #[test]
    fn a_panic_while_extracting_a_page_is_a_reason_to_skip_it() {
        assert_eq!(guarded(|| Ok(3)), Ok(3));
        assert_eq!(guarded(|| Err::<u8, _>(html::NoArticle::NoText)), Err(html::NoArticle::NoText));
        let reason = guarded(|| -> Result<u8, html::NoArticle> { panic!("a parser bug") }).unwrap_err();
        assert_eq!(reason, html::NoArticle::Internal);
    }

    #[test]
    fn jsonl_fields_and_defaults() {
        use records::parse_jsonl_line;
        let fields = Fields::default();
        let a = parse_jsonl_line(br#"{"text":"Hi there","id":7,"url":"https://www.Example.com/x"}"#, &fields)
            .unwrap();
        assert_eq!((a.id.as_str(), a.source.as_deref()), ("7", Some("example.com")));
        assert!(parse_jsonl_line(br#"{"id":"x"}"#, &fields).unwrap_err().contains("no `text` field"));
        assert!(parse_jsonl_line(br#"{"text": 3}"#, &fields).unwrap_err().contains("not a string"));
        assert!(parse_jsonl_line(b"{oops", &fields).unwrap_err().starts_with("malformed JSON"));
        assert!(parse_jsonl_line(b"[1]", &fields).unwrap_err().contains("not a JSON object"));
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://user@news.example.org:8080/a?b").as_deref(), Some("news.example.org"));
        assert_eq!(host_of("not a url"), None);
    }
}
