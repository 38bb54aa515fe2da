#!/usr/bin/env python3
"""Snippet accuracy on the trafilatura evaluation pages, the way trafilatura's comparison does it.

For each page in evaldata.json, each "with" snippet found in the predicted body text is a true
positive (else a false negative), each "without" snippet found is a false positive (else a true
negative). Matching is a plain substring test after collapsing every whitespace run to one space
in both the snippet and the text (our text has one paragraph per line).

Usage: snippets.py EVALDATA_JSON PRED_DIR [--misses]
PRED_DIR/<file name without .html>.txt is the predicted body (html_eval output).
"""

import argparse
import json
import re
from pathlib import Path

WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", s).strip()


def page_name(item):
    """The page's file name without .html / .htm."""
    name = item["file"]
    for suffix in (".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def predicted_text(pred_dir, item):
    """The predicted body of the page (PRED_DIR/<name>.txt), whitespace collapsed; "" if none."""
    path = pred_dir / f"{page_name(item)}.txt"
    return norm(path.read_text(encoding="utf-8")) if path.exists() else ""


def precision_recall_f1(tp, fp, fn):
    """Precision, recall and F1 of the snippet counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("evaldata", type=Path)
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("--misses", action="store_true", help="list missed/unwanted snippets")
    args = ap.parse_args()
    data = json.loads(args.evaldata.read_text(encoding="utf-8"))
    tp = fn = fp = tn = 0
    for url, item in sorted(data.items()):
        text = predicted_text(args.pred_dir, item)
        for s in item.get("with", []):
            if norm(s) in text:
                tp += 1
            else:
                fn += 1
                if args.misses:
                    print(f"MISSING  {item['file'][:40]:<40} {norm(s)[:90]}")
        for s in item.get("without", []):
            if norm(s) in text:
                fp += 1
                if args.misses:
                    print(f"UNWANTED {item['file'][:40]:<40} {norm(s)[:90]}")
            else:
                tn += 1
    total = tp + fn + fp + tn
    p, r, f = precision_recall_f1(tp, fp, fn)
    print(
        f"pages={len(data)} with found={tp}/{tp + fn} ({tp / max(1, tp + fn):.3f}) "
        f"without absent={tn}/{tn + fp} ({tn / max(1, tn + fp):.3f}) "
        f"accuracy={(tp + tn) / max(1, total):.3f} precision={p:.3f} recall={r:.3f} F1={f:.3f}"
    )


if __name__ == "__main__":
    main()
