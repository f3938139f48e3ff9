//! The HTML page in a real browser: headless Chromium loads it from a
//! file:// URL with networking disabled, and the test reads what the page
//! wrote into `<body>` data attributes (`--dump-dom`) and Chromium's console
//! log. Checks: no console message and no script error, every actor and
//! link drawn, no overlapping text, search, relation filter and evidence
//! panel (driven through the URL fragment), hostile text kept inert, and a
//! screenshot.
//!
//! Needs Chromium (Debian: `apt-get install chromium`); the binary is
//! `$ACTORGRAPH_CHROMIUM`, else the first of chromium, chromium-browser,
//! google-chrome on the PATH. Without it the tests fail with that advice,
//! unless `ACTORGRAPH_SKIP_BROWSER=1`.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

mod common;
use common::{chromium, run_chromium};

fn articles() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// What the page reported: the `<body>` data attributes of the dumped DOM.
fn body_data(dom: &str) -> BTreeMap<String, String> {
    let start = dom.find("<body").expect("dumped DOM has a body");
    let tag = &dom[start..start + dom[start..].find('>').unwrap()];
    tag.split(" data-")
        .skip(1)
        .filter_map(|a| {
            let (k, v) = a.split_once("=\"")?;
            Some((k.to_string(), v.split('"').next()?.to_string()))
        })
        .collect()
}

/// Loads a page, checks it ran cleanly, returns (DOM, body data).
fn load(bin: &str, page: &Path, fragment: &str) -> (String, BTreeMap<String, String>) {
    let url = format!("file://{}{fragment}", page.display());
    let (dom, log) = run_chromium(bin, &url, &["--dump-dom"]);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "console messages on {url}:\n{}",
        console.join("\n")
    );
    let data = body_data(&dom);
    assert_eq!(
        data.get("errors").map(String::as_str),
        Some("0"),
        "script errors on {url}: {data:?}"
    );
    assert_eq!(
        data.get("ready").map(String::as_str),
        Some("1"),
        "page did not finish drawing: {data:?}"
    );
    (dom, data)
}

fn build_page(dir: &Path, input: &Path, args: &[&str]) -> (PathBuf, Value) {
    let page = dir.join("graph.html");
    let json = dir.join("graph.json");
    let out = cargo_bin_cmd!("actorgraph")
        .args(["build", "-q"])
        .arg(input)
        .args(args)
        .args(["--format", "html,json", "-o"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        page,
        serde_json::from_slice(&fs::read(json).unwrap()).unwrap(),
    )
}

fn count(v: &Value, key: &str) -> usize {
    v[key].as_array().unwrap().len()
}

#[test]
fn page_loads_cleanly_and_draws_every_actor_and_link() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let (page, graph) = build_page(dir.path(), &articles().join("diplomacy_envoys.txt"), &[]);
    let (dom, data) = load(&bin, &page, "");
    let (nodes, links) = (count(&graph, "nodes"), count(&graph, "edges"));
    assert!(nodes >= 10, "the example should have actors");
    assert_eq!(data["nodes"], nodes.to_string());
    assert_eq!(data["links"], links.to_string());
    assert_eq!(data["visible-links"], links.to_string());
    assert_eq!(dom.matches("<g class=\"node kind-").count(), nodes);
    assert_eq!(
        data["label-overlaps"], "0",
        "visible text overlaps: {data:?}"
    );
    for n in graph["nodes"].as_array().unwrap() {
        assert!(dom.contains(&format!("data-id=\"{}\"", n["id"].as_str().unwrap())));
    }
    assert!(
        dom.contains(&format!("{nodes} actors · {links} links")),
        "status line"
    );
}

#[test]
fn search_relation_filter_and_evidence_panel() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let (page, graph) = build_page(dir.path(), &articles().join("diplomacy_envoys.txt"), &[]);
    let links = graph["edges"].as_array().unwrap();
    let rejects = links.iter().filter(|l| l["relation"] == "rejects").count();
    let (index, link) = links
        .iter()
        .enumerate()
        .find(|(_, l)| l["relation"] == "rejects" && l["evidence"][0]["trigger"].is_array())
        .expect("the example has a rejection");
    let ev = &link["evidence"][0];
    let (start, trigger) = (ev["start"].as_u64().unwrap() as usize, &ev["trigger"]);
    let text = ev["text"].as_str().unwrap();
    let trigger_text = &text[trigger[0].as_u64().unwrap() as usize - start
        ..trigger[1].as_u64().unwrap() as usize - start];

    let (dom, data) = load(&bin, &page, &format!("#q=iran&rel=rejects&link=e{index}"));
    assert_eq!(
        data["visible-links"],
        rejects.to_string(),
        "relation filter"
    );
    assert_ne!(data["matches"], "0", "search found Iran");
    assert_eq!(data["selected"], format!("e{index}"));
    assert!(
        dom.contains(&format!(
            "<mark class=\"trg\" title=\"trigger\">{trigger_text}</mark>"
        )),
        "trigger highlighted in the evidence"
    );
    assert!(
        dom.contains("<mark class=\"src\" title=\"source\">"),
        "source highlighted"
    );
    assert!(dom.contains("Evidence (1"), "evidence heading");

    // Searching selects the best match and opens its panel.
    let (dom, data) = load(&bin, &page, "#q=France");
    assert_eq!(data["selected"], "france");
    assert!(
        dom.contains("<h3>Relations ("),
        "actor panel with its links"
    );
    // Co-mentions can be hidden.
    let (_, data) = load(&bin, &page, "#co=0");
    let relations = links
        .iter()
        .filter(|l| l["relation"] != "co_mentioned")
        .count();
    assert_eq!(data["visible-links"], relations.to_string());
}

