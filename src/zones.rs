//! Zoning: which parts of an article's text are its title, byline, body, and which are page
//! furniture (boilerplate) that a scraper kept.
//!
//! This module is std-only on purpose: it is a pure function of the text.
//!
//! # How it works
//!
//! Scraped article text usually has one text node (or one paragraph) per line, with menus,
//! share bars, related-headline lists, login forms and footers above, below and sometimes inside
//! the article. The classifier works on lines, joined into blocks, and is a single pipeline;
//! every step is one pass over the lines, so the whole is O(text length), a 50 MB line included:
//!
//! 1. **Split lines** (`split_lines`): byte ranges of the lines, newline included, so that the
//!    lines tile the text and every zone boundary falls just after a `\n` (a char boundary).
//! 2. **Per-line features** ([`LineFeatures`]): every cue the classifier looks at is computed in
//!    one place, in one scan of the line's words, without allocating: length in words, stop-word
//!    density, capitalisation, terminal punctuation, truncation ("..."), bullets, separators
//!    ("Home | World"), known furniture phrases, byline and date shape and code punctuation (for
//!    short lines only, from a second look at their first words or bytes), and how the line
//!    starts and ends (like the rest of a sentence, mid-sentence, as a label "Q:"). Words are
//!    compared with the word lists as integers (`Key`), not as lowercased copies.
//! 3. **Join fragments** (`join_fragments`): a scraper that writes one text node per line cuts a
//!    paragraph at every link. A line that continues the sentence of the line before it (it
//!    starts lowercase or with ", . )", or the line before ends with "the", "of", a comma, a
//!    possessive) joins that line's block, and the rest of the pipeline sees blocks, so a
//!    paragraph is judged as the paragraph it is. Then repetition: whether a block occurs more
//!    than once in the text (one `HashMap` of `&str` for the whole text).
//! 4. **Classify** (`classify`): each block is prose, a short line (heading, caption, menu item,
//!    byline), furniture, or blank. A heading such as "Also Read" turns the headline list under
//!    it into furniture, up to the next real paragraph; so are the paragraphs of a list of
//!    teasers (each followed by the same "Read more", or alone after a shared dateline).
//! 5. **Find the body** (`body_span`): furniture clusters at the top and bottom of a page and the
//!    body is the densest run of prose, so each block gets a weight (+words for prose, -words and
//!    a fixed cost for anything else, nothing for code lines and a line repeated right after
//!    itself, a large cost for the start of the comments) and the body
//!    is the run of blocks with the maximum total weight (Kadane's algorithm). A short
//!    interruption inside the article (an ad, a related list) costs less than the prose around
//!    it, so the run bridges it; a list of teasers (headline, author, one paragraph) does not pay
//!    for itself. The body starts after a byline that comes before its first sentence, and a body
//!    that ends with a colon ("Tour dates:") goes on over the list after it.
//! 6. **Smooth** (`smooth`): inside the body, furniture stays boilerplate, a short line between
//!    prose lines (a subheading) is body, and a run of short lines (a share bar, an author box)
//!    is boilerplate unless its lines are sentences, code or a colon announced them. Everything
//!    outside the body is boilerplate. Then, walking back from the body's end, copyright
//!    notices, calls to subscribe or follow, the author's bio and an "About ..." box go
//!    (`trim_trailing_notices`).
//! 7. **Title and byline** (`title_and_byline`): the title is the headline-shaped line above
//!    the body that shares most content words with the body's first paragraphs (a photo credit,
//!    a dateline or a menu shares none), the nearest on a tie; byline and date lines between it
//!    and the body are the byline.
//! 8. **Merge** (`merge`): blank lines join the zone before them, equal neighbours are merged.
//!
//! A text with no prose line at all (a short post, a caption) has no densest run; its body is
//! then every non-furniture line from its first sentence on (`short_text_body`).
//!
//! [`classify_lines`] exposes the per-line decisions and the features of each line's block, for
//! debugging and for the evaluation driver in `scripts/zoning/`.

use crate::hash::FxHashMap;

/// The kind of a zone, as printed in reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ZoneKind {
    Title,
    Byline,
    Body,
    Boilerplate,
}

impl ZoneKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Byline => "byline",
            ZoneKind::Body => "body",
            ZoneKind::Boilerplate => "boilerplate",
        }
    }
}

/// A half-open byte range `start..end` of the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub kind: ZoneKind,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into zones that are in order, do not overlap, cover the whole text
/// (`zones[0].start == 0`, `zones.last().end == text.len()`, each zone starts where the previous
/// ends), never split a UTF-8 character, and never have two neighbours of the same kind.
/// An empty text has no zones.
pub fn detect_zones(text: &str) -> Vec<Zone> {
    let (lines, _, kinds) = run(text);
    merge(&lines, &kinds)
}

/// The decision for one line, for debugging and evaluation: the line's byte range (newline
/// included), the features of the block it belongs to (see `join_fragments`), and its zone
/// kind. Blank lines carry the kind of the zone they are merged into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineDecision {
    pub start: usize,
    pub end: usize,
    pub features: LineFeatures,
    pub kind: ZoneKind,
    /// The line continues the block of the line before it (a fragment of the same paragraph).
    pub joined: bool,
}

/// Runs the pipeline and returns one decision per line (a run of blank lines is one line), in
/// order; the lines tile the text.
pub fn classify_lines(text: &str) -> Vec<LineDecision> {
    let (blocks, features, kinds) = run(text);
    let mut decisions = Vec::with_capacity(blocks.len());
    let mut b = 0;
    // Blocks are runs of whole lines and both tile the text, so one walk pairs them.
    for line in split_lines(text) {
        while blocks[b].end <= line.start {
            b += 1;
        }
        decisions.push(LineDecision {
            start: line.start,
            end: line.end,
            features: features[b],
            kind: kinds[b],
            joined: line.start != blocks[b].start,
        });
    }
    decisions
}

/// The pipeline: the blocks, their features, and the zone kind of each block.
fn run(text: &str) -> (Vec<Line<'_>>, Vec<LineFeatures>, Vec<ZoneKind>) {
    let (lines, features) = join_fragments(text, split_lines(text));
    let features = mark_repeated(&lines, features);
    let classes = classify(&features);
    let mut kinds = vec![ZoneKind::Boilerplate; lines.len()];
    let mut span = extend_over_list(
        &features,
        &classes,
        starts_after_byline(&features, &classes, body_span(&features, &classes)),
    );
    if span.is_empty() {
        span = short_text_body(&features, &classes);
    }
    if let Some(headline) = lone_headline(&features, &classes) {
        kinds[headline] = ZoneKind::Title;
        fill_blanks(&classes, &mut kinds);
        return (lines, features, kinds);
    }
    smooth(&features, &classes, span.clone(), &mut kinds);
    trim_trailing_notices(&lines, &features, span.clone(), &mut kinds);
    title_and_byline(&lines, &features, &classes, span, &mut kinds);
    fill_blanks(&classes, &mut kinds);
    (lines, features, kinds)
}

// ---------------------------------------------------------------------------------------------
// 1. Split lines
// ---------------------------------------------------------------------------------------------

/// One line, or a run of blank lines: `start..end` includes the line terminator, `content` is
/// the line trimmed of whitespace (including the `\r` of CRLF endings).
struct Line<'a> {
    start: usize,
    end: usize,
    content: &'a str,
}

/// Consecutive blank lines become one line: they carry nothing, and a text of millions of
/// newlines then costs one entry instead of millions.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let end = start + raw.len();
        let content = raw.trim();
        match lines.last_mut() {
            Some(last) if content.is_empty() && last.content.is_empty() => last.end = end,
            _ => lines.push(Line { start, end, content }),
        }
        start = end;
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// 2. Per-line features
// ---------------------------------------------------------------------------------------------

/// Everything the classifier knows about one line. All cues are computed here
/// ([`LineFeatures::of`]) and nowhere else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineFeatures {
    /// Whitespace-separated words, not counting a leading bullet. Prose lines are long.
    pub words: u32,
    /// Words from `STOP_WORDS`. Prose has many ("the", "of", "and"), menus and headlines few.
    pub stop_words: u32,
    /// Words that start with an uppercase letter: Title Case menus and headlines are mostly these.
    pub capitalized: u32,
    /// Words that start with a lowercase letter, or with a letter of a script without case
    /// (Chinese, Japanese, Arabic, Hindi...; counted as `word_count` words): sentences are
    /// mostly these, in any language.
    pub lowercase: u32,
    /// Sentence ends inside the line (". " followed by a capital). A headline has none.
    pub inner_sentences: u32,
    /// Ends with sentence punctuation (". ! ? …", also CJK), ignoring closing quotes/brackets.
    pub terminal: bool,
    /// Cut off with an ellipsis ("...the Realtek Bluetooth...", "[…]"): a teaser of another
    /// article. Articles end their paragraphs properly.
    pub truncated: bool,
    /// Ends with a colon: announces what follows ("Tour dates:"), so a list after it is content.
    pub colon: bool,
    /// Starts with a list bullet ("•", "*", "-", ...): menus and related lists are bullet lists.
    pub bullet: bool,
    /// The same line (bullet aside) occurs elsewhere in the text: repeated lines are navigation
    /// and teasers. Never set for long prose (see `LONG_PROSE_WORDS`), which stays prose, but
    /// for copies of the whole article (see `ARTICLE_COPY_WORDS`).
    pub repeated: bool,
    /// The same line (bullet aside) as the line right before it, blank lines aside: one line
    /// shown twice (a code block and its copy-to-clipboard twin, a caption for two screen
    /// sizes). It adds nothing, so it weighs nothing and stays out of the body; it makes neither
    /// copy `repeated`.
    pub echo: bool,
    /// Looks like a line of program code: a short line with code punctuation ("=", "{", "}",
    /// "_", "();", "<-", "->") and few function words and capitalised words. Code blocks in tutorials and tech
    /// articles are runs of such lines; they weigh nothing (like blank lines), so they neither
    /// make a body nor cut one.
    pub code: bool,
    /// A question or answer of an interview: starts with "Q:" or "A:". Short, but the text of
    /// the article.
    pub interview: bool,
    /// A known furniture phrase, see `PHRASES`.
    pub phrase: Option<Phrase>,
    /// Shaped like a byline or dateline: "by Jane Doe", "June 2, 2021", "Published 3 May 2024".
    pub byline: bool,
    /// Starts like the rest of a sentence: a lowercase letter, or punctuation that cannot start
    /// one (", and", ". Then", ") said"). A scraper that puts every text node on its own line
    /// cuts a paragraph at each link; the pieces after the link start like this.
    pub continues: bool,
    /// Ends in the middle of a sentence: after a comma, an opening bracket or quote, a dash, a
    /// possessive ("Japan's"), or a function word that cannot end a sentence or a headline
    /// ("the", "of", "according to"). The piece before a link ends like this.
    pub open_end: bool,
    /// Words that are only a separator ("|", "/", ">", "»", "·"): menus, breadcrumbs and share
    /// bars put them between their items ("Home | World | Share"), headlines hardly ever.
    pub separators: u32,
    /// A link to the rest of an article ("Read more", "Continue reading", not "Read more:").
    /// Repeated, it ends each teaser of a list of other articles.
    pub read_more: bool,
    /// A name or field label before the text it introduces: a few words ending with a colon
    /// ("Prof. Carlos:", "Q:", "Editor's note:"), as in interviews where the speaker is in bold.
    pub label: bool,
}

/// What a known phrase says about its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// Page furniture wherever it is: share bars, tags, login forms, cookie notices, copyright.
    Furniture,
    /// A heading of a related-headlines list ("Also Read"): the headlines under it are furniture.
    Related,
    /// A call to action or site notice ("Donate", "Subscribe", cookies): furniture at the edges
    /// of the article, but plain text inside it (an article may be about cookies).
    Notice,
    /// The start of a comment: "12 Comments", "Leave a Reply", "joe says:". Reader comments are
    /// prose too, so these lines cut the body off hard.
    Comments,
}

