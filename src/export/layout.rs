//! A deterministic force-directed layout (Fruchterman–Reingold) computed in
//! Rust, for the HTML page and the GEXF positions.
//!
//! Start positions come from a seeded generator, forces and cooling follow
//! a fixed schedule, and only IEEE arithmetic and square roots are used (no
//! trigonometry), so the same graph and seed always give the same
//! coordinates. After the force phase, a pass pushes apart nodes whose
//! circle-plus-label boxes overlap, so labels stay readable.

use crate::graph::ActorGraph;
use crate::relations::CO_MENTIONED;
use std::collections::{BTreeMap, HashMap};

/// Seed used when none is given.
pub const DEFAULT_SEED: u64 = 0x005e_eda1_1ce5;

/// Font size of node labels, in pixels (the HTML page uses the same).
pub const LABEL_FONT_PX: f64 = 12.0;

/// Average glyph width as a fraction of the font size, for label boxes.
const GLYPH_WIDTH: f64 = 0.62;

/// Radius of an actor's circle, growing with the square root of its
/// mention count.
pub fn node_radius(mentions: usize) -> f64 {
    (5.0 + 3.0 * (mentions as f64).sqrt()).min(30.0)
}

/// Positions of every node, in the order of [`ActorGraph::nodes_sorted`].
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Node centres, in pixels, all inside `0..width` × `0..height`.
    pub positions: Vec<(f64, f64)>,
    /// Node radii, in pixels.
    pub radii: Vec<f64>,
    /// Width of the drawing, margins included.
    pub width: f64,
    /// Height of the drawing, margins included.
    pub height: f64,
}

/// splitmix64: a small, well-mixed seeded generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..1`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Half-extents of the box an actor occupies: its circle with the label
/// centred under it. Returned as (half width, extent above the centre,
/// extent below the centre).
fn node_box(label: &str, r: f64) -> (f64, f64, f64) {
    let text_w = label.chars().count() as f64 * LABEL_FONT_PX * GLYPH_WIDTH;
    (
        (text_w / 2.0).max(r) + 4.0,
        r + 4.0,
        r + LABEL_FONT_PX * 1.5 + 4.0,
    )
}

/// Width in pixels of a link label drawn at the HTML page's 10 px font.
fn link_label_width(text: &str) -> f64 {
    text.chars().count() as f64 * 10.0 * GLYPH_WIDTH
}

