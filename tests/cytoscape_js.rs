//! The Cytoscape export in the real Cytoscape.js library: the test builds
//! `graph.cyjs` for an example article, fetches Cytoscape.js 3 from the npm
//! registry into a cache under the cargo target directory (never into the
//! repository), and has headless Chromium load a page that hands the
//! file's `elements` to `cytoscape({headless: true})`. The page writes
//! `OK nodes=N edges=M missing=K` (or the error) into its title; the test
//! reads it with `--dump-dom` and checks the counts against the file.
//!
//! Needs Chromium (Debian: `apt-get install chromium`) and npm (Debian:
//! `apt-get install npm`), plus access to the npm registry the first time.
//! The Chromium binary is `$ACTORGRAPH_CHROMIUM`, else the first of
//! chromium, chromium-browser, google-chrome on the PATH; the Cytoscape.js
//! cache is `$ACTORGRAPH_CYTOSCAPE_DIR`, else `<target>/tmp/cyjs`. Without
//! Chromium or npm the test fails with that advice, unless
//! `ACTORGRAPH_SKIP_BROWSER=1`.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

mod common;
use common::{chromium, run_chromium, runs, skip_requested};

/// `cytoscape.min.js` from the npm registry (Cytoscape.js 3), installed once
/// into a cache directory outside the repository; `None` when npm is
/// missing and skipping was asked for.
fn cytoscape_js() -> Option<PathBuf> {
    let dir = std::env::var_os("ACTORGRAPH_CYTOSCAPE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("cyjs"));
    let module = dir.join("node_modules/cytoscape");
    let script = module.join("dist/cytoscape.min.js");
    if !script.is_file() {
        if !runs("npm") {
            if skip_requested("npm") {
                return None;
            }
            panic!(
                "npm is needed by this test to fetch Cytoscape.js: apt-get install -y npm \
                 (CI runs .ci/deps-exports.sh), or set ACTORGRAPH_SKIP_BROWSER=1 to skip"
            );
        }
        fs::create_dir_all(&dir).unwrap();
        let out = Command::new("npm")
            .args(["install", "--prefix"])
            .arg(&dir)
            .args([
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
                "--loglevel=error",
                "cytoscape@3",
            ])
            .output()
            .expect("running npm");
        assert!(
            out.status.success() && script.is_file(),
            "npm install --prefix {} cytoscape@3 failed (is the npm registry reachable?):\n{}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let package: Value =
        serde_json::from_slice(&fs::read(module.join("package.json")).unwrap()).unwrap();
    let version = package["version"].as_str().unwrap_or("?");
    assert!(
        version.starts_with("3."),
        "expected Cytoscape.js 3, found {version} in {}",
        module.display()
    );
    eprintln!("Cytoscape.js {version} from {}", script.display());
    Some(script)
}

/// A page that loads Cytoscape.js from `script` and the graph embedded as
/// JSON (with `<` escaped so no text can close the script element), builds
/// a headless instance and reports into its title.
fn page(graph_json: &str, script: &Path) -> String {
    let json = graph_json.replace('<', "\\u003c");
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>pending</title></head>
<body>
<script type="application/json" id="graph">{json}</script>
<script src="file://{script}"></script>
<script>
let result;
try {{
  const data = JSON.parse(document.getElementById('graph').textContent);
  const cy = cytoscape({{ elements: data.elements, headless: true }});
  // Every element of the file is in the graph, edges between the same ends.
  let missing = 0;
  for (const n of data.elements.nodes) {{
    if (cy.getElementById(n.data.id).empty()) missing++;
  }}
  for (const e of data.elements.edges) {{
    const x = cy.getElementById(e.data.id);
    if (x.empty() || !x.isEdge() || x.source().id() !== e.data.source || x.target().id() !== e.data.target) missing++;
  }}
  result = `OK nodes=${{cy.nodes().length}} edges=${{cy.edges().length}} missing=${{missing}} version=${{cytoscape.version}}`;
}} catch (err) {{
  result = 'ERROR ' + (err && err.message ? err.message : String(err));
}}
document.title = result;
const pre = document.createElement('pre');
pre.id = 'result';
pre.textContent = result;
document.body.appendChild(pre);
</script>
</body></html>
"#,
        script = script.display()
    )
}

/// What the page wrote into its title.
fn title(dom: &str) -> &str {
    let start = dom.find("<title>").expect("dumped DOM has a title") + "<title>".len();
    &dom[start..start + dom[start..].find("</title>").unwrap()]
}

/// `key=value` from the page's `OK ...` report.
fn field(report: &str, key: &str) -> usize {
    report
        .split_whitespace()
        .find_map(|w| w.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in {report:?}"))
        .parse()
        .unwrap()
}

/// Loads `graph.cyjs` text into Cytoscape.js; returns the page's report.
fn open_in_cytoscape(bin: &str, script: &Path, dir: &Path, graph_json: &str) -> String {
    let html = dir.join("cytoscape.html");
    fs::write(&html, page(graph_json, script)).unwrap();
    let url = format!("file://{}", html.display());
    let (dom, log) = run_chromium(bin, &url, &["--dump-dom"]);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "console messages on {url}:\n{}",
        console.join("\n")
    );
    title(&dom).to_string()
}

#[test]
fn cytoscape_js_opens_the_export() {
    let Some(bin) = chromium() else { return };
    let Some(script) = cytoscape_js() else { return };
    let dir = TempDir::new().unwrap();
    let input =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/articles/diplomacy_envoys.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["build", "-q"])
        .arg(&input)
        .args(["--format", "cytoscape", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(dir.path().join("graph.cyjs")).unwrap();
    let graph: Value = serde_json::from_str(&text).unwrap();
    let len = |key: &str| graph["elements"][key].as_array().unwrap().len();
    let (nodes, edges) = (len("nodes"), len("edges"));
    assert!(
        nodes >= 10 && edges >= 10,
        "the example should have actors and links"
    );

    let report = open_in_cytoscape(&bin, &script, dir.path(), &text);
    eprintln!("file: nodes={nodes} edges={edges}; Cytoscape.js: {report}");
    assert!(report.starts_with("OK "), "Cytoscape.js reported: {report}");
    assert_eq!(field(&report, "nodes"), nodes, "{report}");
    assert_eq!(field(&report, "edges"), edges, "{report}");
    assert_eq!(field(&report, "missing"), 0, "{report}");
}
