//! Step 2, per-line features: [`LineFeatures`] and everything it is computed from (the word
//! lists, the stop-word table, [`Key`], the phrase table).

use super::words::{
    Word, alphanumeric_core, is_abbreviation, is_plain, is_possessive, offset_in, scan_words,
    starts_with_ignore_ascii_case, word_count,
};

// ---------------------------------------------------------------------------------------------
// 2. Per-line features
// ---------------------------------------------------------------------------------------------

/// Everything the classifier knows about one line. All cues are computed here
/// ([`LineFeatures::of`]) and nowhere else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineFeatures {
    /// Whitespace-separated words (two letters of a script written without spaces count as
    /// one, see [`crate::unspaced`]), not counting a leading bullet. Prose lines are long.
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
/// the empty word, which is in no list (and is also the default key).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// "12 Comments", "34 responses to “...”", "5 thoughts on “...”" (WordPress's default heading):
/// a count followed by one of these words.
const COMMENT_COUNT_WORDS: &[Key] = &Key::all(&[
    b"comment",
    b"comments",
    b"responses",
    b"replies",
    b"thoughts",
    b"comentario",
    b"comentarios",
]);
/// "There are 13 comments", "Showing 5 comments": words that may stand before the count.
const BEFORE_COMMENT_COUNT: &[Key] = &Key::all(&[b"there", b"are", b"is", b"showing", b"view", b"all"]);
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