/// Lays out a graph. Links attract their two actors towards an ideal
/// distance long enough for their labels (co-mentions pull half as hard),
/// every pair of actors repels, and a linear pull towards the centre keeps
/// components together. Actors without any link take no part in the
/// simulation: they are lined up under the drawing.
pub fn force_directed(g: &ActorGraph, seed: u64) -> Layout {
    let nodes = g.nodes_sorted();
    let n = nodes.len();
    let radii: Vec<f64> = nodes.iter().map(|a| node_radius(a.mentions)).collect();
    if n == 0 {
        return Layout {
            positions: Vec::new(),
            radii,
            width: 200.0,
            height: 120.0,
        };
    }
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mean_r = radii.iter().sum::<f64>() / n as f64;
    let k = 80.0 + 2.0 * mean_r;

    // One spring per node pair: weight from the occurrences linking it,
    // ideal length from the widest label drawn between the two.
    let mut pairs: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
    let mut linked = vec![false; n];
    for (a, b, e) in g.edges_sorted() {
        let (i, j) = (index[a.id.as_str()], index[b.id.as_str()]);
        linked[i] = true;
        linked[j] = true;
        if i == j {
            continue;
        }
        let co = e.relation == CO_MENTIONED;
        let w = if co { 0.5 } else { 1.0 } * e.count as f64;
        let len = if co {
            k
        } else {
            k.max(link_label_width(&super::dot::edge_label(e)) + radii[i] + radii[j] + 24.0)
        };
        let p = pairs.entry((i.min(j), i.max(j))).or_insert((0.0, 0.0));
        p.0 += w;
        p.1 = p.1.max(len);
    }
    // Parallel links are drawn as curves side by side: a little more room.
    let springs: Vec<(usize, usize, f64, f64)> = pairs
        .into_iter()
        .map(|((i, j), (w, len))| (i, j, 1.0 + w.ln_1p().min(3.0) * 0.5, len))
        .collect();

    let active: Vec<usize> = (0..n).filter(|&i| linked[i]).collect();
    let m = active.len().max(1);
    let side = k * (m as f64).sqrt() * 1.5;
    let mut rng = Rng(seed);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| ((rng.unit() - 0.5) * side, (rng.unit() - 0.5) * side))
        .collect();

    let iterations = if m <= 300 {
        400
    } else {
        (400.0 * 90_000.0 / (m * m) as f64).max(30.0) as usize
    };
    // A linear pull to the centre: against the repulsion of m nodes it
    // holds the drawing within a radius of about k·sqrt(m).
    let gravity = 0.6;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for it in 0..iterations {
        let temperature = side * 0.1 * (1.0 - it as f64 / iterations as f64) + 0.5;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for (ai, &i) in active.iter().enumerate() {
            for &j in &active[ai + 1..] {
                let (mut dx, mut dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-6 {
                    // Coincident nodes: separate them along a fixed direction.
                    dx = 0.1 * (1 + (i % 7)) as f64;
                    dy = 0.1 * (1 + (j % 5)) as f64;
                    d2 = dx * dx + dy * dy;
                }
                let spacing = k + radii[i] + radii[j];
                let f = spacing * spacing / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(i, j, w, len) in &springs {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt();
            // w·d²·s²/len³ balances the pair's own repulsion s²/d at d = len.
            let sp = k + radii[i] + radii[j];
            let f = w * d * sp * sp / (len * len * len);
            disp[i].0 -= dx * f;
            disp[i].1 -= dy * f;
            disp[j].0 += dx * f;
            disp[j].1 += dy * f;
        }
        for &i in &active {
            let (x, y) = pos[i];
            disp[i].0 -= gravity * x;
            disp[i].1 -= gravity * y;
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i].0 += dx / len * step;
                pos[i].1 += dy / len * step;
            }
        }
    }

    let boxes: Vec<(f64, f64, f64)> = nodes
        .iter()
        .zip(&radii)
        .map(|(a, &r)| node_box(&a.label, r))
        .collect();
    let mut active_pos: Vec<(f64, f64)> = active.iter().map(|&i| pos[i]).collect();
    let active_boxes: Vec<(f64, f64, f64)> = active.iter().map(|&i| boxes[i]).collect();
    remove_overlaps(&mut active_pos, &active_boxes);
    for (&i, &p) in active.iter().zip(&active_pos) {
        pos[i] = p;
    }

    // Actors without links: rows under the drawing, in id order.
    let (mut min_x, mut max_x, mut max_y) = (0.0f64, 0.0f64, 0.0f64);
    if !active.is_empty() {
        min_x = active
            .iter()
            .map(|&i| pos[i].0 - boxes[i].0)
            .fold(f64::INFINITY, f64::min);
        max_x = active
            .iter()
            .map(|&i| pos[i].0 + boxes[i].0)
            .fold(f64::NEG_INFINITY, f64::max);
        max_y = active
            .iter()
            .map(|&i| pos[i].1 + boxes[i].2)
            .fold(f64::NEG_INFINITY, f64::max);
    }
    let row_width = (max_x - min_x).max(600.0);
    let (mut x, mut y, mut row_h) = (min_x, max_y + 30.0, 0.0f64);
    for i in (0..n).filter(|&i| !linked[i]) {
        let (hw, up, down) = boxes[i];
        if x > min_x && x + 2.0 * hw > min_x + row_width {
            x = min_x;
            y += row_h + 6.0;
            row_h = 0.0;
        }
        pos[i] = (x + hw, y + up);
        x += 2.0 * hw + 6.0;
        row_h = row_h.max(up + down);
    }

    let margin = 30.0;
    let min_x = (0..n)
        .map(|i| pos[i].0 - boxes[i].0)
        .fold(f64::INFINITY, f64::min);
    let max_x = (0..n)
        .map(|i| pos[i].0 + boxes[i].0)
        .fold(f64::NEG_INFINITY, f64::max);
    let min_y = (0..n)
        .map(|i| pos[i].1 - boxes[i].1)
        .fold(f64::INFINITY, f64::min);
    let max_y = (0..n)
        .map(|i| pos[i].1 + boxes[i].2)
        .fold(f64::NEG_INFINITY, f64::max);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    Layout {
        positions: pos
            .iter()
            .map(|&(x, y)| (round(x - min_x + margin), round(y - min_y + margin)))
            .collect(),
        radii: radii.iter().map(|&r| round(r)).collect(),
        width: round(max_x - min_x + 2.0 * margin),
        height: round(max_y - min_y + 2.0 * margin),
    }
}

