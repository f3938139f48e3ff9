//! Library-level tests: merging graphs, the evidence cap, graph filters and
//! the invariants every extraction must keep on the bundled articles.

use actorgraph::export::json;
use actorgraph::graph::RelationEdge;
use actorgraph::relations::CO_MENTIONED;
use actorgraph::{ActorGraph, Document, Filter, Modality, Pipeline};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

const ACCUSES: &str = "Egypt accused Qatar of funding militants.";

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("built-in lexicon loads"))
}

fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// The three bundled articles, read from their .txt files.
fn articles() -> Vec<Document> {
    ["diplomacy_envoys", "summit_helsinki", "conflict_odesa"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(articles_dir().join(format!("{name}.txt"))).unwrap();
            Document::new(*name, text)
        })
        .collect()
}

type EdgeKey = (String, String, String, Modality);

fn edges(g: &ActorGraph) -> BTreeMap<EdgeKey, RelationEdge> {
    g.edges_sorted()
        .into_iter()
        .map(|(a, b, e)| {
            (
                (a.id.clone(), b.id.clone(), e.relation.clone(), e.modality),
                e.clone(),
            )
        })
        .collect()
}

fn node_ids(g: &ActorGraph) -> BTreeSet<String> {
    g.nodes_sorted().into_iter().map(|n| n.id.clone()).collect()
}

fn degree_over(g: &ActorGraph, keep: impl Fn(&RelationEdge) -> bool) -> BTreeMap<String, usize> {
    let mut d: BTreeMap<String, usize> = node_ids(g).into_iter().map(|id| (id, 0)).collect();
    for (a, b, e) in g.edges_sorted() {
        if keep(e) {
            *d.get_mut(&a.id).unwrap() += e.count;
            *d.get_mut(&b.id).unwrap() += e.count;
        }
    }
    d
}

// --- merge --------------------------------------------------------------

#[test]
fn merge_equals_graph_of_both_documents() {
    let docs = articles();
    let (first, rest) = docs.split_at(1);
    let mut merged = pipeline().build_graph(first);
    let other = pipeline().build_graph(rest);
    let (g1, g2) = (merged.clone(), other.clone());
    merged.merge(other);
    let both = pipeline().build_graph(&docs);

    assert_eq!(merged.documents(), 3);
    assert_eq!(
        json::to_string(&merged).unwrap(),
        json::to_string(&both).unwrap(),
        "merge must give the graph of all documents"
    );

    // Nodes are the union; mention and document counts add.
    assert_eq!(node_ids(&merged), &node_ids(&g1) | &node_ids(&g2));
    let shared: BTreeSet<String> = &node_ids(&g1) & &node_ids(&g2);
    assert!(
        !shared.is_empty(),
        "precondition: the articles share actors"
    );
    let mentions = |g: &ActorGraph, id: &str| {
        g.nodes_sorted()
            .into_iter()
            .find(|n| n.id == id)
            .map_or(0, |n| n.mentions)
    };
    let docs_of = |g: &ActorGraph, id: &str| {
        g.nodes_sorted()
            .into_iter()
            .find(|n| n.id == id)
            .map_or(0, |n| n.documents)
    };
    for id in node_ids(&merged) {
        assert_eq!(
            mentions(&merged, &id),
            mentions(&g1, &id) + mentions(&g2, &id),
            "{id}"
        );
        assert_eq!(
            docs_of(&merged, &id),
            docs_of(&g1, &id) + docs_of(&g2, &id),
            "{id}"
        );
    }

    // Edges are the union; counts add.
    let (e1, e2, em) = (edges(&g1), edges(&g2), edges(&merged));
    assert_eq!(
        em.keys().cloned().collect::<BTreeSet<_>>(),
        e1.keys().chain(e2.keys()).cloned().collect::<BTreeSet<_>>()
    );
    let mut summed = 0;
    for (k, e) in &em {
        let (c1, c2) = (
            e1.get(k).map_or(0, |e| e.count),
            e2.get(k).map_or(0, |e| e.count),
        );
        assert_eq!(e.count, c1 + c2, "{k:?}");
        summed += (c1 > 0 && c2 > 0) as usize;
    }
    assert!(summed > 0, "precondition: some link occurs in both halves");
}

#[test]
fn merge_of_identical_graphs_doubles_counts() {
    let g = pipeline().build_graph(&[Document::new("a", ACCUSES)]);
    let mut twice = g.clone();
    twice.merge(g.clone());
    assert_eq!(node_ids(&twice), node_ids(&g));
    for (k, e) in edges(&twice) {
        assert_eq!(e.count, 2 * edges(&g)[&k].count, "{k:?}");
        assert_eq!(e.evidence.len(), 2 * edges(&g)[&k].evidence.len(), "{k:?}");
    }
}

