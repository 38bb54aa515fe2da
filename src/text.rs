//! Small text helpers shared by every step: word characters, word counts, white space folding, turning byte
//! offsets into 1-based line and column (column counted in characters), and text made safe
//! for a terminal.

use std::borrow::Cow;

/// A character that is part of a word, for whole-word matching.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A byte of an ASCII word character (what `\w` matches in the rule dialect).
pub const fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The character that ends just before byte `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character that starts at byte `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// "s" for a count other than one: `format!("{n} article{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A number as a message shows it: `2.5` or `500`, but `1e308`, not 309 digits, and `1e-300`.
pub fn readable_number(x: f64) -> String {
    if x == 0.0 || (1e-6..1e15).contains(&x.abs()) { x.to_string() } else { format!("{x:e}") }
}

/// `text` cut to its first `limit` characters with a `…` after them, if it is longer.
pub fn truncate_chars(text: &str, limit: usize) -> Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// White space (line breaks included) folded to single spaces, and trimmed.
pub fn fold_whitespace(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Bytes classified together, one bit each in a `u64` ([`count_words`], the matcher's walk
/// starts).
pub const BLOCK: usize = 64;

/// Calls `f` with each block of [`BLOCK`] bytes of `bytes` and its offset, in order; the last,
/// short block is padded with NUL bytes (which are no word byte and no character start).
pub fn for_each_block(bytes: &[u8], mut f: impl FnMut(usize, &[u8; BLOCK])) {
    let mut last = [0u8; BLOCK];
    for start in (0..bytes.len()).step_by(BLOCK) {
        match bytes[start..].first_chunk() {
            Some(block) => f(start, block),
            None => {
                last[..bytes.len() - start].copy_from_slice(&bytes[start..]);
                f(start, &last);
            }
        }
    }
}

/// Number of words (runs of word characters, apostrophes inside words included once; in
/// scripts written without spaces, one per two letters of a run, see [`crate::unspaced`]).
///
/// That is, by characters: a word starts at each word character (see [`is_word_char`]) that
/// does not follow a word character or an apostrophe (`'` or `’`) that is itself inside a word,
/// and at every other letter of a run of unspaced letters, from the first (they are not word
/// characters here: a Latin word next to them is a word of its own).
/// Here it is computed on 64-byte blocks as bit masks: which bytes belong to word characters
/// and which to apostrophes (every byte of a multi-byte character gets that character's
/// class, so runs of bytes are runs of characters). ASCII bytes are classified by comparisons
/// that the compiler vectorises; only characters outside ASCII are decoded, one by one, and
/// the runs of unspaced letters are counted as they are decoded.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    // The run of unspaced letters last seen: where it ends, and how many letters it has.
    let (mut run_end, mut run_letters) = (0, 0);
    // Whether the byte before the block is inside a word (0 or 1).
    let mut inside = 0u64;
    // The classes of the last character's bytes that fall into the next block.
    let (mut next_word, mut next_apostrophe) = (0u64, 0u64);
    for_each_block(bytes, |start, block| {
        let (mut word, mut apostrophe) = (next_word, next_apostrophe);
        (next_word, next_apostrophe) = (0, 0);
        let mut ascii_word = [0u8; BLOCK];
        let mut ascii_apostrophe = [0u8; BLOCK];
        for (i, &b) in block.iter().enumerate() {
            ascii_word[i] = u8::from(is_ascii_word_byte(b));
            ascii_apostrophe[i] = u8::from(b == b'\'');
        }
        word |= pack_flags(&ascii_word);
        apostrophe |= pack_flags(&ascii_apostrophe);
        // The bytes that start a non-ASCII character, if the block has any.
        let mut leads = 0;
        if block.iter().fold(0, |all, &b| all | b) >= 0x80 {
            leads = pack_flags(&block.map(|b| u8::from(b >= 0xC0)));
        }
        while leads != 0 {
            let i = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            let (class, len) = char_class(text, start + i);
            // The character's bytes, some of them perhaps in the next block.
            let span = ((1u128 << len) - 1) << i;
            match class {
                CharClass::Unspaced => {
                    if start + i != run_end {
                        words += crate::unspaced::words_in_run(run_letters);
                        run_letters = 0;
                    }
                    run_letters += 1;
                    run_end = start + i + len;
                }
                CharClass::Word => (word, next_word) = (word | span as u64, (span >> 64) as u64),
                CharClass::Apostrophe => {
                    (apostrophe, next_apostrophe) = (apostrophe | span as u64, (span >> 64) as u64);
                }
                CharClass::Other => {}
            }
        }
        // Apostrophes right after a word byte (or after the block start inside a word) start a
        // run that stays inside the word: adding them to the apostrophe mask carries through
        // exactly those runs, clearing their bits, which the exclusive or then sets again.
        let seeds = ((word << 1) | inside) & apostrophe;
        let joined = (apostrophe.wrapping_add(seeds) ^ apostrophe) & apostrophe;
        let within = word | joined;
        words += (word & !((within << 1) | inside)).count_ones() as usize;
        inside = within >> 63;
    });
    words + crate::unspaced::words_in_run(run_letters)
}

/// Bit `i` set where `flags[i]` is 1 (each flag is 0 or 1): eight flags at a time, gathered
/// into the top byte by one multiplication (the eight products that land there do not overlap,
/// and none of the others reaches it).
pub fn pack_flags(flags: &[u8; BLOCK]) -> u64 {
    let mut mask = 0;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        mask |= (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    mask
}

/// How a character takes part in counting words.
enum CharClass {
    Word,
    /// A letter of a script written without spaces ([`crate::unspaced`]).
    Unspaced,
    /// Continues a word it follows (`'` or `’`).
    Apostrophe,
    Other,
}

/// The class and length in bytes of the (non-ASCII) character starting at byte `at`.
fn char_class(text: &str, at: usize) -> (CharClass, usize) {
    // U+2000 to U+203F (curly quotes, dashes, spaces): none is a word character.
    if let [0xE2, 0x80, third, ..] = text.as_bytes()[at..] {
        let class = if third == 0x99 { CharClass::Apostrophe } else { CharClass::Other };
        return (class, 3);
    }
    let c = text[at..].chars().next().expect("`at` starts a character");
    let class = match c {
        '’' => CharClass::Apostrophe,
        c if crate::unspaced::is_unspaced(c) => CharClass::Unspaced,
        c if is_word_char(c) => CharClass::Word,
        _ => CharClass::Other,
    };
    (class, c.len_utf8())
}

/// Whether `text` has at least `n` words (stops counting there).
pub fn has_words(text: &str, n: usize) -> bool {
    n == 0 || word_starts(text).nth(n - 1).is_some()
}

/// The byte offset where each word starts (as [`count_words`] counts them).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut in_word = false;
    // Letters so far of the current run of unspaced letters.
    let mut run_letters = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            // ASCII is most text: classify it without decoding.
            let (word, apostrophe, len) = match bytes[at] {
                b if b < 0x80 => (is_ascii_word_byte(b), b == b'\'', 1),
                _ => {
                    let c = text[at..].chars().next().expect("`at` is a character boundary");
                    if crate::unspaced::is_unspaced(c) {
                        at += c.len_utf8();
                        run_letters += 1;
                        in_word = false;
                        if run_letters % 2 == 1 {
                            return Some(at - c.len_utf8());
                        }
                        continue;
                    }
                    (is_word_char(c), c == '’', c.len_utf8())
                }
            };
            run_letters = 0;
            let starts = word && !in_word;
            in_word = word || (in_word && apostrophe);
            at += len;
            if starts {
                return Some(at - len);
            }
        }
        None
    })
}