/// Pushes apart overlapping boxes (half width, up, down) until none
/// overlap or a pass limit is reached; each overlap is resolved along the
/// axis where it is smaller, half by each box.
fn remove_overlaps(pos: &mut [(f64, f64)], boxes: &[(f64, f64, f64)]) {
    let n = pos.len();
    let gap = 6.0;
    for _ in 0..500 {
        let mut moved = false;
        // Sweep along x: only boxes whose x-ranges meet can overlap.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            (pos[a].0 - boxes[a].0)
                .total_cmp(&(pos[b].0 - boxes[b].0))
                .then(a.cmp(&b))
        });
        for oi in 0..n {
            let i = order[oi];
            for &j in &order[oi + 1..] {
                let right_i = pos[i].0 + boxes[i].0 + gap;
                if pos[j].0 - boxes[j].0 > right_i {
                    break;
                }
                let ox = boxes[i].0 + boxes[j].0 + gap - (pos[i].0 - pos[j].0).abs();
                // Vertical extents: centre y + down, centre y - up.
                let (top_i, bot_i) = (pos[i].1 - boxes[i].1, pos[i].1 + boxes[i].2);
                let (top_j, bot_j) = (pos[j].1 - boxes[j].1, pos[j].1 + boxes[j].2);
                let oy = bot_i.min(bot_j) - top_i.max(top_j) + gap;
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox < oy {
                    let s = if pos[i].0 < pos[j].0 || (pos[i].0 == pos[j].0 && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    pos[i].0 += s * ox / 2.0;
                    pos[j].0 -= s * ox / 2.0;
                } else {
                    let s = if pos[i].1 < pos[j].1 || (pos[i].1 == pos[j].1 && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    pos[i].1 += s * oy / 2.0;
                    pos[j].1 -= s * oy / 2.0;
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// Whether any two actors' boxes (circle plus label) overlap in a layout.
pub fn has_overlaps(g: &ActorGraph, layout: &Layout) -> bool {
    let nodes = g.nodes_sorted();
    let boxes: Vec<(f64, f64, f64)> = nodes
        .iter()
        .zip(&layout.radii)
        .map(|(a, &r)| node_box(&a.label, r))
        .collect();
    let p = &layout.positions;
    for i in 0..p.len() {
        for j in (i + 1)..p.len() {
            let ox = boxes[i].0 + boxes[j].0 - (p[i].0 - p[j].0).abs();
            let oy = (p[i].1 + boxes[i].2).min(p[j].1 + boxes[j].2)
                - (p[i].1 - boxes[i].1).max(p[j].1 - boxes[j].1);
            if ox > 0.5 && oy > 0.5 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn graph() -> ActorGraph {
        let p = Pipeline::builtin().unwrap();
        p.build_graph(&[Document::new(
            "d",
            "Egypt accused Qatar of funding militants. France met Germany and Italy in Rome. \
             Spain and Portugal signed a deal. Japan threatened China.",
        )])
    }

    #[test]
    fn layout_is_deterministic_and_seeded() {
        let g = graph();
        let a = force_directed(&g, DEFAULT_SEED);
        let b = force_directed(&g, DEFAULT_SEED);
        assert_eq!(a, b);
        let c = force_directed(&g, 1);
        assert_ne!(a.positions, c.positions);
    }

    #[test]
    fn layout_fits_its_frame_without_overlaps() {
        let g = graph();
        let l = force_directed(&g, DEFAULT_SEED);
        assert_eq!(l.positions.len(), g.node_count());
        for &(x, y) in &l.positions {
            assert!(
                x > 0.0 && x < l.width && y > 0.0 && y < l.height,
                "{x},{y} in {}x{}",
                l.width,
                l.height
            );
        }
        assert!(!has_overlaps(&g, &l));
    }
}
