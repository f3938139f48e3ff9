#!/usr/bin/env python3
"""Loads every export of one `actorgraph build -o DIR` run in the client
libraries users load them with, and checks them against graph.json.

    python3 tests/py/check_exports.py DIR

- graph.json    networkx node_link_graph (no arguments on networkx >= 3.6;
                edges="edges" on 3.4 and 3.5, link="edges" before)
- graph.graphml networkx read_graphml
- graph.gexf    networkx read_gexf (viz colour, size and position included)
- graph.cyjs    networkx cytoscape_graph
- nodes.csv, edges.csv  the csv module, against the rules of neo4j-admin
                import headers and Gephi's spreadsheet import

Checks node and link counts and, for every node and link, the attributes
with their types; for dated links (graph.json has `first_seen`), that every
format carries `first_seen` and `last_seen`, and that the GEXF spells cover
exactly the link's days in runs of consecutive days. Exit status: 0 all good, 1 a check failed, 3 networkx is
not installed (`pip install networkx`).
"""

import csv
import datetime
import json
import math
import os
import sys

try:
    import networkx as nx
except ImportError:
    print("check_exports.py: networkx is not installed: pip install networkx", file=sys.stderr)
    sys.exit(3)

FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)
    return cond


def close(a, b):
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def networkx_version():
    return tuple(int(p) for p in nx.__version__.split(".")[:2] if p.isdigit())


def load_node_link(data):
    if networkx_version() >= (3, 6):
        # The point of the format: read as it is, without any argument
        # (networkx 3.6 reads the edges from "edges" by default).
        return nx.node_link_graph(data)
    try:
        return nx.node_link_graph(data, edges="edges")
    except TypeError:
        # networkx < 3.4 names the keyword `link` and defaults to "links".
        return nx.node_link_graph(data, link="edges")


def edge_list(g):
    """Edges as (source, target, data) in file order (networkx keeps
    insertion order, which is the export order)."""
    if g.is_multigraph():
        return [(u, v, d) for u, v, _k, d in g.edges(keys=True, data=True)]
    return list(g.edges(data=True))


def by_pair(edges):
    """Edges grouped by (source, target), each group in file order."""
    out = {}
    for u, v, d in edges:
        out.setdefault((u, v), []).append(d)
    return out


def check_json(path, want):
    g = load_node_link(want)
    check(g.is_directed() and g.is_multigraph(), "json: not a directed multigraph")
    check(g.number_of_nodes() == len(want["nodes"]), f"json: {g.number_of_nodes()} nodes, want {len(want['nodes'])}")
    check(g.number_of_edges() == len(want["edges"]), f"json: {g.number_of_edges()} edges, want {len(want['edges'])}")
    for n in want["nodes"]:
        d = g.nodes[n["id"]]
        check(d["label"] == n["label"] and d["kind"] == n["kind"] and d["mentions"] == n["mentions"], f"json: node {n['id']} attributes")
    for link in want["edges"]:
        d = g.edges[link["source"], link["target"], link["key"]]
        check(d["relation"] == link["relation"] and d["count"] == link["count"], f"json: link {link['key']}")
        check(isinstance(d["evidence"], list) and len(d["evidence"]) >= 1, f"json: link {link['key']} has no evidence")
        for ev in d["evidence"]:
            check(ev["end"] - ev["start"] == len(ev["text"].encode("utf-8")), f"json: evidence span of {link['key']} does not match its text")
    return g


