#!/usr/bin/env python3
"""Turn benchmark HTML pages into the "text with furniture" a naive scraper produces.

Every visible run of text becomes one line, with whitespace collapsed and no markup; menus,
share bars, footers and login forms are kept, which is exactly what `src/zones/` has to sort
out. Contents of script/style/noscript/template/head (and svg, whose <title> is not shown) are
skipped. Standard library only (html.parser).

Two modes:
  blocks (default)  a line break at every block-level element, inline nodes joined, so
                    "<p>See <a>this</a> link</p>" is one line, like the seed articles in
                    tests/data/zones/ ("Share on FacebookShare on X"); <li> lines get a
                    "  • " bullet and paragraphs/headings a blank line around them.
  nodes             literally one text node per line (inline links split prose lines).

Usage: make_text_pages.py HTML_DIR OUT_DIR [--mode blocks|nodes]
Reads HTML_DIR/<id>.html.gz (or .html) and writes OUT_DIR/<id>.txt.
"""

import argparse
import gzip
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIP = {"script", "style", "noscript", "template", "head", "svg"}
# Elements that never have an end tag, so they must not change the skip depth.
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "label", "legend",
    "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table",
    "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
}
# Blocks that a text browser sets off with an empty line.
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "table"}
SPACE = re.compile(r"\s+")


class TextLines(HTMLParser):
    def __init__(self, mode):
        super().__init__(convert_charrefs=True)
        self.mode = mode
        self.lines = []
        self.current = []
        self.prefix = ""
        self.skip = 0

    def flush(self, blank=False):
        text = SPACE.sub(" ", "".join(self.current)).strip()
        if text:
            self.lines.append(self.prefix + text)
        self.current = []
        self.prefix = ""
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag, attrs):
        if tag in SKIP and tag not in VOID:
            self.skip += 1
        if self.skip or self.mode == "nodes":
            return
        if tag in BLOCK:
            self.flush(blank=tag in PARAGRAPH)
            if tag == "li":
                self.prefix = "  • "

    def handle_startendtag(self, tag, attrs):
        if not self.skip and self.mode == "blocks" and tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP and tag not in VOID:
            self.skip = max(0, self.skip - 1)
            return
        if not self.skip and self.mode == "blocks" and tag in BLOCK:
            self.flush(blank=tag in PARAGRAPH)

    def handle_data(self, data):
        if self.skip:
            return
        if self.mode == "nodes":
            text = SPACE.sub(" ", data).strip()
            if text:
                self.lines.append(text)
        else:
            self.current.append(data)

    def text(self):
        self.flush()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def page_text(html, mode="blocks"):
    parser = TextLines(mode)
    parser.feed(html)
    parser.close()
    return parser.text()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("html_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--mode", choices=["blocks", "nodes"], default="blocks")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(args.html_dir.iterdir()):
        name = path.name
        if name.endswith(".html.gz"):
            raw = gzip.decompress(path.read_bytes())
            stem = name[: -len(".html.gz")]
        elif name.endswith(".html"):
            raw = path.read_bytes()
            stem = name[: -len(".html")]
        else:
            continue
        html = raw.decode("utf-8", errors="replace")
        (args.out_dir / f"{stem}.txt").write_text(page_text(html, args.mode), encoding="utf-8")
        count += 1
    print(f"wrote {count} text pages to {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
