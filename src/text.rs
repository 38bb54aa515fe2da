//! Small text helpers shared by every step: word characters, word counts, and turning byte
//! offsets into 1-based line and column (column counted in characters).

/// A character that is part of a word, for whole-word matching.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character that ends just before byte `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character that starts at byte `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Number of words (runs of word characters, apostrophes inside words included once).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let word = is_word_char(c);
        if word && !in_word {
            words += 1;
        }
        in_word = word || (in_word && matches!(c, '\'' | '’'));
    }
    words
}

/// 1-based line and column (in characters) of byte `offset`, for one-off lookups.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    (line, before[line_start..].chars().count() + 1)
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

/// Line starts of a text, for many offset-to-line lookups in one article.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        (line + 1, text[start..offset].chars().count() + 1)
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
}
