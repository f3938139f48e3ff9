//! Graphviz DOT through graphviz-rust's AST and printer.
//!
//! graphviz-rust prints identifiers verbatim, so every id and string value
//! goes through [`quote`], which escapes quotes, backslashes and newlines.
//! Node shape shows the kind and font size the mentions; edge colour shows
//! cooperation (Goldstein > 0) or conflict (< 0), dashed edges are negated
//! or hypothetical, co-mentions are thin, dotted and unlabelled.
//!
//! Two graphs are built. [`to_graph`] is the `dot` export: one DOT edge per
//! link, labelled with the relation. [`to_drawing`] is what `svg` and `png`
//! are rendered from: each relation label becomes a small text node in the
//! middle of its link (`A -> label -> B`), so Graphviz's overlap removal
//! keeps every label clear of the actors and of the other labels, which
//! plain edge labels do not guarantee. Both name their own layout engine
//! (`neato`, `sfdp` from [`SFDP_MIN_NODES`] nodes on) with a fixed seed,
//! `overlap=prism` and extra separation, and edges routed around nodes on
//! small graphs, curved or straight on bigger ones (routing is what makes
//! Graphviz slow), so `dot -Tsvg graph.dot` also gives a readable picture.
//!
//! Dated links carry `first_seen` and `last_seen` (`YYYY-MM-DD`) as edge
//! attributes in the `dot` export (Graphviz keeps attributes it does not
//! draw, and `gvpr` or pydot read them), and their tooltips name the days.

use crate::graph::{ActorGraph, ActorNode, RelationEdge};
use crate::lexicon::ActorKind;
use crate::relations::{CO_MENTIONED, Modality};
use crate::stats::{Tone, is_symmetric};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// From this many actors on, the graph asks for `sfdp` (multiscale,
/// faster) instead of `neato`.
pub const SFDP_MIN_NODES: usize = 150;

/// Up to this many edges, edges are splines routed around the nodes
/// (`splines=true`), the best looking and the slowest: on a dense graph of
/// 130 nodes and 230 edges it already takes Graphviz 9 s, against 0.2 s
/// for `curved`.
pub const ROUTED_MAX_EDGES: usize = 150;

/// Up to this many edges, edges are curves (`splines=curved`); beyond,
/// straight lines, which Graphviz draws fastest.
pub const CURVED_MAX_EDGES: usize = 2000;

/// Seed of Graphviz's force-directed layouts, for reproducible drawings.
pub const LAYOUT_SEED: u32 = 7;

/// Quotes and escapes a string as a DOT double-quoted identifier.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

/// Node shape for an actor kind.
pub fn shape(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "ellipse",
        ActorKind::Organization => "box",
        ActorKind::Country => "doubleoctagon",
        ActorKind::Group => "hexagon",
    }
}

/// Fill colour for an actor kind.
pub fn fill(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "#fde2b8",
        ActorKind::Organization => "#cfe3f7",
        ActorKind::Country => "#d7f0d2",
        ActorKind::Group => "#ead7f4",
    }
}

/// Edge colour: green for cooperation, red for conflict, grey otherwise.
pub fn edge_color(e: &RelationEdge) -> &'static str {
    match Tone::of(e) {
        Tone::Cooperation => "#2e7d32",
        Tone::Conflict => "#c62828",
        Tone::Neutral => "#555555",
        Tone::CoMention => edge_color_co(),
    }
}

/// Label font size of an actor, growing with its mentions (10 to 18 pt).
pub fn font_size(mentions: usize) -> f64 {
    (10.0 + 1.5 * (mentions as f64).sqrt()).min(18.0).round()
}

fn node_stmt(n: &ActorNode) -> Stmt {
    Stmt::Node(Node::new(
        NodeId(quote(&n.id), None),
        vec![
            attr("label", &n.label),
            attr("shape", shape(n.kind)),
            attr("fillcolor", fill(n.kind)),
            attr("fontsize", &font_size(n.mentions).to_string()),
            attr(
                "tooltip",
                &format!("{} ({}), {} mentions", n.label, n.kind.as_str(), n.mentions),
            ),
        ],
    ))
}

/// The visible label of a relation edge: relation, ×count, modality.
pub fn edge_label(e: &RelationEdge) -> String {
    let mut label = e.relation.clone();
    if e.count > 1 {
        label.push_str(&format!(" ×{}", e.count));
    }
    if e.modality != Modality::Asserted {
        label.push_str(&format!(" ({})", e.modality.as_str()));
    }
    label
}

fn node_id(id: &str) -> Vertex {
    Vertex::N(NodeId(quote(id), None))
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(node_id(a), node_id(b)),
        attributes,
    })
}

/// Attributes of a co-mention link: thin, dotted, undirected, long and
/// weak, so co-mentions shape the layout less than relations.
fn co_mention_attrs(tooltip: &str) -> Vec<Attribute> {
    vec![
        attr("color", edge_color_co()),
        attr("style", "dotted"),
        attr("dir", "none"),
        attr("penwidth", "0.6"),
        attr("len", "3"),
        attr("weight", "0.2"),
        attr("tooltip", tooltip),
    ]
}

