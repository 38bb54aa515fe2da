//! Any bytes through the input stream as a `.jsonl` file when they start with `{`, else as a
//! `.csv` file (the record parsers are private): reading may skip lines and records, never
//! panic; every article it yields has text.
#![no_main]

use std::io::Write;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newslint::input::{Event, Inputs};

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("a temp folder"));

fuzz_target!(|data: &[u8]| {
    let path = DIR.path().join(if data.first() == Some(&b'{') { "x.jsonl" } else { "x.csv" });
    std::fs::File::create(&path).and_then(|mut f| f.write_all(data)).expect("write the input");
    for event in Inputs::new(std::slice::from_ref(&path), Default::default()) {
        if let Event::Article { article, .. } = event {
            assert!(!article.text.trim().is_empty(), "an article without text: {article:?}");
        }
    }
});
