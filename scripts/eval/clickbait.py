#!/usr/bin/env python3
"""Precision and recall of newslint's `clickbait` category on Chakraborty et al. (2016) headlines.

Each headline becomes one JSONL article, piped to `newslint check --format jsonl -`. A headline is
predicted clickbait when at least one finding of the `clickbait` category fires on it. Prints the
confusion counts, precision, recall and F1, and which rules fire on each class (to see which rules
cost precision). Two settings:

- `headline`: `title` and `text` are the headline alone (the engine zones the text itself; it
  does not read the JSONL `title`);
- `headline+body`: `text` is the headline, a blank line and a fixed placeholder paragraph, so the
  zoner sees the headline at the top of an article; only findings inside the headline count.

Usage: clickbait.py NEWSLINT_BINARY CORPUS_DIR [extra newslint check arguments...]
"""

import collections
import gzip
import json
import subprocess
import sys
from pathlib import Path


def headlines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


# A neutral paragraph under each headline in the `headline+body` setting.
BODY = (
    "The story below the headline is not part of the data set. This placeholder paragraph gives "
    "the headline a body, so that the zoner finds it at the top of an article, as on a news page."
)


def measure(binary, extra, items, with_body):
    """items: (id, headline, is_clickbait). Returns the confusion counts and rules per class."""
    records = []
    for article_id, headline, _ in items:
        text = f"{headline}\n\n{BODY}" if with_body else headline
        records.append(json.dumps({"id": article_id, "title": headline, "text": text}))
    run = subprocess.run(
        [binary, "check", "--format", "jsonl", *extra, "-"],
        input="\n".join(records) + "\n",
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"newslint check failed ({run.returncode}): {run.stderr.strip()}")
    gold = {article_id: (headline, label) for article_id, headline, label in items}
    counts = collections.Counter()
    rules = {True: collections.Counter(), False: collections.Counter()}
    for line in run.stdout.splitlines():
        article = json.loads(line)
        headline, label = gold[article["id"]]
        end = len(headline.encode("utf-8"))
        fired = {f["rule"] for f in article["findings"] if f["category"] == "clickbait" and f["start"] < end}
        rules[label].update(fired)
        counts[(bool(fired), label)] += 1
    missing = len(items) - sum(counts.values())
    if missing:
        print(f"warning: {missing} headlines were not reported (skipped by newslint)")
    return counts, rules


def report(name, counts, rules):
    tp, fp = counts[(True, True)], counts[(True, False)]
    fn, tn = counts[(False, True)], counts[(False, False)]
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    print(f"[{name}] headlines: {tp + fn} clickbait, {fp + tn} not clickbait")
    print(f"[{name}] flagged: {tp} true positives, {fp} false positives, {fn} missed, {tn} true negatives")
    print(f"[{name}] clickbait precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    fired = sorted(set(rules[True]) | set(rules[False]), key=lambda r: -(rules[True][r] + rules[False][r]))
    if fired:
        print(f"[{name}] rules firing (headlines: clickbait / not clickbait):")
    for rule in fired:
        print(f"  {rule:40} {rules[True][rule]:5} / {rules[False][rule]:5}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, corpus, extra = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    items = []
    for label, name in ((True, "clickbait_data.gz"), (False, "non_clickbait_data.gz")):
        for i, headline in enumerate(headlines(corpus / name)):
            items.append((f"{'cb' if label else 'ncb'}:{i}", headline, label))
    for name, with_body in (("headline", False), ("headline+body", True)):
        report(name, *measure(binary, extra, items, with_body))


if __name__ == "__main__":
    main()
