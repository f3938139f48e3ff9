//! A self-contained interactive HTML page: open it in any browser, offline.
//!
//! The page embeds the node-link JSON of [`super::json`] and the positions
//! of a seeded [`super::layout`] as `<script type="application/json">`
//! blocks (with `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`
//! so no text can close the script element), plus its own script and style
//! sheet (`html/page.js`, `html/page.css`, written for this project; no
//! third-party code and nothing loaded from the network).
//!
//! In the page: nodes coloured by kind and sized by mentions; links
//! coloured by tone (cooperation green, conflict red), dashed when negated
//! or hypothetical, dotted for co-mentions; hover for a summary, click for
//! the relation, count, confidence and evidence sentences with the trigger
//! and mentions highlighted; a search box; a relation filter; zoom, pan and
//! node dragging; for dated documents, a date window (links with an
//! occurrence on one of its days, counted from each link's `days`). The
//! URL fragment keeps the view (`#q=putin&rel=meets`, `#since=2024-03-01`,
//! `#actor=ID`, `#link=e3`), so a view can be bookmarked or shared. Once
//! drawn, the page writes what it drew into `<body>` data attributes
//! (`data-ready`, `data-nodes`, `data-links`, `data-visible-links`,
//! `data-errors`) for automated checks.

use super::layout::{Layout, force_directed};
use super::{Options, hex, kind_rgb, tone_rgb};
use crate::export::json;
use crate::graph::ActorGraph;
use crate::lexicon::ActorKind;
use crate::stats::Tone;
use serde::Serialize;
use std::collections::BTreeMap;

/// The page's script.
pub const PAGE_JS: &str = include_str!("html/page.js");
/// The page's style sheet.
pub const PAGE_CSS: &str = include_str!("html/page.css");

/// Makes JSON safe inside a `<script>` element: `<`, `>` and `&` (which
/// JSON only has inside strings) become `\u` escapes.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct LayoutData<'a> {
    width: f64,
    height: f64,
    seed: u64,
    /// id -> [x, y, radius]
    positions: BTreeMap<&'a str, [f64; 3]>,
    kind_colors: BTreeMap<&'static str, String>,
    tone_colors: BTreeMap<&'static str, String>,
}

fn layout_json(g: &ActorGraph, layout: &Layout, seed: u64) -> crate::Result<String> {
    let positions = g
        .nodes_sorted()
        .into_iter()
        .zip(layout.positions.iter().zip(&layout.radii))
        .map(|(n, (&(x, y), &r))| (n.id.as_str(), [x, y, r]))
        .collect();
    let kinds = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Group,
    ];
    let data = LayoutData {
        width: layout.width,
        height: layout.height,
        seed,
        positions,
        kind_colors: kinds
            .iter()
            .map(|&k| (k.as_str(), hex(kind_rgb(k))))
            .collect(),
        tone_colors: Tone::ALL
            .iter()
            .map(|&t| (t.as_str(), hex(tone_rgb(t))))
            .collect(),
    };
    serde_json::to_string(&data).map_err(crate::export::json::serde_error("HTML layout"))
}

/// Default page title: a one-line summary of the graph.
pub fn default_title(g: &ActorGraph) -> String {
    format!(
        "actorgraph: {} actors, {} links from {} document{}",
        g.node_count(),
        g.edge_count(),
        g.documents(),
        if g.documents() == 1 { "" } else { "s" }
    )
}

