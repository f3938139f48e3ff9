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

/// A spring between two nodes: (i, j, strength, ideal length).
type Spring = (usize, usize, f64, f64);

/// Lays out a graph. Links attract their two actors towards an ideal
/// distance long enough for their labels (co-mentions pull half as hard),
/// every pair of actors repels, and a linear pull towards the centre keeps
/// the drawing compact. Each connected component is laid out on its own
/// and the components are packed in rows, largest first; actors without
/// any link are lined up under them.
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
    let mut component: Vec<usize> = (0..n).collect();
    fn root(c: &mut [usize], mut i: usize) -> usize {
        while c[i] != i {
            c[i] = c[c[i]];
            i = c[i];
        }
        i
    }
    for (a, b, e) in g.edges_sorted() {
        let (i, j) = (index[a.id.as_str()], index[b.id.as_str()]);
        linked[i] = true;
        linked[j] = true;
        if i == j {
            continue;
        }
        let (ri, rj) = (root(&mut component, i), root(&mut component, j));
        component[ri.max(rj)] = ri.min(rj);
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
    let springs: Vec<Spring> = pairs
        .into_iter()
        .map(|((i, j), (w, len))| (i, j, 1.0 + w.ln_1p().min(3.0) * 0.5, len))
        .collect();
    let boxes: Vec<(f64, f64, f64)> = nodes
        .iter()
        .zip(&radii)
        .map(|(a, &r)| node_box(&a.label, r))
        .collect();

    // Connected components of linked actors, largest first.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in (0..n).filter(|&i| linked[i]) {
        let r = root(&mut component, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));

    let mut group_of = vec![usize::MAX; n];
    for (gi, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = gi;
        }
    }
    let mut group_springs: Vec<Vec<Spring>> = vec![Vec::new(); groups.len()];
    for s in &springs {
        group_springs[group_of[s.0]].push(*s);
    }

    let mut pos = vec![(0.0f64, 0.0f64); n];
    let mut rng = Rng(seed);
    let mut frames = Vec::with_capacity(groups.len());
    for (members, inside) in groups.iter().zip(&group_springs) {
        simulate(&mut pos, members, inside, &radii, k, &mut rng);
        let mut local: Vec<(f64, f64)> = members.iter().map(|&i| pos[i]).collect();
        let local_boxes: Vec<(f64, f64, f64)> = members.iter().map(|&i| boxes[i]).collect();
        remove_overlaps(&mut local, &local_boxes);
        let mut frame = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for (&i, &p) in members.iter().zip(&local) {
            pos[i] = p;
            frame[0] = frame[0].min(p.0 - boxes[i].0);
            frame[1] = frame[1].min(p.1 - boxes[i].1);
            frame[2] = frame[2].max(p.0 + boxes[i].0);
            frame[3] = frame[3].max(p.1 + boxes[i].2);
        }
        frames.push(frame);
    }

    // Shelf packing: rows of components no wider than the largest one or
    // the square root of their total area, whichever is more.
    let gap = 40.0;
    let area: f64 = frames
        .iter()
        .map(|f| (f[2] - f[0] + gap) * (f[3] - f[1] + gap))
        .sum();
    let widest = frames.iter().map(|f| f[2] - f[0]).fold(0.0, f64::max);
    let row_width = widest.max(area.sqrt() * 1.3).max(600.0);
    let (mut x, mut y, mut row_h) = (0.0f64, 0.0f64, 0.0f64);
    for (members, f) in groups.iter().zip(&frames) {
        let (w, h) = (f[2] - f[0], f[3] - f[1]);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_h + gap;
            row_h = 0.0;
        }
        for &i in members {
            pos[i].0 += x - f[0];
            pos[i].1 += y - f[1];
        }
        x += w + gap;
        row_h = row_h.max(h);
    }

    // Actors without links: rows under the drawing, in id order.
    let (mut x, mut y, mut row_h) = (
        0.0f64,
        if groups.is_empty() {
            0.0
        } else {
            y + row_h + gap
        },
        0.0f64,
    );
    for i in (0..n).filter(|&i| !linked[i]) {
        let (hw, up, down) = boxes[i];
        if x > 0.0 && x + 2.0 * hw > row_width {
            x = 0.0;
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

/// Fruchterman–Reingold on one component (`members`, sorted), writing the
/// positions of its members into `pos`, centred on the origin.
fn simulate(
    pos: &mut [(f64, f64)],
    members: &[usize],
    springs: &[Spring],
    radii: &[f64],
    k: f64,
    rng: &mut Rng,
) {
    let m = members.len();
    let side = k * (m as f64).sqrt() * 1.5;
    for &i in members {
        pos[i] = ((rng.unit() - 0.5) * side, (rng.unit() - 0.5) * side);
    }
    if m < 2 {
        return;
    }
    let iterations = if m <= 300 {
        400
    } else {
        (400.0 * 90_000.0 / (m * m) as f64).max(30.0) as usize
    };
    // A linear pull to the centre: against the repulsion of m nodes it
    // holds the drawing within a radius of about k·sqrt(m).
    let gravity = 0.6;
    let mut disp = vec![(0.0f64, 0.0f64); pos.len()];
    for it in 0..iterations {
        let temperature = side * 0.1 * (1.0 - it as f64 / iterations as f64) + 0.5;
        for &i in members {
            disp[i] = (0.0, 0.0);
        }
        for (ai, &i) in members.iter().enumerate() {
            let mut di = (0.0, 0.0);
            for &j in &members[ai + 1..] {
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
                di.0 += dx * f;
                di.1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
            disp[i].0 += di.0;
            disp[i].1 += di.1;
        }
        for &(i, j, w, len) in springs {
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
        for &i in members {
            let (x, y) = pos[i];
            let d = &mut disp[i];
            d.0 -= gravity * x;
            d.1 -= gravity * y;
            let len = (d.0 * d.0 + d.1 * d.1).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i].0 += d.0 / len * step;
                pos[i].1 += d.1 / len * step;
            }
        }
    }
}

/// Pushes apart overlapping boxes (half width, up, down): each overlap is
/// resolved along the axis where it is smaller, half by each box. When
/// pushing alone does not settle within a round of passes (crowded
/// drawings), the drawing is spread out by 15% around its centre and the
/// next round starts; spreading out ends every overlap eventually.
fn remove_overlaps(pos: &mut [(f64, f64)], boxes: &[(f64, f64, f64)]) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    for _round in 0..40 {
        for _ in 0..60 {
            if !push_apart(pos, boxes) {
                return;
            }
        }
        let cx = pos.iter().map(|p| p.0).sum::<f64>() / n as f64;
        let cy = pos.iter().map(|p| p.1).sum::<f64>() / n as f64;
        for p in pos.iter_mut() {
            p.0 = cx + (p.0 - cx) * 1.15;
            p.1 = cy + (p.1 - cy) * 1.15;
        }
    }
}

/// One pass of [`remove_overlaps`]; returns whether anything moved.
fn push_apart(pos: &mut [(f64, f64)], boxes: &[(f64, f64, f64)]) -> bool {
    let n = pos.len();
    let gap = 6.0;
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
            // Vertical extents: centre y - up to centre y + down.
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
    moved
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

    #[test]
    fn components_are_packed_apart() {
        let g = graph();
        let l = force_directed(&g, DEFAULT_SEED);
        let nodes = g.nodes_sorted();
        let at = |id: &str| nodes.iter().position(|n| n.id == id).unwrap();
        // Egypt–Qatar and Japan–China are separate components: their
        // bounding boxes do not intersect.
        let frame = |ids: &[&str]| {
            let ps: Vec<(f64, f64)> = ids.iter().map(|id| l.positions[at(id)]).collect();
            let xs = ps.iter().map(|p| p.0);
            let ys = ps.iter().map(|p| p.1);
            (
                xs.clone().fold(f64::INFINITY, f64::min),
                ys.clone().fold(f64::INFINITY, f64::min),
                xs.fold(f64::NEG_INFINITY, f64::max),
                ys.fold(f64::NEG_INFINITY, f64::max),
            )
        };
        let (a, b) = (frame(&["egypt", "qatar"]), frame(&["japan", "china"]));
        let apart = a.2 < b.0 || b.2 < a.0 || a.3 < b.1 || b.3 < a.1;
        assert!(apart, "{a:?} {b:?}");
    }
}
