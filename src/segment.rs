//! Segmentation: sentences and quotations, with byte offsets into the article text.
//!
//! Sentences end at `.`, `!`, `?` or `…` (plus closing quotes and brackets) before a capital,
//! a digit, an opening quote or bracket or a bullet `•`, at a blank line, and at a line break unless the
//! line plainly continues (it ends in a lower-case word, a comma, a semicolon or a hyphen and
//! the next starts in lower case).
//! A full stop after an abbreviation ("Mr.", "Gen.", "Jan.", "U.S.", an initial "J.") does not
//! end a sentence.
//!
//! Quotations are “curly”, "straight", ‘single’ or «guillemet» spans inside one paragraph (a
//! hard-wrapped line that the next continues is not a paragraph's end); a quotation still open
//! at the end of its paragraph ends there (the news convention for quotes that run over several
//! paragraphs), unless it was opened by a lone ‘ (more often an apostrophe typed the wrong way
//! round). A quotation is the speaker's voice (`quoted`) when it has at least three words or a
//! speech verb ("said", "told", "accused" …) stands next to it, in the sentence it opens or
//! closes in;
//! otherwise it is the outlet's own scare quote (`outlet`), as in: his so-called “support”
//! ("so-called" always marks a scare quote).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::Voice;
use crate::text::{ceil_char_boundary, floor_char_boundary, is_word_char};

/// A quotation: the span includes its quote marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub start: usize,
    pub end: usize,
    pub voice: Voice,
}

/// Sentences and quotations of one text.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// In order, not overlapping, trimmed of surrounding white space.
    pub sentences: Vec<Range<usize>>,
    /// In order, not overlapping.
    pub quotes: Vec<Quotation>,
}

impl Segments {
    pub fn new(text: &str) -> Self {
        let sentences = split_sentences(text);
        let quotes = find_quotations(text, &sentences);
        Segments { sentences, quotes }
    }

    /// Index of the sentence containing byte `offset`, if it falls inside one.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
    }

    /// Whose words `start..end` are: quoted if it lies inside a speaker's quotation.
    pub fn voice_of(&self, start: usize, end: usize) -> Voice {
        let i = self.quotes.partition_point(|q| q.end <= start);
        match self.quotes.get(i) {
            Some(q) if q.start <= start && end <= q.end => q.voice,
            _ => Voice::Outlet,
        }
    }
}

/// Words before a final "." that do not end a sentence (compared in lower case).
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "apr", "approx", "aug", "ave", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec",
    "dept", "dr", "est", "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "op", "pres",
    "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vol", "vs",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Finds the terminators of one line in order, by bytes: no character is decoded on the way.
struct Terminators<'a> {
    line: &'a [u8],
    /// Where the next `…` is at or after the last position asked for, once looked up (`None`:
    /// there is none): each part of the line is searched once, however many sentences it has.
    ellipsis: Option<Option<usize>>,
}

impl<'a> Terminators<'a> {
    fn new(line: &'a str) -> Self {
        Terminators { line: line.as_bytes(), ellipsis: None }
    }

    /// The byte offset of the first terminator at or after `from` (a character boundary).
    fn next(&mut self, from: usize) -> Option<usize> {
        const ELLIPSIS: &[u8] = "…".as_bytes();
        let rest = self.line.get(from..)?;
        let ellipsis = match self.ellipsis {
            Some(Some(at)) if at >= from => Some(at),
            Some(None) => None,
            _ => {
                let found = memchr::memmem::find(rest, ELLIPSIS).map(|i| from + i);
                self.ellipsis = Some(found);
                found
            }
        };
        // Only search as far as the ellipsis, if there is one.
        let ascii_end = ellipsis.unwrap_or(self.line.len());
        let ascii = memchr::memchr3(b'.', b'!', b'?', &self.line[from..ascii_end]).map(|i| from + i);
        ascii.or(ellipsis)
    }
}