def check_typed_graph(name, g, want, edge_key_of):
    """Common checks for GraphML, GEXF and Cytoscape: counts, node and
    link attributes with their Python types."""
    nodes = {n["id"]: n for n in want["nodes"]}
    check(g.is_directed(), f"{name}: not directed")
    check(g.number_of_nodes() == len(nodes), f"{name}: {g.number_of_nodes()} nodes, want {len(nodes)}")
    check(g.number_of_edges() == len(want["edges"]), f"{name}: {g.number_of_edges()} edges, want {len(want['edges'])}")
    for node_id, n in nodes.items():
        if not check(node_id in g.nodes, f"{name}: node {node_id} missing"):
            continue
        d = g.nodes[node_id]
        check(d.get("label") == n["label"], f"{name}: node {node_id} label {d.get('label')!r}")
        check(d.get("kind") == n["kind"], f"{name}: node {node_id} kind")
        check(type(d.get("mentions")) is int and d["mentions"] == n["mentions"], f"{name}: node {node_id} mentions {d.get('mentions')!r} (int {n['mentions']})")
        check(type(d.get("documents")) is int and d["documents"] == n["documents"], f"{name}: node {node_id} documents")
        if "affiliation" in n:
            check(d.get("affiliation") == n["affiliation"], f"{name}: node {node_id} affiliation")
    groups = by_pair(edge_list(g))
    wanted = by_pair((l["source"], l["target"], l) for l in want["edges"])
    check(set(groups) == set(wanted), f"{name}: linked pairs differ from graph.json")
    for pair, links in wanted.items():
        got = {edge_key_of(d): d for d in groups.get(pair, [])}
        for link in links:
            d = got.get(link["key"])
            if not check(d is not None, f"{name}: link {pair} {link['key']} missing"):
                continue
            where = f"{name}: link {pair} {link['key']}"
            check(d.get("relation") == link["relation"], f"{where} relation")
            check(d.get("modality") == link["modality"], f"{where} modality")
            check(type(d.get("count")) is int and d["count"] == link["count"], f"{where} count {d.get('count')!r}")
            check(type(d.get("confidence")) is float and close(d["confidence"], link["confidence"]), f"{where} confidence {d.get('confidence')!r}")
            check(type(d.get("asserted")) is bool and d["asserted"] == (link["modality"] == "asserted"), f"{where} asserted {d.get('asserted')!r}")
            if link["goldstein"] is not None:
                check(type(d.get("goldstein")) is float and close(d["goldstein"], link["goldstein"]), f"{where} goldstein {d.get('goldstein')!r}")
            if link["cameo"] is not None:
                check(d.get("cameo") == link["cameo"], f"{where} cameo {d.get('cameo')!r}")
            ev = d.get("evidence")
            texts = ev if isinstance(ev, list) else str(ev).split("\n")
            check(len(texts) == len(link["evidence"]), f"{where} evidence count")
            for t, e in zip(texts, link["evidence"]):
                check(t == " ".join(e["text"].split()), f"{where} evidence text {t!r}")
            check_dates(where, d, link)


def check_dates(where, d, link):
    """A dated link carries its first and last day; an undated one neither."""
    if "first_seen" in link:
        check(d.get("first_seen") == link["first_seen"], f"{where} first_seen {d.get('first_seen')!r}, want {link['first_seen']!r}")
        check(d.get("last_seen") == link["last_seen"], f"{where} last_seen {d.get('last_seen')!r}, want {link['last_seen']!r}")
    else:
        check(d.get("first_seen") is None and d.get("last_seen") is None, f"{where} is undated but has first_seen/last_seen")


def day_runs(days):
    """Sorted YYYY-MM-DD days as (first, last) runs of consecutive days."""
    runs = []
    for day in sorted(days):
        if runs and datetime.date.fromisoformat(runs[-1][1]) + datetime.timedelta(days=1) == datetime.date.fromisoformat(day):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def check_graphml(path, want):
    g = nx.read_graphml(path)
    check_typed_graph("graphml", g, want, lambda d: d.get("key"))
    check(g.graph.get("documents") == want["graph"]["documents"], "graphml: graph documents")


