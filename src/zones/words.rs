//! The word scanner ([`scan_words`], [`words`]) and small helpers on words, shared by the
//! per-line features (step 2), the trailing notices (step 6) and the title search (step 7).

/// The words of a line: runs of bytes between ASCII whitespace and no-break spaces (U+00A0,
/// frequent in scraped text). Scans bytes, so the hot loop decodes no chars.
pub(super) fn words(line: &str) -> impl Iterator<Item = &str> {
    scan_words(line).map(|w| w.text)
}

/// The words of a line (see [`words`]), each with whether it is ASCII, which the scan that
/// finds its end learns for free (so the word's bytes are not read again to find out).
pub(super) fn scan_words(line: &str) -> Words<'_> {
    Words { line, pos: 0 }
}

/// One word of a line and whether all its bytes are ASCII.
#[derive(Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) ascii: bool,
}

/// Bytes that may start a word separator: ASCII white space, and 0xC2 (of U+00A0).
static MAY_SEPARATE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_whitespace() || b == 0xC2;
        b += 1;
    }
    table
};

/// The iterator of [`scan_words`].
pub(super) struct Words<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    #[inline]
    fn next(&mut self) -> Option<Word<'a>> {
        let bytes = self.line.as_bytes();
        // Whether a separator starts at `i`, given that `bytes[i]` may start one.
        let separates = |i: usize| bytes[i] != 0xC2 || bytes.get(i + 1) == Some(&0xA0);
        let mut pos = self.pos;
        // Skip the separators before the word: one or two bytes each.
        while let Some(&b) = bytes.get(pos)
            && MAY_SEPARATE[usize::from(b)]
            && separates(pos)
        {
            pos += 1 + usize::from(b == 0xC2);
        }
        let start = pos;
        // The word: up to the next separator, OR-ing its bytes to learn whether it is ASCII.
        let mut high = 0u8;
        while let Some(&b) = bytes.get(pos) {
            if MAY_SEPARATE[usize::from(b)] && separates(pos) {
                break;
            }
            high |= b;
            pos += 1;
        }
        self.pos = pos;
        // Both ends are at ASCII bytes, the end of the line or a no-break space: char boundaries.
        (start < pos).then(|| Word { text: &self.line[start..pos], ascii: high.is_ascii() })
    }
}

/// Whether the word starts and ends with an ASCII letter or digit, and so is its own
/// [`alphanumeric_core`].
pub(super) fn is_plain(word: &str) -> bool {
    let b = word.as_bytes();
    b[0].is_ascii_alphanumeric() && b[b.len() - 1].is_ascii_alphanumeric()
}

/// The word without leading and trailing punctuation ("“Hello," -> "Hello").
pub(super) fn alphanumeric_core(word: &str) -> &str {
    let b = word.as_bytes();
    // Fast path: plain ASCII words need no Unicode classification.
    if is_plain(word) {
        return word;
    }
    // ASCII punctuation around a word ("said," "(it)") goes without decoding; what is left
    // is trimmed by characters only if it still ends in a non-ASCII one.
    let ascii_punctuation = |c: &u8| c.is_ascii() && !c.is_ascii_alphanumeric();
    let start = b.iter().position(|c| !ascii_punctuation(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !ascii_punctuation(c)).map_or(start, |i| i + 1);
    // Both cuts are next to ASCII bytes: character boundaries.
    let word = &word[start..end.max(start)];
    match (word.as_bytes().first(), word.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii() && last.is_ascii() => word,
        (None, _) | (_, None) => word,
        _ => word.trim_matches(|c: char| !is_alphanumeric(c)),
    }
}

/// `char::is_alphanumeric`, without the Unicode table lookup for General Punctuation
/// (U+2000–U+206F: curly quotes, dashes, ellipses), which holds no letter or digit and is most
/// of the non-ASCII characters next to English words.
fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// How many words a whitespace-separated token is worth (see [`crate::unspaced`]).
pub(super) fn word_count(word: &str) -> u32 {
    u32::try_from(crate::unspaced::token_words(word)).unwrap_or(u32::MAX)
}

/// "Japan's", "Korea’s": a possessive is followed by what it possesses.
pub(super) fn is_possessive(word: &str) -> bool {
    word.len() > 2 && (word.ends_with("'s") || word.ends_with("’s"))
}

/// "U.S." and "Mr." end with a period but do not end a sentence.
pub(super) fn is_abbreviation(letters: &str) -> bool {
    letters.len() <= 3 || letters.contains('.')
}

/// The byte offset of `inner`, a slice of `outer`, in `outer`.
pub(super) fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

pub(super) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_at_ascii_white_space_and_no_break_spaces() {
        let reference = |line: &str| -> Vec<String> {
            line.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        for line in [
            "",
            " ",
            "\u{a0}",
            "one",
            "  two  words ",
            "a\u{a0}b\u{a0}\u{a0}c\u{a0}",
            "©2024 Â½ ¬x\u{a0}©",
            "tab\tand\nnewline\u{b}\u{c}\r end",
            "“Quoted,” she said — twice…",
            "日本語 の テキスト",
        ] {
            assert_eq!(words(line).collect::<Vec<_>>(), reference(line), "{line:?}");
        }
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        for c in ('\u{1F00}'..='\u{2100}').chain(['a', 'Z', '7', 'é', '日', '“']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_cores_are_the_words_trimmed_of_punctuation() {
        for word in ["said,", "(it)", "“Hello,", "naïve", "…", "--", "é.", "«Non»", "x", "3.5%", "‘a’", ".’"]
        {
            assert_eq!(
                alphanumeric_core(word),
                word.trim_matches(|c: char| !c.is_alphanumeric()),
                "{word:?}"
            );
        }
    }
}
