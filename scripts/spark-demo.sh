#!/usr/bin/env bash
# newslint on Spark, locally: pipe a corpus of JSONL articles through the release binary with
# PySpark's RDD.pipe on `local[2]`, and check that every article comes back annotated exactly once.
#
# 1. cargo build --release                      (no-op when already built)
# 2. a virtualenv with PySpark from PyPI         (target/spark-venv, made once; needs Java 17+)
# 3. the dataset: PTC train articles from ../shared/corpus as JSONL with ids, else examples/
#    repeated to 300 articles                    (target/spark-demo/articles.jsonl)
# 4. scripts/spark/job.py under spark-submit: counts, partitions, wall time, 5 lowest scores
# Exits non-zero if any id is missing, duplicated or out of order. Not part of the test command.
# Usage: scripts/spark-demo.sh [PARTITIONS]       (default 8, plus one deliberately empty one)
set -euo pipefail
cd "$(dirname "$0")/.."
partitions=${1:-8}
venv=${SPARK_VENV:-target/spark-venv}
work=${SPARK_DEMO_DIR:-target/spark-demo}
mkdir -p "$work"

cargo build --release --quiet
bin=$PWD/target/release/newslint

if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark
fi

corpus=../shared/corpus/ptc-semeval2020/train-articles
[ -d "$corpus" ] || corpus=examples
python3 - "$corpus" "$work/articles.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
arts = []
for name in sorted(os.listdir(src)):
    if name.endswith(".txt"):
        with open(os.path.join(src, name), encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        if text.strip():  # newslint skips empty articles, which would read as a lost id
            arts.append((name[:-4], text))
# The real corpus once; the handful of examples repeated to 300 articles with distinct ids.
reps = 1 if len(arts) >= 100 else -(-300 // len(arts))
with open(out, "w", encoding="utf-8") as f:
    for r in range(reps):
        for id_, text in arts:
            f.write(json.dumps({"id": id_ if reps == 1 else f"{id_}#{r:03}", "text": text}, ensure_ascii=False) + "\n")
print(f"dataset:     {out}: {len(arts) * reps} articles from {src}")
PY

# Workers use the venv's Python; Spark binds to loopback only, skips its web UI, logs warnings only.
export PYSPARK_PYTHON=$PWD/$venv/bin/python PYSPARK_DRIVER_PYTHON=$PWD/$venv/bin/python
export SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.log.level=WARN \
  scripts/spark/job.py "$work/articles.jsonl" --binary "$bin" --partitions "$partitions"
