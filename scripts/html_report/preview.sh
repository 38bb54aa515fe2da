#!/bin/sh
# Renders the test articles as the classroom page and takes headless-Chromium screenshots:
#   OUT/demo.png   the page as it loads (built-in rules, two articles)
#   OUT/custom.png the test rule file (nested, crossing and quoted findings)
#   OUT/popup.png  the same page with one highlight clicked (the explanation popup)
# Usage: scripts/html_report/preview.sh [OUT]   (default OUT: /tmp/newslint-html-preview)
# Needs a built binary (NEWSLINT, default: $CARGO_TARGET_DIR or target, debug) and chromium.
set -eu
cd "$(dirname "$0")/../.."
out=${1:-/tmp/newslint-html-preview}
bin=${NEWSLINT:-${CARGO_TARGET_DIR:-target}/debug/newslint}
data=tests/data/html_report
mkdir -p "$out"

shot() { # shot PAGE PNG HEIGHT
    profile=$(mktemp -d)
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --screenshot="$2" --window-size=1280,"$3" "file://$1" 2>/dev/null
    rm -rf "$profile"
    echo "$2"
}

"$bin" check --format html "$data/article.txt" "$data/teaser.txt" >"$out/demo.html" || true
"$bin" check --format html --no-default-rules --rules "$data/rules.toml" "$data/article.txt" \
    >"$out/custom.html" || true
# The popup needs a click. The page's Content-Security-Policy only runs the page's own script,
# so the preview copy drops the policy and adds a one-line script that clicks a highlight.
sed -e '/http-equiv="Content-Security-Policy"/d' \
    -e 's|</body>|<script>document.querySelectorAll("mark")[2].click()</script></body>|' \
    "$out/custom.html" >"$out/popup.html"
shot "$out/demo.html" "$out/demo.png" 2000
shot "$out/custom.html" "$out/custom.png" 1100
shot "$out/popup.html" "$out/popup.png" 1100
