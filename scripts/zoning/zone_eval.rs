//! Evaluation driver for `src/zones/`: zones every `*.txt` page of a directory and writes the
//! text of its Body zones (and, with `--title`, of its Title zone first) to the same file name in
//! the output directory, for `score.py`. Prints the zoning throughput.
//!
//! With `--debug FILE` it instead prints every line of FILE with its zone kind and features;
//! with `--titles IN_DIR`, the title zone of every page (to check by eye, the benchmark has no
//! headlines).
//!
//! Build: rustc --edition 2024 -O scripts/zoning/zone_eval.rs -o /tmp/zone_eval

#[path = "../../src/zones/mod.rs"]
#[allow(dead_code, unused_imports)]
mod zones;

/// Word counts in scripts written without spaces, which the zones module uses.
#[path = "../../src/unspaced.rs"]
mod unspaced;

/// The zones module takes its hash maps from `crate::hash` (rustc-hash in the crate); plain `rustc`
/// links no crates, so std's maps stand in.
#[allow(dead_code)]
mod hash {
    pub type FxHashMap<K, V> = std::collections::HashMap<K, V>;
    pub type FxHashSet<T> = std::collections::HashSet<T>;
}

use std::path::Path;
use std::time::{Duration, Instant};
use std::{env, fs, process};

use zones::{ZoneKind, classify_lines, detect_zones};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [flag, file] if flag == "--debug" => debug(Path::new(file)),
        [flag, input] if flag == "--titles" => titles(Path::new(input)),
        [input, output] => evaluate(Path::new(input), Path::new(output), false),
        [flag, input, output] if flag == "--title" => evaluate(Path::new(input), Path::new(output), true),
        _ => {
            eprintln!("usage: zone_eval [--title] IN_DIR OUT_DIR | zone_eval --debug FILE | zone_eval --titles IN_DIR");
            process::exit(2);
        }
    }
}

fn pages(input: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = fs::read_dir(input)
        .expect("read input directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn titles(input: &Path) {
    for path in pages(input) {
        let text = fs::read_to_string(&path).expect("read page");
        let title = detect_zones(&text).into_iter().find(|z| z.kind == ZoneKind::Title);
        let shown = title.map_or(String::from("-"), |z| text[z.start..z.end].split_whitespace().collect::<Vec<_>>().join(" "));
        let name = path.file_stem().unwrap().to_string_lossy();
        println!("{} {}", &name[..16.min(name.len())], shown.chars().take(120).collect::<String>());
    }
}

fn evaluate(input: &Path, output: &Path, with_title: bool) {
    fs::create_dir_all(output).expect("create output directory");
    let paths = pages(input);
    let (mut bytes, mut elapsed) = (0usize, Duration::ZERO);
    for path in &paths {
        let text = fs::read_to_string(path).expect("read page");
        let started = Instant::now();
        let zones = detect_zones(&text);
        elapsed += started.elapsed();
        bytes += text.len();
        let mut out = String::new();
        for zone in &zones {
            let wanted = zone.kind == ZoneKind::Body || (with_title && zone.kind == ZoneKind::Title);
            if wanted {
                out.push_str(&text[zone.start..zone.end]);
                out.push('\n');
            }
        }
        fs::write(output.join(path.file_name().unwrap()), out).expect("write body");
    }
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "zoned {} pages, {mb:.1} MB in {:.1} ms ({:.0} MB/s)",
        paths.len(),
        elapsed.as_secs_f64() * 1e3,
        mb / elapsed.as_secs_f64()
    );
}

fn debug(file: &Path) {
    let text = fs::read_to_string(file).expect("read file");
    for d in classify_lines(&text) {
        let line = text[d.start..d.end].trim_end();
        let f = d.features;
        let shown: String = line.chars().take(100).collect();
        // A line that continues the block above it is marked "+": the features are the block's.
        println!(
            "{}{:<11} w={:<3} s={:<3} c={:<3} t={} b={} r={} {:<14} {shown}",
            if d.joined { '+' } else { ' ' },
            d.kind.as_str(),
            f.words,
            f.stop_words,
            f.capitalized,
            u8::from(f.terminal),
            u8::from(f.bullet),
            u8::from(f.repeated),
            f.phrase.map_or(String::new(), |p| format!("{p:?}")),
        );
    }
}
