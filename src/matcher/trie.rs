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
    /// bytes are too), then [`EDGE_PADDING`] zero bytes.
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
    ///
    /// Built from the keys sorted (folded), breadth-first: a state's keys are then one run of
    /// the sorted keys, and its children's keys consecutive runs inside it, in the order of
    /// their bytes, so each state is made once, in its final place, without a list of
    /// children per state (which cost a third of the matcher's start-up in allocations).
    pub fn new(keys: &[String]) -> Self {
        // Equal folded keys sort by index: the first of them is the one reported.
        let mut sorted: Vec<(Vec<u8>, u32)> = keys
            .iter()
            .enumerate()
            .filter(|(_, key)| !key.is_empty())
            .map(|(index, key)| {
                let folded = key.bytes().map(|b| FOLD[usize::from(b)]).collect();
                (folded, u32::try_from(index).expect("fewer than 2^32 keys"))
            })
            .collect();
        sorted.sort_unstable();
        // For each state, in breadth-first order: its run of `sorted` and its depth (the
        // bytes its keys share). The children of a state are pushed as it is reached.
        let mut runs: Vec<(std::ops::Range<usize>, usize)> = vec![(0..sorted.len(), 0)];
        let mut states = Vec::new();
        let mut edge = vec![0u8]; // the root has no edge into it
        while states.len() < runs.len() {
            let (run, depth) = runs[states.len()].clone();
            // Keys that end here sort first in their run (they are a prefix of the others).
            let mut i = run.start;
            let key = match sorted.get(i) {
                Some((key, index)) if i < run.end && key.len() == depth => *index,
                _ => NO_KEY,
            };
            while i < run.end && sorted[i].0.len() == depth {
                i += 1;
            }
            let first_child = runs.len();
            while i < run.end {
                let byte = sorted[i].0[depth];
                let child_start = i;
                while i < run.end && sorted[i].0[depth] == byte {
                    i += 1;
                }
                runs.push((child_start..i, depth + 1));
                edge.push(byte);
            }
            let children = runs.len() - first_child;
            let first_child = if children == 0 { 0 } else { first_child };
            states.push(State {
                first_child: u32::try_from(first_child).expect("fewer than 2^32 states"),
                key,
                children: u32::try_from(children).expect("at most 256 children"),
            });
        }
        let children_of = |state: usize| {
            let s = states[state];
            s.first_child as usize..(s.first_child + s.children) as usize
        };
        // The pairs are the root's children and grandchildren; a key of one byte passes any
        // second byte.
        let mut pairs = Box::new([0u64; 1024]);
        for child in children_of(0) {
            let a = edge[child];
            if states[child].key != NO_KEY {
                (0..=255).for_each(|b| set_pair(&mut pairs, a, b));
            }
            for grandchild in children_of(child) {
                set_pair(&mut pairs, a, edge[grandchild]);
            }
        }
        let mut root = Box::new([NO_STATE; 256]);
        let mut one_byte_key = Box::new([NO_KEY; 256]);
        for child in children_of(0) {
            let byte = edge[child];
            let state = u32::try_from(child).expect("fewer than 2^32 states");
            root[usize::from(byte)] = state;
            // An ASCII letter's upper case leads to the same state.
            root[usize::from(byte.to_ascii_uppercase())] = state;
            one_byte_key[usize::from(byte)] = states[child].key;
        }
        let mut pair_rank = Box::new([0u32; 1024]);
        let mut set_before = 0;
        for (rank, word) in pair_rank.iter_mut().zip(pairs.iter()) {
            *rank = set_before;
            set_before += word.count_ones();
        }
        let mut after_pair = vec![NO_STATE; set_before as usize];
        for child in children_of(0) {
            for grandchild in children_of(child) {
                after_pair[pair_index(&pairs, &pair_rank, edge[child], edge[grandchild])
                    .expect("the pair is set")] = u32::try_from(grandchild).expect("fewer than 2^32 states");
            }
        }
        edge.extend([0; EDGE_PADDING]);
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
            let first = s.first_child as usize;
            state = match child_index(&self.edge, first, s.children as usize, FOLD[usize::from(byte)]) {
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

/// Bytes of padding after the last edge, so that [`child_index`] can always read eight.
const EDGE_PADDING: usize = 8;

/// The index (among the `children` edges from `first`) of the edge labelled `byte`, if any.
/// Eight edges are compared at once, as the bytes of one `u64` (the edges of a state are
/// consecutive), so that a state with many children, such as the one after "th", costs no
/// loop of one hard-to-predict branch per child.
#[inline]
fn child_index(edge: &[u8], first: usize, children: usize, byte: u8) -> Option<usize> {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGHS: u64 = ONES * 0x80;
    let mut i = 0;
    while i < children {
        let chunk = edge.get(first + i..first + i + 8)?;
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes")) ^ (ONES * u64::from(byte));
        // The lowest byte flagged here is the first byte of `x` that is zero, that is the
        // first edge equal to `byte` (a borrow can flag bytes above a zero byte, never below).
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            let index = i + (zero.trailing_zeros() / 8) as usize;
            return (index < children).then_some(index);
        }
        i += 8;
    }
    None
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
    fn child_index_finds_each_edge_of_a_run_and_nothing_past_it() {
        // A run of 20 edges from index 3, between other bytes, then the padding.
        let run: Vec<u8> = (b'a'..b'a' + 20).collect();
        let mut edge = vec![b'x', b'a', b'b'];
        edge.extend(&run);
        edge.extend([b'u', b'v', b'w']);
        edge.extend([0; EDGE_PADDING]);
        for (i, &byte) in run.iter().enumerate() {
            assert_eq!(child_index(&edge, 3, 20, byte), Some(i));
        }
        assert_eq!(child_index(&edge, 3, 20, b'v'), None, "an edge after the run");
        assert_eq!(child_index(&edge, 3, 5, b'f'), None, "an edge past the state's children");
        assert_eq!(child_index(&edge, 3, 0, b'a'), None);
        let end = edge.len() - EDGE_PADDING;
        assert_eq!(child_index(&edge, end - 3, 3, 0), None, "the padding is no edge");
        assert_eq!(child_index(&edge, end - 3, 3, b'w'), Some(2));
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
