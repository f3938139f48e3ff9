#!/usr/bin/env python3
"""actorgraph on Apache Spark: a JSON Lines corpus in, the event table as
Parquet, two Spark SQL aggregates and the actor graph out.

Each partition of the corpus is piped through `actorgraph extract
--stdin-jsonl` (RDD.pipe: one process per partition, documents in on
standard input, event rows out as JSON Lines); Spark parses the rows with
the table's schema and writes them as Parquet; Spark SQL counts links per
pair and relation and ranks actors by degree; `actorgraph build
--from-events` folds the Parquet table into the graph, the same graph
`actorgraph build` makes from the whole corpus in one process.

Local run (Java 17 and `pip install pyspark`):

    spark-submit --master 'local[2]' examples/spark/actorgraph_spark.py \\
        corpus.jsonl --out /tmp/ag --binary target/release/actorgraph

Outputs under --out: events.parquet/ (the table), pair_counts/ and
top_actors/ (CSV), graph.json.
"""

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql import types as T

# The event table's columns (src/events/mod.rs documents them).
S, I, L, F, D = T.StringType(), T.IntegerType(), T.LongType(), T.FloatType(), T.DoubleType()
SCHEMA = T.StructType(
    [T.StructField(name, kind, nullable=name not in ("record", "doc_id")) for name, kind in [
        ("record", S), ("doc_id", S), ("date", S), ("doc_source", S),
        ("sentence", I), ("sentence_start", L), ("sentence_end", L),
        ("source_id", S), ("source_label", S), ("source_kind", S), ("source_affiliation", S),
        ("role", S), ("aliases", T.ArrayType(S)), ("mentions", L),
        ("target_id", S), ("target_label", S), ("target_kind", S), ("target_affiliation", S),
        ("relation", S), ("cameo", S), ("goldstein", D), ("modality", S), ("confidence", F),
        ("trigger_start", L), ("trigger_end", L), ("source_start", L), ("source_end", L),
        ("target_start", L), ("target_end", L), ("evidence", S),
    ]]
)

PAIR_COUNTS = """
SELECT source_id, target_id, relation, modality, count(*) AS occurrences,
       min(date) AS first_seen, max(date) AS last_seen
FROM events
WHERE record IN ('relation', 'co_mention')
GROUP BY source_id, target_id, relation, modality
ORDER BY occurrences DESC, source_id, target_id, relation, modality
"""

TOP_ACTORS = """
SELECT actor, count(*) AS degree
FROM (SELECT source_id AS actor FROM events WHERE record IN ('relation', 'co_mention')
      UNION ALL
      SELECT target_id AS actor FROM events WHERE record IN ('relation', 'co_mention'))
GROUP BY actor
ORDER BY degree DESC, actor
LIMIT 25
"""


def main():
    ap = argparse.ArgumentParser(description="actorgraph on Apache Spark")
    ap.add_argument("corpus", nargs="+", help="JSON Lines corpus files (any Spark path: hdfs://, s3a://, file)")
    ap.add_argument("--out", required=True, help="output directory (local: graph.json is written here)")
    ap.add_argument("--binary", default="actorgraph", help="actorgraph binary, on every worker")
    ap.add_argument("--partitions", type=int, default=0, help="repartition the corpus (0: as read)")
    ap.add_argument("--events", help="where Spark writes the table (default OUT/events.parquet)")
    ap.add_argument("--master", help="Spark master when run with python3 rather than spark-submit")
    args = ap.parse_args()

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    events_path = args.events or str(out / "events.parquet")
    binary = shutil.which(args.binary) or args.binary
    builder = SparkSession.builder.appName("actorgraph")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()

    lines = spark.sparkContext.textFile(",".join(args.corpus)).filter(lambda l: l.strip())
    if args.partitions:
        lines = lines.repartition(args.partitions)
    # One actorgraph process per partition; an error in it fails the task
    # (and so the job) with actorgraph's message on the executor's stderr.
    rows = lines.pipe(f"{binary} extract --quiet --stdin-jsonl")
    events = spark.read.schema(SCHEMA).option("mode", "FAILFAST").json(rows)
    events.write.mode("overwrite").parquet(events_path)
    extracted = time.time()

    table = spark.read.parquet(events_path)
    table.createOrReplaceTempView("events")
    spark.sql(PAIR_COUNTS).coalesce(1).write.mode("overwrite").option("header", True).csv(str(out / "pair_counts"))
    top = spark.sql(TOP_ACTORS)
    top.coalesce(1).write.mode("overwrite").option("header", True).csv(str(out / "top_actors"))
    for row in top.limit(5).collect():
        print(f"actorgraph_spark: top actor {row['actor']} (degree {row['degree']})")
    aggregated = time.time()
    spark.stop()

    # The table is on a local or mounted path here; on a cluster, copy it
    # down first (hdfs dfs -get) or run this step where it is mounted.
    graph = out / "graph.json"
    subprocess.run([binary, "build", "--quiet", "--from-events", events_path, "-o", str(graph)], check=True)
    done = time.time()
    print(
        f"actorgraph_spark: extract+parquet {extracted - started:.1f} s, "
        f"SQL {aggregated - extracted:.1f} s, build --from-events {done - aggregated:.1f} s, "
        f"total {done - started:.1f} s -> {graph}"
    )


if __name__ == "__main__":
    sys.exit(main())
