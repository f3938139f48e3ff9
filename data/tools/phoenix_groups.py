#!/usr/bin/env python3
"""Derive data/groups.toml from the Phoenix actor dictionaries of PETRARCH2.

What it does
------------
Reads two files of PETRARCH2's Phoenix dictionaries (MIT licence,
Copyright (c) 2014 Open Event Data):

* ``Phoenix.MilNonState.actors.txt``: armed non-state groups, each with a
  code whose first three letters name its home country ("LKAREB": Sri
  Lanka, rebel);
* ``Phoenix.International.actors.txt``: international actors, of which only
  the intergovernmental organisations (codes starting with "IGO") are used.

and writes ``data/groups.toml`` in actorgraph's own lexicon format:

* ``[[actor]]`` tables for groups (``kind = "group"``) and organisations
  (``kind = "organization"``) that neither ``data/actors.toml`` nor
  ``data/countries.toml`` knows;
* ``[[alias]]`` tables that give an actor of ``data/actors.toml`` spellings
  it lacks, when a Phoenix entry's own name is one of that actor's strings
  (Phoenix's "Hizballah" entry adds "Hezballah" to our "Hezbollah").

Only facts are taken (names, aliases, home country); no comment or prose of
the source is copied.

Why so many filters
-------------------
Every alias becomes a string matched in running news text, and the source
lists have many aliases that would match the wrong thing. A string is left
out when it is

* a single ordinary English word ("Tigers", "Youth", "Zero") or a single
  word shorter than four letters;
* an acronym of two letters, or one that is also an English word ("LET");
* a generic phrase: at most two content words that are all ordinary words
  ("Popular Justice", "New Order"), or a descriptive adjective with an
  organisation noun ("Islamic Party", "National Resistance"); a few
  well-known names made of ordinary words are kept (``KEEP``);
* a person's name (a title such as "Sheikh" first, a given name of a
  person in actors.toml first, "bin"/"ibn" inside, or a name of two to four
  foreign words that shares nothing with the group's own name);
* an alias that shares nothing with the entry's name and is a single word
  (nicknames and names of leaders);
* already a name, alias, capital, seat or demonym in countries.toml or
  actors.toml (existing entries win), or an alias of two different Phoenix
  entries (ambiguous);
* written in a form whose news casing cannot be derived (commas, "+",
  Roman numerals, unmatched brackets).

Casing: words are title-cased; "of", "the", "for", "and" and the like, and
the particles of transliterated names ("al", "ul", "e" in
"Lashkar-e-Taiba") are lower case; a word is kept in capitals only when it
is an acronym: given in brackets by the source ("(LTTE)"), without a vowel,
or the initials of another name of the same entry ("PFLP"). A hyphenated word
whose short first part is no word and whose rest is a number, a letter or
a word ("OPR-33", "FLEC-RENEWED") may be an acronym or a name: it is left
out, as are Roman numerals.

Running it
----------
From the repository root (needs Python 3.11+ and an English word list,
``apt-get install wamerican`` on Debian)::

    python3 data/tools/phoenix_groups.py ../shared/reference/petrarch2 data/groups.toml

``--report FILE`` writes every decision (kept, dropped and why). The output
is deterministic: running it twice gives the same file.
"""

import argparse
import difflib
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

WORD_LISTS = ["/usr/share/dict/american-english", "/usr/share/dict/words"]

# Small function words written in lower case inside a name.
LOWER_WORDS = {
    "of", "the", "for", "and", "in", "on", "to", "a", "an", "at", "by", "from", "against",
    "with", "de", "del", "la", "le", "les", "des", "du", "di", "da", "y", "fi", "wa", "li",
    "al", "el", "ul", "ud", "ut", "ad", "ar", "as", "ash", "an", "az", "at", "e", "i",
    "et", "und", "der", "die", "il", "lo", "dos", "das", "do", "no", "ye",
}
# Words that may stand first in lower case (articles of transliterated names).
LOWER_FIRST = {"al"}
# Function words that do not count as content words.
STOP = LOWER_WORDS | {"'s"}

