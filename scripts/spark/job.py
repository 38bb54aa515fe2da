"""newslint on Spark: pipe JSONL articles through the newslint binary, one process per partition.

Local (what scripts/spark-demo.sh runs):
    spark-submit --master 'local[2]' scripts/spark/job.py ARTICLES.jsonl --binary target/release/newslint
On a cluster (no --binary: use the copy shipped with --files, found through SparkFiles.get):
    spark-submit --master URL --files target/release/newslint scripts/spark/job.py ARTICLES.jsonl

ARTICLES.jsonl: one JSON object per line with `text` and `id`. Checks that every id comes back
exactly once (multiset of ids in == out) and in input order within each partition; exits 1 if not.
"""
import argparse
import json
import os
import shlex
import sys
import time
from operator import add

from pyspark import SparkContext, SparkFiles


def shipped_binary(_) -> str:
    """On an executor: the path of the newslint shipped with --files, valid on every executor.

    The command string is built once, but each executor (on a cluster) has its own copy in its
    own working directory, so name it relative to that: ./newslint. In local mode the copy is in
    the driver's temporary folder, outside the working directory: keep that absolute path.
    """
    path = SparkFiles.get("newslint")
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else "./" + rel


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input", help="JSONL articles (any path or URL Spark can read)")
    ap.add_argument("--binary", help="newslint path valid on every worker (default: SparkFiles 'newslint')")
    ap.add_argument("--partitions", type=int, default=8, help="minimum input partitions (default 8)")
    args = ap.parse_args()

    sc = SparkContext(appName="newslint-spark")
    sc.setLogLevel("WARN")
    t0 = time.monotonic()

    if args.binary:
        binary = os.path.abspath(args.binary)
    else:
        binary = sc.parallelize([0], 1).map(shipped_binary).first()

    # The input, plus one deliberately empty partition: a partition with no lines must work too.
    lines = sc.textFile(args.input, minPartitions=args.partitions).union(sc.parallelize([], 1)).cache()
    sizes = lines.glom().map(len).collect()

    # RDD.pipe takes one string (PySpark shlex-splits it) and starts the binary once per partition.
    # --input-format jsonl: empty stdin is zero articles (exit 0), not "empty text" (exit 2), so
    # checkCode can stay on and any crash fails the task. --no-config: results do not depend on
    # a newslint.toml near whatever folder an executor runs in.
    cmd = shlex.join([binary, "check", "--format", "jsonl", "--input-format", "jsonl", "--no-config", "--quiet", "-"])
    results = lines.pipe(cmd, checkCode=True).map(json.loads).cache()

    t_read = time.monotonic()
    count_in, count_out = sum(sizes), results.count()  # runs the pipe; results stay cached
    t_pipe = time.monotonic()

    # Exactly once: tally each id as (times in, times out) in one shuffle; any id whose two
    # counts differ is lost or duplicated.
    ids_in = lines.map(lambda line: json.loads(line)["id"])
    ids_out = results.map(lambda r: r["id"])
    tally = (ids_in.map(lambda i: (i, (1, 0))).union(ids_out.map(lambda i: (i, (0, 1))))
             .reduceByKey(lambda a, b: (a[0] + b[0], a[1] + b[1]), sc.defaultParallelism).cache())
    bad = tally.filter(lambda kv: kv[1][0] != kv[1][1]).cache()
    n_bad, n_ids, sample = bad.count(), tally.count(), bad.take(10)
    # Line for line: zip pairs the n-th input of each partition with its n-th output.
    out_of_order = 0 if n_bad else ids_in.zip(ids_out).filter(lambda p: p[0] != p[1]).count()
    lowest = results.map(lambda r: (r["score"], r["id"], r["band"])).takeOrdered(5)
    t_end = time.monotonic()

    print(f"binary:      {binary}")
    print(f"master:      {sc.master}")
    print(f"partitions:  {len(sizes)} ({sizes.count(0)} empty), lines per partition {sizes}")
    print(f"articles in: {count_in}, results out: {count_out}, distinct ids: {n_ids}")
    print(f"wall time:   {t_end - t0:.2f} s = {t_read - t0:.2f} s read (first job: worker start-up) "
          f"+ {t_pipe - t_read:.2f} s pipe and parse ({count_in / (t_pipe - t_read):.0f} articles/s) "
          f"+ {t_end - t_pipe:.2f} s checks")
    print("5 lowest scores:")
    for score, id_, band in lowest:
        print(f"  {score:6.2f}  {band:<10} {id_}")
    sc.stop()

    if n_bad or out_of_order or count_in != count_out:
        print(f"MISMATCH: {n_bad} ids not returned exactly once, e.g. (id, (in, out)): {sample}; "
              f"{out_of_order} results out of input order", file=sys.stderr)
        return 1
    print(f"OK: every one of the {count_in} articles came back annotated exactly once, in order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
