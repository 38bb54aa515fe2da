//! Any bytes through the input stream as a `.jsonl` file when they start with `{`, else as a
//! `.csv` file (the record parsers are private), with the default article limit or, when the
//! input's length is odd, a limit of 100 bytes (so that long lines and records are cut):
//! reading may skip lines and records, never panic; every article it yields has text.
#![no_main]

use std::io::Write;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newslint::input::{Event, InputOptions, Inputs};

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("a temp folder"));

fuzz_target!(|data: &[u8]| {
    let path = DIR.path().join(if data.first() == Some(&b'{') { "x.jsonl" } else { "x.csv" });
    std::fs::File::create(&path).and_then(|mut f| f.write_all(data)).expect("write the input");
    let mut options = InputOptions::default();
    if data.len() % 2 == 1 {
        options.max_article_bytes = 100;
    }
    for event in Inputs::new(std::slice::from_ref(&path), options) {
        if let Event::Article { article, .. } = event {
            assert!(!article.text.trim().is_empty(), "an article without text: {article:?}");
        }
    }
});
