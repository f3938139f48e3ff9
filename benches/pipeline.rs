//! Throughput of the pipeline, in MB/s of input text.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```
//!
//! * `full::corpus_20mb_all_cores`: `Pipeline::build_graph` (parallel
//!   extraction and the fold into one graph) over a corpus of at least
//!   20 MB of news prose, made in memory by repeating the bundled example
//!   articles under distinct ids, on every core (rayon's global pool).
//! * `full::corpus_20mb_one_core`: the same on a pool of one thread.
//! * `full::one_document_10mb`: the same articles joined into one 10 MB
//!   document (one thread: a document is not split), to compare the cost
//!   per MB of one long document with that of many short ones.
//! * `stage::*`: each stage on its own over the three bundled articles
//!   (one iteration = all three), with the earlier stages done beforehand:
//!   `analyze` (tokens, sentences), `tag` (POS), `mentions`, `resolve`,
//!   `relations`, then `extract` (every stage, one document at a time).
//! * `export::*`: writing the graph of the 20 MB corpus as JSON and DOT.
//!
//! 1 MB = 10^6 bytes of document text (what divan's byte counter shows as
//! MB/s).

use actorgraph::text::{self, Analysis};
use actorgraph::{ActorGraph, Document, Pipeline, mentions, relations, resolve};
use divan::Bencher;
use divan::counter::BytesCount;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Minimum size of the corpus used for the full-pipeline bench.
const CORPUS_BYTES: usize = 20_000_000;

/// Size of the single long document.
const LONG_DOCUMENT_BYTES: usize = 10_000_000;

fn main() {
    divan::main();
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("built-in lexicon loads"))
}

/// The bundled `.txt` articles, sorted by file name.
fn articles() -> &'static [Document] {
    static A: OnceLock<Vec<Document>> = OnceLock::new();
    A.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "no articles in {}", dir.display());
        paths
            .iter()
            .map(|p| {
                Document::new(
                    p.file_stem().unwrap().to_string_lossy(),
                    std::fs::read_to_string(p).unwrap(),
                )
            })
            .collect()
    })
}

/// The bundled `.txt` articles and those of `corpus.jsonl`.
fn all_articles() -> &'static [Document] {
    static A: OnceLock<Vec<Document>> = OnceLock::new();
    A.get_or_init(|| {
        let mut docs = articles().to_vec();
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles/corpus.jsonl");
        let content = std::fs::read_to_string(&path).unwrap();
        docs.extend(actorgraph::input::parse_jsonl(&path, &content).unwrap());
        docs
    })
}

/// The articles repeated, each copy under its own id, to at least 20 MB.
fn corpus() -> &'static [Document] {
    static C: OnceLock<Vec<Document>> = OnceLock::new();
    C.get_or_init(|| {
        let mut docs = Vec::new();
        let mut bytes = 0;
        for i in 0.. {
            if bytes >= CORPUS_BYTES {
                break;
            }
            let a = &all_articles()[i % all_articles().len()];
            bytes += a.text.len();
            docs.push(Document::new(format!("{}#{:05}", a.id, i), a.text.clone()));
        }
        docs
    })
}

fn bytes_of(docs: &[Document]) -> BytesCount {
    BytesCount::new(docs.iter().map(|d| d.text.len()).sum::<usize>())
}

fn corpus_graph() -> &'static ActorGraph {
    static G: OnceLock<ActorGraph> = OnceLock::new();
    G.get_or_init(|| pipeline().build_graph(corpus()))
}

/// The articles joined by blank lines into one document of 10 MB.
fn long_document() -> &'static Document {
    static D: OnceLock<Document> = OnceLock::new();
    D.get_or_init(|| {
        let mut text = String::with_capacity(LONG_DOCUMENT_BYTES + 10_000);
        for a in all_articles().iter().cycle() {
            if text.len() + a.text.len() + 2 > LONG_DOCUMENT_BYTES {
                break;
            }
            text.push_str(&a.text);
            text.push_str("\n\n");
        }
        while text.len() < LONG_DOCUMENT_BYTES {
            text.push(' ');
        }
        Document::new("long", text)
    })
}

