//! Property tests: whatever the text, the JSON Lines or the lexicon file,
//! nothing panics, every byte offset of an extraction lies on a character
//! boundary inside its document, and every evidence text equals the slice
//! of the document it names.
//!
//! The default run is short (32 cases per property, a few seconds, for CI);
//! a longer one: `PROPTEST_CASES=2000 cargo test --release --test props`.

use actorgraph::document::Span;
use actorgraph::{ActorGraph, Document, Extraction, Pipeline};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap())
}

/// Cases per property: `PROPTEST_CASES` or 32.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(32);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Words that make the pipeline do something: actors, triggers, titles,
/// pronouns, quotes, punctuation, odd Unicode.
const WORDS: &[&str] = &[
    "Egypt",
    "Qatar",
    "Russia",
    "Ukraine",
    "Iran",
    "France",
    "Vladimir",
    "Putin",
    "Kremlin",
    "spokesman",
    "President",
    "Hamas",
    "Israel",
    "the",
    "a",
    "of",
    "and",
    "accused",
    "met",
    "with",
    "said",
    "sanctions",
    "against",
    "did",
    "not",
    "will",
    "may",
    "talks",
    "held",
    "rejected",
    "he",
    "she",
    "they",
    "its",
    "who",
    ",",
    ".",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "(",
    ")",
    "-",
    "—",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "é",
    "Erdoğan",
    "İstanbul",
    "ß",
    "ﬁ",
    "🇺🇦",
    "👍🏽",
    "\u{200d}",
    "\u{301}",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}[2J",
    "\r\n",
    "U.S.",
    "Mr.",
    "e.g.",
    "...",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => "\\PC{1,12}",
        1 => "[A-Z][a-z]{1,10}",
        // A very long token.
        1 => ("[a-zA-Zé]", 200usize..3000).prop_map(|(c, n)| c.repeat(n)),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..120).prop_map(|w| w.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => news_text(),
        2 => "\\PC{0,400}",
        1 => ".{0,400}",
        // Random bytes read as lossy UTF-8.
        2 => prop::collection::vec(any::<u8>(), 0..1500)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn check_span(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} outside 0..{}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} cuts a character"
    );
    Ok(())
}

fn check_extraction(ex: &Extraction) -> Result<(), TestCaseError> {
    let t = ex.text.as_str();
    for &s in &ex.sentences {
        check_span(t, s, "sentence")?;
    }
    for m in &ex.mentions {
        check_span(t, m.span, "mention")?;
        if let Some(a) = m.actor {
            prop_assert!(a < ex.actors.len());
        }
    }
    for e in &ex.events {
        check_span(t, e.trigger, "trigger")?;
        check_span(t, e.source_span, "source")?;
        check_span(t, e.target_span, "target")?;
        prop_assert!(e.source < ex.actors.len() && e.target < ex.actors.len());
        prop_assert!(e.sentence < ex.sentences.len());
    }
    for c in &ex.co_mentions {
        prop_assert!(c.a < ex.actors.len() && c.b < ex.actors.len());
        prop_assert!(c.sentence < ex.sentences.len());
    }
    Ok(())
}

fn check_graph(g: &ActorGraph, docs: &[Document]) -> Result<(), TestCaseError> {
    for (_, _, e) in g.edges_sorted() {
        for ev in &e.evidence {
            let doc = docs.iter().find(|d| d.id == ev.doc);
            prop_assert!(doc.is_some(), "evidence names unknown doc {}", ev.doc);
            let text = &doc.unwrap().text;
            check_span(text, Span::new(ev.start, ev.end), "evidence")?;
            prop_assert_eq!(&text[ev.start..ev.end], ev.text.as_str());
            if let Some((a, b)) = ev.trigger {
                check_span(text, Span::new(a, b), "evidence trigger")?;
            }
            if let Some(((a, b), (c, d))) = ev.mentions {
                check_span(text, Span::new(a, b), "evidence source")?;
                check_span(text, Span::new(c, d), "evidence target")?;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_extracts_without_panic_on_char_boundaries(text in any_text()) {
        let doc = Document::new("d", text);
        let ex = pipeline().extract(&doc);
        check_extraction(&ex)?;
        let mut g = ActorGraph::new();
        g.add(&ex);
        check_graph(&g, &[doc])?;
    }

    #[test]
    fn graphs_and_exports_of_several_documents_hold(texts in prop::collection::vec(news_text(), 1..4)) {
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), t))
            .collect();
        let g = pipeline().build_graph(&docs);
        check_graph(&g, &docs)?;
        // The merge of the halves is the graph of the whole.
        let (a, b) = docs.split_at(docs.len() / 2);
        let mut merged = pipeline().build_graph(a);
        merged.merge(pipeline().build_graph(b));
        prop_assert_eq!(
            actorgraph::export::json::to_string(&merged).unwrap(),
            actorgraph::export::json::to_string(&g).unwrap()
        );
        for f in [
            actorgraph::export::Format::Json,
            actorgraph::export::Format::Dot,
            actorgraph::export::Format::Graphml,
            actorgraph::export::Format::Cytoscape,
            actorgraph::export::Format::Csv,
        ] {
            prop_assert!(f.render(&g, &Default::default()).is_ok());
        }
        let s = actorgraph::stats::compute(&g);
        let _ = s.to_table(None);
    }

    #[test]
    fn random_jsonl_never_panics(lines in prop::collection::vec(prop_oneof![
        "\\PC{0,80}",
        (any::<i64>(), "\\PC{0,40}").prop_map(|(id, t)| format!("{{\"id\": {id}, \"text\": {}}}", serde_json::to_string(&t).unwrap())),
        ("[0-9]{15,40}", "\\PC{0,40}").prop_map(|(id, t)| format!("{{\"id\": {id}, \"text\": {}}}", serde_json::to_string(&t).unwrap())),
        Just("{\"id\": null, \"text\": \"x\"}".to_string()),
        Just("{\"id\": \"a\", \"text\": \"dup\"}".to_string()),
        Just("\u{feff}{\"id\": \"b\", \"text\": \"x\"}".to_string()),
        Just(String::new()),
    ], 0..12)) {
        let content = lines.join("\n");
        if let Ok(docs) = actorgraph::input::parse_jsonl(Path::new("c.jsonl"), &content) {
            let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), n, "ids are unique");
        }
    }

    #[test]
    fn random_lexicon_files_never_panic(entries in prop::collection::vec(prop_oneof![
        "\\PC{0,40}".prop_map(|n| format!("[[actor]]\nname = {}\nkind = \"group\"\n", toml_str(&n))),
        "\\PC{0,20}".prop_map(|n| format!("[[country]]\nname = {}\n", toml_str(&n))),
        ("\\PC{0,6}", "\\PC{0,10}").prop_map(|(c, v)| format!("[[trigger]]\nrelation = \"accuses\"\ncameo = {}\nverbs = [{}]\n", toml_str(&c), toml_str(&v))),
        (any::<f64>(), "[0-9]{1,4}").prop_map(|(g, c)| format!("[[code]]\ncode = \"{c}\"\nname = \"x\"\ngoldstein = {}\n", toml_float(g))),
        "\\PC{0,60}",
    ], 0..5)) {
        let text = entries.join("\n");
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("lex.toml");
        std::fs::write(&path, &text).unwrap();
        if let Ok(p) = Pipeline::with_lexicons(&[&path]) {
            let ex = p.extract(&Document::new("d", format!("Egypt accused Qatar. {text}")));
            check_extraction(&ex)?;
        }
    }
}