def check_gexf(path, want):
    g = nx.read_gexf(path)
    check_typed_graph("gexf", g, want, lambda d: f"{d.get('relation')}:{d.get('modality')}")
    dated = any("days" in link for link in want["edges"])
    check(g.graph.get("mode") == ("dynamic" if dated else "static"), f"gexf: graph mode {g.graph.get('mode')!r} (dated links: {dated})")
    spells = {(u, v, f"{d.get('relation')}:{d.get('modality')}"): d.get("spells") for u, v, d in edge_list(g)}
    for link in want["edges"]:
        got = spells.get((link["source"], link["target"], link["key"]))
        want_runs = day_runs(link["days"]) if "days" in link else None
        check(got == want_runs, f"gexf: link {link['source']}->{link['target']} {link['key']} spells {got!r}, want {want_runs!r}")
    for node_id in g.nodes:
        viz = g.nodes[node_id].get("viz", {})
        check({"color", "size", "position"} <= set(viz), f"gexf: node {node_id} viz {sorted(viz)}")


def check_cytoscape(path, want):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    check(set(data["elements"]) == {"nodes", "edges"}, "cyjs: elements must hold nodes and edges")
    ids = [e["data"]["id"] for e in data["elements"]["edges"]]
    check(len(set(ids)) == len(ids), "cyjs: edge ids are not unique")
    for e in data["elements"]["nodes"] + data["elements"]["edges"]:
        check(set(e) == {"data"}, f"cyjs: element with keys {sorted(e)}")
        for k, v in e["data"].items():
            ok = v is None or isinstance(v, (str, int, float, bool)) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
            check(ok, f"cyjs: attribute {k} is not a flat value or a list of strings")
    g = nx.cytoscape_graph(data)
    check(g.is_multigraph(), "cyjs: not a multigraph")
    check_typed_graph("cyjs", g, want, lambda d: d.get("key"))


NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date", "localtime", "time", "localdatetime", "datetime", "duration", "point"}


def parse_neo4j(value, ty, where):
    """Parses one field as neo4j-admin import would; '' is a missing value."""
    if value == "":
        return None
    array = ty.endswith("[]")
    base = ty[:-2] if array else ty
    items = value.split(";") if array else [value]
    out = []
    for item in items:
        if base in ("int", "long"):
            check(item.lstrip("-").isdigit(), f"{where}: {item!r} is not an {base}")
        elif base in ("float", "double"):
            try:
                float(item)
            except ValueError:
                check(False, f"{where}: {item!r} is not a {base}")
        elif base == "boolean":
            check(item in ("true", "false"), f"{where}: {item!r} is not a boolean")
        elif base == "date":
            try:
                datetime.date.fromisoformat(item)
                ok = len(item) == 10
            except ValueError:
                ok = False
            check(ok, f"{where}: {item!r} is not a YYYY-MM-DD date")
        out.append(item)
    return out if array else out[0]


def read_csv(path, kind):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    lower = [h.lower() for h in header]
    check(len(set(lower)) == len(lower), f"{kind}: Gephi rejects repeated column names: {header}")
    for h in header:
        name, _, ty = h.partition(":")
        if ty and not ty.startswith(("ID", "START_ID", "END_ID", "TYPE", "LABEL", "IGNORE")):
            check(ty.rstrip("[]") in NEO4J_TYPES, f"{kind}: unknown neo4j type in header {h!r}")
    for i, r in enumerate(body):
        check(len(r) == len(header), f"{kind}: row {i + 2} has {len(r)} fields, header {len(header)}")
    return header, body


