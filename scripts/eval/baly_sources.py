#!/usr/bin/env python3
"""Source-level sanity check: newslint's score on pages from outlets that Baly et al. rate.

The news-media-reliability-baly corpus rates sources (Media Bias/Fact Check factuality: high, mixed,
low), not articles, and has no article text. This script joins it, by domain, with the pages of two
other corpora that give each page's URL (article-extraction-benchmark, trafilatura-eval-en), runs
`newslint check` on the raw HTML pages, and prints the ROC AUC of the score for high-factuality
sources against the others. Few pages join (about 40, none from a low-factuality source), so this
is a sanity check of direction, not a measurement.

Usage: baly_sources.py NEWSLINT_BINARY CORPUS_ROOT [extra newslint check arguments...]
  (CORPUS_ROOT holds news-media-reliability-baly/, article-extraction-benchmark/, trafilatura-eval-en/)
"""

import csv
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from horne_auc import auc  # the same ROC AUC (Mann-Whitney, ties count half)


def domain(url):
    host = urllib.parse.urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, root, extra = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    fact = {}
    for name in ("emnlp18", "acl2020"):
        with open(root / "news-media-reliability-baly" / name / "corpus.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                fact.setdefault(row["source_url_normalized"].lower(), row["fact"])

    def rating(url):
        d = domain(url)
        return fact.get(d) or fact.get(".".join(d.split(".")[-2:]))

    pages = []  # (url, gzip path)
    aeb = root / "article-extraction-benchmark"
    for key, entry in json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8")).items():
        pages.append((entry["url"], aeb / "html" / f"{key}.html.gz"))
    tra = root / "trafilatura-eval-en"
    for url, entry in json.loads((tra / "evaldata.json").read_text(encoding="utf-8")).items():
        pages.append((url, tra / "html" / f"{entry['file']}.gz"))

    scratch = tempfile.TemporaryDirectory()
    label_of = {}
    for i, (url, path) in enumerate(pages):
        fact_label = rating(url)
        if fact_label is None or not path.is_file():
            continue
        target = Path(scratch.name) / f"{i:04}.html"
        target.write_bytes(gzip.decompress(path.read_bytes()))
        label_of[str(target)] = (fact_label, domain(url))
    run = subprocess.run([binary, "check", "--format", "jsonl", *extra, *label_of], capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        sys.exit(f"newslint check failed ({run.returncode}): {run.stderr.strip()}")
    scores = {}
    for line in run.stdout.splitlines():
        article = json.loads(line)
        scores[article["path"]] = article["score"]
    print(f"pages joined to a rated source: {len(label_of)}, scored: {len(scores)}")
    by = {}
    for path, (label, _) in label_of.items():
        if path in scores:
            by.setdefault(label, []).append(scores[path])
    for label in ("high", "mixed", "low"):
        if label in by:
            v = by[label]
            print(f"  {label:6} n={len(v):3}  mean score {statistics.mean(v):5.1f}  median {statistics.median(v):5.1f}")
    others = by.get("mixed", []) + by.get("low", [])
    print(f"AUC high vs mixed/low factuality sources: {auc(by.get('high', []), others):.3f}")


if __name__ == "__main__":
    main()