fn toml_str(s: &str) -> String {
    // A TOML basic string: JSON string escapes are valid TOML escapes
    // except \u for astral characters, which JSON writes raw.
    serde_json::to_string(s)
        .unwrap()
        .replace("\\u007f", "\\u007F")
}

fn toml_float(g: f64) -> String {
    if g.is_nan() {
        "nan".to_string()
    } else if g.is_infinite() {
        if g > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{g:?}")
    }
}

// --- shards: extract + build --from-events, and build + merge ----------

fn dated_corpus() -> impl Strategy<Value = Vec<Document>> {
    let date = prop_oneof![
        1 => Just(None),
        3 => (1u32..=4).prop_map(|d| Some(format!("2024-03-0{d}"))),
    ];
    prop::collection::vec((news_text(), date, prop::option::of("[a-c]")), 1..7).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (text, date, source))| Document {
                id: format!("d{i}"),
                text,
                date,
                source,
            })
            .collect()
    })
}

/// The corpus cut into `shards` groups by `assign` (one shard number per
/// document, any order within a shard: reversed when `reverse`).
fn split(docs: &[Document], assign: &[usize], shards: usize, reverse: bool) -> Vec<Vec<Document>> {
    let mut out = vec![Vec::new(); shards];
    for (d, &s) in docs.iter().zip(assign.iter().cycle()) {
        out[s % shards].push(d.clone());
    }
    if reverse {
        for s in &mut out {
            s.reverse();
        }
        out.reverse();
    }
    out
}

fn json(g: &ActorGraph) -> String {
    actorgraph::export::json::to_string(g).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// For any split of a corpus into shards, the event tables of the
    /// shards (JSON Lines and Parquet) and the merge of the shards' graphs
    /// both give the whole corpus's graph byte for byte.
    #[test]
    fn any_split_into_shards_gives_the_whole_graph(
        docs in dated_corpus(),
        shards in 1usize..4,
        assign in prop::collection::vec(0usize..4, 1..7),
        reverse in any::<bool>(),
        parquet in any::<bool>(),
    ) {
        use actorgraph::events::{self, DayWindow, extract::rows_of};
        let whole = json(&pipeline().build_graph(&docs));
        let parts = split(&docs, &assign, shards, reverse);
        let dir = tempfile::TempDir::new().unwrap();
        let mut tables = Vec::new();
        let mut merged = ActorGraph::new();
        for (k, part) in parts.iter().enumerate() {
            let rows = rows_of(pipeline(), part);
            let path = dir.path().join(format!("shard{k}.{}", if parquet { "parquet" } else { "jsonl" }));
            let file = std::fs::File::create(&path).unwrap();
            if parquet {
                let mut sink = events::parquet::ParquetSink::new(file).unwrap();
                sink.write_rows(&rows).unwrap();
                sink.finish().unwrap();
            } else {
                let mut sink = events::jsonl::JsonlSink::new(file);
                sink.write_rows(&rows).unwrap();
            }
            tables.push(path);
            let shard_json = json(&pipeline().build_graph(part));
            let back = actorgraph::export::json::from_str(&shard_json, Path::new("shard.json")).unwrap();
            prop_assert_eq!(json(&back), shard_json, "a graph reads back as written");
            merged.merge(back);
        }
        let from_events = events::build_graph(&tables, &DayWindow::default()).unwrap();
        prop_assert_eq!(&json(&from_events), &whole);
        prop_assert_eq!(&json(&merged), &whole);
        // A window of days is the graph of the documents of those days.
        let window = DayWindow { since: Some("2024-03-02".into()), until: Some("2024-03-03".into()) };
        let in_window: Vec<Document> = docs.iter().filter(|d| window.keeps(d.date.as_deref())).cloned().collect();
        prop_assert_eq!(
            json(&events::build_graph(&tables, &window).unwrap()),
            json(&pipeline().build_graph(&in_window))
        );
    }
}
