//! Engine micro-benchmarks, one per pipeline step: rule compilation, zoning, segmentation,
//! the matcher's scan, and one whole article through `Engine::analyze`.
//!
//! The articles are the PTC train articles in `../shared/corpus` (real news text) when that
//! folder is there, else the articles in `examples/`. Run with `cargo bench`; throughput is
//! reported in bytes of article text. For the whole command against ripgrep, see
//! `scripts/bench.sh`.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslint::Engine;
use newslint::input::Article;
use newslint::matcher::Matcher;
use newslint::rules::RuleSetBuilder;
use newslint::segment::Segments;
use newslint::zones::detect_zones;

/// Every `.txt` article of the first folder that exists, sorted by name.
fn articles() -> Vec<String> {
    let folders = ["../shared/corpus/ptc-semeval2020/train-articles", "examples"];
    let folder = folders.iter().map(Path::new).find(|p| p.is_dir()).expect("examples/ is in the repo");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()).collect()
}

fn steps(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();

    let mut startup = c.benchmark_group("start-up");
    startup.sample_size(20);
    startup.bench_function("load and compile the default rules", |b| {
        b.iter(|| Engine::new(RuleSetBuilder::new(true).build().unwrap()).unwrap())
    });
    startup.finish();

    let rules = RuleSetBuilder::new(true).build().unwrap();
    let matcher = Matcher::new(&rules.rules).unwrap();
    let engine = Engine::new(rules).unwrap();

    let mut group = c.benchmark_group("per step");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("zones", |b| b.iter(|| texts.iter().map(|t| detect_zones(t).len()).sum::<usize>()));
    group.bench_function("sentences and quotations", |b| {
        b.iter(|| texts.iter().map(|t| Segments::new(t).sentences.len()).sum::<usize>())
    });
    group.bench_function("matcher scan", |b| {
        b.iter(|| texts.iter().map(|t| matcher.scan(t, &[]).matches.len()).sum::<usize>())
    });
    group.bench_function("analyze (all steps)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| engine.analyze(Article { text: t.clone(), ..Article::default() }).findings.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, steps);
criterion_main!(benches);
