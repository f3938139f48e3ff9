#!/usr/bin/env python3
"""Writes data/english/common_words.txt: lower-case English words seen
in lower case outside any entity in the CoNLL-2003 training text.

A capitalised word at the start of a sentence is a name only when its
lower-case form is no common word ("Lebed said" but not "Talks resumed");
this list is that vocabulary. Run from the repository root:

    python3 data/english/make_common_words.py ../shared/eval/conll2003/train.txt
"""
import collections
import sys

counts = collections.Counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if len(parts) != 4 or parts[3] != "O":
            continue
        w = parts[0]
        if w.isalpha() and w.islower() and len(w) >= 2:
            counts[w] += 1
words = sorted(w for w, c in counts.items() if c >= 1)
with open("data/english/common_words.txt", "w", encoding="utf-8") as out:
    out.write("".join(w + "\n" for w in words))
print(len(words), "words")
