#!/usr/bin/env python3
"""Build the second blind HTML evaluation set from Mozilla Readability's test pages.

Source (downloaded with the registry's own client, nothing is committed to this repo): the crate
readability-js 0.1.6 (crates.io) vendors Mozilla's Readability.js 0.6.0 (Apache-2.0) with its
test suite: test/test-pages/NAME/source.html (a real page, saved 2010-2024) and expected.html
(the article as Readability.js extracts it, checked by its tests). Readability's own cases of
markup details (a few hundred bytes to a few kilobytes: "rtl-1", "replace-brs", ...) are left
out: only pages whose source is at least MIN_SOURCE bytes are taken.

The gold text is expected.html's text: block elements (p, div, li, h1-h6, td, br, ...) end a
line, inline elements do not; whitespace runs fold to one space. It is Readability's choice of
the article, so it keeps photo captions, figure credits and the odd "Advertisement" line that a
human's gold text (the Zyte benchmark's) leaves out; and since dom_smoothie is a port of
Readability.js, the HTML reader's first step is tuned on these pages upstream: only the plain
text version (make_text_pages.py + zone_eval, the zones module alone) is blind in the strict
sense, and the HTML number measures what the rules after readability do.

Writes OUT/html/<id>.html (the page's bytes unchanged) and OUT/ground-truth.json (the
article-extraction benchmark's format: {id: {"articleBody": ..., "url": ""}}, for
scripts/zoning/score.py). Ids are "moz-NAME". A page whose gold text starts like a text of
another corpus given with --dedupe (ground-truth.json or evaldata.json files), or whose HTML is
byte-identical to one of those corpora's pages, is left out.

Usage: make_readability_set.py [OUT_DIR] [--cache DIR] [--dedupe FILE ...]
(defaults: target/blind2, /tmp/blind2-src)
"""

import argparse
import hashlib
import json
import subprocess
import tarfile
from html.parser import HTMLParser
from pathlib import Path

CRATE = ("readability-js", "0.1.6")
PREFIX = f"{CRATE[0]}-{CRATE[1]}/vendor/readability/test/test-pages/"
MIN_SOURCE = 10_000

BLOCK = set(
    "address article aside blockquote br caption dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(html):
    parser = Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def fetch(cache):
    """The .crate file, from cargo's cache."""
    cache.mkdir(parents=True, exist_ok=True)
    crate = cache / f"{CRATE[0]}-{CRATE[1]}.crate"
    if crate.exists():
        return crate
    home = Path.home() / ".cargo" / "registry" / "cache"
    found = list(home.glob(f"*/{crate.name}"))
    if not found:
        # `cargo info` downloads the crate (and only it) into cargo's cache to read its manifest
        subprocess.run(["cargo", "info", f"{CRATE[0]}@{CRATE[1]}"], check=True, stdout=subprocess.DEVNULL)
        found = list(home.glob(f"*/{crate.name}"))
    crate.write_bytes(found[0].read_bytes())
    return crate


def known_texts(paths):
    """Text starts and HTML digests of the corpora to dedupe against."""
    texts, digests = [], set()
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for key, entry in data.items():
            body = entry.get("articleBody") or " ".join(entry.get("with", []))
            texts.append("".join(body.split()))
            for sub in ("html", "."):
                for name in (key, entry.get("file", "")):
                    for ext in ("", ".html", ".html.gz"):
                        page = Path(path).parent / sub / f"{name}{ext}"
                        if name and page.is_file():
                            digests.add(hashlib.sha1(page.read_bytes()).hexdigest())
    return texts, digests


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, nargs="?", default=Path("target/blind2"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/blind2-src"))
    ap.add_argument("--dedupe", nargs="*", default=[], help="ground-truth.json / evaldata.json files")
    args = ap.parse_args()
    crate = fetch(args.cache)
    texts, digests = known_texts(args.dedupe)

    files = {}
    with tarfile.open(crate) as tar:
        for m in tar.getmembers():
            if m.isfile() and m.name.startswith(PREFIX):
                files[m.name[len(PREFIX) :]] = tar.extractfile(m).read()

    (args.out / "html").mkdir(parents=True, exist_ok=True)
    for old in (args.out / "html").glob("*.html"):
        old.unlink()
    truth, small, dup = {}, 0, 0
    for name in sorted(n[: -len("/source.html")] for n in files if n.endswith("/source.html")):
        source, expected = files[f"{name}/source.html"], files.get(f"{name}/expected.html")
        if expected is None:
            continue
        if len(source) < MIN_SOURCE:
            small += 1
            continue
        text = html_text(expected.decode("utf-8"))
        flat = "".join(text.split())
        if hashlib.sha1(source).hexdigest() in digests or any(flat[:40] in other for other in texts):
            print(f"skip moz-{name}: same page as one of --dedupe")
            dup += 1
            continue
        texts.append(flat)
        (args.out / "html" / f"moz-{name}.html").write_bytes(source)
        truth[f"moz-{name}"] = {"articleBody": text, "url": ""}
    (args.out / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{args.out}: {len(truth)} pages ({small} markup cases under {MIN_SOURCE} bytes, {dup} duplicates left out)")


if __name__ == "__main__":
    main()