def check_csv(nodes_path, edges_path, want):
    nh, nodes = read_csv(nodes_path, "nodes.csv")
    eh, edges = read_csv(edges_path, "edges.csv")
    check(sum(1 for h in nh if h.endswith(":ID")) == 1, f"nodes.csv: needs one :ID column: {nh}")
    check(":LABEL" in nh, "nodes.csv: no :LABEL column")
    for col in (":START_ID", ":END_ID", ":TYPE"):
        check(col in eh, f"edges.csv: no {col} column")
    # Gephi's spreadsheet import matches these names, ignoring case.
    for col in ("id", "label"):
        check(col in [h.lower() for h in nh], f"nodes.csv: no Gephi {col} column")
    for col in ("source", "target", "type", "kind", "label", "weight"):
        check(col in [h.lower() for h in eh], f"edges.csv: no Gephi {col} column")
    check(len(nodes) == len(want["nodes"]), f"nodes.csv: {len(nodes)} rows, want {len(want['nodes'])}")
    check(len(edges) == len(want["edges"]), f"edges.csv: {len(edges)} rows, want {len(want['edges'])}")

    def typed(header, row, where):
        out = {}
        for h, v in zip(header, row):
            name, _, ty = h.partition(":")
            if ty in ("ID", "START_ID", "END_ID", "TYPE", "LABEL"):
                out[":" + ty] = v
            else:
                out[name] = parse_neo4j(v, ty or "string", f"{where} {h}")
        return out

    ids = set()
    for i, (row, n) in enumerate(zip(nodes, want["nodes"])):
        d = typed(nh, row, f"nodes.csv row {i + 2}")
        ids.add(d[":ID"])
        check(d[":ID"] == n["id"] and d["Id"] == n["id"] and d["Label"] == n["label"], f"nodes.csv row {i + 2}: id/label")
        check(d[":LABEL"].split(";")[0] == "Actor", f"nodes.csv row {i + 2}: labels {d[':LABEL']!r}")
        check(int(d["mentions"]) == n["mentions"], f"nodes.csv row {i + 2}: mentions")
        check(sorted(d["aliases"] or []) == sorted(a.replace(";", "；") for a in n["aliases"]), f"nodes.csv row {i + 2}: aliases")
    dated = any("first_seen" in link for link in want["edges"])
    for col in ("first_seen:date", "last_seen:date"):
        check((col in eh) == dated, f"edges.csv: column {col} {'missing' if dated else 'present'} (dated links: {dated})")
    for i, (row, link) in enumerate(zip(edges, want["edges"])):
        where = f"edges.csv row {i + 2}"
        d = typed(eh, row, where)
        check(d[":START_ID"] in ids and d[":END_ID"] in ids, f"{where}: unknown node id")
        check((d[":START_ID"], d[":END_ID"]) == (link["source"], link["target"]), f"{where}: endpoints")
        check(d[":TYPE"] == link["relation"].upper(), f"{where}: type {d[':TYPE']!r}")
        check(int(d["count"]) == link["count"] and close(d["confidence"], link["confidence"]), f"{where}: count/confidence")
        check(d["Type"] in ("Directed", "Undirected"), f"{where}: Gephi Type {d['Type']!r}")
        check(len(d["evidence"] or []) == len(link["evidence"]), f"{where}: evidence items")
        if dated:
            check_dates(where, d, link)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = sys.argv[1]
    with open(os.path.join(out, "graph.json"), encoding="utf-8") as f:
        want = json.load(f)
    checks = [
        ("graph.json", lambda: check_json(os.path.join(out, "graph.json"), want)),
        ("graph.graphml", lambda: check_graphml(os.path.join(out, "graph.graphml"), want)),
        ("graph.gexf", lambda: check_gexf(os.path.join(out, "graph.gexf"), want)),
        ("graph.cyjs", lambda: check_cytoscape(os.path.join(out, "graph.cyjs"), want)),
        ("nodes.csv/edges.csv", lambda: check_csv(os.path.join(out, "nodes.csv"), os.path.join(out, "edges.csv"), want)),
    ]
    for name, run in checks:
        before = len(FAILURES)
        try:
            run()
        except Exception as e:  # a reader rejecting the file is a failure too
            FAILURES.append(f"{name}: {type(e).__name__}: {e}")
        status = "ok" if len(FAILURES) == before else "FAILED"
        print(f"{name}: {status}")
    print(f"networkx {nx.__version__}: {len(want['nodes'])} nodes, {len(want['edges'])} edges")
    if FAILURES:
        for f in FAILURES[:40]:
            print("  " + f, file=sys.stderr)
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