/// Frequent English function words, lowercase. All have at most [`STOP_WORD_MAX_LEN`] letters,
/// so longer words skip the lookup, and each is looked up as one integer (see `is_stop_word`).
const STOP_WORD_MAX_LEN: usize = 5;
const STOP_WORDS: &[&[u8]] = &[
    b"a", b"about", b"after", b"all", b"also", b"an", b"and", b"are", b"as", b"at", b"be", b"been", b"but",
    b"by", b"can", b"could", b"did", b"do", b"for", b"from", b"had", b"has", b"have", b"he", b"her", b"his",
    b"i", b"if", b"in", b"into", b"is", b"it", b"its", b"more", b"not", b"of", b"on", b"one", b"or", b"our",
    b"out", b"over", b"said", b"she", b"so", b"than", b"that", b"the", b"their", b"them", b"there", b"these",
    b"they", b"this", b"to", b"up", b"was", b"we", b"were", b"what", b"when", b"which", b"who", b"will",
    b"with", b"would", b"you",
];
/// The most frequent function words of Spanish, French, German, Portuguese, Italian, Indonesian
/// and Dutch (ASCII ones, lowercase, none a frequent English content word), so that prose in
/// these languages is as wordy as English prose. Looked up in the same table.
#[rustfmt::skip]
const OTHER_STOP_WORDS: &[&[u8]] = &[
    // Spanish
    b"de", b"la", b"el", b"que", b"en", b"los", b"las", b"del", b"por", b"con", b"una", b"para", b"es",
    b"se", b"lo", b"al", b"su", b"sus", b"como", b"pero", b"este", b"esta", b"muy",
    // French
    b"le", b"les", b"des", b"et", b"du", b"un", b"une", b"est", b"pour", b"dans", b"qui", b"pas", b"sur",
    b"au", b"aux", b"ce", b"cette", b"sont", b"avec", b"ne", b"il", b"elle", b"nous", b"vous", b"mais",
    // German
    b"der", b"die", b"das", b"und", b"ist", b"nicht", b"mit", b"den", b"dem", b"ein", b"eine", b"sich",
    b"auf", b"auch", b"zu", b"von", b"im", b"wird", b"sind", b"sie", b"dass", b"zum", b"zur", b"aus",
    b"bei", b"nach",
    // Portuguese
    b"o", b"os", b"da", b"dos", b"em", b"um", b"uma", b"na", b"no", b"ao", b"foi",
    b"seu", b"sua",
    // Italian
    b"di", b"che", b"per", b"non", b"della", b"delle", b"sono", b"gli", b"nel", b"alla", b"anche",
    // Indonesian
    b"yang", b"dan", b"ini", b"itu", b"ke", b"dari", b"untuk", b"akan", b"ada", b"pada", b"juga",
    b"tidak", b"bisa",
    // Dutch
    b"het", b"een", b"op", b"te", b"voor", b"niet", b"met", b"zijn", b"ook", b"maar",
];

/// Word `i` of `STOP_WORDS` followed by `OTHER_STOP_WORDS`.
const fn stop_word(i: usize) -> &'static [u8] {
    if i < STOP_WORDS.len() { STOP_WORDS[i] } else { OTHER_STOP_WORDS[i - STOP_WORDS.len()] }
}
const ALL_STOP_WORDS: usize = STOP_WORDS.len() + OTHER_STOP_WORDS.len();

