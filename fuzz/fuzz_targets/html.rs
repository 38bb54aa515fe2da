//! Any bytes as an HTML page: extraction may fail, never panic; the zones it gives must cover
//! its text, and the engine run on them must hold its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::input::Article;
use newslint::input::html::extract_html;
use newslint_fuzz::{ENGINE, check_analysis, check_zones};

fuzz_target!(|data: &[u8]| {
    let Ok(page) = extract_html(data) else { return };
    check_zones(&page.text, &page.zones);
    let analysis = ENGINE.analyze(Article { text: page.text, zones: Some(page.zones), ..Default::default() });
    check_analysis(&analysis);
});
