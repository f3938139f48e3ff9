#!/usr/bin/env bash
# Tools the export tests run the exports through (tests/exports.rs,
# tests/html.rs, tests/py/check_exports.py): Graphviz for svg/png, headless
# Chromium for the HTML page, networkx for JSON/GraphML/GEXF/Cytoscape.
# Installs only what is missing; called by .ci/run. The tests fail with
# install advice when a tool is absent, unless ACTORGRAPH_SKIP_GRAPHVIZ=1,
# ACTORGRAPH_SKIP_BROWSER=1 or ACTORGRAPH_SKIP_NETWORKX=1 is set.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
command -v dot >/dev/null || missing+=(graphviz)
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo ".ci/deps-exports.sh: missing ${missing[*]} and apt-get is not available" >&2
    exit 1
  fi
fi

if ! python3 -c 'import networkx' 2>/dev/null; then
  python3 -m pip install --quiet networkx
fi

dot -V 2>&1 | head -1
(chromium --version 2>/dev/null || chromium-browser --version) | head -1
python3 -c 'import networkx; print("networkx", networkx.__version__)'

# npm for tests/cytoscape_js.rs, which fetches Cytoscape.js 3 from the npm
# registry into <target>/tmp/cyjs at test time (nothing goes in the repo).
if ! command -v npm >/dev/null; then
  if command -v apt-get >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq npm >/dev/null
  else
    echo ".ci/deps-exports.sh: missing npm and apt-get is not available" >&2
    exit 1
  fi
fi
echo "npm $(npm --version)"
