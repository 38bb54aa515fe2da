#!/usr/bin/env python3
"""A proxy check of the title zone: the benchmark has no headlines, but most article URLs end in
a slug made of the headline's words. A page's title counts as right when at least half of its
words (of four letters or more) occur in the path of its URL. Pages whose path has fewer than
three such words are left out.

Usage: title_slug.py GROUND_TRUTH_JSON TITLES_TXT
TITLES_TXT is the output of `zone_eval --titles DIR` (first 16 hex digits of the id, the title
or "-" when there is none).
"""

import json
import re
import sys


def words(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) >= 4]


def main():
    truth_path, titles_path = sys.argv[1:3]
    truth = json.load(open(truth_path, encoding="utf-8"))
    urls = {key[:16]: item["url"] for key, item in truth.items()}
    pages = right = missing = 0
    for line in open(titles_path, encoding="utf-8"):
        key, title = line.rstrip("\n").split(" ", 1)
        slug = set(words(re.sub(r"^https?://[^/]+", "", urls[key])))
        if len(slug) < 3:
            continue
        pages += 1
        if title == "-":
            missing += 1
            continue
        title_words = words(title)
        if title_words and sum(w in slug for w in title_words) * 2 >= len(title_words):
            right += 1
    print(f"pages={pages} title matches URL slug={right} no title={missing}")


if __name__ == "__main__":
    main()
