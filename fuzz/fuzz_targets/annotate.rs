//! Any bytes as a plain-text article through the whole pipeline with the built-in rules; the
//! analysis must hold its invariants (see `check_analysis`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::input::{Article, decode};
use newslint_fuzz::{ENGINE, check_analysis};

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data.to_vec()) else { return };
    let analysis = ENGINE.analyze(Article { text: decoded.text, ..Default::default() });
    check_analysis(&analysis);
});