#[test]
fn merge_into_empty_graph_is_identity() {
    let g = pipeline().build_graph(&articles());
    let mut empty = ActorGraph::new();
    empty.merge(g.clone());
    assert_eq!(
        json::to_string(&empty).unwrap(),
        json::to_string(&g).unwrap()
    );
}

// --- evidence cap -------------------------------------------------------

fn accusation(g: &ActorGraph) -> RelationEdge {
    edges(g)
        .into_iter()
        .find(|(k, _)| k.0 == "egypt" && k.1 == "qatar" && k.2 == "accuses")
        .map(|(_, e)| e)
        .expect("egypt accuses qatar")
}

#[test]
fn evidence_cap_truncates_and_says_so() {
    let docs: Vec<Document> = (0..5)
        .map(|i| Document::new(format!("d{i}"), ACCUSES))
        .collect();
    let mut capped = ActorGraph::with_evidence_cap(2);
    for d in &docs {
        capped.add(&pipeline().extract(d));
    }
    let e = accusation(&capped);
    assert_eq!(e.count, 5, "every occurrence is counted");
    assert_eq!(e.evidence.len(), 2);
    assert!(e.evidence_truncated);
    assert_eq!(
        e.evidence
            .iter()
            .map(|ev| ev.doc.as_str())
            .collect::<Vec<_>>(),
        ["d0", "d1"],
        "the first occurrences are kept"
    );

    let mut roomy = ActorGraph::with_evidence_cap(5);
    for d in &docs {
        roomy.add(&pipeline().extract(d));
    }
    let e = accusation(&roomy);
    assert_eq!(
        (e.count, e.evidence.len(), e.evidence_truncated),
        (5, 5, false)
    );
}

#[test]
fn evidence_cap_holds_across_merges() {
    let mut a = ActorGraph::with_evidence_cap(3);
    let mut b = ActorGraph::with_evidence_cap(3);
    for i in 0..2 {
        a.add(&pipeline().extract(&Document::new(format!("a{i}"), ACCUSES)));
        b.add(&pipeline().extract(&Document::new(format!("b{i}"), ACCUSES)));
    }
    assert!(!accusation(&a).evidence_truncated && !accusation(&b).evidence_truncated);
    a.merge(b);
    let e = accusation(&a);
    assert_eq!(
        (e.count, e.evidence.len(), e.evidence_truncated),
        (4, 3, true)
    );
}

#[test]
fn truncation_is_exported() {
    let mut g = ActorGraph::with_evidence_cap(1);
    for i in 0..2 {
        g.add(&pipeline().extract(&Document::new(format!("d{i}"), ACCUSES)));
    }
    let v: serde_json::Value = serde_json::from_str(&json::to_string(&g).unwrap()).unwrap();
    let link = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == "accuses")
        .unwrap();
    assert_eq!(link["evidence_truncated"], true);
    assert_eq!(link["count"], 2);
    assert_eq!(link["evidence"].as_array().unwrap().len(), 1);
}

// --- filters ------------------------------------------------------------

fn corpus_graph() -> ActorGraph {
    pipeline().build_graph(&articles())
}

#[test]
fn default_filter_keeps_everything() {
    let g = corpus_graph();
    assert_eq!(
        json::to_string(&g.filtered(&Filter::default())).unwrap(),
        json::to_string(&g).unwrap()
    );
}

#[test]
fn min_count_filter() {
    let mut docs = articles();
    docs.push(Document::new("again", docs[1].text.clone()));
    let g = pipeline().build_graph(&docs);
    let all = edges(&g);
    assert!(
        all.values().any(|e| e.count == 1) && all.values().any(|e| e.count >= 2),
        "precondition: mixed counts"
    );
    let f = g.filtered(&Filter {
        min_count: 2,
        ..Filter::default()
    });
    let kept = edges(&f);
    assert!(!kept.is_empty());
    let expected: BTreeSet<_> = all
        .iter()
        .filter(|(_, e)| e.count >= 2)
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(kept.keys().cloned().collect::<BTreeSet<_>>(), expected);
    // Isolated actors stay by default, and go when asked.
    assert_eq!(node_ids(&f), node_ids(&g));
    let lean = g.filtered(&Filter {
        min_count: 2,
        keep_isolated: false,
        ..Filter::default()
    });
    let linked: BTreeSet<String> = kept
        .keys()
        .flat_map(|k| [k.0.clone(), k.1.clone()])
        .collect();
    assert_eq!(node_ids(&lean), linked);
}