/// The word just before byte `dot` (a ".") is an abbreviation or an initial.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let before = &line[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    // An initial ("J.") or a dotted abbreviation ("U.S", "a.m").
    if (chars.next().is_none() && first.is_alphabetic()) || word.contains('.') {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let push = |from: usize, to: usize, sentences: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            sentences.push(from + lead..from + lead + trimmed.len());
        }
    };
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..]).map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                push(s, line_start, &mut sentences);
            }
        } else {
            start.get_or_insert(line_start);
            let mut from = 0;
            let mut terminators = Terminators::new(line);
            while let Some(i) = terminators.next(from) {
                let c = line[i..].chars().next().expect("a terminator starts a character");
                // Swallow further terminators and closing marks: `?!`, `..."`, `.)`.
                let mut end = i + c.len_utf8();
                for d in line[end..].chars() {
                    if !(is_terminator(d) || CLOSERS.contains(&d)) {
                        break;
                    }
                    end += d.len_utf8();
                }
                from = end;
                let rest = &line[end..];
                let next = rest.trim_start();
                if next.is_empty() || next.len() == rest.len() {
                    continue; // end of line (handled below) or no space after: "3.5", "U.S."
                }
                let n = next.chars().next().unwrap();
                let starts_sentence =
                    n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n) || n == '•';
                if !starts_sentence || (c == '.' && end == i + 1 && is_abbreviation(line, i)) {
                    continue;
                }
                let s = start.take().unwrap_or(line_start);
                push(s, line_start + end, &mut sentences);
                start = Some(line_start + end);
            }
            if !continues_on_next_line(line, &text[line_end..])
                && let Some(s) = start.take()
            {
                push(s, line_end, &mut sentences);
            }
        }
        line_start = line_end + 1;
    }
    if let Some(s) = start {
        push(s, text.len(), &mut sentences);
    }
    sentences
}

/// A hard-wrapped line: ends in a lower-case word, `,`, `;` or `-`, and the next line starts in
/// lower case.
fn continues_on_next_line(line: &str, after: &str) -> bool {
    let Some(last) = line.trim_end().chars().next_back() else { return false };
    if !(last.is_lowercase() || matches!(last, ',' | ';' | '-')) {
        return false;
    }
    let Some(next_line) = after.strip_prefix('\n') else { return false };
    next_line.trim_start_matches([' ', '\t']).chars().next().is_some_and(char::is_lowercase)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    Single,
    Guillemet,
}

fn find_quotations(text: &str, sentences: &[Range<usize>]) -> Vec<Quotation> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    // A quotation still open at the end of a hard-wrapped line stays open on the next one.
    let mut open: Option<(usize, Mark)> = None;
    while line_start < text.len() {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..]).map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        // Every quote mark is `"` or starts with byte 0xE2 (“ ” ‘ ’) or 0xC2 (« »): jump from
        // one such byte to the next instead of decoding every character.
        let mut from = 0;
        while let Some(offset) = memchr::memchr3(b'"', 0xE2, 0xC2, &line.as_bytes()[from..]) {
            let i = from + offset;
            let c = crate::text::char_at(line, i).expect("a lead byte starts a character");
            from = i + c.len_utf8();
            let prev = || crate::text::char_before(line, i);
            let next = || crate::text::char_at(line, from);
            let at = line_start + i;
            let close_at = at + c.len_utf8();
            match (c, open) {
                ('“', None) => open = Some((at, Mark::Curly)),
                ('”', Some((s, Mark::Curly))) => {
                    spans.push(s..close_at);
                    open = None;
                }
                ('"', None) => open = Some((at, Mark::Straight)),
                ('"', Some((s, Mark::Straight))) => {
                    spans.push(s..close_at);
                    open = None;
                }
                ('«', None) => open = Some((at, Mark::Guillemet)),
                ('»', Some((s, Mark::Guillemet))) => {
                    spans.push(s..close_at);
                    open = None;
                }
                ('‘', None) if !prev().is_some_and(is_word_char) => open = Some((at, Mark::Single)),
                ('’', Some((s, Mark::Single))) if !next().is_some_and(is_word_char) => {
                    spans.push(s..close_at);
                    open = None;
                }
                _ => {}
            }
        }
        // A quotation left open runs to the end of its paragraph, except a lone ‘ (often an
        // apostrophe typed the wrong way round); a line that the next one continues is not
        // the end of a paragraph (see `continues_on_next_line`).
        if open.is_some()
            && !continues_on_next_line(line, &text[line_end..])
            && let Some((s, mark)) = open.take()
            && mark != Mark::Single
        {
            let end = line_start + line.trim_end().len();
            if end > s {
                spans.push(s..end);
            }
        }
        line_start = line_end + 1;
    }
    spans
        .into_iter()
        .map(|span| {
            let three_words = crate::text::has_words(&text[span.clone()], 3);
            let before =
                &text[crate::text::floor_char_boundary(text, span.start.saturating_sub(16))..span.start];
            let so_called = before.trim_end().to_ascii_lowercase().ends_with("so-called");
            let voice = if !so_called && (three_words || speech_verb_near(text, &span, sentences)) {
                Voice::Quoted
            } else {
                Voice::Outlet
            };
            Quotation { start: span.start, end: span.end, voice }
        })
        .collect()
}