# Head nouns and name words of groups and organisations, in English and in
# the languages the source transliterates; a name with one of them is not a
# person's name.
GROUP_WORDS = {
    "army", "armies", "front", "brigade", "brigades", "battalion", "battalions", "movement",
    "movements", "organization", "organisation", "organizations", "party", "group", "groups",
    "council", "union", "league", "jihad", "mujahideen", "mujahidin", "mujahedin",
    "mujahedeen", "tigers", "force", "forces", "resistance", "liberation", "committee",
    "committees", "cells", "cell", "nuclei", "nucleus", "commando", "commandos", "faction",
    "factions", "alliance", "coalition", "militia", "militias", "guerrilla", "guerrillas",
    "guerilla", "congress", "federation", "society", "association", "command", "network",
    "corps", "regiment", "squad", "squads", "unit", "units", "legion", "order", "fighters",
    "warriors", "defenders", "vanguard", "revolution", "revolutionary", "national",
    "islamic", "islami", "jaish", "jaysh", "jeish", "harakat", "harkat", "hizb", "hizbul",
    "lashkar", "laskar", "ansar", "jamaat", "jamaah", "jemaah", "jamiat", "kataib", "kata'ib",
    "saraya", "tanzim", "jabhat", "jabha", "jund", "fuerzas", "ejercito", "frente",
    "movimiento", "comando", "armata", "tehrik", "sipah", "fedayeen", "bank", "fund",
    "agency", "court", "tribunal", "commission", "assembly", "parliament", "conference",
    "programme", "program", "secretariat", "authority", "mission", "forum", "office",
    "institute", "community", "cooperation", "organisation", "treaty", "partnership",
    "initiative", "panel", "center", "centre", "board", "club", "gang", "brotherhood",
    "sena", "sangh", "samity", "khalsa", "majlis",
}
# Organisation head nouns that make a two-word name generic when the other
# word is only descriptive ("Islamic Party", "National Resistance").
ORG_HEADS = {
    "army", "front", "brigade", "brigades", "battalion", "battalions", "movement",
    "organization", "organisation", "party", "group", "council", "union", "league",
    "force", "forces", "resistance", "committee", "cells", "cell", "nuclei", "nucleus",
    "commando", "commandos", "faction", "alliance", "coalition", "militia", "congress",
    "federation", "society", "association", "command", "community", "unity", "struggle",
    "action", "justice", "solidarity", "youth", "struggle", "war", "fighters", "warriors",
}
# Adjectives that describe rather than name ("Islamic", "Popular").
ETHNIC = {"arab", "arabian", "christian", "jewish", "catholic", "protestant"}
DESCRIPTIVE = {
    "islamic", "muslim", "moslem", "communist", "marxist", "maoist", "leninist", "socialist", "anarchist",
    "revolutionary", "popular", "people's", "peoples", "national", "democratic", "patriotic",
    "proletarian", "united", "free", "new", "international", "secret", "armed", "red",
    "black", "white", "green", "holy", "sunni", "shia", "shiite",
}
# Words of political programmes: a name made only of these and of the two
# lists above ("National Liberation Movement", "Popular Revolutionary
# Front") has been used by groups in many countries.
PROGRAMME_WORDS = {
    "liberation", "freedom", "salvation", "revolution", "independence", "people", "peoples",
    "workers", "war", "struggle", "action", "justice", "solidarity", "unity", "defense",
    "defence", "self-defense", "self-defence", "resistance", "opposition", "rebel", "rebels",
    "guerrilla", "guerrillas", "nationalist", "nationalists", "fighting", "combatant",
    "combatants", "reform", "renewal", "victory", "liberty", "power", "change", "salvation",
    "armed", "socialism", "communism", "islam", "jihad", "anti", "imperialist", "self",
}
# Words that make a string a description or a title rather than a name
# ("UN Secretary General", "al Qaeda Operatives", "al Qaida-Affiliated").
DESCRIPTION_WORDS = {
    "president", "secretary", "secretary-general", "chief", "envoy", "minister", "ministers",
    "spokesman", "spokesperson", "director", "chairman", "leader", "leaders", "head",
    "commander", "operatives", "operative", "members", "member", "linked", "affiliated",
    "offshoot", "monitor", "monitors", "peacekeeper", "peacekeepers", "troops", "official",
    "officials", "resident", "bodies", "rapporteur", "representative",
    "contingent", "project", "initiative", "network", "book",
}
# Month and day names: "May 15", "17 November", "Black Friday" are dates
# or ordinary phrases in news.
CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}
# Names of an actor in actors.toml under an earlier name (renamed bodies).
SAME_AS = {
    "organization of the islamic conference": "Organisation of Islamic Cooperation",
    "organization of islamic conferences": "Organisation of Islamic Cooperation",
}
# Casing the rules cannot derive, for names kept because they matter.
CASING = {"unita": "UNITA", "ezln": "EZLN"}
# Titles that start a person's name.
HONORIFICS = {
    "sheikh", "sheik", "shaikh", "sayyid", "sayyed", "seyyed", "sayed", "imam", "mullah",
    "ayatollah", "general", "gen", "lord", "baron", "dr", "president", "mr", "mrs", "ms",
    "secretary", "secretary-general", "abu", "umm", "commander", "colonel", "brother",
}
# Well-known names of one group each, made of ordinary or programme words,
# kept although the rules above would call them generic.
KEEP = {
    "shining path", "red brigades", "black september", "armed islamic group",
    "islamic salvation front", "islamic salvation army", "new peoples army",
    "revolutionary united front",
}
# Three-letter acronyms that news of the 1990s on uses for one group above
# all; other acronyms of three letters are left out ("ELF" is also Elf
# Aquitaine, "JRA" the Japan Racing Association, "ISA" an Internal
# Security Act).
KEEP_ACRONYMS = {"IRA", "ETA", "KLA", "PUK", "RUF", "LVF", "UDA", "KKK", "MQM", "KNU", "MEK"}
# Strings left out after reading what they matched in news text (see the
# README section on the gazetteer); each with the reason.
DROP = {
    "international government organisation": "a description, not a body",
    "international government organization": "a description, not a body",
    "world family organization": "not an intergovernmental body",
    "organization of world heritage cities": "not an intergovernmental body",
    "american correctional association": "not an intergovernmental body",
    "association mondiale des amis de lenfance": "not an intergovernmental body",
    "jamaah islami": "a truncated spelling of Jemaah Islamiya",
    "philippine secessionist group moro islamic liberation front": "a description",
    "pro chechen wahhabi group": "a description",
    "mcc": "in news mostly the Marylebone Cricket Club",
    "icac": "in news mostly Hong Kong's anti-corruption commission",
    "kurdish patriotic union": "a reordering of Patriotic Union of Kurdistan that takes its mentions",
    "yahweh": "a name of God, not of the group",
    "shahin": "a common given name and surname",
    "eyal": "a common given name",
    "hotaru": "a common Japanese word and given name",
    "hotaru 2": "a variant of a name left out",
    "september france": "not a name news uses",
    "l 23s": "not a name news uses",
    "freedom pary of afghanistan": "a misspelling in the source",
}
# The role written for each kind (a region or bloc code of the source, such
# as "WEU" or "INT", gives no home country: affiliation stays empty).
ROLE = {"group": "armed non-state group", "organization": "intergovernmental organization"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def key(s):
    """A loose comparison key: folded, lower case, punctuation dropped,
    hyphens as spaces, no leading "the". Looser than the matcher's key, so
    a collision found here is at least one the matcher would see."""
    s = fold(s).lower().replace("’", "'")
    s = re.sub(r"[-‐–—/]", " ", s)
    s = re.sub(r"[^a-z0-9 ]", "", s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def slug(name):
    """The node id the lexicon makes of a name (as lexicon::slug does)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


SPELLING = [("isation", "ization"), ("labour", "labor"), ("defence", "defense"),
            ("centre", "center"), ("programme", "program")]


def squash(s):
    """An even looser key for finding the same name written another way:
    no "the", British and American spellings alike, no spaces
    ("Organisation for Security and Co-operation" = "Organization for
    Security and Cooperation")."""
    words = [w for w in key(s).split() if w != "the"]
    s = "".join(words)
    for a, b in SPELLING:
        s = s.replace(a, b)
    return s


def load_words(repo):
    words = set()
    for name in WORD_LISTS:
        p = Path(name)
        if p.exists():
            for w in p.read_text(encoding="utf-8", errors="ignore").split():
                if w.islower() or w.replace("'", "").islower():
                    words.add(fold(w).lower())
            break
    else:
        sys.exit("no English word list found (apt-get install wamerican): " + ", ".join(WORD_LISTS))
    common = repo / "data" / "english" / "common_words.txt"
    words.update(w.strip() for w in common.read_text(encoding="utf-8").split())
    return words


# ---------------------------------------------------------------- parsing

CODE = re.compile(r"\[([A-Z]{3,})([^\]]*)\]")


class Entry:
    def __init__(self, name, line):
        self.raw = [name]
        self.codes = []
        self.dated = False
        self.line = line

    def add_codes(self, text):
        for m in CODE.finditer(text):
            self.codes.append(m.group(1))
            if re.search(r"\d", m.group(2)):
                self.dated = True


def parse(path):
    """Entries of a Phoenix actor file: the name, its "+" aliases and codes."""
    entries = []
    cur = None
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body = line.split("#", 1)[0]
        if re.search(r"[A-Za-z0-9]#", line):
            # "COACUTE#RDOBA": an escaped character, not a comment
            continue
        if not body.strip():
            # A blank or comment-only line ends the alias list of an entry.
            if not line.strip() or line.lstrip().startswith("#"):
                if cur is not None and not line.strip():
                    cur.closed = True
            continue
        if body[0] in " \t":
            if cur is not None and "[" in body:
                cur.add_codes(body)
            continue
        if body.startswith("+"):
            if cur is not None and not getattr(cur, "closed", False):
                cur.raw.append(body[1:].strip())
            continue
        name, _, rest = body.partition("[")
        name = "_".join(name.split())
        cur = Entry(name, n)
        cur.closed = False
        if rest:
            cur.add_codes("[" + rest)
        entries.append(cur)
    return entries


# ---------------------------------------------------------------- casing

VOWELS = set("AEIOUY")
# Acronyms known anywhere (filled by main): "IRA" in "CONTINUITY_IRA".
KNOWN_ACRONYMS = set()


def initials(words):
    return "".join(w[0] for w in words if w.lower() not in STOP and w[:1].isalpha())


# English words (filled by main).
WORDS = set()
# Lower-case words and country names that a bracket may hold as a note
# (filled by main).
NOTE_WORDS = set()


def bracket_acronym(before, inner):
    """Whether `inner`, in brackets after `before`, is the acronym of the
    name ("..._TAMIL_EELAM_(LTTE)") rather than a note ("(COLOMBIA)",
    "(MAVERICKS)")."""
    if not re.fullmatch(r"[A-Z][A-Z0-9/\-]{1,6}", inner):
        return False
    return inner.lower() not in NOTE_WORDS


def split_phrase(raw):
    """(name, [acronyms in brackets]) of a source phrase, or (None, reason)."""
    s = raw.strip().strip("_").strip()
    if not s or "+" in s or "," in s or "#" in s:
        return None, "form"
    acronyms = []
    for m in re.finditer(r"\(([^()]*)\)", s):
        inner = m.group(1).strip("_")
        if bracket_acronym(s[: m.start()], inner):
            acronyms.append(inner)
        else:
            # "NATIONAL_LIBERATION_ARMY_(BOLIVIA)": the source itself says the
            # name is shared by several groups.
            return None, "name the source tells apart only by a note in brackets"
    s = re.sub(r"\([^()]*\)", " ", s)
    if "(" in s or ")" in s:
        return None, "form"
    s = s.replace("_", " ")
    s = re.sub(r"\s+-+\s+", " - ", s)
    s = " ".join(s.split()).strip(" -")
    if not s or not re.fullmatch(r"[A-Z0-9' .\-/&]+", s):
        return None, "form"
    return (s, acronyms), None


def is_acronym(word, entry_words):
    """Whether an upper-case source word is an acronym: no vowel, or the
    initials of another name of the entry."""
    letters = word.replace("-", "").replace("/", "").replace(".", "")
    if not letters.isalnum():
        return False
    first = re.split(r"[-/]", word)[0]
    if first in KNOWN_ACRONYMS:
        return True
    if len(first) >= 2 and not (set(first) & VOWELS) and first.isalpha():
        return True
    for ws in entry_words:
        ini = initials(ws)
        ini_all = "".join(w[0] for w in ws if w[:1].isalpha())
        if len(first) >= 2 and first in (ini, ini_all):
            return True
        # "FARC-EP": the acronym's first part starts the initials
        if len(first) >= 3 and "-" in word and (ini.startswith(first) or ini_all.startswith(first)):
            return True
    return False


def case_word(w, first, entry_words):
    if w in {"II", "III", "IV"}:
        return None
    parts = w.split("-")
    head = parts[0].lower()
    rest = [p.lower() for p in parts[1:]]
    suffix_like = rest and all(
        p not in LOWER_WORDS and (p.isdigit() or len(p) == 1 or p in WORDS) for p in rest
    )
    if (suffix_like and parts[0].isalpha() and len(head) <= 4 and head not in LOWER_WORDS
            and head not in WORDS and head not in GROUP_WORDS and not is_acronym(w, entry_words)):
        # "OPR-33", "FLEC-RENEWED", "IBDA-C": a short first part that is no
        # word may be an acronym or a name; its casing is unknown.
        return None
    out = []
    for i, p in enumerate(parts):
        lp = p.lower()
        if not p:
            out.append(p)
        elif p.isdigit():
            out.append(p)
        elif lp in LOWER_WORDS and not (first and i == 0 and lp not in LOWER_FIRST):
            out.append(lp)
        elif i == 0 and is_acronym(w, entry_words):
            return w
        else:
            out.append(p[:1] + p[1:].lower())
    return "-".join(out)


def news_case(phrase, entry_words):
    """News casing of an upper-case phrase, or None when it cannot be derived."""
    words = phrase.split(" ")
    if words and words[0] == "THE":
        words = words[1:]
    out = []
    for i, w in enumerate(words):
        if w == "-":
            out.append(w)
            continue
        if "/" in w and not is_acronym(w, entry_words):
            return None
        c = case_word(w, i == 0, entry_words)
        if c is None:
            return None
        out.append(c)
    s = " ".join(out)
    return CASING.get(key(s), s) or None


# ---------------------------------------------------------------- filters


class Context:
    def __init__(self, repo, words):
        self.words = words
        common = repo / "data" / "english" / "common_words.txt"
        self.news_words = set(common.read_text(encoding="utf-8").split())
        countries = tomllib.loads((repo / "data" / "countries.toml").read_text(encoding="utf-8"))
        actors = tomllib.loads((repo / "data" / "actors.toml").read_text(encoding="utf-8"))
        self.iso = {}
        self.owner = {}  # key -> (name, kind)
        self.demonyms = set()
        for c in countries["country"]:
            if c.get("iso"):
                self.iso[c["iso"]] = c["name"]
            for s in [c["name"], *c.get("aliases", []), *c.get("capitals", []),
                      *c.get("seats", []), *c.get("demonyms", [])]:
                self.owner.setdefault(squash(s), (c["name"], "country"))
            for d in c.get("demonyms", []):
                self.demonyms.add(key(d))
        self.all_names = [c["name"] for c in countries["country"]]
        self.all_names += [a["name"] for a in actors["actor"]]
        self.given = set()
        self.actors = {}
        self.acronyms = set()
        for a in actors["actor"]:
            self.actors[a["name"]] = a
            for s in [a["name"], *a.get("aliases", [])]:
                self.owner.setdefault(squash(s), (a["name"], a["kind"]))
                if re.fullmatch(r"[A-Z]{2,9}", s):
                    self.acronyms.add(s)
            if a["kind"] == "person":
                parts = key(a["name"]).split()
                if len(parts) >= 2:
                    self.given.add(parts[0])

    def ordinary(self, w):
        w = key(w)
        return w in self.words or w.rstrip("s") in self.words or w in CALENDAR

    def descriptive(self, w):
        w = key(w)
        return w in DESCRIPTIVE or w in ETHNIC or w in self.demonyms or self.ordinary(w)


def content(name):
    return [w for w in name.replace("-", " ").split() if key(w) and key(w) not in STOP]


def reject(name, ctx, canonical, entry_keys):
    """Why `name` may not be a string of its entry, or None."""
    k = key(name)
    if k in DROP:
        return "listed in DROP: " + DROP[k]
    if len(k) < 3:
        return "too short"
    words = content(name)
    lw = [key(w) for w in words]
    single = len(words) == 1
    upper = name.replace("-", "").replace("/", "").isupper()
    if all(w in CALENDAR or re.fullmatch(r"\d+(st|nd|rd|th)?", w) for w in lw):
        return "a date"
    if single and upper:
        letters = re.sub(r"[^A-Za-z]", "", name)
        if len(letters) < 3:
            return "acronym of two letters"
        if key(name) in ctx.news_words:
            return "acronym that is a word of news text"
        if len(letters) == 3 and name not in KEEP_ACRONYMS:
            return "acronym of three letters (most stand for several bodies)"
        return None
    if single:
        if ctx.ordinary(name) or ctx.ordinary(words[0]) or k in ctx.demonyms:
            return "single ordinary word"
        if len(k) < 4:
            return "single short word"
        if not canonical:
            close = [x for x in entry_keys if x != k and difflib.SequenceMatcher(None, k, x).ratio() >= 0.7]
            parts = {p for x in entry_keys for p in x.split() if x != k}
            if not close and k not in parts:
                return "single word unrelated to the entry's name (nickname or person)"
        return None
    if any(w in DESCRIPTION_WORDS for w in key(name).split()):
        return "a title or description, not a name"
    if k in KEEP:
        return None
    generic = DESCRIPTIVE | ORG_HEADS | PROGRAMME_WORDS | STOP
    if len(words) <= 4 and all(w in generic or w.replace(" ", "-") in generic for w in lw):
        return "generic phrase of programme words (used by many groups)"
    if len(words) <= 2 and all(ctx.ordinary(w) for w in words):
        return "generic phrase of ordinary words"
    if len(words) <= 2 and lw[-1] in ORG_HEADS and all(ctx.descriptive(w) for w in words):
        return "generic phrase (descriptive word and organisation noun)"
    has_group = any(w in GROUP_WORDS for w in lw)
    if not has_group:
        if lw[0] in HONORIFICS:
            return "person (title first)"
        if lw[0] in ctx.given and len(words) <= 4:
            return "person (given name first)"
        if any(w in {"bin", "ibn", "bint"} for w in key(name).split()):
            return "person (bin/ibn)"
        if not canonical and 2 <= len(words) <= 4:
            own = {p for x in entry_keys if x != k for p in x.split()}
            if not (set(lw) & own) and not any(ctx.ordinary(w) for w in words):
                return "foreign or personal name unrelated to the entry's name"
    return None


# ---------------------------------------------------------------- building


def candidates(entry, ctx):
    """(canonical, [aliases]) in news casing, with dropped strings and reasons."""
    phrases = []
    dropped = []
    for raw in entry.raw:
        parts, why = split_phrase(raw)
        if parts is None:
            dropped.append((raw, why))
            continue
        name, acr = parts
        # "A/B" of two full names is two names.
        pieces = [name]
        if "/" in name and " " in name:
            pieces = [p.strip() for p in name.split("/") if p.strip()]
            if len(pieces) != 2 or any(len(p.split()) < 3 for p in pieces):
                dropped.append((raw, "two names joined by '/' that cannot be told apart"))
                continue
        phrases.append((raw, pieces, acr))
    entry_words = []
    for _, pieces, acr in phrases:
        for p in pieces:
            entry_words.append([w for ws in p.split(" ") for w in ws.split("-") if w])
    out = []
    for i, (raw, pieces, acr) in enumerate(phrases):
        for p in pieces:
            c = news_case(p, entry_words)
            if c is None:
                dropped.append((raw, "casing cannot be derived"))
            else:
                out.append(c)
        for a in acr:
            # Only the entry's own name vouches for its acronym; those of
            # variant names ("IRISH_CONTINUITY_ARMY_COUNCIL_(ICAC)") are
            # mostly better known as something else.
            if i == 0 and raw == entry.raw[0]:
                out.append(a)
            else:
                dropped.append((a, "acronym of a variant name"))
    seen = set()
    uniq = []
    for s in out:
        if key(s) not in seen:
            seen.add(key(s))
            uniq.append(s)
    return uniq, dropped


def affiliation(entry, ctx):
    for c in entry.codes:
        name = ctx.iso.get(c[:3])
        if name:
            return name
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="folder with the Phoenix .actors.txt files")
    ap.add_argument("out", type=Path, help="TOML file to write (data/groups.toml)")
    ap.add_argument("--repo", type=Path, default=Path("."), help="repository root (default: .)")
    ap.add_argument("--report", type=Path, help="write every decision to this file")
    args = ap.parse_args()
    ctx = Context(args.repo, load_words(args.repo))
    report = []
    KNOWN_ACRONYMS.update(ctx.acronyms)
    WORDS.update(ctx.words)
    # a short word in brackets is an acronym ("(ETA)"), a long one a note
    NOTE_WORDS.update(w for w in ctx.words if len(w) >= 5)
    NOTE_WORDS.update(k for k, (_, kind) in ctx.owner.items() if kind == "country")
    for f in ["Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt"]:
        text = (args.source / f).read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"^([^#\n(]*)\(([A-Z]{2,9})\)", text, re.M):
            if bracket_acronym(m.group(1).lstrip("+"), m.group(2)):
                KNOWN_ACRONYMS.add(m.group(2))

    raw_entries = []
    for e in parse(args.source / "Phoenix.MilNonState.actors.txt"):
        raw_entries.append(("group", e))
    for e in parse(args.source / "Phoenix.International.actors.txt"):
        if not e.codes or not e.codes[0].startswith("IGO"):
            continue
        if e.dated:
            report.append(f"drop entry {e.raw[0]}: dated code (a person in office)")
            continue
        raw_entries.append(("organization", e))

    # Pass 1: cased names of every entry; entries whose names share a key merge.
    entries = []
    for kind, e in raw_entries:
        names, dropped = candidates(e, ctx)
        for raw, why in dropped:
            report.append(f"drop {raw!r} of {e.raw[0]}: {why}")
        if not names:
            continue
        loose = e.raw[0].endswith("__")
        entries.append({"kind": kind, "names": names, "aff": affiliation(e, ctx), "src": e.raw[0],
                        "loose": loose})
    merged = []
    by_key = {}
    for en in [x for x in entries if not x["loose"]]:
        k = squash(en["names"][0])
        if k in by_key:
            m = by_key[k]
            m["names"] += [n for n in en["names"] if squash(n) not in {squash(x) for x in m["names"]}]
            m["aff"] = m["aff"] or en["aff"]
            continue
        by_key[k] = en
        merged.append(en)

    # The end of the group file lists people and spellings of groups, one a
    # line, tied to a group only by a shared code. A line without a group
    # word is taken for a person and left out; one with a group word joins
    # the entry (or the actor of actors.toml) whose name it closely spells.
    existing = {squash(s): a["name"] for a in ctx.actors.values()
                if a["kind"] in ("group", "organization")
                for s in [a["name"], *a.get("aliases", [])]}
    for en in [x for x in entries if x["loose"]]:
        n = en["names"][0]
        if not any(key(w) in GROUP_WORDS for w in content(n)):
            report.append(f"drop entry {en['src']}: one-line entry without a group word (a person?)")
            continue
        q = squash(n)
        best, best_ratio = None, 0.0
        for m in merged:
            for x in m["names"]:
                r = difflib.SequenceMatcher(None, q, squash(x)).ratio()
                if r > best_ratio:
                    best, best_ratio = m, r
        for x, name in existing.items():
            r = difflib.SequenceMatcher(None, q, x).ratio()
            if r > best_ratio:
                best, best_ratio = name, r
        if best_ratio < 0.85:
            merged.append(en)
            by_key.setdefault(q, en)
        elif isinstance(best, str):
            # A spelling of an actor we know: offered as its alias below.
            merged.append({**en, "names": [best, *en["names"]]})
        elif q not in {squash(x) for x in best["names"]}:
            best["names"].append(n)

    # IGO entries of the source often give an acronym and the full name as
    # two entries; join an acronym to the full name whose initials it is.
    orgs = [m for m in merged if m["kind"] == "organization"]
    full = [m for m in orgs if " " in m["names"][0]]
    for m in list(orgs):
        n = m["names"][0]
        if " " in n or not n.isupper():
            continue
        target = [f for f in full if initials(f["names"][0].split()) .upper() == n
                  or "".join(w[0] for w in f["names"][0].split()).upper() == n]
        if len(target) == 1:
            target[0]["names"].append(n)
        else:
            report.append(f"drop entry {m['src']}: acronym without a known full name")
        merged.remove(m)
    for m in merged:
        if m["kind"] == "organization" and not any(
            key(w) in GROUP_WORDS for w in content(m["names"][0])
        ):
            report.append(f"drop entry {m['src']}: no organisation word in its name")
            m["names"] = []

    # Strings claimed by two different entries are ambiguous.
    claims = {}
    for i, m in enumerate(merged):
        for n in m["names"]:
            claims.setdefault(squash(n), set()).add(i)

    new_actors = []
    extra_aliases = {}
    for i, m in enumerate(merged):
        if not m["names"]:
            continue
        names = m["names"]
        keys = [key(n) for n in names]
        sq = [squash(n) for n in names]
        canon = names[0]
        owner = ctx.owner.get(sq[0])
        if owner is None and keys[0] in SAME_AS:
            owner = (SAME_AS[keys[0]], ctx.actors[SAME_AS[keys[0]]]["kind"])
        if owner is None:
            # A full name among the aliases that we know says which actor
            # the entry is, when it points to one actor only.
            known_by = {
                ctx.owner[q] for n, k, q in zip(names[1:], keys[1:], sq[1:])
                if q in ctx.owner and " " in k and ctx.owner[q][1] in ("group", "organization")
                and reject(n, ctx, True, keys) is None
            }
            if len(known_by) > 1:
                report.append(f"drop entry {m['src']}: its names belong to {sorted(known_by)}")
                continue
            if known_by:
                owner = known_by.pop()
        if owner and owner[1] in ("group", "organization"):
            # The entry is an actor we know: offer its other spellings.
            existing = ctx.actors[owner[0]]
            known = [key(s) for s in [existing["name"], *existing.get("aliases", [])]]
            for n, k, q in zip(names[1:], keys[1:], sq[1:]):
                why = None
                if q in ctx.owner:
                    why = f"already a string of {ctx.owner[q][0]}"
                elif len(claims.get(q, ())) > 1:
                    why = "alias of two source entries"
                else:
                    why = reject(n, ctx, False, known + [k])
                    related = any(
                        difflib.SequenceMatcher(None, k, x).ratio() >= 0.75
                        or set(k.split()) & set(x.split()) - STOP - {"al"}
                        for x in known
                    )
                    if why is None and not related:
                        why = "not clearly a spelling of " + owner[0]
                if why:
                    report.append(f"drop {n!r} ({m['src']}): {why}")
                else:
                    extra_aliases.setdefault(owner[0], []).append(n)
                    report.append(f"alias {n!r} -> existing {owner[0]}")
            continue
        if owner:
            report.append(f"drop entry {m['src']}: its name is a string of {owner[0]} ({owner[1]})")
            continue
        why = reject(canon, ctx, True, keys)
        if why is None and len(claims.get(sq[0], ())) > 1:
            why = "name of two source entries"
        if why:
            report.append(f"drop entry {m['src']} ({canon!r}): {why}")
            continue
        aliases = []
        for n, k, q in zip(names[1:], keys[1:], sq[1:]):
            if q in ctx.owner:
                why = f"already a string of {ctx.owner[q][0]}"
            elif len(claims.get(q, ())) > 1:
                why = "alias of two source entries"
            else:
                why = reject(n, ctx, False, keys)
            if why:
                report.append(f"drop {n!r} of {canon}: {why}")
            else:
                aliases.append(n)
        new_actors.append({"name": canon, "kind": m["kind"], "aliases": aliases, "aff": m["aff"]})
        report.append(f"actor {canon} ({m['kind']}, {m['aff'] or 'no country'}): {aliases}")

    # Two names with one node id (slug) would make the lexicon refuse to
    # load; the earlier name keeps the id.
    slugs = {slug(n) for n in ctx.all_names}
    kept = []
    for a in new_actors:
        if slug(a["name"]) in slugs:
            report.append(f"drop entry {a['name']}: its id {slug(a['name'])!r} is taken")
            continue
        slugs.add(slug(a["name"]))
        kept.append(a)
    new_actors = kept
    new_actors.sort(key=lambda a: (a["kind"], a["name"].lower()))
    write(args.out, new_actors, extra_aliases)
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
    n_alias = sum(len(a["aliases"]) for a in new_actors)
    n_extra = sum(len(v) for v in extra_aliases.values())
    print(f"{len(new_actors)} new actors with {n_alias} aliases; "
          f"{n_extra} aliases for {len(extra_aliases)} existing actors", file=sys.stderr)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, actors, extra):
    lines = [
        "# GENERATED by data/tools/phoenix_groups.py from the Phoenix actor dictionaries",
        "# of PETRARCH2 (MIT licence, Copyright (c) 2014 Open Event Data; see data/README.md).",
        "# Do not edit by hand: change the script's filters and run it again.",
        "#",
        "# [[actor]]  armed non-state groups and intergovernmental organisations that",
        "#            actors.toml does not list (same fields as there);",
        "# [[alias]]  extra spellings for an actor of actors.toml: `actor` names it,",
        "#            `aliases` are added to its own.",
        "",
    ]
    for a in actors:
        lines += [
            "[[actor]]",
            f"name = {q(a['name'])}",
            f"kind = {q(a['kind'])}",
            "aliases = [" + ", ".join(q(s) for s in a["aliases"]) + "]",
            f"affiliation = {q(a['aff'])}",
            f"role = {q(ROLE[a['kind']])}",
            "",
        ]
    for name in sorted(extra):
        lines += [
            "[[alias]]",
            f"actor = {q(name)}",
            "aliases = [" + ", ".join(q(s) for s in extra[name]) + "]",
            "",
        ]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)


if __name__ == "__main__":
    main()
