#!/bin/sh
# Regenerates everything in output/: every export of one example article,
# plus a headless-Chromium screenshot of the HTML page (used by README.md).
#
#   sh output/regenerate.sh
#
# Needs Graphviz (svg, png) and Chromium (screenshot): bash .ci/deps-exports.sh
set -eu
cd "$(dirname "$0")/.."
cargo run --release --quiet -- build examples/articles/diplomacy_envoys.txt \
  --format json,dot,svg,png,html,graphml,gexf,cytoscape,csv -o output/
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --window-size=1400,860 --virtual-time-budget=5000 \
  --screenshot=output/screenshot.png "file://$PWD/output/graph.html#actor=iran" 2>/dev/null
rm -rf "$profile"
echo "output/: $(ls output | tr '\n' ' ')"
