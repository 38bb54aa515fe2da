#!/usr/bin/env bash
# Whole-command benchmark: newslint `check --format jsonl` with all default rules against
# ripgrep's tight multi-pattern scan (`rg -o -i -F -w -f WORDS`, 600 words) on the same file.
#
# Corpus: the PTC train articles in ../shared/corpus (real news text) as JSONL, repeated to
# about SIZE_MB (default 50); without the corpus, the articles in examples/.
# Prints MB/s, articles/s and peak RSS for each, and the ratio of wall times; then start-up,
# and the default table output on the same file.
# Usage: scripts/bench.sh [SIZE_MB]      (needs ripgrep: apt-get install ripgrep)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

cargo build --release --quiet
bin=target/release/newslint

corpus=../shared/corpus/ptc-semeval2020/train-articles
[ -d "$corpus" ] || corpus=examples
python3 - "$corpus" "$work/corpus.jsonl" "$size_mb" "$work/words.txt" <<'PY'
import json, os, sys, tomllib, glob
src, out, size_mb, words_out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
texts = []
for name in sorted(os.listdir(src)):
    if name.endswith(".txt"):
        with open(os.path.join(src, name), encoding="utf-8-sig", errors="replace") as f:
            texts.append((name, f.read()))
lines = [json.dumps({"id": n, "text": t}, ensure_ascii=False) for n, t in texts]
target, written, i = size_mb * 1024 * 1024, 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        line = lines[i % len(lines)]
        f.write(line + "\n")
        written += len(line.encode()) + 1
        i += 1
# The reference word list: the first 600 single words of the loaded-language pack.
words = []
for path in sorted(glob.glob("rules/*.toml")):
    with open(path, "rb") as f:
        for rule in tomllib.load(f).get("rule", []):
            if rule["category"] == "loaded-language":
                words += [p.rstrip("*") for p in rule.get("phrases", []) if " " not in p]
words = list(dict.fromkeys(words))[:600]
with open(words_out, "w") as f:
    f.write("\n".join(words) + "\n")
print(f"corpus: {i} articles, {written / 1e6:.1f} MB from {src}; {len(words)} reference words")
PY

articles=$(wc -l < "$work/corpus.jsonl")
bytes=$(stat -c %s "$work/corpus.jsonl")
measure() { # label, command...
    local label=$1; shift
    "$@" > /dev/null  # warm the page cache
    local best=999999 rss=0
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null
        read -r secs kb < "$work/time"
        best=$(python3 -c "print(min($best, $secs))")
        rss=$kb
    done
    python3 -c "s=max($best,0.001); print(f'$label: {s:.2f} s, {$bytes/s/1e6:.1f} MB/s, {$articles/s:,.0f} articles/s, peak RSS {$rss/1024:.0f} MB')"
    echo "$best" > "$work/$label.secs"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
measure newslint "$bin" check --format jsonl --quiet "$work/corpus.jsonl"
measure ripgrep rg -o -i -F -w -f "$work/words.txt" "$work/corpus.jsonl"
python3 -c "print(f'ratio newslint/ripgrep: {float(open(\"$work/newslint.secs\").read())/max(float(open(\"$work/ripgrep.secs\").read()),0.001):.2f}x')"
/usr/bin/time -f "start-up (rule compilation, one tiny article): %e s, peak RSS %M KB" "$bin" check --quiet --format jsonl examples/01-well-sourced-report.txt > /dev/null
# The default output, for reference: laying out tables costs more than writing JSONL.
measure newslint-table "$bin" check --quiet "$work/corpus.jsonl"