/// [`PHRASES`] grouped by their first byte, in their order within each group, as (order,
/// starts): the phrases that start with byte `b` are `PHRASES[order[k]]` for `k` in
/// `starts[b]..starts[b + 1]`. Two phrases with different first bytes never both
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
pub(super) const MENU_SEPARATORS: u32 = 2;

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
/// period, are capitalised or long) are no candidate and skip the list (every open word is
/// lowercase letters, so it starts and ends with one).
fn is_open_word(word: &str) -> bool {
    word.len() <= OPEN_WORD_MAX_LEN
        && word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && word.as_bytes().last().is_some_and(u8::is_ascii_lowercase)
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
    /// text) in one scan of its words (short lines' byline cues come from the first words' keys
    /// that the scan keeps: see `LeadingWords`).
    pub fn of(content: &str) -> LineFeatures {
        let (bullet, rest) = strip_bullet(content);
        let mut f = LineFeatures { bullet, ..LineFeatures::default() };
        f.terminal = ends_sentence(rest) || strip_wire_credit(rest).is_some();
        f.truncated = is_truncated(rest);
        f.colon = rest.ends_with(':');

        let mut notice = false;
        let mut previous_ends_sentence = false;
        let mut last_word = "";
        let mut first_words = FirstWords::default();
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
            // The word's key, made only when a listed word may match it: one of the first words
            // (byline cues), a word as short as a stop word, or a possible notice word. Most
            // longer words are none of these.
            let len = letters.len();
            let first_words_left = index < BYLINE_MAX_WORDS as usize;
            let stop_word_length = len <= STOP_WORD_MAX_LEN;
            let notice_length = index < NOTICE_MAX_WORDS as usize
                && len >= 6
                && NOTICE_FIRST_BYTES & (1 << (first_byte & 31)) != 0;
            if first_words_left || stop_word_length || notice_length {
                let lower = Key::of_text(rest.as_bytes(), offset_in(rest, letters), len);
                if first_words_left {
                    first_words.push(word, first_byte, lower);
                }
                f.stop_words += u32::from(stop_word_length && is_stop_key(lower.packed()));
                notice |= notice_length && NOTICE_WORDS.contains(&lower);
            }
            f.words += if ascii { 1 } else { word_count(word) };
            f.separators += u32::from(!plain && is_separator(word));
        }

        // Only short lines can be bylines or comment counts: their first words, as the scan kept them.
        let mut comment_count = false;
        if f.words <= BYLINE_MAX_WORDS.max(COMMENT_MAX_WORDS) {
            let lead = LeadingWords::of(&first_words);
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
                // The second byte first: most lines of a large group ("The ..." against the
                // phrases that start with "t") differ there. Every phrase has two bytes or more.
                let second = |s: &str| s.as_bytes().get(1).map(u8::to_ascii_lowercase);
                if second(rest) != second(phrase) || !starts_with_ignore_ascii_case(rest, phrase) {
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
    pub(super) fn is_prose(&self) -> bool {
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
    pub(super) fn is_sentence_like(&self) -> bool {
        self.words >= 8 && self.lowercase * 2 >= self.words
    }

    /// Short, Title Case, no lowercase content words, no sentence end: a menu item or link.
    pub(super) fn is_menu_like(&self) -> bool {
        self.words <= 5 && !self.terminal && self.capitalized + self.stop_words >= self.words
    }

    /// A line that can stand on its own as a headline: 1 to 30 words without sentence
    /// punctuation at the end, not a list item, a byline, a menu or a furniture phrase (the
    /// first line of a plain-text article, or a text that is only a headline).
    pub(super) fn is_bare_headline(&self) -> bool {
        (1..=30).contains(&self.words)
            && !self.terminal
            && !self.bullet
            && self.phrase.is_none()
            && !self.byline
            && self.separators < MENU_SEPARATORS
    }

    /// Could be a headline: a few words, at most one sentence, not a list item, a menu or
    /// furniture.
    pub(super) fn is_headline_like(&self) -> bool {
        (3..=30).contains(&self.words)
            && !self.code
            && self.inner_sentences == 0
            && self.separators < MENU_SEPARATORS
            && !self.bullet
            && !self.byline
            && self.phrase.is_none()
    }
}

/// What [`LineFeatures::of`]'s scan keeps of a line's first [`BYLINE_MAX_WORDS`] words for
/// [`LeadingWords`]: their keys, which are numbers, and whether one starts with a digit. Keeping
/// them costs a store or two per word; looking at short lines' first words again cost a second
/// scan of those words (their ends, cores and keys).
#[derive(Default)]
struct FirstWords {
    keys: [Key; BYLINE_MAX_WORDS as usize],
    len: usize,
    /// A word whose core starts with a digit.
    digit: bool,
    /// Bit `i`: word `i` is digits only ("12", not "12th" or "1,200").
    numbers: u16,
}

impl FirstWords {
    /// Adds the next word (one of the first [`BYLINE_MAX_WORDS`]), the first byte of its core
    /// (0 if it has none) and its key.
    fn push(&mut self, word: &str, core_first_byte: u8, key: Key) {
        self.keys[self.len] = key;
        if core_first_byte.is_ascii_digit() && word.bytes().all(|b| b.is_ascii_digit()) {
            self.numbers |= 1 << self.len;
        }
        self.len += 1;
        self.digit |= core_first_byte.is_ascii_digit();
    }
}

/// What the first [`BYLINE_MAX_WORDS`] words of a line say about it being a byline, a dateline
/// or a comment count ("By Jane Doe", "Last updated June 2", "12 Comments"). Only short lines
/// can be any of these, so [`LineFeatures::of`] works these cues out only for them, from the
/// first words' keys that its scan kept ([`FirstWords`]), rather than tracking them over every
/// word of every line.
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
    fn of(first: &FirstWords) -> LeadingWords {
        let keys = &first.keys[..first.len];
        // A line of fewer words reads `Key::NONE` for the missing ones, which is in no list.
        let [first_key, second_key, ..] = first.keys;
        LeadingWords {
            bylike: BYLINE_STARTS.contains(&first_key)
                || (first_key == LAST && AFTER_LAST.contains(&second_key)),
            by_inside: keys.iter().skip(1).any(|&k| k == BY),
            month: keys.iter().any(|&k| begins_a_month(k)),
            digit: first.digit,
            // "12 Comments": a word of digits only, first or after "there are" and the like.
            comment_count: (0..keys.len().saturating_sub(1)).any(|i| {
                first.numbers & (1 << i) != 0
                    && COMMENT_COUNT_WORDS.contains(&keys[i + 1])
                    && keys[..i].iter().all(|k| BEFORE_COMMENT_COUNT.contains(k))
            }),
        }
    }
}

/// Whether the line starts with a bullet, and the line without it.
pub(super) fn strip_bullet(content: &str) -> (bool, &str) {
    match content.strip_prefix(BULLETS) {
        Some(rest) if rest.starts_with(char::is_whitespace) => (true, rest.trim_start()),
        _ => (false, content),
    }
}

/// A wire credit after the last sentence of a paragraph: "... と指摘している。(c)AFP/Aminu
/// ABUBAKAR", "... said. ©AFP". The mark is followed at once by the agency's capital letter and
/// stands in the line's last [`WIRE_CREDIT_TAIL_BYTES`] bytes, right after a sentence end. The
/// paragraph before it is returned: it ends like a sentence, and the credit is no notice.
pub(super) fn strip_wire_credit(s: &str) -> Option<&str> {
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

/// What ends a sentence: the Latin script's marks, the CJK full-width ones, and the full stops
/// of scripts with their own (Myanmar "။", Devanagari and Bengali "।" "॥", Urdu "۔", Arabic
/// "؟", Armenian "։", Ethiopic "።"). A paragraph in those scripts ends like a sentence too.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…', '。', '！', '？', '။', '।', '॥', '۔', '؟', '։', '።'];

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
    s.ends_with(SENTENCE_ENDS)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(PHRASES.iter().all(|(phrase, ..)| phrase.len() >= 2));
        assert!(
            OPEN_WORDS
                .iter()
                .all(|w| w.len() <= OPEN_WORD_MAX_LEN && w.bytes().all(|b| b.is_ascii_lowercase()))
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
}