#[test]
fn hostile_text_stays_text() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("hostile.txt");
    fs::write(
        &input,
        "Egypt accused Qatar of funding militants </script><img src=x onerror=\"document.title='pwned'\"> & \"friends\".",
    )
    .unwrap();
    let (page, graph) = build_page(dir.path(), &input, &["--title", "<b>Title</b> & co"]);
    let index = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .position(|l| l["relation"] == "accuses")
        .expect("accuses link");
    let (dom, data) = load(&bin, &page, &format!("#link=e{index}"));
    assert_eq!(data["selected"], format!("e{index}"));
    assert!(
        !dom.contains("<img"),
        "markup from the text became an element"
    );
    assert!(
        dom.contains("&lt;/script&gt;&lt;img src=x"),
        "the text is shown as text"
    );
    assert!(dom.contains("<title>&lt;b&gt;Title&lt;/b&gt; &amp; co</title>"));
}

#[test]
fn corpus_page_and_screenshot() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let (page, graph) = build_page(dir.path(), &articles().join("corpus.jsonl"), &[]);
    let (_, data) = load(&bin, &page, "");
    assert_eq!(data["nodes"], count(&graph, "nodes").to_string());
    assert_eq!(data["label-overlaps"], "0");
    let shot = dir.path().join("shot.png");
    run_chromium(
        &bin,
        &format!("file://{}", page.display()),
        &[&format!("--screenshot={}", shot.display())],
    );
    let png = fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 20_000,
        "screenshot looks blank ({} bytes)",
        png.len()
    );
}

#[test]
fn prototype_names_in_the_fragment_are_just_unknown_actors() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    let (page, _) = build_page(dir.path(), &articles().join("diplomacy_envoys.txt"), &[]);
    for fragment in [
        "#actor=__proto__",
        "#actor=constructor",
        "#actor=toString&rel=constructor",
        "#rel=__proto__&link=hasOwnProperty",
    ] {
        // `load` fails on any script error or console message.
        let (_, data) = load(&bin, &page, fragment);
        assert_eq!(data.get("selected"), None, "{fragment} selects nothing");
    }
}

/// The date window: a link stays when it occurred on a day of the window
/// (counted from its `days`); the window shows only for dated graphs.
#[test]
fn date_window_keeps_links_seen_on_its_days() {
    let Some(bin) = chromium() else { return };
    let dir = TempDir::new().unwrap();
    // corpus.jsonl holds the three articles, dated 2026-11-17, -19 and -21.
    let (page, graph) = build_page(dir.path(), &articles().join("corpus.jsonl"), &[]);
    let links = graph["edges"].as_array().unwrap();
    let in_window = |since: &str, until: &str| {
        links
            .iter()
            .filter(|l| {
                l["days"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .any(|d| d.as_str() >= since && d.as_str() <= until)
            })
            .count()
    };
    let (dom, data) = load(&bin, &page, "");
    assert_eq!(data["visible-links"], links.len().to_string());
    assert!(
        dom.contains("<span id=\"dates\">"),
        "window shown for dated links"
    );
    let (_, data) = load(&bin, &page, "#since=2026-11-18&until=2026-11-19");
    let expected = in_window("2026-11-18", "2026-11-19");
    assert!(expected > 0 && expected < links.len());
    assert_eq!(data["visible-links"], expected.to_string());
    let (_, data) = load(&bin, &page, "#since=2026-11-20");
    assert_eq!(
        data["visible-links"],
        in_window("2026-11-20", "9999").to_string()
    );
    // Undated graphs keep the window hidden.
    let undated = TempDir::new().unwrap();
    let (page, _) = build_page(undated.path(), &articles().join("summit_helsinki.txt"), &[]);
    let (dom, _) = load(&bin, &page, "");
    assert!(
        dom.contains("<span id=\"dates\" hidden=\"\">"),
        "window hidden"
    );
}