mod full {
    use super::*;

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn corpus_20mb_all_cores(bencher: Bencher) {
        let docs = corpus();
        let p = pipeline();
        bencher
            .counter(bytes_of(docs))
            .bench(|| p.build_graph(docs));
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn corpus_20mb_one_core(bencher: Bencher) {
        let docs = corpus();
        let p = pipeline();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        bencher
            .counter(bytes_of(docs))
            .bench(|| pool.install(|| p.build_graph(docs)));
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn one_document_10mb(bencher: Bencher) {
        let doc = std::slice::from_ref(long_document());
        let p = pipeline();
        bencher.counter(bytes_of(doc)).bench(|| p.build_graph(doc));
    }
}

mod stage {
    use super::*;

    fn analyzed() -> Vec<Analysis> {
        articles().iter().map(|d| text::analyze(&d.text)).collect()
    }

    fn tagged() -> Vec<Analysis> {
        let mut v = analyzed();
        v.iter_mut().for_each(text::tag);
        v
    }

    fn gazetteer() -> &'static mentions::Gazetteer {
        static G: OnceLock<mentions::Gazetteer> = OnceLock::new();
        G.get_or_init(|| mentions::Gazetteer::new(pipeline().lexicon()))
    }

    fn found(analyses: &[Analysis]) -> Vec<Vec<mentions::Mention>> {
        let lex = pipeline().lexicon();
        articles()
            .iter()
            .zip(analyses)
            .map(|(d, a)| mentions::find(&d.text, a, lex, gazetteer()))
            .collect()
    }

    #[divan::bench]
    fn analyze(bencher: Bencher) {
        let docs = articles();
        bencher.counter(bytes_of(docs)).bench(|| {
            docs.iter()
                .map(|d| text::analyze(divan::black_box(&d.text)))
                .collect::<Vec<_>>()
        });
    }

    #[divan::bench]
    fn tag(bencher: Bencher) {
        let base = analyzed();
        bencher
            .counter(bytes_of(articles()))
            .with_inputs(|| base.clone())
            .bench_local_values(|mut v| {
                v.iter_mut().for_each(text::tag);
                v
            });
    }

    #[divan::bench]
    fn mentions(bencher: Bencher) {
        let analyses = tagged();
        let docs = articles();
        let lex = pipeline().lexicon();
        bencher.counter(bytes_of(docs)).bench(|| {
            docs.iter()
                .zip(&analyses)
                .map(|(d, a)| mentions::find(&d.text, a, lex, gazetteer()))
                .collect::<Vec<_>>()
        });
    }

    #[divan::bench]
    fn resolve(bencher: Bencher) {
        let analyses = tagged();
        let base = found(&analyses);
        let lex = pipeline().lexicon();
        bencher
            .counter(bytes_of(articles()))
            .with_inputs(|| base.clone())
            .bench_local_values(|mut all| {
                analyses
                    .iter()
                    .zip(all.iter_mut())
                    .map(|(a, m)| resolve::resolve(a, m, lex))
                    .collect::<Vec<_>>()
            });
    }

    #[divan::bench]
    fn relations(bencher: Bencher) {
        let analyses = tagged();
        let lex = pipeline().lexicon();
        let mut all = found(&analyses);
        let actors: Vec<_> = analyses
            .iter()
            .zip(all.iter_mut())
            .map(|(a, m)| resolve::resolve(a, m, lex))
            .collect();
        bencher.counter(bytes_of(articles())).bench(|| {
            analyses
                .iter()
                .zip(&all)
                .zip(&actors)
                .map(|((a, m), act)| relations::extract(a, m, act, lex))
                .collect::<Vec<_>>()
        });
    }

    #[divan::bench]
    fn extract(bencher: Bencher) {
        let docs = articles();
        let p = pipeline();
        bencher.counter(bytes_of(docs)).bench(|| {
            docs.iter()
                .map(|d| p.extract(divan::black_box(d)))
                .collect::<Vec<_>>()
        });
    }

    /// Folding finished extractions into a graph (single-threaded).
    #[divan::bench]
    fn fold_into_graph(bencher: Bencher) {
        let docs = articles();
        let extractions: Vec<_> = docs.iter().map(|d| pipeline().extract(d)).collect();
        bencher.counter(bytes_of(docs)).bench(|| {
            let mut g = ActorGraph::new();
            extractions.iter().for_each(|e| g.add(e));
            g
        });
    }
}

mod export {
    use super::*;

    #[divan::bench(sample_count = 10)]
    fn json_20mb_graph(bencher: Bencher) {
        let g = corpus_graph();
        bencher.bench(|| actorgraph::export::json::to_string(g).unwrap());
    }

    #[divan::bench(sample_count = 10)]
    fn dot_20mb_graph(bencher: Bencher) {
        let g = corpus_graph();
        bencher.bench(|| actorgraph::export::dot::to_string(g));
    }
}
