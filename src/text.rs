//! Small text helpers shared by every step: word characters, word counts, and turning byte
//! offsets into 1-based line and column (column counted in characters).

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

const WORD: u8 = 1;
const APOSTROPHE: u8 = 2;
/// For each ASCII byte: [`WORD`] or [`APOSTROPHE`] (which continues a word), else 0.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        if is_ascii_word_byte(b as u8) {
            table[b] = WORD;
        } else if b == b'\'' as usize {
            table[b] = APOSTROPHE;
        }
        b += 1;
    }
    table
};

/// Number of words (runs of word characters, apostrophes inside words included once).
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut at) = (0, false, 0);
    while at < bytes.len() {
        // Runs of ASCII (most text) without decoding or branching on the class.
        let ascii = bytes[at..].iter().position(|&b| b >= 0x80).map_or(bytes.len(), |i| at + i);
        let (mut count, mut inside) = (0usize, u8::from(in_word));
        let mut run = &bytes[at..ascii];
        // Blocks without an apostrophe: a word starts at each word byte after a non-word byte,
        // with no state to carry but the last byte (the compiler vectorises this).
        while run.len() >= 64 && !run[..64].contains(&b'\'') {
            let mut word = [0u8; 65]; // word[i + 1]: byte i is a word byte; word[0]: the one before
            word[0] = inside;
            for (w, &b) in word[1..].iter_mut().zip(&run[..64]) {
                *w = u8::from(is_ascii_word_byte(b));
            }
            let starts: u32 = word.windows(2).map(|pair| u32::from(pair[1] & !pair[0] & 1)).sum();
            (count, inside, run) = (count + starts as usize, word[64], &run[64..]);
        }
        for &b in run {
            let class = ASCII_CLASS[usize::from(b)];
            let word = class & WORD;
            count += usize::from(word & !inside & 1);
            inside = word | (inside & (class >> 1));
        }
        (words, in_word) = (words + count, inside != 0);
        at = ascii;
        if let Some(c) = text[at..].chars().next() {
            let word = is_word_char(c);
            words += usize::from(word && !in_word);
            in_word = word || (in_word && c == '’');
            at += c.len_utf8();
        }
    }
    words
}

/// Whether `text` has at least `n` words (stops counting there).
pub fn has_words(text: &str, n: usize) -> bool {
    n == 0 || word_starts(text).nth(n - 1).is_some()
}

/// The byte offset where each word starts.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut in_word = false;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            // ASCII is most text: classify it without decoding.
            let (word, apostrophe, len) = match bytes[at] {
                b if b < 0x80 => (is_ascii_word_byte(b), b == b'\'', 1),
                _ => {
                    let c = text[at..].chars().next().expect("`at` is a character boundary");
                    (is_word_char(c), c == '’', c.len_utf8())
                }
            };
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
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    (line, before[line_start..].chars().count() + 1)
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
pub struct LineCursor<'t> {
    text: &'t str,
    /// The byte reached, and its line and column.
    at: usize,
    line: usize,
    column: usize,
}

impl<'t> LineCursor<'t> {
    pub fn new(text: &'t str) -> Self {
        LineCursor { text, at: 0, line: 1, column: 1 }
    }

    /// Line and column of `offset` (at or after the previous offset; an earlier one, or one
    /// inside a character, is taken as the previous one).
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
        let start = self.starts[line];
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
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_with_apostrophes_once() {
        assert_eq!(count_words("Don't copy text! It’s 2021."), 5);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \n "), 0);
    }

    #[test]
    fn counts_words_in_any_script_as_by_characters() {
        // The byte-level fast path agrees with the definition by characters.
        let by_chars = |text: &str| {
            let (mut words, mut in_word) = (0, false);
            for c in text.chars() {
                let word = is_word_char(c);
                words += usize::from(word && !in_word);
                in_word = word || (in_word && matches!(c, '\'' | '’'));
            }
            words
        };
        for text in
            ["naïve café—über_x 3’s", "Ünïcode’s déjà-vu", "日本語 テキスト", "a ' b ’ c", "x\u{a0}y\ty"]
        {
            assert_eq!(count_words(text), by_chars(text), "{text:?}");
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
            let (mut words, mut in_word) = (0, false);
            for c in text.chars() {
                let word = is_word_char(c);
                words += usize::from(word && !in_word);
                in_word = word || (in_word && matches!(c, '\'' | '’'));
            }
            proptest::prop_assert_eq!(count_words(&text), words);
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