/// Renders the page (with a final newline).
pub fn to_string(g: &ActorGraph, opts: &Options) -> crate::Result<String> {
    let layout = force_directed(g, opts.seed);
    let title = escape_html(&opts.title.clone().unwrap_or_else(|| default_title(g)));
    let graph = script_json(&json::to_string_compact(g)?);
    let positions = script_json(&layout_json(g, &layout, opts.seed)?);
    let generator = escape_html(&json::generator());
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{generator}">
<title>{title}</title>
<style>
{PAGE_CSS}</style>
</head>
<body data-ready="0">
<header id="toolbar">
<h1 id="title">{title}</h1>
<input type="search" id="search" placeholder="Find an actor…" list="actor-names" autocomplete="off" aria-label="Find an actor">
<datalist id="actor-names"></datalist>
<label>Relation <select id="relation" aria-label="Show one relation"><option value="">all relations</option></select></label>
<label><input type="checkbox" id="co-mentions" checked> co-mentions</label>
<label><input type="checkbox" id="not-asserted" checked> negated &amp; hypothetical</label>
<label><input type="checkbox" id="edge-labels" checked> link labels</label>
<span id="dates" hidden><label>From <input type="date" id="since" aria-label="First day shown"></label> <label>to <input type="date" id="until" aria-label="Last day shown"></label></span>
<output id="status" aria-live="polite"></output>
</header>
<main>
<div class="zoom"><button type="button" id="zoom-in" title="Zoom in (+)">+</button><button type="button" id="zoom-out" title="Zoom out (−)">−</button><button type="button" id="zoom-fit" title="Fit the graph (0)">fit</button></div>
<svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Actor graph"><defs id="markers"></defs><g id="viewport"><g id="links"></g><g id="link-labels"></g><g id="nodes"></g></g></svg>
<aside>
<div id="details" aria-live="polite"><p class="hint">Hover over an actor or a link for a summary; click it for the evidence. Drag to pan, scroll to zoom, drag an actor to move it; <kbd>/</kbd> searches.</p></div>
<div id="legend"></div>
</aside>
</main>
<div id="tip" hidden></div>
<div id="errors" role="alert" hidden></div>
<noscript><p class="noscript">This page needs JavaScript to draw the graph; the data is in the <code>graph-data</code> block of its source.</p></noscript>
<script type="application/json" id="graph-data">{graph}</script>
<script type="application/json" id="layout-data">{positions}</script>
<script>
{PAGE_JS}</script>
</body>
</html>
"#
    ))
}

/// Writes the page of [`to_string`].
pub fn write(g: &ActorGraph, opts: &Options, out: &mut impl std::io::Write) -> crate::Result<()> {
    out.write_all(to_string(g, opts)?.as_bytes())
        .map_err(|source| crate::Error::Write {
            what: "HTML page".to_string(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let s = script_json(r#"{"text":"</script><b>&amp;"}"#);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["text"], "</script><b>&amp;");
    }

    #[test]
    fn page_assets_are_safe_to_inline() {
        assert!(!PAGE_JS.to_lowercase().contains("</script"));
        assert!(!PAGE_CSS.to_lowercase().contains("</style"));
        // Nothing is fetched from the network.
        for asset in [PAGE_JS, PAGE_CSS] {
            // The SVG namespace name is an identifier, not a download.
            let asset = asset.replace("'http://www.w3.org/2000/svg'", "");
            for needle in [
                "http://",
                "https://",
                "//cdn",
                "@import",
                "url(http",
                "fetch(",
                "XMLHttpRequest",
                "import(",
            ] {
                assert!(!asset.contains(needle), "page asset contains {needle}");
            }
        }
    }

    #[test]
    fn page_embeds_graph_and_layout() {
        let p = Pipeline::builtin().unwrap();
        let g = p.build_graph(&[Document::new(
            "<doc>",
            "Egypt accused Qatar of funding militants.",
        )]);
        let page = to_string(&g, &Options::default()).unwrap();
        assert!(page.contains("<title>actorgraph: "));
        assert!(page.contains(r#"id="graph-data">{"directed":true"#));
        assert!(
            page.contains(r#"\u003cdoc\u003e"#),
            "document id must be escaped"
        );
        assert_eq!(page, to_string(&g, &Options::default()).unwrap());
        let titled = to_string(
            &g,
            &Options {
                title: Some("A <b> & \"c\"".into()),
                ..Options::default()
            },
        )
        .unwrap();
        assert!(titled.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
    }
}
