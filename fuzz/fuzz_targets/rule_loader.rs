//! Any text as a rule file: loading and compiling may fail, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::Engine;
use newslint::rules::RuleSetBuilder;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut builder = RuleSetBuilder::new(false);
    builder.add_source("fuzz.toml", text);
    if let Ok(set) = builder.build() {
        let _ = Engine::new(set);
    }
});