/// 1-based line and column (in characters) of byte `offset`, for one-off lookups.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(first_line_start(text).min(offset), |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// More than a tenth of the first 64 KiB are control bytes other than white space and escape:
/// data, not text (an executable with its NUL bytes removed, random bytes).
pub fn mostly_control_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1 << 16)];
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

/// Bytes that start a UTF-8 character (all but continuation bytes `0b10xx_xxxx`).
fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The largest char boundary at or below `at`.
pub fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` safe to print on a terminal: an article (or a file name) can hold escape sequences
/// that would move the cursor, clear the screen, retitle the window or hide text. Control
/// characters other than tab and line feed are shown as their Unicode control pictures
/// (`ESC` as `␛`), C1 controls as `�`: one character for one, so columns stay where they were.
///
/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
/// shown as `�` too: an override in an id or an article reverses the rest of the terminal line.
pub fn printable(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

/// [`printable`] for what must stay on one line (an article id in a heading, a file name in a
/// message): a line feed is shown as `␊`, so that a name cannot begin a line of its own.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

fn shown(text: &str, one_line: bool) -> Cow<'_, str> {
    let is_bidi_control = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let hidden = |c: char| {
        (c.is_control() && (!matches!(c, '\t' | '\n') || (one_line && c == '\n'))) || is_bidi_control(c)
    };
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                _ if !hidden(c) => c,
                '\u{7f}' => '\u{2421}',
                c if c < ' ' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// The smallest char boundary at or above `at`.
pub fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// 1-based line and column (in characters) of offsets visited in ascending order: each byte of
/// the text is read once, however many offsets there are (an article's findings, by start).
/// Where the first line's first column is: after a byte-order mark, which editors do not show
/// (a UTF-16 one is gone with the decoding; a UTF-8 one stays in the text, whose offsets are the
/// file's bytes).
fn first_line_start(text: &str) -> usize {
    if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

pub struct LineCursor<'t> {
    text: &'t str,
    /// The byte reached, and its line and column.
    at: usize,
    line: usize,
    column: usize,
}

impl<'t> LineCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        LineCursor { text, at: first_line_start(text), line: 1, column: 1 }
    }

    /// Line and column of `offset`, which should be at or after the previous offset: an earlier
    /// one is taken as the previous one, and one inside a character as that character's start.
    pub fn advance_to(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        if offset > self.at {
            let gap = &self.text.as_bytes()[self.at..offset];
            match memchr::memrchr(b'\n', gap) {
                Some(last) => {
                    self.line += memchr::memchr_iter(b'\n', gap).count();
                    self.column = count_char_starts(&gap[last + 1..]) + 1;
                }
                None => self.column += count_char_starts(gap),
            }
            self.at = offset;
        }
        (self.line, self.column)
    }
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHECKPOINT: usize = 1024;

/// Line starts of a text, for many offset-to-line lookups in one article.
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before byte `i * CHECKPOINT`, so that a column costs at most `CHECKPOINT` byte
    /// reads however long its line (counting from the line start made one 50 MB line quadratic).
    chars_before: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 2);
        let mut chars = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars_before.push(chars);
            chars += count_char_starts(chunk);
        }
        chars_before.push(chars);
        LineIndex { starts, chars_before }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = if line == 0 { first_line_start(text).min(offset) } else { self.starts[line] };
        (line + 1, self.chars_to(text, offset) - self.chars_to(text, start) + 1)
    }

    /// Characters before byte `offset`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT;
        self.chars_before[checkpoint] + count_char_starts(&text.as_bytes()[checkpoint * CHECKPOINT..offset])
    }

    /// The byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        start..content_end(text, start, end)
    }
}

/// The end of a line's content: `end` (where its `\n` is, or the text's end) less a `\r` before
/// it, so that CRLF lines end where LF lines do.
pub fn content_end(text: &str, start: usize, end: usize) -> usize {
    if end > start && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}Shocking news\nline two";
        let word = text.find("news").unwrap();
        let second = text.find("two").unwrap();
        for offset in [3, word, second] {
            let expected = if offset == second { (2, 6) } else { (1, offset - 3 + 1) };
            assert_eq!(line_column(text, offset), expected, "line_column at {offset}");
            assert_eq!(LineIndex::new(text).line_column(text, offset), expected, "LineIndex at {offset}");
            assert_eq!(LineCursor::new(text).advance_to(offset), expected, "LineCursor at {offset}");
        }
        // Without a mark the first column is the first byte.
        assert_eq!(LineCursor::new("Shocking").advance_to(0), (1, 1));
        assert_eq!(LineIndex::new("Shocking").line_column("Shocking", 0), (1, 1));
    }

    #[test]
    fn fold_whitespace_joins_lines_and_runs_of_space_with_one_space() {
        assert_eq!(
            fold_whitespace("  Breaking:\n\tthe  sky\u{a0}is\r\nfalling \n"),
            "Breaking: the sky is falling"
        );
        assert_eq!(fold_whitespace(" \n\t "), "");
    }

    #[test]
    fn printable_shows_control_characters_one_for_one() {
        assert!(matches!(printable("plain\ttext\n€"), Cow::Borrowed(_)));
        let shown = printable("a\u{1b}[2Jb\u{7}c\u{7f}\u{9b}d\re");
        assert_eq!(shown, "a\u{241b}[2Jb\u{2407}c\u{2421}\u{fffd}d\u{240d}e");
        assert_eq!(shown.chars().count(), "a\u{1b}[2Jb\u{7}c\u{7f}\u{9b}d\re".chars().count());
    }

    #[test]
    fn names_stay_on_one_line_and_in_their_direction() {
        assert_eq!(printable("evil\u{202e}txt.exe"), "evil\u{fffd}txt.exe");
        assert_eq!(printable("two\nlines"), "two\nlines");
        assert_eq!(printable_line("fake\n1 | forged"), "fake\u{240a}1 | forged");
        assert!(matches!(printable_line("plain\tname"), Cow::Borrowed(_)));
    }

    #[test]
    fn counts_words_with_apostrophes_once() {
        assert_eq!(count_words("Don't copy text! It’s 2021."), 5);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \n "), 0);
    }

    #[test]
    fn two_letters_of_an_unspaced_script_make_a_word() {
        assert_eq!(count_words("日本語のテキスト"), 4);
        assert_eq!(count_words("日本語 テキスト"), 4);
        assert_eq!(count_words("東京abc日本"), 3);
        assert_eq!(count_words("ภาษาไทย and Thai"), 6);
        assert_eq!(word_starts("日本語abc").collect::<Vec<_>>(), [0, 6, 9]);
    }

    #[test]
    fn counts_words_in_any_script_as_by_characters() {
        // The byte-level fast path agrees with the definition by characters.
        for text in [
            "naïve café—über_x 3’s",
            "Ünïcode’s déjà-vu",
            "日本語 テキスト",
            "a ' b ’ c",
            "x\u{a0}y\ty",
            "ก’s日x",
        ] {
            assert_eq!(count_words(text), count_words_by_chars(text), "{text:?}");
        }
    }

    /// The definition of [`count_words`], character by character.
    fn count_words_by_chars(text: &str) -> usize {
        let (mut words, mut in_word, mut run_letters) = (0, false, 0);
        for c in text.chars() {
            if crate::unspaced::is_unspaced(c) {
                words += usize::from(run_letters % 2 == 0);
                run_letters += 1;
                in_word = false;
                continue;
            }
            run_letters = 0;
            let word = is_word_char(c);
            words += usize::from(word && !in_word);
            in_word = word || (in_word && matches!(c, '\'' | '’'));
        }
        words
    }

    #[test]
    fn general_punctuation_has_no_word_characters() {
        // `char_class` takes U+2000 to U+203F as punctuation without decoding them.
        for c in '\u{2000}'..='\u{203f}' {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn counts_words_across_blocks() {
        for len in 0..200 {
            for filler in ["a", "'", "’", " ", "é", "日", "日本a"] {
                for tail in ["b", "'b", "’b", " b", "’", "é"] {
                    let text = format!("{}{tail} x", filler.repeat(len));
                    assert_eq!(count_words(&text), count_words_by_chars(&text), "{text:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_counts_agree_with_counting_by_characters(
            text in "[a-zA-Z0-9_ .,;!?()\"\n\t'’“”—éÜßжπ日本ก²\u{a0}]{0,400}",
        ) {
            proptest::prop_assert_eq!(count_words(&text), count_words_by_chars(&text));
        }
    }

    #[test]
    fn a_cursor_gives_the_line_and_column_of_each_offset_in_turn() {
        let text = "é1\n\nab€c\r\n“x”\n";
        let mut cursor = LineCursor::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &offset in &offsets {
            assert_eq!(cursor.advance_to(offset), line_column(text, offset), "at {offset}");
            assert_eq!(cursor.advance_to(offset), line_column(text, offset), "again at {offset}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_counts_agree_with_the_definitions(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "Z9", "_", " ", "\n", "'", "’", "é", "日本", "—", "\u{a0}", "x'", "."]),
                0..120,
            ),
            picks in proptest::collection::vec(0usize..200, 0..8),
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(count_words(&text), count_words_by_chars(&text));
            proptest::prop_assert_eq!(count_words(&text), word_starts(&text).count());
            let mut offsets: Vec<usize> = picks.iter().map(|&p| p.min(text.len())).collect();
            offsets.sort_unstable();
            let mut cursor = LineCursor::new(&text);
            for offset in offsets {
                proptest::prop_assert_eq!(cursor.advance_to(offset), line_column(&text, offset));
            }
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "é1\nab€c\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 2));
        assert_eq!(line_column(text, 4), (2, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 9), (2, 4));
        assert_eq!(index.line_column(text, 4), line_column(text, 4));
        assert_eq!(&text[index.line_range(text, 2)], "ab€c");
    }

    #[test]
    fn columns_on_a_long_line_match_counting_characters() {
        // Regression: columns were counted from the line start for every finding, so one long
        // line with many findings took quadratic time (a 50 MB line ran for minutes).
        let text = format!("é\n{}", "ab€ “x” ".repeat(1000));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.line_column(&text, offset), line_column(&text, offset), "at {offset}");
        }
        assert_eq!(LineIndex::new("").line_column("", 0), (1, 1));
        let exact = "a".repeat(2 * CHECKPOINT);
        assert_eq!(LineIndex::new(&exact).line_column(&exact, exact.len()), (1, 2 * CHECKPOINT + 1));
    }
}