/// A word of at most 7 bytes as one integer: its bytes, little-endian, and its length in the
/// top byte (so "a" and "a\0" differ).
const fn pack_word(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The stop words in an open-addressing hash table: [`STOP_WORD_SLOTS`] slots of packed words
/// ([`pack_word`]), each word in slot `stop_word_slot(key)` or the first free slot after it,
/// empty slots `u64::MAX` (never a packed word). A fifth of the slots are used, so a lookup
/// reads one or two slots.
const STOP_WORD_SLOT_BITS: u32 = 10;
const STOP_WORD_SLOTS: usize = 1 << STOP_WORD_SLOT_BITS;
const STOP_WORD_MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

const fn stop_word_slot(key: u64) -> usize {
    (key.wrapping_mul(STOP_WORD_MULTIPLIER) >> (64 - STOP_WORD_SLOT_BITS)) as usize
}

const STOP_WORD_TABLE: [u64; STOP_WORD_SLOTS] = {
    let mut table = [u64::MAX; STOP_WORD_SLOTS];
    let mut i = 0;
    while i < ALL_STOP_WORDS {
        let key = pack_word(stop_word(i));
        let mut slot = stop_word_slot(key);
        while table[slot] != u64::MAX {
            assert!(table[slot] != key, "a stop word is listed twice");
            slot = (slot + 1) % STOP_WORD_SLOTS;
        }
        table[slot] = key;
        i += 1;
    }
    table
};

/// Whether the lowercase word (at most [`STOP_WORD_MAX_LEN`] bytes) is a stop word.
#[cfg(test)]
fn is_stop_word(lower: &[u8]) -> bool {
    is_stop_key(pack_word(lower))
}

/// Whether the packed word (see [`pack_word`]) is a stop word. Every word of the text is looked
/// up: one multiplication and a comparison or two.
fn is_stop_key(key: u64) -> bool {
    let mut slot = stop_word_slot(key);
    loop {
        match STOP_WORD_TABLE[slot] {
            k if k == key => return true,
            u64::MAX => return false,
            _ => slot = (slot + 1) % STOP_WORD_SLOTS,
        }
    }
}

/// A word of at most [`KEY_MAX_LEN`] bytes as one integer, for comparing the words of the text
/// with the listed words below (stop words, months, byline starts) without a lowercased copy:
/// its bytes, little-endian, each with bit 0x20 set, and its length in the top byte.
///
/// Setting 0x20 turns `A`..=`Z` into `a`..=`z` and leaves `a`..=`z` as they are, and only
/// these bytes become lowercase letters (`b | 0x20 == c` means `b` is `c` or `c - 0x20`). The
/// listed words are lowercase ASCII letters, so a word's key equals a listed word's key exactly
/// when the word is that word in any case; non-ASCII bytes stay at 0x80 and above, so a
/// non-ASCII word needs no check to match nothing. Longer words get [`Key::NONE`], the key of
/// the empty word, which is in no list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key(u128);

/// The longest word a [`Key`] holds; all listed words are shorter.
const KEY_MAX_LEN: usize = 15;

/// `KEY_MASKS[n]` keeps the first `n` bytes of a little-endian integer.
const KEY_MASKS: [u128; KEY_MAX_LEN + 1] = {
    let mut masks = [0; KEY_MAX_LEN + 1];
    let mut n = 1;
    while n <= KEY_MAX_LEN {
        masks[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

impl Key {
    const NONE: Key = Key(0);

    /// The key of a listed word, which must be lowercase ASCII letters.
    const fn of(word: &[u8]) -> Key {
        assert!(word.len() <= KEY_MAX_LEN);
        let mut key = (word.len() as u128) << 120;
        let mut i = 0;
        while i < word.len() {
            assert!(word[i].is_ascii_lowercase(), "listed words are lowercase letters");
            key |= (word[i] as u128) << (8 * i);
            i += 1;
        }
        Key(key)
    }

    /// The keys of a list of words.
    const fn all<const N: usize>(words: &[&[u8]; N]) -> [Key; N] {
        let mut keys = [Key::NONE; N];
        let mut i = 0;
        while i < N {
            keys[i] = Key::of(words[i]);
            i += 1;
        }
        keys
    }

    /// The key of the word `line[start..start + len]`. When 16 bytes of the line are left from
    /// `start`, they are read as one integer and cut to the word; otherwise the word is read
    /// byte by byte.
    fn of_text(line: &[u8], start: usize, len: usize) -> Key {
        if len > KEY_MAX_LEN {
            return Key::NONE;
        }
        let bytes = match line.get(start..start + 16) {
            Some(chunk) => u128::from_le_bytes(chunk.try_into().expect("16 bytes")),
            None => line[start..start + len].iter().rev().fold(0, |k, &b| (k << 8) | u128::from(b)),
        };
        const CASE_BITS: u128 = u128::MAX / 0xFF * 0x20;
        Key(((bytes | CASE_BITS) & KEY_MASKS[len]) | ((len as u128) << 120))
    }

    fn len(self) -> usize {
        (self.0 >> 120) as usize
    }

    /// The word packed as [`pack_word`] packs it, for the stop-word table: only for words of at
    /// most 7 bytes.
    fn packed(self) -> u64 {
        (self.0 as u64) | ((self.len() as u64) << 56)
    }

    /// The word's bytes (lowercase, if it is a word of letters), in a buffer.
    fn bytes(self, buffer: &mut [u8; 16]) -> &[u8] {
        *buffer = self.0.to_le_bytes();
        &buffer[..self.len()]
    }
}

/// Month names, for date lines. A word of three letters or more that begins one ("Jun", "Sept",
/// "June") is a month.
const MONTHS: &[&[u8]] = &[
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];

/// Whether the word (three bytes or more) begins a month name. Every month has its own first
/// three letters, so only that month needs comparing.
fn begins_a_month(word: Key) -> bool {
    let mut buffer = [0; 16];
    let lower = word.bytes(&mut buffer);
    let month = match lower.first_chunk::<3>() {
        Some(b"jan") => 0,
        Some(b"feb") => 1,
        Some(b"mar") => 2,
        Some(b"apr") => 3,
        Some(b"may") => 4,
        Some(b"jun") => 5,
        Some(b"jul") => 6,
        Some(b"aug") => 7,
        Some(b"sep") => 8,
        Some(b"oct") => 9,
        Some(b"nov") => 10,
        Some(b"dec") => 11,
        _ => return false,
    };
    MONTHS[month].starts_with(lower)
}

/// Words that start a dateline or an author line.
const BYLINE_STARTS: &[Key] =
    &Key::all(&[b"by", b"published", b"updated", b"posted", b"modified", b"written"]);
/// "Last updated", "Last modified": "last" starts a dateline only before one of these ("last
/// month" starts the rest of a sentence).
const AFTER_LAST: &[Key] = &Key::all(&[b"updated", b"modified"]);
const LAST: Key = Key::of(b"last");
const BY: Key = Key::of(b"by");

/// Words that make a line a site notice wherever they occur in it ("... hit the Donate button",
/// "Necessary cookies are ..."), for lines of at most [`NOTICE_MAX_WORDS`] words.
/// All have at least six letters, so shorter words skip the lookup.
const NOTICE_WORDS: &[Key] = &Key::all(&[b"donate", b"subscribe", b"newsletter", b"cookie", b"cookies"]);
const NOTICE_MAX_WORDS: u32 = 100;
/// Bit `b & 31` set for the first byte `b` of each of [`NOTICE_WORDS`]: most long words start
/// with another letter and skip the lookup (other bytes may share a bit, which only costs them
/// the lookup).
const NOTICE_FIRST_BYTES: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < NOTICE_WORDS.len() {
        bits |= 1 << (NOTICE_WORDS[i].0 as u8 & 31);
        i += 1;
    }
    bits
};

/// "12 Comments", "34 responses to “...”": a count followed by one of these words.
const COMMENT_COUNT_WORDS: &[Key] =
    &Key::all(&[b"comment", b"comments", b"responses", b"replies", b"comentario", b"comentarios"]);
/// "joe says:": a commenter's name line ends with one of these.
const COMMENTER_WORDS: &[&str] = &["says:", "said:", "wrote:"];
const COMMENT_MAX_WORDS: u32 = 15;

/// Known furniture phrases: a line that starts with `phrase` (ASCII case-insensitive) and has at
/// most `max_words` words is of that kind. The word limit keeps prose that happens to start with
/// "Related" or "Subscribe" out.
const PHRASES: &[(&str, Phrase, u32)] = &[
    // Share bars and social links.
    ("share on", Phrase::Furniture, 12),
    ("share this", Phrase::Furniture, 8),
    ("share:", Phrase::Furniture, 8),
    ("sharetweet", Phrase::Furniture, 4),
    ("share", Phrase::Furniture, 1),
    ("tweet", Phrase::Furniture, 1),
    ("follow us", Phrase::Furniture, 10),
    ("facebook", Phrase::Furniture, 4),
    ("twitter", Phrase::Furniture, 3),
    ("whatsapp", Phrase::Furniture, 3),
    ("email", Phrase::Furniture, 2),
    ("print", Phrase::Furniture, 2),
    // Tags and categories.
    ("tags:", Phrase::Furniture, 40),
    ("tags", Phrase::Furniture, 1),
    ("tagged", Phrase::Furniture, 30),
    ("topics:", Phrase::Furniture, 30),
    ("filed under", Phrase::Furniture, 30),
    ("categories:", Phrase::Furniture, 30),
    ("category:", Phrase::Furniture, 30),
    // Footers.
    ("©", Phrase::Furniture, 40),
    ("(c) ", Phrase::Furniture, 20),
    ("copyright", Phrase::Furniture, 40),
    ("all rights reserved", Phrase::Furniture, 20),
    ("privacy policy", Phrase::Furniture, 10),
    ("terms of", Phrase::Furniture, 10),
    ("back to top", Phrase::Furniture, 4),
    ("skip to", Phrase::Furniture, 6),
    ("advertisement", Phrase::Furniture, 3),
    ("sponsored", Phrase::Furniture, 6),
    ("loading", Phrase::Furniture, 3),
    ("no result", Phrase::Furniture, 3),
    ("view all result", Phrase::Furniture, 4),
    // Login and comment forms.
    ("welcome back", Phrase::Furniture, 4),
    ("login", Phrase::Furniture, 8),
    ("log in", Phrase::Furniture, 8),
    ("sign in", Phrase::Furniture, 8),
    ("sign up", Phrase::Furniture, 12),
    ("register", Phrase::Furniture, 6),
    ("forgot", Phrase::Furniture, 6),
    ("forgotten password", Phrase::Furniture, 6),
    ("retrieve your password", Phrase::Furniture, 6),
    ("please enter your", Phrase::Furniture, 20),
    ("add new playlist", Phrase::Furniture, 4),
    // Comment sections.
    ("comment", Phrase::Comments, 6),
    ("leave a reply", Phrase::Comments, 6),
    ("leave a comment", Phrase::Comments, 6),
    ("post a comment", Phrase::Comments, 6),
    ("add comment", Phrase::Comments, 6),
    ("join the discussion", Phrase::Comments, 6),
    ("show comments", Phrase::Comments, 6),
    ("view comments", Phrase::Comments, 6),
    // The same in Spanish: "Comentar", "Comentarios (3)", "Deja un comentario".
    ("comentar", Phrase::Comments, 6),
    ("deja un comentario", Phrase::Comments, 6),
    ("deja tu comentario", Phrase::Comments, 6),
    ("escribe un comentario", Phrase::Comments, 6),
    ("añadir comentario", Phrase::Comments, 6),
    ("ver comentarios", Phrase::Comments, 6),
    // Cookie notices.
    ("this website uses cookies", Phrase::Furniture, 200),
    ("this site uses cookies", Phrase::Furniture, 200),
    ("we use cookies", Phrase::Furniture, 200),
    ("our website uses cookies", Phrase::Furniture, 200),
    ("by continuing to", Phrase::Furniture, 60),
    ("by using this", Phrase::Furniture, 60),
    // Image credits.
    ("image:", Phrase::Furniture, 12),
    ("photo:", Phrase::Furniture, 12),
    ("image source", Phrase::Furniture, 12),
    ("getty images", Phrase::Furniture, 6),
    ("photograph by", Phrase::Furniture, 12),
    ("photo by", Phrase::Furniture, 12),
    ("photo credit", Phrase::Furniture, 12),
    ("credit:", Phrase::Furniture, 12),
    // Headings of related-headline lists.
    ("also read", Phrase::Related, 6),
    ("read also", Phrase::Related, 6),
    ("read more", Phrase::Related, 6),
    ("read next", Phrase::Related, 6),
    ("related", Phrase::Related, 4),
    ("see also", Phrase::Related, 6),
    ("more from", Phrase::Related, 6),
    ("more stories", Phrase::Related, 6),
    ("more news", Phrase::Related, 6),
    ("you may also like", Phrase::Related, 6),
    ("you might also like", Phrase::Related, 6),
    ("recommended", Phrase::Related, 4),
    ("trending", Phrase::Related, 4),
    ("most read", Phrase::Related, 4),
    ("most popular", Phrase::Related, 4),
    ("popular posts", Phrase::Related, 4),
    ("latest news", Phrase::Related, 4),
    ("top stories", Phrase::Related, 4),
    // The same headings in other languages (Spanish, Portuguese, French, German, Italian,
    // Indonesian, Dutch).
    ("lea también", Phrase::Related, 6),
    ("lee también", Phrase::Related, 6),
    ("lea más", Phrase::Related, 6),
    ("te puede interesar", Phrase::Related, 6),
    ("noticias relacionadas", Phrase::Related, 6),
    ("leia também", Phrase::Related, 6),
    ("veja também", Phrase::Related, 6),
    ("à lire aussi", Phrase::Related, 6),
    ("À lire aussi", Phrase::Related, 6),
    ("lire aussi", Phrase::Related, 6),
    ("voir aussi", Phrase::Related, 6),
    ("lesen sie auch", Phrase::Related, 6),
    ("das könnte sie auch interessieren", Phrase::Related, 6),
    ("mehr zum thema", Phrase::Related, 6),
    ("leggi anche", Phrase::Related, 6),
    ("baca juga", Phrase::Related, 6),
    ("lees ook", Phrase::Related, 6),
    // Calls to action.
    ("subscribe", Phrase::Notice, 30),
    ("newsletter", Phrase::Notice, 30),
    ("support us", Phrase::Notice, 30),
    ("donate", Phrase::Notice, 30),
];

/// A related-headlines label with the headline after it on the same line ("Related: Alaska
/// Airlines delays ...", "Lea también: ..."): a link to another article, furniture. Up to this
/// many words; the label is a [`Phrase::Related`] phrase followed by a colon.
const LINKED_HEADLINE_MAX_WORDS: u32 = 25;

/// Whether `rest`, which starts with the related label `phrase`, goes on with a colon (or "»")
/// and a headline.
fn is_linked_headline(rest: &str, phrase: &str, words: u32) -> bool {
    words <= LINKED_HEADLINE_MAX_WORDS && rest[phrase.len()..].trim_start().starts_with([':', '»'])
}

/// A photo caption or credit ends with the agency: "... (Credit: Getty Images)",
/// "Bild: TebNad/Shutterstock.com". Captions are no part of the article's text. Lines up to
/// this many words, without a final period, are checked.
const CREDIT_MAX_WORDS: u32 = 40;
const CREDIT_ENDS: &[&str] = &["getty images", "shutterstock", "shutterstock.com"];

/// Credit labels that stand near the end of a caption ("... the cruise phase. Credit: ESA").
const CREDIT_LABELS: &[&str] = &["Credit:", "Credits:", "Photo:", "Photograph:", "Image:", "Bild:", "Foto:"];
/// How near the end: the last this many bytes.
const CREDIT_TAIL_BYTES: usize = 40;

fn ends_with_credit(rest: &str) -> bool {
    let mut tail = rest.len().saturating_sub(CREDIT_TAIL_BYTES);
    while !rest.is_char_boundary(tail) {
        tail += 1;
    }
    // Most lines have no colon near their end and skip the label search.
    let tail = &rest[tail..];
    if tail.as_bytes().contains(&b':') && CREDIT_LABELS.iter().any(|l| tail.contains(l)) {
        return true;
    }
    let end = rest.trim_end_matches([')', ']']).as_bytes();
    CREDIT_ENDS
        .iter()
        .any(|c| end.len() >= c.len() && end[end.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes()))
}

/// Lines up to this many words are checked for code punctuation ([`LineFeatures::code`]).
const CODE_MAX_WORDS: u32 = 30;

/// Whether a (short) line has code punctuation: "=", a brace, an identifier with an underscore
/// ("font_size"), a final semicolon, an arrow or an empty call "()". Links ("?id=3"), leftover
/// shortcodes ("[button link=...]") and rules ("___") are no code. One scan of its bytes.
fn is_code(rest: &str) -> bool {
    let b = rest.as_bytes();
    if b.first() == Some(&b'[') {
        return false;
    }
    let mut letter = false;
    let mut code = b.ends_with(b";");
    for (i, &c) in b.iter().enumerate() {
        letter |= c.is_ascii_alphabetic();
        code |= match c {
            b':' if b[i + 1..].starts_with(b"//") => return false,
            b'=' | b'{' | b'}' => true,
            b'_' => {
                i > 0
                    && b[i - 1].is_ascii_alphanumeric()
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            }
            b'(' => b.get(i + 1) == Some(&b')'),
            b'-' => b.get(i + 1) == Some(&b'>') || (i > 0 && b[i - 1] == b'<'),
            _ => false,
        };
    }
    code && letter
}

/// [`PHRASES`] grouped by their first byte, in their order within each group: the phrases
/// that start with byte `b` are `PHRASES[PHRASE_ORDER[k]]` for `k` in
/// `PHRASE_STARTS[b]..PHRASE_STARTS[b + 1]`. Two phrases with different first bytes never both
/// match a line, so each line compares only its group (most lines start with a byte no phrase
/// starts with and compare none), and the first match is the same as in the whole table.
const PHRASE_GROUPS: ([u8; PHRASES.len()], [u8; 257]) = {
    assert!(PHRASES.len() <= u8::MAX as usize);
    let mut starts = [0u8; 257];
    let mut i = 0;
    while i < PHRASES.len() {
        starts[PHRASES[i].0.as_bytes()[0] as usize + 1] += 1;
        i += 1;
    }
    let mut b = 0;
    while b < 256 {
        starts[b + 1] += starts[b];
        b += 1;
    }
    let mut order = [0u8; PHRASES.len()];
    let mut next = starts;
    let mut i = 0;
    while i < PHRASES.len() {
        let b = PHRASES[i].0.as_bytes()[0] as usize;
        order[next[b] as usize] = i as u8;
        next[b] += 1;
        i += 1;
    }
    (order, starts)
};

/// Bullets that start list items.
const BULLETS: &[char] = &['•', '*', '-', '·', '▪', '►', '»', '–'];

/// Lines up to this many words are checked for byline and date shape.
const BYLINE_MAX_WORDS: u32 = 12;

/// Characters that separate the items of a menu or breadcrumb trail when they stand alone.
const SEPARATORS: &[char] = &['|', '/', '>', '»', '›', '·', '•', '~', '¦'];
/// A line with this many separator words is a menu or breadcrumb trail, not a headline.
const MENU_SEPARATORS: u32 = 2;

/// Links to the rest of an article, see [`LineFeatures::read_more`].
const READ_MORE: &[&str] = &["read more", "continue reading", "read full", "full story", "keep reading"];
const READ_MORE_MAX_WORDS: u32 = 4;

/// An interview's question or answer ([`LineFeatures::interview`]) has at least this many
/// words, label included ("A: Lebron James").
const INTERVIEW_MIN_WORDS: u32 = 3;

/// A label ([`LineFeatures::label`]) has at most this many words.
const LABEL_MAX_WORDS: u32 = 3;

/// Punctuation that goes on a sentence and so cannot start one (an opening bracket after an
/// unfinished line is an aside: "films such as" / "Alien" / "(pictured) and").
const CONTINUING_PUNCTUATION: &[char] =
    &[',', '.', ';', ':', '!', '?', '(', ')', ']', '}', '”', '’', '%', '—', '、', '。', '」', '』', '）'];
/// Line ends that leave the sentence open: the next text node is its next word.
const OPEN_PUNCTUATION: &[char] = &[',', '(', '[', '“', '‘', '-', '–', '—', '/', '&', '、', '「', '『', '（'];
/// Function words that neither a sentence nor a headline ends with, lowercase as written
/// (a capitalised "About" is a menu item). "said", "says" are not here: "Trump wins, polls say"
/// is a headline.
#[rustfmt::skip]
const OPEN_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "from", "by", "via", "and", "or",
    "but", "nor", "as", "than", "that", "into", "onto", "about", "according", "between", "among",
    "amid", "through", "during", "including", "whose", "its", "their", "his", "her", "our", "your",
    "my", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "which",
    "who", "where", "while", "when", "if", "because", "after", "before", "since", "until",
];
/// The longest of [`OPEN_WORDS`].
const OPEN_WORD_MAX_LEN: usize = 9;

/// Whether the word is one of [`OPEN_WORDS`]: most last words of a line (which end with a
/// period, are capitalised or long) are no candidate and skip the list.
fn is_open_word(word: &str) -> bool {
    word.len() <= OPEN_WORD_MAX_LEN
        && word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && OPEN_WORDS.contains(&word)
}

/// A one-word line that is one of these starts a sentence whose next word is a link ("A" /
/// "muddled view" / "of talks ...", "By" / "Jane Doe").
const OPEN_ARTICLES: &[&str] = &["A", "An", "The", "By"];
/// Japanese particles, which follow the word they mark and so never start a sentence: a line
/// that starts with one continues the line before it (cut at a link).
const PARTICLES: &[char] = &['の', 'に', 'を', 'は', 'が', 'で', 'と', 'も', 'へ', 'や'];

impl LineFeatures {
    /// Computes the features of one trimmed line (all but `repeated`, which needs the whole
    /// text) in one scan of its words (and, for short lines, a second look at the first words:
    /// see `LeadingWords`).
    pub fn of(content: &str) -> LineFeatures {
        let (bullet, rest) = strip_bullet(content);
        let mut f = LineFeatures { bullet, ..LineFeatures::default() };
        f.terminal = ends_sentence(rest) || strip_wire_credit(rest).is_some();
        f.truncated = is_truncated(rest);
        f.colon = rest.ends_with(':');

        let mut notice = false;
        let mut previous_ends_sentence = false;
        let mut last_word = "";
        for (index, Word { text: word, ascii }) in scan_words(rest).enumerate() {
            last_word = word;
            // A plain word starts and ends with an ASCII letter or digit (most words do): it is
            // its own core, ends no sentence and is no separator.
            let plain = is_plain(word);
            let letters = if plain { word } else { alphanumeric_core(word) };
            // The case of the first letter, by its byte when it is ASCII (most words).
            let first_byte = letters.as_bytes().first().copied().unwrap_or(0);
            let (upper, lower_case, caseless) = match first_byte {
                b'A'..=b'Z' => (true, false, false),
                b'a'..=b'z' => (false, true, false),
                0x80.. => letters.chars().next().map_or((false, false, false), |c| {
                    (c.is_uppercase(), !c.is_uppercase() && c.is_lowercase(), c.is_alphabetic())
                }),
                _ => (false, false, false),
            };
            if upper {
                f.capitalized += 1;
                if previous_ends_sentence {
                    f.inner_sentences += 1;
                }
            } else if lower_case {
                f.lowercase += 1;
            } else if caseless {
                f.lowercase += word_count(word);
            }
            previous_ends_sentence = !plain && ends_sentence(word) && !is_abbreviation(letters);
            let lower = Key::of_text(rest.as_bytes(), offset_in(rest, letters), letters.len());
            f.stop_words += u32::from(lower.len() <= STOP_WORD_MAX_LEN && is_stop_key(lower.packed()));
            if index < NOTICE_MAX_WORDS as usize {
                notice |= lower.len() >= 6
                    && NOTICE_FIRST_BYTES & (1 << (lower.0 as u8 & 31)) != 0
                    && NOTICE_WORDS.contains(&lower);
            }
            f.words += if ascii { 1 } else { word_count(word) };
            f.separators += u32::from(!plain && is_separator(word));
        }

        // Only short lines can be bylines or comment counts: a second look at their first words.
        let mut comment_count = false;
        if f.words <= BYLINE_MAX_WORDS.max(COMMENT_MAX_WORDS) {
            let lead = LeadingWords::of(rest);
            if f.words <= BYLINE_MAX_WORDS {
                let dateline = lead.month && lead.digit;
                let author = lead.bylike || (lead.by_inside && f.capitalized + 1 >= f.words);
                f.byline = !f.bullet && (dateline || author);
            }
            comment_count = lead.comment_count;
        }
        let first_byte = rest.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        let (order, starts) = &PHRASE_GROUPS;
        let group = &order
            [usize::from(starts[usize::from(first_byte)])..usize::from(starts[usize::from(first_byte) + 1])];
        if !group.is_empty() {
            // One scan of the group: the first phrase that fits, else a related label with its
            // headline after it.
            let mut linked = None;
            for &(phrase, kind, max_words) in group.iter().map(|&k| &PHRASES[usize::from(k)]) {
                if !starts_with_ignore_ascii_case(rest, phrase) {
                    continue;
                }
                if f.words <= max_words {
                    f.phrase = Some(kind);
                    break;
                }
                if linked.is_none() && kind == Phrase::Related && is_linked_headline(rest, phrase, f.words) {
                    linked = Some(Phrase::Furniture);
                }
            }
            f.phrase = f.phrase.or(linked);
        }
        f.continues = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || CONTINUING_PUNCTUATION.contains(&c) || PARTICLES.contains(&c))
            // "... more", "…read on": an ellipsis starts an expander link, not the rest of a
            // sentence.
            && !rest.starts_with("..")
            && !rest.starts_with('…');
        f.open_end = rest.ends_with(OPEN_PUNCTUATION)
            || is_open_word(last_word)
            || (f.words == 1 && OPEN_ARTICLES.contains(&last_word))
            || is_possessive(last_word);
        f.label = f.colon && f.words <= LABEL_MAX_WORDS;
        f.interview = f.words >= INTERVIEW_MIN_WORDS && (rest.starts_with("Q: ") || rest.starts_with("A: "));
        // Few function words, and few capitalised ones: "Introducing Jane Doe chevron_left" is a
        // headline with an icon's name glued to it.
        f.code = (1..=CODE_MAX_WORDS).contains(&f.words)
            && f.stop_words * 4 <= f.words
            && f.capitalized * 2 <= f.words + 1
            && !f.byline
            && is_code(rest);
        // "Read more:" with a colon introduces a list of links, inside articles too.
        f.read_more = f.words <= READ_MORE_MAX_WORDS
            && !f.colon
            && READ_MORE.iter().any(|p| starts_with_ignore_ascii_case(rest, p));
        if f.phrase.is_none()
            && f.words <= CREDIT_MAX_WORDS
            && !f.terminal
            && !f.continues
            && ends_with_credit(rest)
        {
            f.phrase = Some(Phrase::Furniture);
        }
        let commenter = f.words <= 4 && COMMENTER_WORDS.iter().any(|w| last_word.eq_ignore_ascii_case(w));
        if (comment_count && f.words <= COMMENT_MAX_WORDS) || commenter {
            f.phrase = Some(Phrase::Comments);
        } else if f.phrase.is_none() && notice && f.words <= NOTICE_MAX_WORDS {
            f.phrase = Some(Phrase::Notice);
        }
        f
    }

    /// Prose: long enough, full of function words, and a sentence (or long, or very wordy). The
    /// second rule is for languages without English stop words: long lines, or mostly lowercase
    /// ones, that end like a sentence.
    fn is_prose(&self) -> bool {
        let w = self.words;
        let long_enough = self.terminal || w >= 15 || (w >= 10 && self.stop_words * 4 >= w);
        let wordy = w >= 6 && self.stop_words * 8 >= w && long_enough;
        let title_case = w < 15 && self.capitalized * 10 >= w * 7;
        (wordy && !title_case)
            || (self.terminal && (w >= 20 || (w >= 10 && self.is_sentence_like())))
            || self.interview
    }

    /// Mostly lowercase words: a sentence rather than a menu item or a Title Case headline,
    /// whatever the language. List items of the article look like this.
    fn is_sentence_like(&self) -> bool {
        self.words >= 8 && self.lowercase * 2 >= self.words
    }

    /// Short, Title Case, no lowercase content words, no sentence end: a menu item or link.
    fn is_menu_like(&self) -> bool {
        self.words <= 5 && !self.terminal && self.capitalized + self.stop_words >= self.words
    }

    /// Could be a headline: a few words, at most one sentence, not a list item, a menu or
    /// furniture.
    fn is_headline_like(&self) -> bool {
        (3..=30).contains(&self.words)
            && !self.code
            && self.inner_sentences == 0
            && self.separators < MENU_SEPARATORS
            && !self.bullet
            && !self.byline
            && self.phrase.is_none()
    }
}

/// What the first [`BYLINE_MAX_WORDS`] words of a line say about it being a byline, a dateline
/// or a comment count ("By Jane Doe", "Last updated June 2", "12 Comments"). Only short lines
/// can be any of these, so [`LineFeatures::of`] looks at their first words again rather than
/// tracking these cues over every word of every line.
#[derive(Default)]
struct LeadingWords {
    /// The first word is a byline start ("by", "published"), or the first two are "last
    /// updated" / "last modified".
    bylike: bool,
    /// "by" after the first word ("Story by Jane Doe").
    by_inside: bool,
    /// A month name or its beginning ("Jun", "Sept").
    month: bool,
    /// A word that starts with a digit.
    digit: bool,
    /// A number, then a word such as "comments".
    comment_count: bool,
}

impl LeadingWords {
    fn of(rest: &str) -> LeadingWords {
        let mut lead = LeadingWords::default();
        let mut starts_with_last = false;
        let mut starts_with_number = false;
        for (index, Word { text: word, .. }) in scan_words(rest).take(BYLINE_MAX_WORDS as usize).enumerate() {
            let letters = alphanumeric_core(word);
            let lower = Key::of_text(rest.as_bytes(), offset_in(rest, letters), letters.len());
            match index {
                0 => {
                    lead.bylike = BYLINE_STARTS.contains(&lower);
                    starts_with_last = lower == LAST;
                    starts_with_number = word.bytes().all(|b| b.is_ascii_digit());
                }
                1 => {
                    lead.comment_count = starts_with_number && COMMENT_COUNT_WORDS.contains(&lower);
                    lead.bylike |= starts_with_last && AFTER_LAST.contains(&lower);
                }
                _ => {}
            }
            lead.by_inside |= index > 0 && lower == BY;
            lead.month |= begins_a_month(lower);
            lead.digit |= letters.as_bytes().first().is_some_and(u8::is_ascii_digit);
        }
        lead
    }
}

/// Prose of at least this many words is not furniture even when it is repeated (a pull quote,
/// a teaser that repeats the first paragraph)...
const LONG_PROSE_WORDS: u32 = 20;
/// ... unless it is this long: no paragraph is, but a copy of the whole article kept for
/// machines (structured data, a hidden print or app version) is, and pages that carry one
/// often carry two.
const ARTICLE_COPY_WORDS: u32 = 300;

/// Sets `repeated` on the features of every block whose text occurs more than once.
fn mark_repeated<'a>(lines: &[Line<'a>], mut features: Vec<LineFeatures>) -> Vec<LineFeatures> {
    // Repetition: count lines by their text without bullet, so that a related-list item that
    // repeats a headline counts. Long prose is skipped (it is never furniture for being repeated,
    // and skipping it keeps the map small and the hashing cheap), except article copies, which
    // are only hashed when another one has the same length, so a text of one huge paragraph is
    // not hashed at all.
    let copy_lengths = {
        let mut lengths: FxHashMap<usize, u32> = FxHashMap::default();
        for (line, f) in lines.iter().zip(&features) {
            if f.words >= ARTICLE_COPY_WORDS {
                *lengths.entry(line.content.len()).or_insert(0) += 1;
            }
        }
        lengths
    };
    let key = |line: &Line<'a>, f: &LineFeatures| {
        let short = f.words > 0 && !(f.is_prose() && f.words >= LONG_PROSE_WORDS);
        let copy = f.words >= ARTICLE_COPY_WORDS && copy_lengths[&line.content.len()] > 1;
        (short || copy).then(|| strip_bullet(line.content).1)
    };
    let mut counts: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(lines.len(), Default::default());
    let mut previous: Option<&str> = None;
    for (line, f) in lines.iter().zip(features.iter_mut()) {
        if f.words == 0 {
            continue;
        }
        let k = key(line, f);
        f.echo = k.is_some() && k == previous && f.words < ARTICLE_COPY_WORDS;
        previous = k;
        if let Some(k) = k.filter(|_| !f.echo) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    for (line, f) in lines.iter().zip(features.iter_mut()) {
        f.repeated = !f.echo && key(line, f).is_some_and(|k| counts[k] > 1);
    }
    features
}

