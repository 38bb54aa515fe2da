#!/usr/bin/env bash
# Fuzzes newslint with cargo-fuzz (libFuzzer; needs the nightly toolchain). The fuzz crate in
# fuzz/ is its own workspace, so the normal build and `cargo test` never see it.
#
# Targets (fuzz/fuzz_targets/):
#   rule_loader  any text as a rule file -> RuleSetBuilder::build -> Engine::new: no panic
#   annotate     any bytes -> input::decode -> Engine::analyze (built-in rules): findings in
#                bounds, zones covering, score = base + breakdown in 0..=100
#   html         any bytes -> input::html::extract_html: zones covering its text, then analyze
#   jsonl        any bytes as a .jsonl file (when they start with {) or a .csv file ->
#                input::Inputs: no panic, every article has text
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
# The corpus grows in fuzz/corpus/TARGET (seeded from the repo's files on every run); crashes
# land in fuzz/artifacts/TARGET. Reproduce one with:
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...
# Extra libFuzzer flags: FUZZ_ARGS="-jobs=2 -workers=2" scripts/fuzz.sh 300 annotate
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rule_loader annotate html jsonl)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seeds() {
    case $1 in
        rule_loader) echo rules ;;
        annotate) echo examples tests/data/zones tests/data/html_report ;;
        html) echo tests/data/html ;;
        jsonl) echo fuzz/seeds/jsonl tests/data/eval ;;
    esac
}
max_len() {
    case $1 in
        rule_loader) echo 65536 ;;
        jsonl) echo 16384 ;;
        *) echo 32768 ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    for dir in $(seeds "$target"); do
        find "$dir" -maxdepth 1 -type f -exec cp -n {} "$corpus/" \;
    done
    echo "== $target: ${seconds}s" >&2
    # shellcheck disable=SC2086
    cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len="$(max_len "$target")" \
        -print_final_stats=1 ${FUZZ_ARGS:-} || status=$?
done
exit $status
