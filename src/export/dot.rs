//! Graphviz DOT through graphviz-rust's AST and printer.
//!
//! graphviz-rust prints identifiers verbatim, so every id and string value
//! goes through [`quote`], which escapes quotes, backslashes and newlines.
//! Node shape shows the kind, edge colour cooperation (Goldstein > 0) or
//! conflict (< 0), and dashed edges are negated or hypothetical.

use crate::graph::{ActorGraph, ActorNode, RelationEdge};
use crate::lexicon::ActorKind;
use crate::relations::{Modality, CO_MENTIONED};
use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

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
    match e.goldstein {
        _ if e.relation == CO_MENTIONED => "#b0b0b0",
        Some(g) if g > 0.0 => "#2e7d32",
        Some(g) if g < 0.0 => "#c62828",
        _ => "#555555",
    }
}

fn node_stmt(n: &ActorNode) -> Stmt {
    Stmt::Node(Node::new(
        NodeId(quote(&n.id), None),
        vec![attr("label", &n.label), attr("shape", shape(n.kind)), attr("fillcolor", fill(n.kind)), attr("tooltip", &format!("{} ({}), {} mentions", n.label, n.kind.as_str(), n.mentions))],
    ))
}

fn edge_stmt(a: &ActorNode, b: &ActorNode, e: &RelationEdge) -> Stmt {
    let label = if e.count > 1 { format!("{} ×{}", e.relation, e.count) } else { e.relation.clone() };
    let mut attrs = vec![attr("label", &label), attr("color", edge_color(e)), attr("fontcolor", edge_color(e))];
    if e.modality != Modality::Asserted {
        attrs.push(attr("style", "dashed"));
        attrs[0] = attr("label", &format!("{label} ({})", e.modality.as_str()));
    }
    if e.relation == CO_MENTIONED {
        attrs.push(attr("dir", "none"));
        attrs.push(attr("style", "dotted"));
    } else if e.relation == "meets" {
        attrs.push(attr("dir", "both"));
    }
    attrs.push(attr("penwidth", &format!("{:.1}", 1.0 + (e.count as f64).ln())));
    Stmt::Edge(Edge { ty: EdgeTy::Pair(Vertex::N(NodeId(quote(&a.id), None)), Vertex::N(NodeId(quote(&b.id), None))), attributes: attrs })
}

/// Builds the DOT AST of a graph.
pub fn to_graph(g: &ActorGraph) -> Graph {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![attr("rankdir", "LR"), attr("overlap", "false"), attr("splines", "true"), attr("fontname", "DejaVu Sans")])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("style", "filled"), attr("fontname", "DejaVu Sans")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "DejaVu Sans"), attr("fontsize", "10")])),
    ];
    stmts.extend(g.nodes_sorted().into_iter().map(node_stmt));
    stmts.extend(g.edges_sorted().into_iter().map(|(a, b, e)| edge_stmt(a, b, e)));
    Graph::DiGraph { id: quote("actorgraph"), strict: false, stmts }
}

/// Prints the graph as DOT text (with a final newline).
pub fn to_string(g: &ActorGraph) -> String {
    let mut s = to_graph(g).print(&mut PrinterContext::default());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_everything_dot_treats_specially() {
        let Id::Escaped(s) = quote("Steve \"Witkoff\" \\ U.S.\nenvoy") else { panic!() };
        assert_eq!(s, "\"Steve \\\"Witkoff\\\" \\\\ U.S.\\nenvoy\"");
    }
}
