#!/usr/bin/env bash
# Measures the current rules on the shared development corpora and prints the numbers recorded in
# scripts/eval/RESULTS.md. Run from anywhere; needs cargo and python3. Skips (exit 0) when the
# corpora are absent.
#
#   scripts/eval/corpus.sh            # all three measurements
#   CORPUS=/path/to/corpus scripts/eval/corpus.sh
#
# Only development splits are used; the holdout sets are not in the repository and must stay
# untouched by tuning.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${CORPUS:-$repo/../shared/corpus}"
if [ ! -d "$corpus" ]; then
    echo "corpus folder $corpus not found: nothing to measure" >&2
    exit 0
fi
corpus="$(cd "$corpus" && pwd)"

cd "$repo"
cargo build --release --quiet
newslint="${CARGO_TARGET_DIR:-$repo/target}/release/newslint"
echo "newslint $("$newslint" --version | cut -d' ' -f2), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- rules src || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%d)"

ptc="$corpus/ptc-semeval2020"
if [ -d "$ptc" ]; then
    echo
    echo "== 1. Propaganda techniques: PTC (SemEval-2020 Task 11) train split, task 2 technique spans"
    "$newslint" eval --articles "$ptc/train-articles" --labels "$ptc/train-labels-task2-technique-classification"
fi
semeval="$corpus/semeval2023-task3-en"
if [ -d "$semeval" ]; then
    echo
    echo "== 1b. The same articles re-split and relabelled: SemEval-2023 Task 3 subtask 3 spans"
    "$newslint" eval --articles "$semeval/train-articles-subtask-3" --labels "$semeval/train-labels-subtask-3-spans"
fi
if [ -d "$corpus/clickbait-chakraborty2016" ]; then
    echo
    echo "== 2. Clickbait headlines (Chakraborty et al. 2016), dev half: the clickbait category"
    python3 scripts/eval/clickbait.py "$newslint" "$corpus/clickbait-chakraborty2016"
fi
if [ -d "$corpus/horne2017-fakenewsdata1" ]; then
    echo
    echo "== 3. Real vs fake news (Horne & Adali 2017), dev half: ROC AUC of the score"
    python3 scripts/eval/horne_auc.py "$newslint" "$corpus/horne2017-fakenewsdata1"
fi
