//! Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar),
//! where a space-separated token can be a whole sentence. Every word count (the score's, the
//! zoner's, the HTML reader's) counts one word per two of their characters, so that a sentence
//! there is about as many words long as one in English.
//!
//! Free of dependencies, so that the zoning and HTML evaluation drivers, which compile those
//! modules on their own, can include it.

/// A letter of a script written without spaces: CJK ideographs, kana, Thai, Lao, Khmer,
/// Myanmar (Hangul is written with spaces).
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FFFF // CJK extensions B-F
    )
}

/// The words a run of `letters` unspaced letters counts for: one per two, rounded up.
pub fn words_in_run(letters: usize) -> usize {
    letters.div_ceil(2)
}

/// How many words a space-separated token counts for: 1, or one per two unspaced letters in it.
pub fn token_words(token: &str) -> usize {
    if token.is_ascii() {
        return 1;
    }
    words_in_run(token.chars().filter(|&c| is_unspaced(c)).count()).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_unspaced_letters_make_a_word() {
        assert_eq!(token_words("word"), 1);
        assert_eq!(token_words("café"), 1);
        assert_eq!(token_words("日本語"), 2);
        assert_eq!(token_words("日本語のテキスト"), 4);
        assert_eq!(token_words("ภาษาไทย"), 4);
        assert_eq!(token_words("한국어"), 1);
    }
}