fn edge_color_co() -> &'static str {
    "#b0b0b0"
}

/// Stroke attributes of a relation link (colour, dashes, width).
fn relation_attrs(e: &RelationEdge, tooltip: &str) -> Vec<Attribute> {
    let mut attrs = vec![attr("color", edge_color(e)), attr("tooltip", tooltip)];
    if e.modality != Modality::Asserted {
        attrs.push(attr("style", "dashed"));
    }
    attrs.push(attr(
        "penwidth",
        &format!("{:.1}", 1.2 + (e.count as f64).ln()),
    ));
    attrs
}

fn tooltip(a: &ActorNode, b: &ActorNode, e: &RelationEdge) -> String {
    let mut tip = format!("{} {} {}", a.label, edge_label(e), b.label);
    match (e.first_seen(), e.last_seen()) {
        (Some(first), Some(last)) if first == last => tip.push_str(&format!(", on {first}")),
        (Some(first), Some(last)) => tip.push_str(&format!(", {first} to {last}")),
        _ => {}
    }
    tip
}

/// The `first_seen` and `last_seen` attributes of a dated link.
fn date_attrs(e: &RelationEdge) -> Vec<Attribute> {
    match (e.first_seen(), e.last_seen()) {
        (Some(first), Some(last)) => vec![attr("first_seen", first), attr("last_seen", last)],
        _ => Vec::new(),
    }
}

fn edge_stmt(a: &ActorNode, b: &ActorNode, e: &RelationEdge) -> Stmt {
    let tip = tooltip(a, b, e);
    if e.relation == CO_MENTIONED {
        let mut attrs = co_mention_attrs(&tip);
        attrs.extend(date_attrs(e));
        return edge(&a.id, &b.id, attrs);
    }
    let mut attrs = relation_attrs(e, &tip);
    attrs.push(attr("label", &edge_label(e)));
    attrs.push(attr("fontcolor", edge_color(e)));
    if is_symmetric(&e.relation) {
        attrs.push(attr("dir", "both"));
    }
    attrs.extend(date_attrs(e));
    edge(&a.id, &b.id, attrs)
}

/// Id of the label node of the `i`-th link in [`to_drawing`]; actor ids
/// are slugs without `:`, so these never collide with them.
pub fn label_node_id(i: usize) -> String {
    format!("link:{i}")
}

/// The statements drawing one relation link as `A -> label -> B`.
fn drawn_link(i: usize, a: &ActorNode, b: &ActorNode, e: &RelationEdge) -> Vec<Stmt> {
    let tip = tooltip(a, b, e);
    let label = label_node_id(i);
    let node = Stmt::Node(Node::new(
        NodeId(quote(&label), None),
        vec![
            attr("label", &edge_label(e)),
            attr("shape", "plaintext"),
            attr("fillcolor", "#ffffff"),
            attr("fontcolor", edge_color(e)),
            attr("fontsize", "9"),
            attr("margin", "0.02,0.01"),
            attr("width", "0"),
            attr("height", "0"),
            attr("tooltip", &tip),
        ],
    ));
    let half = |extra: Vec<Attribute>| {
        let mut attrs = relation_attrs(e, &tip);
        attrs.push(attr("len", "1"));
        attrs.push(attr("weight", "3"));
        attrs.extend(extra);
        attrs
    };
    let first = if is_symmetric(&e.relation) {
        half(vec![attr("dir", "back")])
    } else {
        half(vec![attr("arrowhead", "none")])
    };
    vec![
        node,
        edge(&a.id, &label, first),
        edge(&label, &b.id, half(Vec::new())),
    ]
}

/// Graph, node and edge defaults for a drawing of `nodes` nodes and
/// `edges` edges.
fn header(nodes: usize, edges: usize) -> Vec<Stmt> {
    let engine = if nodes >= SFDP_MIN_NODES {
        "sfdp"
    } else {
        "neato"
    };
    let splines = if edges <= ROUTED_MAX_EDGES {
        "true"
    } else if edges <= CURVED_MAX_EDGES {
        "curved"
    } else {
        "false"
    };
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("layout", engine),
            attr("start", &LAYOUT_SEED.to_string()),
            attr("overlap", "prism"),
            attr("overlap_scaling", "2"),
            attr("sep", "+10"),
            attr("esep", "+4"),
            attr("splines", splines),
            attr("outputorder", "edgesfirst"),
            attr("pad", "0.3"),
            attr("fontname", "DejaVu Sans"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("style", "filled"),
            attr("fontname", "DejaVu Sans"),
            attr("margin", "0.08,0.04"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "DejaVu Sans"),
            attr("fontsize", "9"),
            attr("arrowsize", "0.7"),
            attr("len", "2"),
        ])),
    ]
}

