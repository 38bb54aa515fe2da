#!/usr/bin/env python3
"""ROC AUC of newslint's credibility score, real (positive) vs fake, on Horne & Adali (2017).

The body files are passed to `newslint check --format jsonl` as they are, so the tool's own
decoding (UTF-8, else Windows-1252 with a warning) is what is measured; titles are in separate
files and are not used. The AUC is the Mann-Whitney probability that a random real article scores
higher than a random fake one (ties count one half): 0.5 is chance, 1.0 a perfect ranking.
Satire is reported against real as a second number.

With --titles (a secondary check, not the headline number), each article is given to the tool as
its title, a blank line and its body, both decoded (UTF-8, else Windows-1252) and written as UTF-8
to a temporary folder, so that title rules (clickbait, sensational headlines) take part.

Usage: horne_auc.py NEWSLINT_BINARY CORPUS_DIR [--titles] [extra newslint check arguments...]
"""

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SETS = ("Buzzfeed Political News Dataset", "Random Poltical News Dataset")
CLASSES = ("Real", "Fake", "Satire")


def auc(positive, negative):
    if not positive or not negative:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("windows-1252", errors="replace")


def with_titles(label_of, folder):
    """Writes title + blank line + body for each article under `folder`; returns the new labels."""
    out = {}
    for i, (path, label) in enumerate(label_of.items()):
        body = Path(path)
        title = body.parent.parent / f"{body.parent.name}_titles" / body.name
        text = decode(body.read_bytes())
        if title.is_file():
            text = decode(title.read_bytes()).strip() + "\n\n" + text
        target = Path(folder) / f"{i:04}.txt"
        target.write_text(text, encoding="utf-8")
        out[str(target)] = label
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, corpus, extra = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    titles = "--titles" in extra
    extra = [a for a in extra if a != "--titles"]
    label_of = {}
    for dataset in SETS:
        for label in CLASSES:
            folder = corpus / dataset / label
            if folder.is_dir():
                for path in sorted(folder.glob("*.txt")):
                    label_of[str(path)] = (dataset, label)
    scratch = tempfile.TemporaryDirectory()
    if titles:
        label_of = with_titles(label_of, scratch.name)
    run = subprocess.run(
        [binary, "check", "--format", "jsonl", *extra, *label_of],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1, 2):
        sys.exit(f"newslint check failed ({run.returncode}): {run.stderr.strip()}")
    decoded = sum("Windows-1252" in line for line in run.stderr.splitlines())

    scores = {}
    for line in run.stdout.splitlines():
        article = json.loads(line)
        scores[article["path"]] = article["score"]
    skipped = [p for p in label_of if p not in scores]
    print(f"articles: {len(scores)} scored, {len(skipped)} skipped, {decoded} decoded as Windows-1252")
    for path in skipped:
        print(f"  skipped: {path}")

    def by(label, dataset=None):
        return [s for p, s in scores.items() if label_of[p][1] == label and dataset in (None, label_of[p][0])]

    for label in CLASSES:
        values = by(label)
        if values:
            print(f"  {label:7} n={len(values):3}  mean score {statistics.mean(values):5.1f}  "
                  f"median {statistics.median(values):5.1f}")
    for dataset in (*SETS, None):
        name = dataset or "both sets"
        print(f"AUC real vs fake ({name}): {auc(by('Real', dataset), by('Fake', dataset)):.3f}")
    print(f"AUC real vs satire (Random set): {auc(by('Real', SETS[1]), by('Satire', SETS[1])):.3f}")


if __name__ == "__main__":
    main()