/// Whether the line starts with a bullet, and the line without it.
fn strip_bullet(content: &str) -> (bool, &str) {
    match content.strip_prefix(BULLETS) {
        Some(rest) if rest.starts_with(char::is_whitespace) => (true, rest.trim_start()),
        _ => (false, content),
    }
}

/// A wire credit after the last sentence of a paragraph: "... と指摘している。(c)AFP/Aminu
/// ABUBAKAR", "... said. ©AFP". The mark is followed at once by the agency's capital letter and
/// stands in the line's last [`WIRE_CREDIT_TAIL_BYTES`] bytes, right after a sentence end. The
/// paragraph before it is returned: it ends like a sentence, and the credit is no notice.
fn strip_wire_credit(s: &str) -> Option<&str> {
    // Fast path: no copyright mark near the end (most lines).
    let tail_start = s.len().saturating_sub(WIRE_CREDIT_TAIL_BYTES);
    let tail = &s.as_bytes()[tail_start..];
    if !tail.contains(&0xC2) && !tail.contains(&b'(') {
        return None;
    }
    let (at, mark) =
        ["(c)", "(C)", "©"].iter().filter_map(|m| s.rfind(m).map(|at| (at, *m))).max_by_key(|&(at, _)| at)?;
    let credit = &s[at + mark.len()..];
    let before = s[..at].trim_end();
    let credited = at >= tail_start
        && credit.starts_with(|c: char| c.is_ascii_uppercase())
        && !credit.contains(['.', '!', '?', '。'])
        && ends_sentence(before);
    credited.then_some(before)
}

/// How near the end of a line a wire credit stands: its last this many bytes.
const WIRE_CREDIT_TAIL_BYTES: usize = 40;

/// Ends with sentence punctuation, looking past closing quotes and brackets.
fn ends_sentence(s: &str) -> bool {
    // Fast path: most words end in a letter, and most others in ASCII punctuation that is not
    // trimmed below ("said," "end.").
    match s.as_bytes().last() {
        Some(b'"' | b'\'' | b')' | b']' | b'*') => {}
        Some(&last) if last.is_ascii() => return matches!(last, b'.' | b'!' | b'?'),
        _ => {}
    }
    let s = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*']);
    s.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// The words of a line: runs of bytes between ASCII whitespace and no-break spaces (U+00A0,
/// frequent in scraped text). Scans bytes, so the hot loop decodes no chars.
fn words(line: &str) -> impl Iterator<Item = &str> {
    scan_words(line).map(|w| w.text)
}

/// The words of a line (see [`words`]), each with whether it is ASCII, which the scan that
/// finds its end learns for free (so the word's bytes are not read again to find out).
fn scan_words(line: &str) -> Words<'_> {
    Words { line, pos: 0 }
}

/// One word of a line and whether all its bytes are ASCII.
#[derive(Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    ascii: bool,
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
struct Words<'a> {
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
fn is_plain(word: &str) -> bool {
    let b = word.as_bytes();
    b[0].is_ascii_alphanumeric() && b[b.len() - 1].is_ascii_alphanumeric()
}

