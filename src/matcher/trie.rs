//! The phrase trie: every key (phrase, exception, trigger literal) in one byte trie, folded to
//! ASCII lower case, laid out breadth-first so that a state's children are consecutive states
//! and their edge bytes one short run of bytes. It is only ever walked anchored, from a start
//! position until it dies, so it needs no failure links: a step is one state read and a short
//! scan of its children's bytes. A bit table of the keys' first two bytes ends most walks
//! before any state is read. (Aho-Corasick's contiguous NFA, walked the same way, took
//! about three times as long per step: 880 KB of states for 6,600 keys, and a state-kind
//! dispatch on every byte.)

/// No key ends at a state.
const NO_KEY: u32 = u32::MAX;
/// The root has no child for a byte.
const NO_STATE: u32 = u32::MAX;

/// ASCII upper case to lower case; every other byte as it is.
static FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

#[derive(Clone, Copy, Debug)]
struct State {
    /// The state of its first child; the others follow it.
    first_child: u32,
    /// The key that ends here, or [`NO_KEY`].
    key: u32,
    children: u32,
}

/// Keys in a trie, matched ASCII case-insensitively.
#[derive(Debug)]
pub struct Trie {
    /// The root's child for each (folded) byte: the first step of every walk, without a scan.
    root: Box<[u32; 256]>,
    states: Vec<State>,
    /// The byte on the edge into each state (children of a state are consecutive, so their
    /// bytes are too).
    edge: Vec<u8>,
    /// Bit `a * 256 + b` (bytes folded): some key starts with `a b`, or is `a`. Most walks end
    /// within two bytes; this 8 KB table ends them without touching the states.
    pairs: Box<[u64; 1024]>,
    /// For each word of `pairs`, the bits set in the words before it: a set bit's rank, its
    /// index in `after_pair`, is this plus the set bits below it in its word.
    pair_rank: Box<[u32; 1024]>,
    /// For each set bit of `pairs`, in order: the state after its two bytes (or [`NO_STATE`]
    /// when only a one-byte key set the bit). A walk that passes the table goes there
    /// directly, without reading the first byte's state or scanning its many children.
    after_pair: Vec<u32>,
    /// For each (folded) byte, the key that is that byte alone, or [`NO_KEY`].
    one_byte_key: Box<[u32; 256]>,
}

impl Trie {
    /// The trie of `keys` (key `i` is reported as `i`). Keys that differ only in ASCII case are
    /// one key: the first of them is reported.
    pub fn new(keys: &[String]) -> Self {
        // A plain trie first: per state, its children as sorted (byte, state).
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut key_at: Vec<u32> = vec![NO_KEY];
        for (index, key) in keys.iter().enumerate() {
            let mut state = 0;
            for &byte in key.as_bytes() {
                let byte = FOLD[usize::from(byte)];
                state = match children[state].binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => children[state][i].1,
                    Err(i) => {
                        children.push(Vec::new());
                        key_at.push(NO_KEY);
                        let child = children.len() - 1;
                        children[state].insert(i, (byte, child));
                        child
                    }
                };
            }
            if state != 0 && key_at[state] == NO_KEY {
                key_at[state] = u32::try_from(index).expect("fewer than 2^32 keys");
            }
        }
        // Breadth-first renumbering: the children of a state get consecutive numbers.
        let mut order = vec![0usize]; // new number -> old state
        let mut new_of = vec![0u32; children.len()];
        let mut next = 0;
        while next < order.len() {
            let old = order[next];
            for &(_, child) in &children[old] {
                new_of[child] = u32::try_from(order.len()).expect("fewer than 2^32 states");
                order.push(child);
            }
            next += 1;
        }
        let mut states = Vec::with_capacity(order.len());
        let mut edge = vec![0u8; order.len()];
        for &old in &order {
            let first_child = children[old].first().map_or(0, |&(_, child)| new_of[child]);
            for &(byte, child) in &children[old] {
                edge[new_of[child] as usize] = byte;
            }
            let count = u32::try_from(children[old].len()).expect("at most 256 children");
            states.push(State { first_child, key: key_at[old], children: count });
        }
        // The pairs are the root's children and grandchildren; a key of one byte passes any
        // second byte.
        let mut pairs = Box::new([0u64; 1024]);
        for &(a, child) in &children[0] {
            if key_at[child] != NO_KEY {
                (0..=255).for_each(|b| set_pair(&mut pairs, a, b));
            }
            for &(b, _) in &children[child] {
                set_pair(&mut pairs, a, b);
            }
        }
        let mut root = Box::new([NO_STATE; 256]);
        let mut one_byte_key = Box::new([NO_KEY; 256]);
        for &(byte, child) in &children[0] {
            root[usize::from(byte)] = new_of[child];
            // An ASCII letter's upper case leads to the same state.
            root[usize::from(byte.to_ascii_uppercase())] = new_of[child];
            one_byte_key[usize::from(byte)] = key_at[child];
        }
        let mut pair_rank = Box::new([0u32; 1024]);
        let mut set_before = 0;
        for (rank, word) in pair_rank.iter_mut().zip(pairs.iter()) {
            *rank = set_before;
            set_before += word.count_ones();
        }
        let mut after_pair = vec![NO_STATE; set_before as usize];
        for &(a, child) in &children[0] {
            for &(b, grandchild) in &children[child] {
                after_pair[pair_index(&pairs, &pair_rank, a, b).expect("the pair is set")] =
                    new_of[grandchild];
            }
        }
        Trie { root, states, edge, pairs, pair_rank, after_pair, one_byte_key }
    }

    /// Calls `hit(key, end)` for every key that `bytes[at..]` starts with, shortest first.
    #[inline]
    pub fn walk(&self, bytes: &[u8], at: usize, mut hit: impl FnMut(usize, usize)) {
        let Some(&first) = bytes.get(at) else { return };
        let (mut state, mut end) = match bytes.get(at + 1) {
            Some(&second) => {
                let first = FOLD[usize::from(first)];
                let Some(index) = pair_index(&self.pairs, &self.pair_rank, first, FOLD[usize::from(second)])
                else {
                    return;
                };
                let one_byte_key = self.one_byte_key[usize::from(first)];
                if one_byte_key != NO_KEY {
                    hit(one_byte_key as usize, at + 1);
                }
                (self.after_pair[index], at + 2)
            }
            None => (self.root[usize::from(first)], at + 1),
        };
        while state != NO_STATE {
            let s = self.states[state as usize];
            if s.key != NO_KEY {
                hit(s.key as usize, end);
            }
            let Some(&byte) = bytes.get(end) else { return };
            if s.children == 0 {
                return;
            }
            let byte = FOLD[usize::from(byte)];
            let first = s.first_child as usize;
            let edges = &self.edge[first..first + s.children as usize];
            state = match edges.iter().position(|&e| e == byte) {
                Some(i) => (first + i) as u32,
                None => NO_STATE,
            };
            end += 1;
        }
    }

    /// Bytes of memory the trie takes (about 500 KB for the default rules).
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        std::mem::size_of_val(&*self.root)
            + self.states.len() * std::mem::size_of::<State>()
            + self.edge.len()
            + std::mem::size_of_val(&*self.pairs)
            + std::mem::size_of_val(&*self.pair_rank)
            + self.after_pair.len() * std::mem::size_of::<u32>()
            + std::mem::size_of_val(&*self.one_byte_key)
    }
}