/// Builds the DOT AST of a graph: one edge per link (the `dot` export).
pub fn to_graph(g: &ActorGraph) -> Graph {
    let mut stmts = header(g.node_count(), g.edge_count());
    stmts.extend(g.nodes_sorted().into_iter().map(node_stmt));
    stmts.extend(
        g.edges_sorted()
            .into_iter()
            .map(|(a, b, e)| edge_stmt(a, b, e)),
    );
    Graph::DiGraph {
        id: quote("actorgraph"),
        strict: false,
        stmts,
    }
}

/// Builds the DOT AST that `svg` and `png` are drawn from: relation labels
/// are text nodes on their links ([`label_node_id`]), co-mentions plain
/// dotted lines.
pub fn to_drawing(g: &ActorGraph) -> Graph {
    let relations = g
        .edges_sorted()
        .iter()
        .filter(|(_, _, e)| e.relation != CO_MENTIONED)
        .count();
    // Each relation becomes a label node and two edges.
    let mut stmts = header(g.node_count() + relations, g.edge_count() + relations);
    stmts.extend(g.nodes_sorted().into_iter().map(node_stmt));
    for (i, (a, b, e)) in g.edges_sorted().into_iter().enumerate() {
        if e.relation == CO_MENTIONED {
            stmts.push(edge(&a.id, &b.id, co_mention_attrs(&tooltip(a, b, e))));
        } else {
            stmts.extend(drawn_link(i, a, b, e));
        }
    }
    Graph::DiGraph {
        id: quote("actorgraph"),
        strict: false,
        stmts,
    }
}

/// Prints the graph as DOT text (with a final newline).
pub fn to_string(g: &ActorGraph) -> String {
    let mut s = to_graph(g).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// Writes the DOT text of [`to_string`].
pub fn write(g: &ActorGraph, out: &mut impl std::io::Write) -> crate::Result<()> {
    out.write_all(to_string(g).as_bytes())
        .map_err(|source| crate::Error::Write {
            what: "DOT".to_string(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_everything_dot_treats_specially() {
        let Id::Escaped(s) = quote("Steve \"Witkoff\" \\ U.S.\nenvoy") else {
            panic!()
        };
        assert_eq!(s, "\"Steve \\\"Witkoff\\\" \\\\ U.S.\\nenvoy\"");
    }

    #[test]
    fn dot_output_parses_back() {
        let p = crate::Pipeline::builtin().unwrap();
        let g = p.build_graph(&[crate::Document::new(
            "d",
            "Egypt accused \"Qatar\" of funding militants. Egypt did not meet Qatar.",
        )]);
        let text = to_string(&g);
        graphviz_rust::parse(&text).unwrap();
        assert!(text.contains("layout=\"neato\""), "{text}");
        let drawing = to_drawing(&g).print(&mut PrinterContext::default());
        graphviz_rust::parse(&drawing).unwrap();
        assert!(drawing.contains("\"link:"), "{drawing}");
    }

    /// The attributes of the DOT edge `source -> target` labelled with
    /// `relation`, parsed back from the printed text.
    fn edge_attrs(text: &str, source: &str, target: &str, relation: &str) -> Vec<(String, String)> {
        use graphviz_rust::dot_structures::Graph as G;
        let G::DiGraph { stmts, .. } = graphviz_rust::parse(text).unwrap() else {
            panic!("not a digraph")
        };
        let plain = |id: &Id| match id {
            Id::Escaped(s) => s.trim_matches('"').to_string(),
            other => other.to_string(),
        };
        stmts
            .into_iter()
            .filter_map(|s| match s {
                Stmt::Edge(Edge {
                    ty: EdgeTy::Pair(Vertex::N(NodeId(a, _)), Vertex::N(NodeId(b, _))),
                    attributes,
                }) if plain(&a) == source && plain(&b) == target => Some(
                    attributes
                        .iter()
                        .map(|Attribute(k, v)| (plain(k), plain(v)))
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .find(|attrs| {
                attrs
                    .iter()
                    .any(|(k, v)| k == "label" && v.starts_with(relation))
            })
            .unwrap()
    }

    #[test]
    fn dated_links_carry_first_and_last_seen() {
        let text = to_string(&crate::export::dated_test_graph());
        let meets = edge_attrs(&text, "france", "germany", "meets");
        let get = |attrs: &[(String, String)], k: &str| {
            attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        };
        assert_eq!(get(&meets, "first_seen").as_deref(), Some("2024-03-04"));
        assert_eq!(get(&meets, "last_seen").as_deref(), Some("2024-03-09"));
        assert!(
            get(&meets, "tooltip")
                .unwrap()
                .ends_with(", 2024-03-04 to 2024-03-09")
        );
        let accuses = edge_attrs(&text, "egypt", "qatar", "accuses");
        assert_eq!(get(&accuses, "first_seen"), None);
        assert_eq!(
            get(&accuses, "tooltip").as_deref(),
            Some("Egypt accuses Qatar")
        );
    }

    #[test]
    fn undated_links_have_no_date_attributes() {
        let g = crate::export::undated_test_graph();
        let text = to_string(&g);
        assert!(!text.contains("first_seen") && !text.contains("last_seen"));
        let drawing = to_drawing(&g).print(&mut PrinterContext::default());
        assert!(!drawing.contains("2024-"));
    }
}