/// The word without leading and trailing punctuation ("“Hello," -> "Hello").
fn alphanumeric_core(word: &str) -> &str {
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

/// How many words a whitespace-separated token is worth: 1, or for Chinese and Japanese, which
/// are written without spaces, one per two ideographs or kana, so that their paragraphs are as
/// long as English ones.
fn word_count(word: &str) -> u32 {
    if word.is_ascii() {
        return 1;
    }
    let cjk =
        word.chars().filter(|&c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}')).count();
    u32::try_from(cjk / 2).unwrap_or(u32::MAX).max(1)
}

/// Ends with "[…]", or with "..." or "…" right after a letter or digit (mid-word or mid-sentence).
fn is_truncated(s: &str) -> bool {
    if s.ends_with("[…]") || s.ends_with("[...]") {
        return true;
    }
    let before = s.strip_suffix("...").or_else(|| s.strip_suffix('…'));
    before.is_some_and(|b| b.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// A word that is only separator characters (see [`SEPARATORS`]).
fn is_separator(word: &str) -> bool {
    // Separators are one character; most words fail on their length or first byte.
    let ascii_letter = word.as_bytes()[0].is_ascii_alphanumeric();
    word.len() <= 3 && !ascii_letter && word.chars().all(|c| SEPARATORS.contains(&c))
}

/// "Japan's", "Korea’s": a possessive is followed by what it possesses.
fn is_possessive(word: &str) -> bool {
    word.len() > 2 && (word.ends_with("'s") || word.ends_with("’s"))
}

/// "U.S." and "Mr." end with a period but do not end a sentence.
fn is_abbreviation(letters: &str) -> bool {
    letters.len() <= 3 || letters.contains('.')
}

/// The byte offset of `inner`, a slice of `outer`, in `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p)
}

// ---------------------------------------------------------------------------------------------
// 3. Join fragments
// ---------------------------------------------------------------------------------------------

/// Whether line `next` goes on the sentence that line `previous` left unfinished, so that both
/// are pieces of one paragraph (a scraper that writes one text node per line cuts a paragraph at
/// every link, bold word and footnote mark). The line before must not end a sentence or
/// announce a list, and either it ends open or the next line starts like the rest of a
/// sentence. A label goes with the sentence after it. List items and known furniture phrases
/// stay lines of their own, and so does a byline unless the sentence before is cut off right
/// before it ("met on" / "June 2"): "by Jane Doe" after a headline starts lowercase but is no
/// part of it.
fn continues_line(previous: &LineFeatures, next: &LineFeatures) -> bool {
    let own_line = |f: &LineFeatures| {
        f.bullet || matches!(f.phrase, Some(Phrase::Furniture | Phrase::Comments | Phrase::Related))
    };
    let unfinished =
        !previous.terminal && !previous.colon && (previous.open_end || (next.continues && !next.byline));
    let labelled = previous.label && next.terminal && !next.byline;
    previous.words > 0 && next.words > 0 && (unfinished || labelled) && !own_line(previous) && !own_line(next)
}

/// Joins the lines that are fragments of one paragraph into blocks (see [`continues_line`]) and
/// computes the features of each block; a block of one line keeps that line's features. The
/// rest of the pipeline works on blocks, so a paragraph split by its links is judged as the
/// paragraph it is. Each line is scanned once for its own features and once more only if it
/// is joined, so this stays linear.
fn join_fragments<'a>(text: &'a str, mut lines: Vec<Line<'a>>) -> (Vec<Line<'a>>, Vec<LineFeatures>) {
    let offset = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let mut features: Vec<LineFeatures> = Vec::with_capacity(lines.len());
    // The blocks are built in place: `lines[..blocks]` are the blocks so far, the last one
    // possibly still growing (`joined`: it has more than one line, its features are stale).
    let mut blocks = 0;
    let mut previous = LineFeatures::default();
    let mut joined = false;
    for i in 0..lines.len() {
        let line = &lines[i];
        let f = LineFeatures::of(line.content);
        if blocks > 0 && continues_line(&previous, &f) {
            let (end, content_end) = (line.end, offset(line.content) + line.content.len());
            let block = &mut lines[blocks - 1];
            block.end = end;
            block.content = &text[offset(block.content)..content_end];
            joined = true;
        } else {
            if std::mem::take(&mut joined) {
                features[blocks - 1] = LineFeatures::of(lines[blocks - 1].content);
            }
            lines.swap(blocks, i);
            features.push(f);
            blocks += 1;
        }
        previous = f;
    }
    if joined {
        features[blocks - 1] = LineFeatures::of(lines[blocks - 1].content);
    }
    lines.truncate(blocks);
    (lines, features)
}

// ---------------------------------------------------------------------------------------------
// 4. Classify
// ---------------------------------------------------------------------------------------------

/// The coarse class of a line, before looking at its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Blank,
    /// Sentences: the stuff articles are made of.
    Prose,
    /// Any other text: headings, captions, bylines, menu items. Its neighbours decide.
    Short,
    /// Furniture wherever it is.
    Furniture,
}

/// A related-headlines list ends at the first line that is clearly a paragraph: this long and
/// ending like a sentence (headlines are shorter or lack the final period).
const RELATED_LIST_END_WORDS: u32 = 12;
/// Truncated lines up to this long are teasers of other articles.
const TEASER_MAX_WORDS: u32 = 60;

fn classify(features: &[LineFeatures]) -> Vec<Class> {
    let mut in_related_list = false;
    let mut classes: Vec<Class> = features
        .iter()
        .map(|f| {
            if f.words == 0 {
                return Class::Blank;
            }
            let prose = f.is_prose();
            if f.phrase == Some(Phrase::Related) {
                in_related_list = true;
                return Class::Furniture;
            }
            if in_related_list {
                if prose && f.terminal && f.words >= RELATED_LIST_END_WORDS {
                    in_related_list = false;
                } else {
                    return Class::Furniture;
                }
            }
            let furniture = matches!(f.phrase, Some(Phrase::Furniture | Phrase::Comments));
            let teaser = f.truncated && f.words <= TEASER_MAX_WORDS;
            if furniture || teaser || f.repeated || f.echo || (!prose && f.bullet && !f.is_sentence_like()) {
                Class::Furniture
            } else if prose {
                Class::Prose
            } else {
                Class::Short
            }
        })
        .collect();
    // A list of teasers of other articles: each paragraph is followed by the same "Read more"
    // link, or comes alone (no paragraph after it) right after a dateline that other teasers
    // share, under a headline or author line (not under a paragraph: a list of quotes, each
    // with its source and date, is part of an article). The article's first paragraph may come
    // after the same date as the teasers, but more paragraphs follow it.
    let mut before_last: Option<usize> = None;
    let mut last_content: Option<usize> = None;
    let mut dated_paragraph: Option<usize> = None;
    for (i, f) in features.iter().enumerate() {
        if f.words == 0 {
            continue;
        }
        if let Some(p) = dated_paragraph.take()
            && classes[i] != Class::Prose
        {
            classes[p] = Class::Furniture;
        }
        if let Some(j) = last_content {
            if f.read_more && f.repeated && classes[j] == Class::Prose {
                classes[j] = Class::Furniture;
            }
            let under_heading = before_last.is_none_or(|h| classes[h] != Class::Prose);
            if classes[i] == Class::Prose && features[j].byline && features[j].repeated && under_heading {
                dated_paragraph = Some(i);
            }
        }
        before_last = last_content;
        last_content = Some(i);
    }
    classes
}

// ---------------------------------------------------------------------------------------------
// 5. Find the body
// ---------------------------------------------------------------------------------------------

/// Extra cost of a furniture line, on top of its words, so that long menus of one-word items
/// weigh as much as they look.
const FURNITURE_COST: i64 = 3;
/// Extra cost of any short line (a heading, a caption): a teaser list (headline, author, one
/// paragraph, again and again) costs more than its paragraphs are worth, while an article's
/// subheadings are followed by several paragraphs.
const SHORT_COST: i64 = 10;
/// Extra cost of a menu-like short line.
const MENU_COST: i64 = 2;
/// Extra cost of the start of a comment: more than a typical reader comment is worth, so the
/// body never runs on into the comment section.
const COMMENTS_COST: i64 = 50;

/// How much a line pulls the body towards itself: prose adds its words (half of them without a
/// final period: paragraphs end like sentences, long footer and link lines often do not),
/// everything else takes its words away, calls to action too (so they are trimmed at the body's
/// edges).
fn weight(f: &LineFeatures, class: Class) -> i64 {
    let words = i64::from(f.words);
    match class {
        Class::Blank => 0,
        _ if f.echo || f.code => 0,
        Class::Prose if f.phrase == Some(Phrase::Notice) => -words,
        Class::Prose if !f.terminal => words / 2,
        Class::Prose => words,
        Class::Short if f.is_menu_like() => -words - MENU_COST - SHORT_COST,
        Class::Short => -words - SHORT_COST,
        Class::Furniture if f.phrase == Some(Phrase::Comments) => -words - COMMENTS_COST,
        Class::Furniture => -words - FURNITURE_COST,
    }
}

/// The run of lines with the largest total weight (Kadane), as a range of line indices. Empty
/// when no line has a positive weight.
fn body_span(features: &[LineFeatures], classes: &[Class]) -> std::ops::Range<usize> {
    let (mut best, mut best_sum) = (0..0, 0i64);
    let (mut start, mut sum) = (0, 0i64);
    for (i, (f, &class)) in features.iter().zip(classes).enumerate() {
        if sum <= 0 {
            start = i;
            sum = 0;
        }
        sum += weight(f, class);
        if sum > best_sum {
            best_sum = sum;
            best = start..i + 1;
        }
    }
    best
}

/// The byline ends the article's header: long lines without a sentence end above it, at the
/// start of the body, are a headline, a standfirst or a breadcrumb trail glued to the headline
/// ("Home News Business Ascom announces a strategic partnership with ..."), which weigh as
/// prose. So when a byline or dateline comes before the body's first sentence, the body starts
/// after it. A body without a sentence is left as it is.
fn starts_after_byline(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let sentence =
        |i: usize| classes[i] == Class::Prose && (features[i].terminal || features[i].inner_sentences > 0);
    let Some(first_sentence) = span.clone().find(|&i| sentence(i)) else {
        return span;
    };
    match (span.start..first_sentence).rev().find(|&i| features[i].byline && classes[i] != Class::Furniture) {
        Some(byline) => byline + 1..span.end,
        None => span,
    }
}

/// A text without a single line of prose (a post, a caption, a headline and two sentences) is
/// all body, page furniture aside: from its first sentence (the lines above it can still be a
/// title and byline), or from its first line if it has no sentence, to its last non-furniture
/// line.
fn short_text_body(features: &[LineFeatures], classes: &[Class]) -> std::ops::Range<usize> {
    let content = |i: &usize| matches!(classes[*i], Class::Short | Class::Prose);
    let Some(last) = (0..classes.len()).rev().find(content) else {
        return 0..0;
    };
    let first_sentence = (0..=last).find(|&i| content(&i) && features[i].terminal);
    let first = first_sentence.or_else(|| (0..=last).find(content)).unwrap_or(last);
    first..last + 1
}

/// A text that is one short line without sentence punctuation is a headline on its own (a
/// dataset of headlines, a title field passed as text).
fn lone_headline(features: &[LineFeatures], classes: &[Class]) -> Option<usize> {
    let mut content = (0..classes.len()).filter(|&i| classes[i] != Class::Blank);
    let only = content.next()?;
    let f = &features[only];
    let headline = content.next().is_none()
        && classes[only] != Class::Furniture
        && (1..=30).contains(&f.words)
        && !f.terminal
        && !f.bullet
        && f.phrase.is_none();
    headline.then_some(only)
}

/// A body that ends announcing a list ("The tour dates:") goes on over the list of short lines
/// after it (dates, scores, names), up to the next furniture.
fn extend_over_list(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let non_blank = |i: &usize| classes[*i] != Class::Blank;
    let Some(last) = span.clone().rev().find(non_blank) else {
        return span;
    };
    let Some(next) = (span.end..classes.len()).find(non_blank) else {
        return span;
    };
    let announced = features[last].colon || (classes[next] == Class::Short && features[next].colon);
    if !announced {
        return span;
    }
    let end = (next..classes.len()).find(|&i| classes[i] == Class::Furniture).unwrap_or(classes.len());
    span.start..end
}

// ---------------------------------------------------------------------------------------------
// 6. Smooth
// ---------------------------------------------------------------------------------------------

/// This many short lines in a row (blank lines aside) are a block of furniture, not headings.
const SHORT_RUN: usize = 3;

/// Decides the lines inside the body span: prose is body, furniture is boilerplate, short lines
/// are body when they are isolated between prose (subheadings) and boilerplate in runs, unless
/// they are sentences (items of a list in the article) or a list announced by a colon.
fn smooth(
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    let mut i = span.start;
    while i < span.end {
        match classes[i] {
            Class::Prose => kinds[i] = ZoneKind::Body,
            Class::Short | Class::Furniture => {
                // The run of non-prose lines starting here, blank lines and sentences skipped.
                let mut end = i;
                let mut count = 0;
                while end < span.end && classes[end] != Class::Prose {
                    let f = &features[end];
                    let short = classes[end] != Class::Blank && !f.is_sentence_like() && !f.code;
                    count += usize::from(short);
                    end += 1;
                }
                let announced = (span.start..i)
                    .rev()
                    .find(|&j| classes[j] != Class::Blank)
                    .is_some_and(|j| features[j].colon)
                    || features[i].colon;
                for j in i..end {
                    let sentence = features[j].is_sentence_like() || features[j].code;
                    if classes[j] == Class::Short && (count < SHORT_RUN || sentence || announced) {
                        kinds[j] = ZoneKind::Body;
                    }
                }
                i = end;
                continue;
            }
            Class::Blank => {}
        }
        i += 1;
    }
}

/// A trailing notice has at most this many words.
const TRAILING_NOTICE_MAX_WORDS: u32 = 60;