#[test]
fn relations_filter() {
    let g = corpus_graph();
    let all = edges(&g);
    let wanted = ["meets", "accuses"];
    assert!(
        wanted.iter().all(|w| all.keys().any(|k| k.2 == *w)),
        "precondition: the articles hold meets and accuses"
    );
    let f = g.filtered(&Filter {
        relations: wanted.iter().map(|s| s.to_string()).collect(),
        co_mentions: false,
        ..Filter::default()
    });
    let expected: BTreeSet<_> = all
        .keys()
        .filter(|k| wanted.contains(&k.2.as_str()))
        .cloned()
        .collect();
    assert_eq!(edges(&f).keys().cloned().collect::<BTreeSet<_>>(), expected);
}

#[test]
fn co_mention_filter() {
    let g = corpus_graph();
    let all = edges(&g);
    assert!(
        all.keys().any(|k| k.2 == CO_MENTIONED),
        "precondition: co-mentions exist"
    );
    let f = g.filtered(&Filter {
        co_mentions: false,
        ..Filter::default()
    });
    let expected: BTreeSet<_> = all
        .keys()
        .filter(|k| k.2 != CO_MENTIONED)
        .cloned()
        .collect();
    assert_eq!(edges(&f).keys().cloned().collect::<BTreeSet<_>>(), expected);
    // The relation filter does not govern co-mentions.
    let only = g.filtered(&Filter {
        relations: vec!["meets".into()],
        ..Filter::default()
    });
    assert!(edges(&only).keys().any(|k| k.2 == CO_MENTIONED));
    assert!(
        edges(&only)
            .keys()
            .all(|k| k.2 == CO_MENTIONED || k.2 == "meets")
    );
}

#[test]
fn asserted_only_filter() {
    let g = corpus_graph();
    let all = edges(&g);
    assert!(
        all.keys().any(|k| k.3 != Modality::Asserted),
        "precondition: the articles hold negated or hypothetical links"
    );
    let f = g.filtered(&Filter {
        not_asserted: false,
        ..Filter::default()
    });
    let expected: BTreeSet<_> = all
        .keys()
        .filter(|k| k.3 == Modality::Asserted)
        .cloned()
        .collect();
    assert_eq!(edges(&f).keys().cloned().collect::<BTreeSet<_>>(), expected);
}

#[test]
fn min_confidence_filter() {
    let g = corpus_graph();
    let f = g.filtered(&Filter {
        min_confidence: 0.99,
        ..Filter::default()
    });
    for e in edges(&f).values() {
        assert!(e.confidence >= 0.99, "{e:?}");
    }
    let expected = edges(&g).values().filter(|e| e.confidence >= 0.99).count();
    assert_eq!(edges(&f).len(), expected);
}

#[test]
fn top_filter_keeps_the_highest_degree_actors() {
    let g = corpus_graph();
    let n = 5;
    let filter = Filter {
        top: Some(n),
        ..Filter::default()
    };
    let f = g.filtered(&filter);
    let kept = node_ids(&f);
    assert_eq!(kept.len(), n);
    // Nobody left out has a higher degree than somebody kept.
    let degree = degree_over(&g, |e| filter.keeps_edge(e));
    let min_kept = kept.iter().map(|id| degree[id]).min().unwrap();
    let max_dropped = degree
        .iter()
        .filter(|(id, _)| !kept.contains(*id))
        .map(|(_, d)| *d)
        .max()
        .unwrap();
    assert!(
        min_kept >= max_dropped,
        "kept min {min_kept} < dropped max {max_dropped}"
    );
    // Only links between kept actors remain, all of them.
    let expected: BTreeSet<_> = edges(&g)
        .into_keys()
        .filter(|k| kept.contains(&k.0) && kept.contains(&k.1))
        .collect();
    assert_eq!(edges(&f).into_keys().collect::<BTreeSet<_>>(), expected);
    assert_eq!(filter.top_nodes(&g).unwrap(), kept);
}

#[test]
fn filtered_graph_keeps_document_count_and_cap() {
    let mut g = ActorGraph::with_evidence_cap(1);
    for i in 0..3 {
        g.add(&pipeline().extract(&Document::new(format!("d{i}"), ACCUSES)));
    }
    let f = g.filtered(&Filter {
        co_mentions: false,
        ..Filter::default()
    });
    assert_eq!(f.documents(), 3);
    let e = accusation(&f);
    assert_eq!(
        (e.count, e.evidence.len(), e.evidence_truncated),
        (3, 1, true)
    );
}

// --- extraction invariants on the bundled articles ----------------------

