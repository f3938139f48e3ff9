#!/usr/bin/env python3
"""Writes a JSON Lines corpus for the Spark recipe and its test: documents
made of 2 to 4 paragraphs drawn (seeded) from the bundled example articles,
each with an id, a date in March 2024 and a source.

    python3 examples/spark/make_corpus.py --docs 3000 > /tmp/corpus.jsonl
    python3 examples/spark/make_corpus.py --mb 1000 > /tmp/corpus-1gb.jsonl
"""

import argparse
import datetime
import json
import pathlib
import random
import sys

ARTICLES = pathlib.Path(__file__).resolve().parents[1] / "articles" / "corpus.jsonl"


def paragraphs():
    out = []
    with open(ARTICLES, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                text = json.loads(line)["text"]
                out.extend(p.strip() for p in text.split("\n\n") if len(p.strip()) > 80)
    if not out:
        sys.exit(f"make_corpus: no paragraph in {ARTICLES}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--docs", type=int, help="number of documents")
    size.add_argument("--mb", type=float, help="megabytes of JSON Lines (at least)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()
    start = datetime.date(2024, 3, 1)
    limit_docs = args.docs if args.docs is not None else (None if args.mb else 3000)
    limit_bytes = int(args.mb * 1e6) if args.mb else None
    written = 0
    out = sys.stdout
    i = 0
    while (limit_docs is None or i < limit_docs) and (limit_bytes is None or written < limit_bytes):
        text = "\n\n".join(rng.sample(pool, rng.randint(2, 4)))
        record = {
            "id": f"gen-{i:07d}",
            "date": (start + datetime.timedelta(days=rng.randrange(28))).isoformat(),
            "source": rng.choice(["wire-a", "wire-b", "daily-c"]),
            "text": text,
        }
        line = json.dumps(record, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        i += 1


if __name__ == "__main__":
    main()