/// Phrases (lowercase) of the notices sites append to every article: copyright and reprint
/// notices, calls to follow, subscribe, sign up, download the app, write in, advertise.
#[rustfmt::skip]
const TRAILING_NOTICES: &[&str] = &[
    "©", "copyright", "all rights reserved", "without permission", "written permission",
    "without prior permission", "follow us", "follow him", "follow her", "follow them",
    "find us on", "join us on", "like us on", "connect with us", "subscribe now",
    "subscribe today", "subscribe here", "subscribe to our", "subscribe to the", "sign up here",
    "sign up now", "sign up today", "sign up for our", "sign up to our", "by signing up",
    "newsletter",
    "your inbox", "unsubscribe", "download the", "download our", "get the app", "letters@",
    "letter to the editor", "tell us what you think", "we want to hear", "have a tip",
    "have a news tip", "send us your", "click here", "contact us at", "email us at",
    "reach us at", "can be reached at", "may be reached at", "advertise with",
];

/// What an author's bio says the author is ("Jane Doe is a senior writer for ...").
#[rustfmt::skip]
const BIO_ROLES: &[&str] = &[
    "writer", "reporter", "editor", "correspondent", "columnist", "journalist", "professor",
    "author", "contributor", "founder", "director", "fellow", "analyst", "consultant",
    "producer", "researcher", "freelance", "lecturer", "scientist", "student", "blogger",
];

/// An author's bio: a name (one to four capitalised words), "is a/an/the", and a role, in one
/// short paragraph.
fn is_author_bio(content: &str, lower: &str) -> bool {
    let mut words = content.split_whitespace();
    let mut name = 0;
    let verb = loop {
        match words.next() {
            Some(w) if name < 4 && w.starts_with(char::is_uppercase) => name += 1,
            Some(w) if name > 0 && w == "is" => break words.next(),
            _ => return false,
        }
    };
    matches!(verb, Some("a" | "an" | "the")) && BIO_ROLES.iter().any(|r| lower.contains(r))
}

/// An "About ..." box at the end of the body (the author, the company of a press release) has
/// at most this many lines under its heading.
const ABOUT_BOX_LINES: usize = 4;

/// The heading of an "About" box: "About", "About Jane Doe", "About the author", "About us",
/// "Über ...", "Sobre ...", "À propos ...": the word and then a name, not "About the study".
fn is_about_heading(f: &LineFeatures, content: &str) -> bool {
    if f.words > 5 || f.terminal || f.bullet {
        return false;
    }
    ["About", "Über", "Sobre", "À propos", "Acerca de"].iter().any(|&word| {
        content.strip_prefix(word).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', ':']);
            rest.is_empty()
                || rest.starts_with(char::is_uppercase)
                || ["the author", "me", "us", "den autor", "mich", "uns", "l'auteur", "o autor"]
                    .iter()
                    .any(|n| starts_with_ignore_ascii_case(rest, n) && rest.len() <= n.len() + 1)
        })
    })
}

