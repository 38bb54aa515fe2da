#!/usr/bin/env python3
"""Title, author and date accuracy on the trafilatura evaluation pages that have them.

Compares `html_eval --meta` output with evaldata.json's "title", "author" and "date" fields:
- title: the Title zone's text equals the expected title (case and whitespace folded; a site
  name suffix after " | ", " - ", " – " in either is ignored), and separately the `title`
  metadata;
- author: every word of the expected author (case-folded, "; "/" and " separated names) appears
  in the Byline zone's text or the `byline` metadata;
- date: the expected YYYY-MM-DD appears in `published`, or its day, month and year in the Byline
  zone (month names or numbers).

Usage: meta.py EVALDATA_JSON META_JSON [--misses]
"""

import argparse
import json
import re

WS = re.compile(r"\s+")
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def fold(s):
    if isinstance(s, list):
        s = "; ".join(s)
    return WS.sub(" ", (s or "").lower()).strip(" \"'“”‘’")


def strip_site(s):
    return re.split(r"\s+[|–—-]\s+", s)[0] if s else s


def same_title(got, want):
    got, want = fold(got), fold(want)
    return bool(got) and (got == want or strip_site(got) == strip_site(want))


def has_author(text, want):
    text = fold(text)
    words = [w for w in re.split(r"[\s;,.]+", fold(want)) if w and w != "and"]
    return bool(words) and all(w in text for w in words)


def has_date(published, byline, want):
    if published and want in published:
        return True
    y, m, d = (int(x) for x in want.split("-"))
    text = fold(byline)
    if str(y) not in text and f"/{y % 100:02}" not in text:
        return False
    month = MONTHS[m - 1] in text or re.search(rf"\b0?{m}[/.-]", text) is not None
    day = re.search(rf"\b0?{d}(st|nd|rd|th)?\b", text) is not None
    return month and day


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("evaldata")
    ap.add_argument("meta")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    data = json.load(open(args.evaldata, encoding="utf-8"))
    meta = json.load(open(args.meta, encoding="utf-8"))
    counts = {k: [0, 0] for k in ("title zone", "title meta", "author", "date")}
    for url, item in sorted(data.items()):
        name = re.sub(r"\.html?$", "", item["file"])
        got = meta.get(name, {})
        checks = []
        if item.get("title"):
            checks.append(("title zone", same_title(got.get("title_zone"), item["title"]), got.get("title_zone")))
            checks.append(("title meta", same_title(got.get("title"), item["title"]), got.get("title")))
        if item.get("author"):
            text = (got.get("byline_zone") or "") + " " + (got.get("byline") or "")
            checks.append(("author", has_author(text, item["author"]), text.strip()))
        if item.get("date"):
            ok = has_date(got.get("published"), got.get("byline_zone"), item["date"])
            checks.append(("date", ok, f"{got.get('published')} / {got.get('byline_zone')}"))
        for key, ok, shown in checks:
            counts[key][0] += ok
            counts[key][1] += 1
            if args.misses and not ok:
                want = item["title"] if key.startswith("title") else item[key]
                print(f"{key:<10} {name[:36]:<36} want {str(want)[:60]!r} got {str(shown)[:80]!r}")
    print(" ".join(f"{k}={ok}/{n} ({ok / max(1, n):.3f})" for k, (ok, n) in counts.items()))


if __name__ == "__main__":
    main()
