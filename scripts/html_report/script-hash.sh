#!/bin/sh
# Prints the base64 SHA-256 of the classroom page's script, for SCRIPT_SHA256 in
# src/report/html.rs (the page's Content-Security-Policy runs only a script with this hash).
set -eu
cd "$(dirname "$0")/../.."
openssl dgst -sha256 -binary src/report/html/page.js | base64
