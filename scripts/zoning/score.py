#!/usr/bin/env python3
"""Score zoned body text against the benchmark's articleBody, the way the benchmark does.

Per page: tokens are regex \\w+ (Unicode, case kept), bags of 4-token shingles with
multiplicity, TP/FP/FN normalised by their sum; precision and recall are averaged over pages
(pages whose prediction, resp. truth, has no shingles are left out of that average, as in the
benchmark's evaluate.py) and F1 is computed from the two averages.

Usage: score.py GROUND_TRUTH_JSON PRED_DIR [BASELINE_DIR] [--worst N] [--split all|even|odd]
PRED_DIR/<id>.txt is the predicted body (zone_eval output); BASELINE_DIR/<id>.txt, if given, is
scored too (the whole page text, i.e. no boilerplate removal).
"""

import argparse
import json
import re
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(truth, pred_dir, split="all"):
    rows = []
    for index, (key, item) in enumerate(sorted(truth.items())):
        if split != "all" and index % 2 != (split == "odd"):
            continue
        path = pred_dir / f"{key}.txt"
        pred = path.read_text(encoding="utf-8") if path.exists() else ""
        rows.append((key, page_counts(item.get("articleBody", ""), pred)))
    ps = [precision(*c) for _, c in rows if c[0] + c[1] > 0]
    rs = [recall(*c) for _, c in rows if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("truth", type=Path)
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("baseline_dir", type=Path, nargs="?")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with lowest F1")
    ap.add_argument(
        "--split",
        choices=["all", "even", "odd"],
        default="all",
        help="score only the even- or odd-numbered pages (in sorted id order): tune on one, check on the other",
    )
    args = ap.parse_args()
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    runs = [("zoned body", args.pred_dir)]
    if args.baseline_dir:
        runs.append(("whole page", args.baseline_dir))
    for name, directory in runs:
        p, r, f1, rows = score(truth, directory, args.split)
        print(f"{name:<11} pages={len(rows)} precision={p:.3f} recall={r:.3f} F1={f1:.3f}")
        if args.worst and directory == args.pred_dir:
            def page_f1(c):
                pr, rc = precision(*c), recall(*c)
                return 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            for key, c in sorted(rows, key=lambda kc: page_f1(kc[1]))[: args.worst]:
                print(f"  {key[:16]} P={precision(*c):.2f} R={recall(*c):.2f} F1={page_f1(c):.2f}")


if __name__ == "__main__":
    main()
