#!/usr/bin/env bash
# The Spark recipe (examples/spark) in Spark local mode on a generated
# corpus of a few thousand documents: the graph Spark's job hands back must
# equal, byte for byte, the graph `actorgraph build` makes in one process,
# and the Spark SQL link counts must add up to the graph's.
#
#   bash .ci/spark.sh            (after cargo build --release)
#
# Installs Java 17 (apt) and pyspark (pip) when missing; skips, saying so,
# only when Java cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${SPARK_TEST_DOCS:-2000}
bin=$PWD/target/release/actorgraph

if ! command -v java >/dev/null; then
  if command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null || true
  fi
fi
if ! command -v java >/dev/null; then
  echo ".ci/spark.sh: SKIPPED: no Java and it could not be installed (apt-get install openjdk-17-jre-headless)" >&2
  exit 0
fi
python3 -c 'import pyspark' 2>/dev/null || python3 -m pip install -q pyspark
java -version 2>&1 | head -1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 examples/spark/make_corpus.py --docs "$docs" > "$work/corpus.jsonl"
"$bin" build --quiet "$work/corpus.jsonl" -o "$work/single.json"
python3 examples/spark/actorgraph_spark.py "$work/corpus.jsonl" --out "$work/spark" \
  --binary "$bin" --partitions 4 --master 'local[2]' 2> "$work/spark.log" || {
  tail -40 "$work/spark.log" >&2
  exit 1
}
cmp "$work/single.json" "$work/spark/graph.json" || {
  echo ".ci/spark.sh: the Spark graph differs from the single-process graph" >&2
  exit 1
}
python3 - "$work" <<'PY'
import csv, glob, json, sys
work = sys.argv[1]
graph = json.load(open(f"{work}/single.json"))
links = sum(e["count"] for e in graph["edges"])
rows = list(csv.DictReader(open(glob.glob(f"{work}/spark/pair_counts/*.csv")[0])))
counted = sum(int(r["occurrences"]) for r in rows)
assert counted == links, (counted, links)
assert len(rows) == len(graph["edges"]), (len(rows), len(graph["edges"]))
print(f".ci/spark.sh: {graph['graph']['documents']} documents, {len(rows)} links, {links} occurrences: Spark = single process")
PY
