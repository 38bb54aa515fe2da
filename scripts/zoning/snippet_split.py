#!/usr/bin/env python3
"""The trafilatura snippet score (scripts/html/snippets.py) by half, with the worst pages.

Same matching as snippets.py (substring test after collapsing whitespace). `--split even|odd`
scores only the even- or odd-numbered pages (sorted by URL, as snippets.py walks them), to tune
on one half and check on the other; `--worst N` lists the pages with the most errors (missed
"with" plus found "without" snippets).

Usage: snippet_split.py EVALDATA_JSON PRED_DIR [--split all|even|odd] [--worst N]
"""

import argparse
import importlib.util
import json
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "snippets", Path(__file__).resolve().parent.parent / "html" / "snippets.py"
)
snippets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snippets)
norm = snippets.norm


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("evaldata", type=Path)
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("--split", choices=["all", "even", "odd"], default="all")
    ap.add_argument("--worst", type=int, default=0)
    args = ap.parse_args()
    data = json.loads(args.evaldata.read_text(encoding="utf-8"))
    tp = fn = fp = tn = 0
    pages = []
    for index, (url, item) in enumerate(sorted(data.items())):
        if args.split != "all" and index % 2 != (args.split == "odd"):
            continue
        name = snippets.page_name(item)
        text = snippets.predicted_text(args.pred_dir, item)
        miss = sum(norm(s) not in text for s in item.get("with", []))
        bad = sum(norm(s) in text for s in item.get("without", []))
        tp += len(item.get("with", [])) - miss
        fn += miss
        fp += bad
        tn += len(item.get("without", [])) - bad
        pages.append((miss + bad, miss, bad, name, "odd" if index % 2 else "even"))
    _, _, f = snippets.precision_recall_f1(tp, fp, fn)
    print(
        f"pages={len(pages)} with found={tp}/{tp + fn} without absent={tn}/{tn + fp} "
        f"accuracy={(tp + tn) / max(1, tp + fn + fp + tn):.3f} F1={f:.3f}"
    )
    for errors, miss, bad, name, half in sorted(pages, reverse=True)[: args.worst]:
        if errors:
            print(f"  {name[:50]:<50} {half:<4} missed={miss} unwanted={bad}")


if __name__ == "__main__":
    main()
