//! Evaluation driver for `src/input/html/`: extracts every `*.html` / `*.html.gz` page of a
//! directory and writes the text of its Body zones to `OUT_DIR/<name>.txt` (name without
//! `.html[.gz]`), for `scripts/zoning/score.py` and `scripts/html/snippets.py`.
//!
//! - `html_eval IN_DIR OUT_DIR`          body zones only
//! - `html_eval --whole IN_DIR OUT_DIR`  the whole extracted text (no boilerplate removal)
//! - `html_eval --debug FILE`            prints every zone of one page with its kind
//! - `html_eval --meta IN_DIR OUT.json`  per page: the Title and Byline zones' text and the
//!   title, byline and published metadata, for `scripts/html/meta.py`
//!
//! It is compiled in a scratch crate whose root declares
//! `#[path = ".../src/zones/mod.rs"] mod zones;` and `#[path = ".../src/input/html/mod.rs"] mod html;`
//! (see scripts/html/README.md). Prints throughput and the pages that failed.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};
use std::{env, fs, process};

use htmldev::html::extract_html;
use htmldev::zones::ZoneKind;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [flag, file] if flag == "--debug" => debug(Path::new(file)),
        [flag, input, output] if flag == "--meta" => meta(Path::new(input), Path::new(output)),
        [input, output] => evaluate(Path::new(input), Path::new(output), false),
        [flag, input, output] if flag == "--whole" => evaluate(Path::new(input), Path::new(output), true),
        _ => {
            eprintln!("usage: html_eval [--whole] IN_DIR OUT_DIR | html_eval --debug FILE | html_eval --meta IN_DIR OUT.json");
            process::exit(2);
        }
    }
}

fn read_page(path: &Path) -> Vec<u8> {
    let raw = fs::read(path).expect("read page");
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gunzip");
        out
    } else {
        raw
    }
}

fn stem(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.strip_suffix(".html").or_else(|| name.strip_suffix(".htm")).unwrap_or(name).to_string()
}

fn pages(input: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = fs::read_dir(input)
        .expect("read input directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".html.gz") || n.ends_with(".htm.gz")
        })
        .collect();
    paths.sort();
    paths
}

fn meta(input: &Path, output: &Path) {
    let mut all = serde_json::Map::new();
    for path in pages(input) {
        let Ok(ex) = extract_html(&read_page(&path)) else { continue };
        let zone = |kind: ZoneKind| {
            let text: Vec<&str> = ex
                .zones
                .iter()
                .filter(|z| z.kind == kind)
                .flat_map(|z| ex.text[z.start..z.end].lines())
                .filter(|l| !l.trim().is_empty())
                .collect();
            text.join("\n")
        };
        all.insert(
            stem(&path),
            serde_json::json!({
                "title_zone": zone(ZoneKind::Title),
                "byline_zone": zone(ZoneKind::Byline),
                "title": ex.title,
                "byline": ex.byline,
                "published": ex.published,
            }),
        );
    }
    fs::write(output, serde_json::to_string_pretty(&all).unwrap()).expect("write json");
}

fn evaluate(input: &Path, output: &Path, whole: bool) {
    fs::create_dir_all(output).expect("create output directory");
    let paths = pages(input);
    let (mut bytes, mut elapsed, mut failed) = (0usize, Duration::ZERO, 0);
    for path in &paths {
        let page = read_page(path);
        let started = Instant::now();
        let result = extract_html(&page);
        elapsed += started.elapsed();
        bytes += page.len();
        let out = match result {
            Ok(ex) => {
                let mut out = String::new();
                for zone in &ex.zones {
                    if whole || zone.kind == ZoneKind::Body {
                        out.push_str(&ex.text[zone.start..zone.end]);
                        out.push('\n');
                    }
                }
                out
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", path.display());
                String::new()
            }
        };
        fs::write(output.join(format!("{}.txt", stem(path))), out).expect("write body");
    }
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "extracted {} pages ({failed} failed), {mb:.1} MB in {:.0} ms ({:.1} MB/s)",
        paths.len(),
        elapsed.as_secs_f64() * 1e3,
        mb / elapsed.as_secs_f64()
    );
}

fn debug(file: &Path) {
    let page = read_page(file);
    match extract_html(&page) {
        Ok(ex) => {
            println!(
                "title={:?}\nbyline={:?}\npublished={:?}\nurl={:?}\nsite={:?}",
                ex.title, ex.byline, ex.published, ex.url, ex.site_name
            );
            for zone in &ex.zones {
                for line in ex.text[zone.start..zone.end].lines() {
                    let shown: String = line.chars().take(140).collect();
                    println!("{:<11} {shown}", zone.kind.as_str());
                }
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
