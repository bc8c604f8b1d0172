#!/usr/bin/env bash
# Regenerates docs/report.png, the screenshot of the HTML report in docs/pick.md: the report of
# `optimize` on the default data with production marked, at a budget of $20,000, in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium > /dev/null || { echo "needs chromium (apt-get install -y chromium)" >&2; exit 1; }
swift build -c release --product paretoroute
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/paretoroute optimize --quiet --out "$work/front.json" --html "$work/report.html" \
  --mark GoldenData/production.json > /dev/null
# --no-sandbox: Chromium refuses its sandbox when run as root (as in CI containers).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --virtual-time-budget=10000 --window-size=1200,1250 --screenshot="$work/report.png" \
  "file://$work/report.html#budget=20000" 2> /dev/null
mkdir -p docs
mv "$work/report.png" docs/report.png
echo "wrote docs/report.png"