/// Verbs that attribute words to a speaker, in alphabetical order for the reader (`is_speech_verb`
/// sorts its own keys for its binary search).
const SPEECH_VERBS: &[&str] = &[
    "according",
    "accused",
    "added",
    "admitted",
    "alleged",
    "announced",
    "argued",
    "asked",
    "called",
    "claimed",
    "claims",
    "complained",
    "declared",
    "described",
    "dubbed",
    "explained",
    "insisted",
    "labeled",
    "labelled",
    "noted",
    "posted",
    "remarked",
    "replied",
    "responded",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "stressed",
    "tells",
    "termed",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// The sentence that opens the quotation (before it) or the one that closes it (after it) has a
/// speech verb: in `“Liars. Traitors,” he said.` the verb is in the quotation's second sentence.
fn speech_verb_near(text: &str, span: &Range<usize>, sentences: &[Range<usize>]) -> bool {
    let i = sentences.partition_point(|s| s.end <= span.start);
    let Some(first) = sentences.get(i) else { return false };
    let last = sentences.get(sentences.partition_point(|s| s.end < span.end)).unwrap_or(first);
    // The verb that attributes a quotation stands next to it: looking at most this far keeps a
    // sentence with thousands of quotation marks linear.
    const NEAR: usize = 200;
    let before_start =
        floor_char_boundary(text, first.start.max(span.start.saturating_sub(NEAR)).min(span.start));
    let after_end = last.end.max(span.end);
    let after_end = ceil_char_boundary(text, after_end.min(span.end + NEAR));
    let outside = [&text[before_start..span.start], &text[span.end..after_end]];
    outside.iter().any(|part| has_speech_verb(part))
}

/// Whether one of the words of `text` (runs of alphabetic characters) is a speech verb. Words
/// are found byte by byte: only non-ASCII characters are decoded, to tell a letter ("é", which
/// continues a word, so that "saidé" is no verb) from a separator (a curly quote, a dash).
fn has_speech_verb(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Alphabetic or not, and the character's length in bytes, at byte `i`.
    let letter_at = |i: usize| match bytes[i] {
        b if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
        _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_alphabetic(), c.len_utf8())),
    };
    let mut i = 0;
    while i < bytes.len() {
        let (letter, len) = letter_at(i);
        if !letter {
            i += len;
            continue;
        }
        let (start, mut ascii) = (i, true);
        while i < bytes.len() {
            let (letter, len) = letter_at(i);
            if !letter {
                break;
            }
            ascii &= len == 1;
            i += len;
        }
        // Speech verbs are ASCII and have 3 to 10 letters.
        if ascii && (3..=10).contains(&(i - start)) && is_speech_verb(&text[start..i]) {
            return true;
        }
    }
    false
}

/// Whether `word` is one of [`SPEECH_VERBS`], in any ASCII case: a binary search among the
/// verbs as integers (quotations are frequent and each looks at up to 400 bytes around it,
/// so this runs for most words near a quotation).
fn is_speech_verb(word: &str) -> bool {
    static KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| {
        let mut keys: Vec<u128> = SPEECH_VERBS.iter().filter_map(|verb| letters_key(verb)).collect();
        keys.sort_unstable();
        keys
    });
    letters_key(word).is_some_and(|key| KEYS.binary_search(&key).is_ok())
}