fn set_pair(pairs: &mut [u64; 1024], a: u8, b: u8) {
    let bit = usize::from(a) << 8 | usize::from(b);
    pairs[bit / 64] |= 1 << (bit % 64);
}

/// The rank of bit `a b` among the set bits of `pairs`, if it is set.
#[inline]
fn pair_index(pairs: &[u64; 1024], pair_rank: &[u32; 1024], a: u8, b: u8) -> Option<usize> {
    let bit = usize::from(a) << 8 | usize::from(b);
    let word = pairs[bit / 64];
    let below = word & ((1u64 << (bit % 64)) - 1);
    (word & (1 << (bit % 64)) != 0).then(|| pair_rank[bit / 64] as usize + below.count_ones() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(trie: &Trie, text: &str, at: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        trie.walk(text.as_bytes(), at, |key, end| found.push((key, end)));
        found
    }

    #[test]
    fn finds_every_key_at_the_start_shortest_first_ignoring_ascii_case() {
        let keys: Vec<String> =
            ["the", "the truth", "THE TRUTH IS", "truth", "é", "Ét"].map(String::from).into();
        let trie = Trie::new(&keys);
        assert_eq!(hits(&trie, "The Truth is out", 0), [(0, 3), (1, 9), (2, 12)]);
        assert_eq!(hits(&trie, "The Truth is out", 4), [(3, 9)]);
        assert_eq!(hits(&trie, "theory", 0), [(0, 3)], "the walk does not check word ends");
        assert_eq!(hits(&trie, "x the", 0), []);
        assert_eq!(hits(&trie, "the", 3), []);
        // Only ASCII folds: "É" is not "é".
        assert_eq!(hits(&trie, "été", 0), [(4, 2)]);
        assert_eq!(hits(&trie, "Été", 0), [(5, 3)]);
    }

    #[test]
    fn one_byte_keys_and_keys_at_the_end_pass_the_pair_table() {
        let keys: Vec<String> = ["!", "ab", "abc"].map(String::from).into();
        let trie = Trie::new(&keys);
        assert_eq!(hits(&trie, "!x", 0), [(0, 1)]);
        assert_eq!(hits(&trie, "!", 0), [(0, 1)]);
        assert_eq!(hits(&trie, "xAB", 1), [(1, 3)]);
        assert_eq!(hits(&trie, "aBc", 0), [(1, 2), (2, 3)]);
        assert_eq!(hits(&trie, "ac", 0), []);
        assert_eq!(hits(&trie, "a", 0), []);
    }

    proptest::proptest! {
        /// The walk reports exactly the keys the text starts with at `at`, ignoring ASCII case,
        /// shortest first (each set of keys differing only in case reports its first).
        #[test]
        fn walks_find_the_keys_a_position_starts_with(
            keys in proptest::collection::vec("[abAB!é]{1,4}", 1..12),
            text in "[abAB!xé]{0,8}",
        ) {
            let trie = Trie::new(&keys);
            for at in 0..=text.len() {
                let mut expected: Vec<(usize, usize)> = Vec::new();
                for (index, key) in keys.iter().enumerate() {
                    let end = at + key.len();
                    let first = keys.iter().position(|k| k.eq_ignore_ascii_case(key)) == Some(index);
                    if first && text.as_bytes().get(at..end).is_some_and(|t| t.eq_ignore_ascii_case(key.as_bytes())) {
                        expected.push((index, end));
                    }
                }
                expected.sort_by_key(|&(_, end)| end);
                proptest::prop_assert_eq!(hits(&trie, &text, at), expected, "at {}", at);
            }
        }
    }

    #[test]
    fn keys_that_differ_in_case_are_one_key_and_empty_keys_are_none() {
        let keys: Vec<String> = ["Said", "said", ""].map(String::from).into();
        let trie = Trie::new(&keys);
        assert_eq!(hits(&trie, "SAID", 0), [(0, 4)]);
        assert_eq!(hits(&trie, "", 0), []);
        assert!(trie.memory_usage() > 0);
    }
}