/// Walking back from the end of the body: copyright and reprint notices, calls to follow or
/// subscribe, and the author's bio are boilerplate, up to the first line that is none of these
/// (so an article that quotes such a sentence keeps it); so is an "About ..." box of a few
/// lines (see [`is_about_heading`]). Only the last lines are looked at.
fn trim_trailing_notices(
    lines: &[Line<'_>],
    features: &[LineFeatures],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    // Body lines above the trimmed end that are no notice: an "About" box, if a heading comes.
    let mut pending: Vec<usize> = Vec::new();
    for i in span.rev() {
        let f = &features[i];
        if f.words == 0 || kinds[i] != ZoneKind::Body {
            continue;
        }
        let content = lines[i].content;
        if is_about_heading(f, content) {
            for j in pending.drain(..).chain([i]) {
                kinds[j] = ZoneKind::Boilerplate;
            }
            continue;
        }
        if pending.is_empty() && f.words <= TRAILING_NOTICE_MAX_WORDS {
            // A paragraph that ends with a wire credit ("... said. ©AFP") is no notice.
            let lower = strip_wire_credit(content).unwrap_or(content).to_lowercase();
            if TRAILING_NOTICES.iter().any(|n| lower.contains(n)) || is_author_bio(content, &lower) {
                kinds[i] = ZoneKind::Boilerplate;
                continue;
            }
        }
        pending.push(i);
        if pending.len() > ABOUT_BOX_LINES {
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Title and byline
// ---------------------------------------------------------------------------------------------

/// How many non-blank lines above the body are searched for the headline.
const TITLE_LOOKBACK: usize = 12;
/// The body's first this many words are compared with the headline candidates.
const BODY_VOCABULARY_WORDS: usize = 200;
/// A headline shares at least this many content words with the body.
const TITLE_MIN_SHARED: usize = 2;
/// Only words of at least this many bytes are compared: content words, not "the" or "of".
const CONTENT_WORD_MIN_LEN: usize = 4;

/// Finds the title above the body and marks it, and the byline lines between it and the body.
/// When the body starts at the first line of the text, that line is the title if it looks like a
/// headline and prose follows it (a clean article whose headline reads like a sentence).
fn title_and_byline(
    lines: &[Line<'_>],
    features: &[LineFeatures],
    classes: &[Class],
    span: std::ops::Range<usize>,
    kinds: &mut [ZoneKind],
) {
    if span.is_empty() {
        return;
    }
    // The span may start with lines that smoothing left out (a share bar, a byline box that
    // weighed as prose): the header is what is above the first body line.
    let start = span.clone().find(|&i| kinds[i] == ZoneKind::Body).unwrap_or(span.start);
    // Candidates are the headline-shaped lines above the body, furniture or not: a headline may
    // be repeated (in a related list, in the breadcrumbs) or follow a "Trending" menu that made
    // everything up to the first paragraph a related list; only a teaser cut off with "..." is
    // no headline (menus, share bars and bullets are not headline-shaped). The headline is about
    // what the article is about, so it shares content words with the article's first
    // paragraphs, and photo credits, datelines, site names and navigation links share none: the
    // candidates that share at least `TITLE_MIN_SHARED` words win. Then a line without a final
    // period (captions and standfirsts are sentences, a headline may ask or exclaim), then the
    // most shared words, then the nearest.
    let mut candidates = Vec::with_capacity(TITLE_LOOKBACK);
    let mut searched_from = start;
    for i in (0..start).rev().filter(|&i| classes[i] != Class::Blank).take(TITLE_LOOKBACK) {
        searched_from = i;
        if features[i].is_headline_like() && !features[i].truncated {
            candidates.push(i);
        }
    }
    let shared_counts = shared_with_body(lines, kinds, span.clone(), &candidates);
    let mut best: Option<(usize, (bool, bool, usize))> = None;
    for (&i, &shared) in candidates.iter().zip(&shared_counts) {
        let period = lines[i].content.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with('.');
        let rank = (shared >= TITLE_MIN_SHARED, !period, shared);
        if best.is_none_or(|(_, r)| rank > r) {
            best = Some((i, rank));
        }
    }
    let mut title = best.map(|(i, _)| i);
    // The plain-text convention: the text's first line, a blank line, then the body. A short
    // headline ("Breaking news") is still a headline there.
    let first_line = (0..start).find(|&i| classes[i] != Class::Blank);
    if title.is_none()
        && let Some(first) = first_line
        && (first + 1..start).all(|i| classes[i] == Class::Blank)
        && first + 1 < start
    {
        let f = &features[first];
        let menu = f.separators >= MENU_SEPARATORS;
        if (1..=30).contains(&f.words) && !f.terminal && !f.bullet && f.phrase.is_none() && !f.byline && !menu
        {
            title = Some(first);
        }
    }
    if let Some(t) = title {
        kinds[t] = ZoneKind::Title;
    } else {
        let mut non_blank = (0..span.end).filter(|&i| classes[i] != Class::Blank);
        if let (Some(first), Some(next)) = (non_blank.next(), non_blank.next())
            && first >= start
            && features[first].is_headline_like()
            && classes[next] == Class::Prose
        {
            kinds[first] = ZoneKind::Title;
            return;
        }
    }
    let byline_from = title.map_or(searched_from, |t| t + 1);
    // Dates shared with teasers and furniture phrases are no byline.
    for i in byline_from..start {
        if features[i].byline && !features[i].repeated && features[i].phrase.is_none() {
            kinds[i] = ZoneKind::Byline;
        }
    }
}

/// For each of the `candidates` (at most [`TITLE_LOOKBACK`] lines), how many distinct content
/// words (see [`CONTENT_WORD_MIN_LEN`]) it shares with the first [`BODY_VOCABULARY_WORDS`] words
/// of the body, compared lowercase.
///
/// The candidates' words are few and the body's many, so the set is made of the candidates'
/// words (each with a bit per candidate that has it) and the body's words are looked up in it,
/// each found word counted once for its candidates; with no candidate words the body is not
/// read at all. The candidates' words are written one after the other into one string and the
/// set holds slices of it, so that no word is allocated on its own.
fn shared_with_body(
    lines: &[Line<'_>],
    kinds: &[ZoneKind],
    span: std::ops::Range<usize>,
    candidates: &[usize],
) -> [usize; TITLE_LOOKBACK] {
    let mut shared = [0; TITLE_LOOKBACK];
    let mut lowercase = String::new();
    let mut ends: Vec<(usize, u16)> = Vec::new();
    for (bit, &i) in candidates.iter().enumerate() {
        for word in words(lines[i].content) {
            if push_content_word(&mut lowercase, word) {
                ends.push((lowercase.len(), 1 << bit));
            }
        }
    }
    if ends.is_empty() {
        return shared;
    }
    // Each candidate word, with the candidates that have it (cleared once found in the body).
    let mut title_words: FxHashMap<&str, u16> = FxHashMap::default();
    let mut filter = WordFilter::default();
    let mut from = 0;
    for &(end, bit) in &ends {
        let word = &lowercase[from..end];
        filter.insert(word.as_bytes());
        *title_words.entry(word).or_default() |= bit;
        from = end;
    }
    let body_words = span.filter(|&i| kinds[i] == ZoneKind::Body).flat_map(|i| scan_words(lines[i].content));
    let mut word_buffer = String::new();
    for Word { text: word, ascii } in body_words.take(BODY_VOCABULARY_WORDS) {
        let core = alphanumeric_core(word);
        // An ASCII word lowercases byte by byte, so the filter can rule it out before that.
        if core.len() < CONTENT_WORD_MIN_LEN || (ascii && !filter.may_hold_ascii_lowercase(core.as_bytes())) {
            continue;
        }
        word_buffer.clear();
        push_lowercase(&mut word_buffer, core);
        if let Some(bits) = title_words.get_mut(word_buffer.as_str()) {
            let mut bits = std::mem::take(bits);
            while bits != 0 {
                shared[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    }
    shared
}

/// Appends the word lowercased without surrounding punctuation, if it is long enough to be a
/// content word, and tells whether it did.
fn push_content_word(buffer: &mut String, word: &str) -> bool {
    let core = alphanumeric_core(word);
    if core.len() < CONTENT_WORD_MIN_LEN {
        return false;
    }
    push_lowercase(buffer, core);
    true
}

/// Appends `core` lowercased.
fn push_lowercase(buffer: &mut String, core: &str) {
    if core.is_ascii() {
        let start = buffer.len();
        buffer.push_str(core);
        buffer[start..].make_ascii_lowercase();
    } else {
        buffer.push_str(&core.to_lowercase());
    }
}

/// A 256-bit set of the (length, first byte, last byte) of some lowercase words: a word whose
/// triple is not in it is none of them. It rules out most body words of the title search
/// before they are lowercased and hashed.
#[derive(Default)]
struct WordFilter([u64; 4]);

impl WordFilter {
    /// The bit of a word's triple.
    fn slot(len: usize, first: u8, last: u8) -> usize {
        (len.wrapping_mul(0x45) ^ usize::from(first).wrapping_mul(0x0B) ^ usize::from(last)) & 0xFF
    }

    /// Adds a (lowercase, non-empty) word.
    fn insert(&mut self, word: &[u8]) {
        let slot = Self::slot(word.len(), word[0], word[word.len() - 1]);
        self.0[slot >> 6] |= 1 << (slot & 63);
    }

    /// Whether the ASCII `word` (non-empty), once lowercased, may be one of the words added.
    fn may_hold_ascii_lowercase(&self, word: &[u8]) -> bool {
        let (first, last) = (word[0].to_ascii_lowercase(), word[word.len() - 1].to_ascii_lowercase());
        let slot = Self::slot(word.len(), first, last);
        self.0[slot >> 6] & (1 << (slot & 63)) != 0
    }
}

// ---------------------------------------------------------------------------------------------
// 8. Merge
// ---------------------------------------------------------------------------------------------

/// Blank lines take the kind of the nearest non-blank line before them (after them at the start
/// of the text), so they never split a zone.
fn fill_blanks(classes: &[Class], kinds: &mut [ZoneKind]) {
    let first = classes.iter().position(|&c| c != Class::Blank);
    let mut current = first.map_or(ZoneKind::Boilerplate, |i| kinds[i]);
    for (kind, &class) in kinds.iter_mut().zip(classes) {
        if class == Class::Blank {
            *kind = current;
        } else {
            current = *kind;
        }
    }
}

/// Merges consecutive lines of the same kind into zones.
fn merge(lines: &[Line<'_>], kinds: &[ZoneKind]) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    for (line, &kind) in lines.iter().zip(kinds) {
        match zones.last_mut() {
            Some(zone) if zone.kind == kind => zone.end = line.end,
            _ => zones.push(Zone { kind, start: line.start, end: line.end }),
        }
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../tests/data/zones/000_efcd41e9a7eb89e8.txt");
    const SEED_003: &str = include_str!("../tests/data/zones/003_836afd67f5dc4781.txt");

    /// The kind of every line whose trimmed text is `line` (each occurrence).
    fn kinds_of(text: &str, line: &str) -> Vec<ZoneKind> {
        let decisions = classify_lines(text);
        let found: Vec<ZoneKind> =
            decisions.iter().filter(|d| text[d.start..d.end].trim() == line).map(|d| d.kind).collect();
        assert!(!found.is_empty(), "line not found: {line:?}");
        found
    }

    fn kinds_of_prefix(text: &str, prefix: &str) -> Vec<ZoneKind> {
        let decisions = classify_lines(text);
        let found: Vec<ZoneKind> = decisions
            .iter()
            .filter(|d| text[d.start..d.end].trim().starts_with(prefix))
            .map(|d| d.kind)
            .collect();
        assert!(!found.is_empty(), "line not found: {prefix:?}");
        found
    }

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
    fn short_texts_without_prose_are_body() {
        let kinds = |text: &str| detect_zones(text).iter().map(|z| z.kind).collect::<Vec<_>>();
        assert_eq!(kinds("A game-changer, they say."), [ZoneKind::Body]);
        assert_eq!(kinds("The council met, said Smith."), [ZoneKind::Body]);
        assert_eq!(
            kinds("Headline\r\n\r\nA calm day.\r\nThen a terrifying storm.\r\n"),
            [ZoneKind::Title, ZoneKind::Body]
        );
        assert_eq!(
            kinds("Terrifying news\n\nA terrifying invasion is near. This proves the plan failed.\n"),
            [ZoneKind::Title, ZoneKind::Body]
        );
        assert_eq!(kinds("You Won't Believe What This Dog Did Next"), [ZoneKind::Title]);
        assert_eq!(kinds("\n  Breaking news  \n\n"), [ZoneKind::Title]);
    }

    fn assert_all(text: &str, line: &str, kind: ZoneKind) {
        for k in kinds_of(text, line) {
            assert_eq!(k, kind, "{line:?}");
        }
    }

    fn check_invariants(text: &str) {
        let zones = detect_zones(text);
        if text.is_empty() {
            assert!(zones.is_empty());
            return;
        }
        assert_eq!(zones[0].start, 0, "{text:?}");
        assert_eq!(zones.last().unwrap().end, text.len());
        for z in &zones {
            assert!(z.start < z.end, "empty zone {z:?}");
            assert!(text.is_char_boundary(z.start) && text.is_char_boundary(z.end));
        }
        for pair in zones.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert_ne!(pair[0].kind, pair[1].kind);
        }
    }

    #[test]
    fn seed_003_furniture_is_boilerplate() {
        let t = SEED_003;
        for line in [
            "TFIGlobal",
            "No Result",
            "View All Result",
            "• Indo-Pacific",
            "• The Caribbean",
            "Share on FacebookShare on X",
            "Also Read",
            "How US vs Russia, China clash is damaging global cybersecurity?",
            "IMF and the West once again come out in support of terrorism, give Pakistan $2.4 bn aid",
            "Why U.S. Should Not Sell Its Military Technology to Pakistan?",
            "Tags: Joe BidenRussiaShort takesUSAVladimir Putin",
            "ShareTweetSend",
            "Germany Declares Immigration Emergency: Merz’s Policy Shift Sparks EU Tension",
            "Fico and Orban join up to take on EU over Ukraine",
            "May 1, 2025",
            "Youtube Twitter Facebook",
            "• About Us",
            "• Privacy Policy",
            "©2025 - TFI MEDIA PRIVATE LIMITED",
            "Welcome Back!",
            "Login to your account below",
            "Forgotten Password?",
            "Retrieve your password",
            "Please enter your username or email address to reset your password.",
            "Log In",
            "Add New Playlist",
        ] {
            assert_all(t, line, ZoneKind::Boilerplate);
        }
    }

    #[test]
    fn seed_003_title_byline_body() {
        let t = SEED_003;
        assert_eq!(kinds_of_prefix(t, "After Biden threatened to grill Putin"), [ZoneKind::Title]);
        assert_all(t, "Sohil Sinha by Sohil Sinha", ZoneKind::Byline);
        let date = kinds_of(t, "June 2, 2021");
        assert!(date == [ZoneKind::Byline] || date == [ZoneKind::Body], "{date:?}");

        // Every paragraph from the first to the last is body, quotes included.
        let decisions = classify_lines(t);
        let line_of = |prefix: &str| decisions.iter().position(|d| t[d.start..].starts_with(prefix)).unwrap();
        let first = line_of("Following President Joe Biden’s statement");
        let last = line_of("President Joe Biden and his Democratic government");
        assert!(t[decisions[last].start..decisions[last].end].contains("throws at them."));
        let also_read = line_of("Also Read");
        let resume = line_of("“We are ready to talk");
        for (i, d) in decisions.iter().enumerate().take(last + 1).skip(first) {
            let line = t[d.start..d.end].trim();
            if line.is_empty() || (also_read..resume).contains(&i) {
                continue;
            }
            assert_eq!(d.kind, ZoneKind::Body, "{line:?}");
        }
    }

    #[test]
    fn seed_000() {
        let t = SEED_000;
        assert_eq!(
            kinds_of(t, "The United States of America and Russia meeting maybe under pressure."),
            [ZoneKind::Title]
        );
        assert_eq!(kinds_of_prefix(t, "• The United States of America"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(t, "• Lifting sanctions"), [ZoneKind::Boilerplate]);
        for prefix in [
            "[Alles Europa News] ; While Russia",
            "With vast hacking",
            "On his campaign podium",
            "But since then",
            "“We have said very clearly",
            "However, he considered",
        ] {
            assert_eq!(kinds_of_prefix(t, prefix), [ZoneKind::Body], "{prefix:?}");
        }
        for prefix in ["For those of you who have indicated", "Don`t copy text!"] {
            assert_ne!(kinds_of_prefix(t, prefix), [ZoneKind::Title], "{prefix:?}");
        }
    }

    #[test]
    fn clean_article_is_title_and_body() {
        let t = "Council approves new budget for city schools\n\n\
                 The city council voted on Tuesday to approve a budget that gives more money to \
                 the schools in the north of the city.\n\n\
                 It is the first time in a decade that the budget has grown, and the mayor said \
                 that the vote was a victory for the families of the city.\n";
        let zones = detect_zones(t);
        let kinds: Vec<ZoneKind> = zones.iter().map(|z| z.kind).collect();
        assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Body]);
        assert_eq!(t[zones[0].start..zones[0].end].trim(), "Council approves new budget for city schools");
        check_invariants(t);
    }

    const PARAGRAPH_1: &str = "The city council voted on Tuesday to approve a budget that gives more \
                               money to the schools in the north of the city.";
    const PARAGRAPH_2: &str = "It is the first time in a decade that the school budget has grown, and \
                               the mayor said that the vote was a victory for the families.";

    #[test]
    fn menu_line_next_to_the_headline_is_not_the_title() {
        let headline = "Council approves new budget for city schools";
        for t in [
            format!("Home | World | Business | Share\n{headline}\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
            format!("{headline}\nHome | World | Business | Share\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
            format!("Home | World | Share\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"),
        ] {
            let decisions = classify_lines(&t);
            for d in &decisions {
                let line = t[d.start..d.end].trim();
                if line.starts_with("Home") {
                    assert_eq!(d.kind, ZoneKind::Boilerplate, "{t:?}");
                }
                if line == headline {
                    assert_eq!(d.kind, ZoneKind::Title, "{t:?}");
                }
            }
            check_invariants(&t);
        }
    }

    #[test]
    fn the_title_is_the_headline_about_the_body_not_a_credit() {
        let t = format!(
            "Council approves new budget for city schools\nBy Jane Doe\nJohn Roe | Example Images\n\n\
             {PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"
        );
        assert_eq!(kinds_of(&t, "Council approves new budget for city schools"), [ZoneKind::Title]);
        assert_eq!(kinds_of(&t, "By Jane Doe"), [ZoneKind::Byline]);
        assert_eq!(kinds_of(&t, "John Roe | Example Images"), [ZoneKind::Boilerplate]);
    }

    #[test]
    fn a_trending_menu_does_not_hide_the_headline() {
        // "Trending" starts a related list, which runs on to the first paragraph; the headline
        // and byline inside it are still found.
        let t = format!(
            "Trending\n  • Climate\n  • Space\nCouncil approves new budget for city schools\n\
             By Jane Doe - 11/19/19 06:56 AM EST\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n"
        );
        assert_eq!(kinds_of(&t, "Council approves new budget for city schools"), [ZoneKind::Title]);
        assert_eq!(kinds_of(&t, "By Jane Doe - 11/19/19 06:56 AM EST"), [ZoneKind::Byline]);
        assert_eq!(kinds_of(&t, "• Space"), [ZoneKind::Boilerplate]);
    }

    #[test]
    fn paragraph_fragments_split_at_links_are_one_block() {
        // One text node per line: the links "Los Angeles Times" and "the mayor" cut the
        // paragraphs; the pieces are judged together, as the paragraphs they are.
        let t = "Home\nWorld\nSport\nCouncil approves new budget for city schools\nby Jane Doe\n\
                 The city council voted on Tuesday to approve a budget, according to the\n\
                 Los Angeles Times\n\
                 . It gives more money to the schools in the north of the city.\n\
                 It is the first time in a decade that the budget has grown, and\n\
                 the mayor\n\
                 said that the vote was a victory for the families of the city.\n\
                 Share this:\nFacebook\nTwitter\n";
        let decisions = classify_lines(t);
        let kind = |line: &str| decisions.iter().find(|d| t[d.start..d.end].trim() == line).unwrap().kind;
        for line in [
            "Los Angeles Times",
            "the mayor",
            ". It gives more money to the schools in the north of the city.",
        ] {
            assert_eq!(kind(line), ZoneKind::Body, "{line:?}");
        }
        assert!(decisions.iter().filter(|d| d.joined).count() == 4);
        assert_eq!(kind("Council approves new budget for city schools"), ZoneKind::Title);
        assert_eq!(kind("by Jane Doe"), ZoneKind::Byline);
        for line in ["Home", "Sport", "Share this:", "Twitter"] {
            assert_eq!(kind(line), ZoneKind::Boilerplate, "{line:?}");
        }
        check_invariants(t);
    }

    #[test]
    fn copies_of_the_whole_article_are_boilerplate() {
        let article = format!("{PARAGRAPH_1} {PARAGRAPH_2} ").repeat(12);
        let copy = article.trim();
        let paragraphs = format!("{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n").repeat(12);
        let t = format!("Council approves new budget for city schools\n\n{paragraphs}{copy}\n{copy}\n");
        assert_eq!(kinds_of(&t, copy), [ZoneKind::Boilerplate, ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body; 12]);
        // Once, it is the article, written as one line.
        let once = format!("Council approves new budget for city schools\n\n{copy}\n");
        assert_eq!(kinds_of(&once, copy), [ZoneKind::Body]);
    }

    #[test]
    fn teasers_that_end_with_the_same_read_more_link_are_not_body() {
        let teaser = |n: u32| {
            format!(
                "Story {n} headline here\nBy Jane Doe\nThe council said on Monday that the new \
                 rules would apply to all of the schools in the city, and that the money would \
                 be paid out in the spring, number {n}.\nRead More\n"
            )
        };
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             {PARAGRAPH_1}\n\n{}{}{}",
            teaser(1),
            teaser(2),
            teaser(3)
        );
        assert_eq!(kinds_of_prefix(&t, "The council said on Monday"), [ZoneKind::Boilerplate; 3]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);

        // "Read more:" introduces links inside the article; the paragraph before it stays.
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\nRead more:\n\n\
             Mayor opens the new bridge\n\n{PARAGRAPH_2}\n\nRead more:\n\nSchools get new rules\n\n\
             {PARAGRAPH_1}\n"
        );
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
    }

    #[test]
    fn lone_paragraphs_after_a_shared_dateline_are_teasers() {
        let teaser = |n: u32| {
            format!(
                "Story {n} headline here\nJane Doe\nTuesday November 19, 2019\nThe council said \
                 on Monday that the new rules would apply to all of the schools in the city, and \
                 that the money would be paid out in the spring, number {n}.\n"
            )
        };
        // The article has the teasers' date too, but more than one paragraph after it.
        let t = format!(
            "Council approves new budget for city schools\nTuesday November 19, 2019\n\
             {PARAGRAPH_1}\n{PARAGRAPH_2}\n{PARAGRAPH_1}\nElsewhere on the site\n{}{}{}",
            teaser(1),
            teaser(2),
            teaser(3)
        );
        assert_eq!(kinds_of_prefix(&t, "The council said on Monday"), [ZoneKind::Boilerplate; 3]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
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

    #[test]
    fn word_lists_fit_their_lookups() {
        let all = || STOP_WORDS.iter().chain(OTHER_STOP_WORDS);
        assert!(all().all(|w| w.len() <= STOP_WORD_MAX_LEN && STOP_WORD_MAX_LEN < 8));
        assert!(all().all(|w| w.iter().all(u8::is_ascii_lowercase)));
        for w in all() {
            assert!(is_stop_word(w));
        }
        for w in [&b""[..], b"th", b"them\0", b"thee", b"x", b"abou"] {
            assert!(!is_stop_word(w), "{w:?}");
        }
        assert!(NOTICE_WORDS.iter().all(|w| w.len() >= 6));
        assert!(
            OPEN_WORDS.iter().all(|w| w.len() <= OPEN_WORD_MAX_LEN && w.as_bytes()[0].is_ascii_lowercase())
        );
        // Keys match listed words in any case, and nothing else.
        let listed = ["by", "the", "september", "newsletter", "a", ""];
        #[rustfmt::skip]
        let words = [
            "By", "BY", "by", "THE", "tHe", "September", "NEWSLETTER", "A", "a", "", "b", "bY\0", "@",
            "`", "b\u{19}", "b\u{59}", "the\u{a0}", "thé", "newsletters", "sEPTEMBE",
        ];
        for word in words {
            for text in [word.to_string(), format!("{word} and more than sixteen bytes")] {
                let key = Key::of_text(text.as_bytes(), 0, word.len());
                for l in listed {
                    assert_eq!(key == Key::of(l.as_bytes()), word.to_lowercase() == l, "{word:?} {l:?}");
                }
            }
        }
        let by_definition = |w: &[u8]| w.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(w));
        for w in
            [&b"jan"[..], b"sept", b"june", b"julys", b"ma", b"mayor", b"decem", b"december", b"xyz", b""]
        {
            assert_eq!(begins_a_month(Key::of(w)), by_definition(w), "{w:?}");
        }
    }

    #[test]
    fn continuation_cues() {
        let f = LineFeatures::of;
        assert!(continues_line(&f("according to the"), &f("Los Angeles Times")));
        assert!(continues_line(&f("Los Angeles Times"), &f(". It gives more money.")));
        assert!(continues_line(&f("Japan's"), &f("Nikkei 225")));
        assert!(continues_line(&f("Prof. Carlos:"), &f("I am here with Eugene, who is at home here.")));
        assert!(continues_line(&f("Kindle for PC"), &f("に関する話。")));
        assert!(continues_line(&f("Alien"), &f("(pictured) and")));
        // A sentence that ends, a menu, a byline after a headline, a list, furniture: no.
        assert!(!continues_line(&f("The vote was a victory."), &f("and then")));
        assert!(!continues_line(&f("Home"), &f("World")));
        assert!(!continues_line(&f("Council approves new budget"), &f("by Jane Doe")));
        assert!(!continues_line(&f("Tour dates:"), &f("June 9 -- Tampa, FL")));
        assert!(!continues_line(&f("• one"), &f("• two")));
        assert!(!continues_line(&f("the story of"), &f("Share on Facebook")));
        assert!(!continues_line(&f("Mark Esper, left, and Ngo Xuan Lich shake"), &f("... more")));
    }

    #[test]
    fn linked_headlines_and_photo_credits_are_furniture() {
        for line in [
            "Related: Alaska Airlines delays full Oneworld membership to early 2021",
            "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense",
            "À lire aussi » Ballonnements, lourdeurs... Quel est votre profil digestif ?",
            "WeWork chairman Marcelo Claure (Credit: Getty Images)",
            "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com",
            "Photograph by Ed Marshall, Redonda Restoration Programme",
            "A cross-section through the module, showing the crew quarters. Credit: ESA",
        ] {
            assert_eq!(LineFeatures::of(line).phrase, Some(Phrase::Furniture), "{line:?}");
        }
        for line in ["Lesen Sie auch", "Baca juga", "Leia também"] {
            assert_eq!(LineFeatures::of(line).phrase, Some(Phrase::Related), "{line:?}");
        }
        for line in [
            "Related coverage of the vote will follow on Tuesday, the council said in a statement.",
            "The photos were taken by a photographer who works for Getty Images.",
            // The end of a caption cut at a link: it joins the caption, which is then furniture.
            ", may one day become an enabler of deep space travel. Credit: 20th Century Fox",
        ] {
            assert_eq!(LineFeatures::of(line).phrase, None, "{line:?}");
        }
    }

    #[test]
    fn code_blocks_inside_the_article_are_body() {
        // A tutorial: code blocks between paragraphs, each shown twice (once for the copy
        // button).
        let code = [
            "my_ggp <- ggplot(data, aes(x = Groups, y = Probability))",
            "my_ggp + theme(text = element_text(size = 20))",
            "if (x == null) { return; }",
            "storage._wrapped = empty",
        ];
        let blocks = code.map(|l| format!("{l}\n\n{l}\n\n")).concat();
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{blocks}\
             {PARAGRAPH_2}\n\n{PARAGRAPH_1}\n"
        );
        for line in code {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body, ZoneKind::Boilerplate], "{line:?}");
        }
        assert_eq!(kinds_of(&t, PARAGRAPH_2), [ZoneKind::Body]);
        for line in code {
            assert!(LineFeatures::of(line).code, "{line:?}");
        }
        for line in [
            "Home > News > World",
            "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
            "___",
            "[button link=\"http://example.com/\" type=\"big\"]",
            "Read it at https://example.com/?id=3",
            "E = mc2 is the most famous equation of all, and it is the one that the physicist gave us",
        ] {
            assert!(!LineFeatures::of(line).code, "{line:?}");
        }
    }

    #[test]
    fn trailing_notices_and_the_authors_bio_are_not_body() {
        let bio = "Jane Doe is a senior writer for the Example Times, where she covers the city.";
        let quoted = "John Roe is a writer too, and he said that the schools had waited for years.";
        let notices = [
            "Subscribe now to our print edition for the full story.",
            "© 2024 Example Media. All rights reserved.",
        ];
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{quoted}\n\n\
             {PARAGRAPH_2}\n\n{PARAGRAPH_1}\n\n{bio}\n\n{}\n\n{}\n",
            notices[0], notices[1]
        );
        // The bio at the end goes; the like of it inside the article stays.
        assert_eq!(kinds_of(&t, bio), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, quoted), [ZoneKind::Body]);
        for line in notices {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Boilerplate], "{line:?}");
        }
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        // An article that ends on a sentence about signing up for something keeps it.
        let last = "If you just want the film service, you can sign up for a free trial of seven \
                    days, and pay each month after that.";
        let t = format!("Council approves new budget\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{last}\n");
        assert_eq!(kinds_of(&t, last), [ZoneKind::Body]);
    }

    #[test]
    fn an_about_box_at_the_end_is_not_body() {
        let about = "Example Systems is a global provider of software for schools and city councils, \
                     with offices in ten countries.";
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             {PARAGRAPH_1}\n\nAbout Example Systems\n\n{about}\n"
        );
        assert_eq!(kinds_of(&t, "About Example Systems"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, about), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
        // A subheading about something else is the article's.
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n\
             About the study\n\n{PARAGRAPH_1}\n"
        );
        assert_eq!(kinds_of(&t, "About the study"), [ZoneKind::Body]);
        assert_eq!(kinds_of(&t, PARAGRAPH_1), [ZoneKind::Body; 2]);
    }

    #[test]
    fn interview_questions_and_answers_are_body() {
        let qa = ["Q: Favourite childhood memory?", "A: A trip to the sea", "Q: Favourite books?", "A: Dune"];
        let t = format!(
            "Council approves new budget for city schools\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n\n{}\n\n\
             {PARAGRAPH_1}\n",
            qa.join("\n\n")
        );
        for line in &qa[..3] {
            assert_eq!(kinds_of(&t, line), [ZoneKind::Body], "{line:?}");
        }
    }

    #[test]
    fn prose_in_other_languages_has_stop_words() {
        for line in [
            "Car oui, avec ses 200 millions de neurones, l'intestin serait notre second cerveau selon certains scientifiques",
            "Tras una semana de acoso a la prensa, el presidente de la Asamblea exige a los periodistas que",
            "In nicht mehr ganz zwei Wochen findet das Politcamp in Berlin statt, und wir sind auch dabei",
        ] {
            let f = LineFeatures::of(line);
            assert!(f.stop_words * 8 >= f.words && f.is_prose(), "{line:?}: {f:?}");
        }
    }

    #[test]
    fn byline_and_date_shapes() {
        for line in [
            "by Jane Doe",
            "Sohil Sinha by Sohil Sinha",
            "By JANE DOE and JOHN ROE",
            "June 2, 2021",
            "Published 3 May 2024 10:00 BST",
            "Last updated 3 hours ago",
        ] {
            assert!(LineFeatures::of(line).byline, "{line:?}");
        }
        for line in [
            "The bill was passed by the Senate in June after a long debate.",
            "Home prices fell in June",
            "Stand by me, said the king",
            "last month",
        ] {
            assert!(!LineFeatures::of(line).byline, "{line:?}");
        }
    }

    #[test]
    fn comments_and_teasers_are_not_body() {
        let paragraph = "The council said on Monday that the new rules would apply to all of the \
                         schools in the city, and that the money would be paid out in the spring.";
        let t = format!(
            "Council sets new school rules\n\n{paragraph}\n\n{paragraph}\n\n3 Comments\n\n\
             joe says:\n\nI think that this is a good idea and that the council is right to do \
             it, but it is late.\n\nMayor opens the new bridge over the river and the rail...\n"
        );
        assert_eq!(kinds_of(&t, "3 Comments"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "I think that this"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "Mayor opens"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of(&t, paragraph), [ZoneKind::Body, ZoneKind::Body]);
    }

    #[test]
    fn a_wire_credit_after_the_last_sentence_keeps_the_paragraph() {
        for line in [
            "政府は繰り返し主張しているが、アナリストは「攻撃を行う意図を維持している」と指摘している。(c)AFP/Aminu ABUBAKAR",
            "The talks will resume in Geneva next week, the ministry said. ©AFP",
        ] {
            assert!(LineFeatures::of(line).terminal, "{line:?}");
        }
        for line in ["Copyright (c) Yonhap News Agency", "© 2024 Example Media", "Photo (c) Jane Doe."] {
            assert!(strip_wire_credit(line).is_none(), "{line:?}");
        }
        let paragraph = "The council said on Monday that the new rules would apply to all of the \
                         schools in the city, and that the money would be paid out in the spring.";
        let last = "The mayor said the plan would be ready by the end of the year, aides said. ©AFP";
        let t = format!("Council sets new school rules\n\n{paragraph}\n\n{paragraph}\n\n{last}\n");
        assert_eq!(kinds_of(&t, last), [ZoneKind::Body]);
    }

    #[test]
    fn spanish_comment_sections_are_not_body() {
        let paragraph = "El juez señala en el auto que hay indicios claros de que la sociedad pudo \
                         haber cometido delitos fiscales y de blanqueo de capitales en los años.";
        let t = format!(
            "El juez imputa a la infanta\n\n{paragraph}\n\n{paragraph}\n\nComentar\n\n\
             Recuerde que usted es responsable de todo lo que escribe y que se revelarán sus \
             datos a las autoridades públicas si se lo piden.\n"
        );
        assert_eq!(kinds_of(&t, "Comentar"), [ZoneKind::Boilerplate]);
        assert_eq!(kinds_of_prefix(&t, "Recuerde que"), [ZoneKind::Boilerplate]);
        assert_eq!(LineFeatures::of("12 comentarios").phrase, Some(Phrase::Comments));
    }

    #[test]
    fn invariants_hold_on_tricky_inputs() {
        let long_line = "word and the of ".repeat(65_536);
        let mut inputs: Vec<String> = [
            "",
            " ",
            "   \t  ",
            "\n",
            "\n\n\n\n",
            "\r\n\r\n",
            "no newline at all",
            "Title\r\n\r\nThe body of the article is here and it is long enough to be prose.\r\n",
            "é",
            "Ünïcödé héadline — ça va\n\n日本語の文章です。これは本文です。\n",
            "• a\n• b\n• c\n",
            "Share on Facebook\nShare on Facebook\n",
            "by Jane Doe\nJune 2, 2021\n",
            "x\ny\n",
            "\u{a0}\n\u{2028}\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push(long_line.clone());
        inputs.push(format!("Headline here\n{long_line}\nfooter"));
        inputs.push(SEED_000.replace('\n', "\r\n"));
        inputs.push(SEED_003.to_string());
        inputs.push(SEED_003.replace("\n\n", "\n"));
        // Every word on its own line, as a scraper that writes each text node and each link on
        // a line of its own would: most lines join.
        inputs.push(SEED_003.split_whitespace().collect::<Vec<_>>().join("\n"));
        inputs.push("and the\n".repeat(10_000));
        inputs.push("A\n, the\n".repeat(1_000) + "end.");
        for input in &inputs {
            check_invariants(input);
            // Every prefix ending on a char boundary, for the short inputs.
            if input.len() < 200 {
                for (i, _) in input.char_indices() {
                    check_invariants(&input[..i]);
                }
            }
        }
    }
}