/// A word of 1 to 16 ASCII letters as one integer, the same in any case (its bytes with the
/// case bit set; no letter is 0, so words of different lengths differ); `None` for anything else.
fn letters_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(bytes.iter().fold(0, |key, &b| key << 8 | u128::from(b | 0x20)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        Segments::new(text).sentences.iter().map(|r| &text[r.clone()]).collect()
    }

    proptest::proptest! {
        /// The byte-wise word scan finds a speech verb exactly when splitting at every
        /// non-alphabetic character does.
        #[test]
        fn speech_verbs_are_found_as_splitting_at_non_letters_finds_them(
            text in "(said|Says|told|wrote|é|’|“| |-|x|\\.|[a-zà-ÿ]{1,4}){0,12}"
        ) {
            let split = text.split(|c: char| !c.is_alphabetic()).any(|w| (3..=10).contains(&w.len()) && is_speech_verb(w));
            proptest::prop_assert_eq!(has_speech_verb(&text), split);
        }
    }

    #[test]
    fn a_speech_verb_is_a_whole_word_between_non_letters() {
        assert!(has_speech_verb(", she SAID."));
        assert!(has_speech_verb("—told’"));
        assert!(!has_speech_verb("saidé resaid toldx"));
        assert!(!has_speech_verb("“ ” — 12"));
    }

    #[test]
    fn speech_verbs_are_sorted_lowercase_and_found_in_any_case() {
        assert!(SPEECH_VERBS.windows(2).all(|pair| pair[0] < pair[1]), "sorted and without duplicates");
        assert!(SPEECH_VERBS.iter().all(|v| v.len() <= 10 && *v == v.to_ascii_lowercase()));
        assert!(SPEECH_VERBS.iter().all(|v| is_speech_verb(v) && is_speech_verb(&v.to_ascii_uppercase())));
        assert!(!is_speech_verb("sai") && !is_speech_verb("") && !is_speech_verb("saidsaidsaid"));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text =
            "Officials reportedly said the study proves it. Mr. Smith disagreed. Sources say otherwise.";
        assert_eq!(
            sentences(text),
            [
                "Officials reportedly said the study proves it.",
                "Mr. Smith disagreed.",
                "Sources say otherwise."
            ]
        );
        assert_eq!(
            sentences("The U.S. Army and Gen. Milley met on Jan. 6 in Washington. J. Smith left."),
            ["The U.S. Army and Gen. Milley met on Jan. 6 in Washington.", "J. Smith left."]
        );
    }

    #[test]
    fn lines_and_paragraphs_end_sentences() {
        let text = "A headline without a stop\n\nFirst paragraph. Second one!\r\nThird? \"Yes.\" Done";
        assert_eq!(
            sentences(text),
            ["A headline without a stop", "First paragraph.", "Second one!", "Third?", "\"Yes.\"", "Done"]
        );
    }

    #[test]
    fn hard_wrapped_lines_continue() {
        assert_eq!(
            sentences("the president said\nthat it was over. Then"),
            ["the president said\nthat it was over.", "Then"]
        );
    }

    #[test]
    fn quotations_and_voice() {
        let text = "“We will retaliate,” warned Blinken. Russia’s so-called “support” grew. He said “no”.";
        let seg = Segments::new(text);
        let quotes: Vec<(&str, Voice)> =
            seg.quotes.iter().map(|q| (&text[q.start..q.end], q.voice)).collect();
        assert_eq!(
            quotes,
            [("“We will retaliate,”", Voice::Quoted), ("“support”", Voice::Outlet), ("“no”", Voice::Quoted)]
        );
        let retaliate = text.find("retaliate").unwrap();
        assert_eq!(seg.voice_of(retaliate, retaliate + 9), Voice::Quoted);
        assert_eq!(
            seg.voice_of(text.find("warned").unwrap(), text.find("warned").unwrap() + 6),
            Voice::Outlet
        );
    }

    #[test]
    fn a_speech_verb_after_a_quotation_of_two_sentences_attributes_it() {
        // Two words, so only the verb makes it a quotation; it follows the quotation's second
        // sentence, not the first one the quotation starts in.
        for text in ["“Liars. Traitors,” he said.", "“Liars! Traitors!” she wrote."] {
            let seg = Segments::new(text);
            assert_eq!(seg.quotes.iter().map(|q| q.voice).collect::<Vec<_>>(), [Voice::Quoted], "{text}");
        }
        let seg = Segments::new("“Liars. Traitors,” it went on.");
        assert_eq!(seg.quotes.iter().map(|q| q.voice).collect::<Vec<_>>(), [Voice::Outlet]);
    }

    #[test]
    fn open_quotation_runs_to_end_of_paragraph() {
        let text = "\"We will fight on and on\nNext paragraph.";
        let seg = Segments::new(text);
        assert_eq!(seg.quotes.len(), 1);
        assert_eq!(&text[seg.quotes[0].start..seg.quotes[0].end], "\"We will fight on and on");
    }

    #[test]
    fn a_quotation_runs_on_over_a_hard_wrapped_line() {
        let text = "He said \"we will fight on and\non\" and then he left the room. Smith said \"no\".";
        let seg = Segments::new(text);
        let quotes: Vec<&str> = seg.quotes.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(quotes, ["\"we will fight on and\non\"", "\"no\""]);
        let left = text.find("left").unwrap();
        assert_eq!(seg.voice_of(left, left + 4), Voice::Outlet, "the narration between the quotes");
    }

    #[test]
    fn so_called_makes_a_scare_quote_of_any_length() {
        let text = "They held so-called “free and fair elections” last year, officials said.";
        let seg = Segments::new(text);
        assert_eq!(seg.quotes.len(), 1);
        assert_eq!(seg.quotes[0].voice, Voice::Outlet);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let seg = Segments::new("Don’t say it’s Russia’s fault.");
        assert!(seg.quotes.is_empty());
    }
}