#[test]
fn extractions_are_well_formed() {
    for doc in articles() {
        let ex = pipeline().extract(&doc);
        assert_eq!(ex.doc_id, doc.id);
        assert!(!ex.sentences.is_empty(), "{}", doc.id);
        for w in ex.sentences.windows(2) {
            assert!(w[0].end <= w[1].start, "sentences overlap in {}", doc.id);
        }
        for s in &ex.sentences {
            assert!(
                s.start < s.end
                    && s.end <= doc.text.len()
                    && doc.text.is_char_boundary(s.start)
                    && doc.text.is_char_boundary(s.end)
            );
        }
        let ids: BTreeSet<&str> = ex.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            ex.actors.len(),
            "actor ids are unique within {}",
            doc.id
        );
        for m in &ex.mentions {
            assert!(
                m.span.end <= doc.text.len() && m.span.start < m.span.end,
                "{m:?}"
            );
            if let Some(a) = m.actor {
                assert!(a < ex.actors.len(), "{m:?}");
            }
        }
        for ev in &ex.events {
            assert!(
                ev.source < ex.actors.len() && ev.target < ex.actors.len(),
                "{ev:?}"
            );
            assert_ne!(ev.source, ev.target, "self-loop in {}: {ev:?}", doc.id);
            assert!(ev.sentence < ex.sentences.len());
            let s = ex.sentences[ev.sentence];
            for span in [ev.trigger, ev.source_span, ev.target_span] {
                assert!(
                    span.start < span.end && span.end <= doc.text.len(),
                    "{ev:?}"
                );
            }
            assert!(
                s.start <= ev.trigger.start && ev.trigger.end <= s.end,
                "trigger outside its sentence: {ev:?}"
            );
            assert!((0.0..=1.0).contains(&ev.confidence), "{ev:?}");
            assert!((-10.0..=10.0).contains(&ev.goldstein), "{ev:?}");
            assert!(
                pipeline().lexicon().relation(&ev.relation).is_some(),
                "{ev:?}"
            );
        }
        for cm in &ex.co_mentions {
            assert!(
                cm.a < ex.actors.len()
                    && cm.b < ex.actors.len()
                    && cm.a != cm.b
                    && cm.sentence < ex.sentences.len()
            );
        }
    }
}

#[test]
fn every_article_yields_actors_and_relations() {
    let mut kinds = BTreeSet::new();
    let mut modalities = BTreeSet::new();
    let mut total_actors = BTreeSet::new();
    for doc in articles() {
        let ex = pipeline().extract(&doc);
        assert!(
            ex.actors.len() >= 5,
            "{} has only {} actors",
            doc.id,
            ex.actors.len()
        );
        assert!(!ex.events.is_empty(), "{} has no relation", doc.id);
        kinds.extend(ex.actors.iter().map(|a| a.kind));
        modalities.extend(ex.events.iter().map(|e| e.modality));
        total_actors.extend(ex.actors.iter().map(|a| a.id.clone()));
    }
    assert!(total_actors.len() >= 10, "{total_actors:?}");
    assert!(
        kinds.len() >= 3,
        "persons, organisations and countries expected: {kinds:?}"
    );
    assert!(
        modalities.contains(&Modality::Asserted) && modalities.len() >= 2,
        "{modalities:?}"
    );
}

#[test]
fn evidence_text_is_cut_from_the_document() {
    let docs = articles();
    let g = pipeline().build_graph(&docs);
    let by_id: BTreeMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    for e in edges(&g).values() {
        for ev in &e.evidence {
            let text = by_id[ev.doc.as_str()];
            assert_eq!(&text[ev.start..ev.end], ev.text);
            if let Some((a, b)) = ev.trigger {
                assert!(ev.start <= a && b <= ev.end, "{ev:?}");
            }
        }
    }
}

#[test]
fn build_graph_is_deterministic() {
    let mut docs = articles();
    for i in 0..20 {
        docs.push(Document::new(format!("copy-{i}"), docs[i % 3].text.clone()));
    }
    let a = json::to_string(&pipeline().build_graph(&docs)).unwrap();
    let b = json::to_string(&pipeline().build_graph(&docs)).unwrap();
    assert!(a == b, "two builds of the same corpus differ");
}

#[test]
fn corpus_jsonl_holds_the_text_files() {
    let path = articles_dir().join("corpus.jsonl");
    let content = std::fs::read_to_string(&path).unwrap();
    let corpus = actorgraph::input::parse_jsonl(&path, &content).unwrap();
    let files = articles();
    assert_eq!(corpus.len(), files.len());
    for d in &corpus {
        let file = files
            .iter()
            .find(|f| f.id == d.id)
            .unwrap_or_else(|| panic!("{} has no .txt file", d.id));
        assert_eq!(
            d.text, file.text,
            "corpus.jsonl {} differs from {}.txt",
            d.id, d.id
        );
        assert!(d.date.is_some() && d.source.is_some());
    }
}
