// actorgraph page script: written for this project, no dependencies.
// Draws the embedded graph at the positions computed by actorgraph, and
// adds hover, selection with evidence, search, relation filter, zoom, pan
// and node dragging. State is mirrored in the URL fragment.
(function () {
  'use strict';

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var body = document.body;
  var errors = [];

  function byId(id) { return document.getElementById(id); }

  function fail(message) {
    errors.push(String(message));
    var box = byId('errors');
    box.hidden = false;
    box.textContent = 'Error: ' + errors.join(' · ');
    body.dataset.errors = String(errors.length);
  }
  window.addEventListener('error', function (e) { fail(e.message); });
  body.dataset.errors = '0';

  var graph, layout;
  try {
    graph = JSON.parse(byId('graph-data').textContent);
    layout = JSON.parse(byId('layout-data').textContent);
  } catch (e) {
    fail('cannot read the embedded graph: ' + e.message);
    return;
  }

  // ------------------------------------------------------------ helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAll(node, attrs);
    append(node, children);
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAll(node, attrs);
    return node;
  }

  function setAll(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.setAttribute('class', attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
  }

  function append(node, children) {
    if (children === undefined || children === null) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }

  function fmt(v) { return Math.round(v * 10) / 10; }

  function norm(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  function toneOf(d) {
    if (d.relation === 'co_mentioned') return 'co_mention';
    if (typeof d.goldstein === 'number' && d.goldstein > 0) return 'cooperation';
    if (typeof d.goldstein === 'number' && d.goldstein < 0) return 'conflict';
    return 'neutral';
  }

  var SYMMETRIC = { meets: true, co_mentioned: true };

  function linkText(d) {
    var s = d.relation === 'co_mentioned' ? 'co-mentioned' : d.relation;
    if (d.count > 1) s += ' ×' + d.count;
    if (d.modality !== 'asserted') s += ' (' + d.modality + ')';
    return s;
  }

  // --------------------------------------------------------------- model

  // Lookups by a name from the data or the URL fragment use prototype-free
  // maps and own properties only, so that `__proto__` or `constructor` is
  // just an unknown name.
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  var nodes = [];
  var nodeById = Object.create(null);
  graph.nodes.forEach(function (d) {
    var p = own(layout.positions, d.id) ? layout.positions[d.id] : [0, 0, 6];
    var n = {
      data: d, id: d.id, x: p[0], y: p[1], r: p[2], links: [],
      keys: [d.label, d.id].concat(d.aliases || []).map(norm)
    };
    nodes.push(n);
    nodeById[d.id] = n;
  });

  var links = [];
  var pairs = Object.create(null);
  (graph.edges || graph.links || []).forEach(function (d, i) {
    var s = nodeById[d.source], t = nodeById[d.target];
    if (!s || !t) { fail('link e' + i + ' names an unknown actor'); return; }
    var l = { data: d, id: 'e' + i, s: s, t: t, tone: toneOf(d), visible: true, offset: 0 };
    links.push(l);
    s.links.push(l);
    if (t !== s) t.links.push(l);
    var key = s.id < t.id ? s.id + '\u0000' + t.id : t.id + '\u0000' + s.id;
    (pairs[key] = pairs[key] || []).push(l);
  });
  // Parallel links between two actors are drawn as separate curves.
  Object.keys(pairs).forEach(function (key) {
    var group = pairs[key];
    group.forEach(function (l, j) { l.offset = (j - (group.length - 1) / 2) * 24; });
  });

  // ------------------------------------------------------------ drawing

  var svg = byId('graph');
  var viewport = byId('viewport');
  var linkLayer = byId('links');
  var labelLayer = byId('link-labels');
  var nodeLayer = byId('nodes');
  var markers = byId('markers');

  Object.keys(layout.tone_colors).forEach(function (tone) {
    var m = svgEl('marker', {
      id: 'arrow-' + tone, viewBox: '0 0 10 10', refX: '9', refY: '5',
      markerWidth: '9', markerHeight: '9', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse'
    });
    m.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: layout.tone_colors[tone] }));
    markers.append(m);
  });

  function towards(n, px, py, dist) {
    var dx = px - n.x, dy = py - n.y;
    var len = Math.hypot(dx, dy) || 1;
    return { x: n.x + dx / len * dist, y: n.y + dy / len * dist };
  }

  function geometry(l) {
    var a = l.s, b = l.t;
    if (a === b) {
      var r = a.r, x = a.x, y = a.y - r;
      var k = 1 + Math.abs(l.offset) / 24;
      return {
        d: 'M' + fmt(x - r * 0.5) + ',' + fmt(y + 2) + ' C' + fmt(x - r * 2 * k) + ',' + fmt(y - r * 2.5 * k) +
          ' ' + fmt(x + r * 2 * k) + ',' + fmt(y - r * 2.5 * k) + ' ' + fmt(x + r * 0.5) + ',' + fmt(y + 2),
        lx: x, ly: y - r * 1.9 * k
      };
    }
    var lo = a.id < b.id ? a : b, hi = lo === a ? b : a;
    var dx = hi.x - lo.x, dy = hi.y - lo.y;
    var len = Math.hypot(dx, dy) || 1;
    var nx = -dy / len, ny = dx / len;
    var cx = (a.x + b.x) / 2 + nx * l.offset * 2, cy = (a.y + b.y) / 2 + ny * l.offset * 2;
    var arrowEnd = l.data.relation !== 'co_mentioned';
    var arrowStart = arrowEnd && SYMMETRIC[l.data.relation];
    var p0 = towards(a, cx, cy, a.r + (arrowStart ? 2 : 1));
    var p2 = towards(b, cx, cy, b.r + (arrowEnd ? 2 : 1));
    return {
      d: 'M' + fmt(p0.x) + ',' + fmt(p0.y) + ' Q' + fmt(cx) + ',' + fmt(cy) + ' ' + fmt(p2.x) + ',' + fmt(p2.y),
      lx: 0.25 * p0.x + 0.5 * cx + 0.25 * p2.x,
      ly: 0.25 * p0.y + 0.5 * cy + 0.25 * p2.y
    };
  }

  function placeLink(l) {
    var g = geometry(l);
    l.path.setAttribute('d', g.d);
    l.hit.setAttribute('d', g.d);
    if (l.label) {
      l.label.setAttribute('x', fmt(g.lx));
      l.label.setAttribute('y', fmt(g.ly - 3));
    }
  }

  links.forEach(function (l) {
    var d = l.data;
    var color = layout.tone_colors[l.tone];
    var co = d.relation === 'co_mentioned';
    var attrs = {
      className: 'link tone-' + l.tone, stroke: color,
      'stroke-width': co ? '0.8' : String(fmt(1.2 + Math.log(d.count))),
      'data-id': l.id
    };
    if (co) attrs['stroke-dasharray'] = '2 3';
    else if (d.modality !== 'asserted') attrs['stroke-dasharray'] = '6 4';
    if (!co) {
      attrs['marker-end'] = 'url(#arrow-' + l.tone + ')';
      if (SYMMETRIC[d.relation]) attrs['marker-start'] = 'url(#arrow-' + l.tone + ')';
    }
    l.path = svgEl('path', attrs);
    l.hit = svgEl('path', { className: 'hit', 'data-id': l.id });
    l.hit.__link = l;
    linkLayer.append(l.path, l.hit);
    if (!co) {
      l.label = svgEl('text', { className: 'link-label', fill: color, text: linkText(d) });
      labelLayer.append(l.label);
    }
    placeLink(l);
  });

  nodes.forEach(function (n) {
    var d = n.data;
    n.el = svgEl('g', { className: 'node kind-' + d.kind, transform: 'translate(' + n.x + ',' + n.y + ')', 'data-id': n.id });
    n.el.__node = n;
    n.el.append(
      svgEl('circle', { r: String(n.r), fill: layout.kind_colors[d.kind] || '#888' }),
      svgEl('text', { y: String(fmt(n.r + 13)), text: d.label })
    );
    nodeLayer.append(n.el);
  });

  function moveNode(n) {
    n.el.setAttribute('transform', 'translate(' + fmt(n.x) + ',' + fmt(n.y) + ')');
    n.links.forEach(placeLink);
  }

  // Boxes in the drawing's coordinates (zoom scales everything alike, so
  // what overlaps does not depend on the zoom).
  function nodeBoxes(n) {
    var c = n.el.firstChild.getBBox(), t = n.el.lastChild.getBBox();
    return [
      { x: n.x + c.x, y: n.y + c.y, w: c.width, h: c.height },
      { x: n.x + t.x, y: n.y + t.y, w: t.width, h: t.height }
    ];
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  // Hides the link labels that would cover an actor or a label placed
  // before them (busiest links first); hidden labels come back on hover
  // and selection. Then counts the overlaps left among all visible text.
  function declutter() {
    var placed = [];
    var texts = [];
    nodes.forEach(function (n) {
      var b = nodeBoxes(n);
      placed.push(b[0], b[1]);
      texts.push(b[1]);
    });
    var candidates = links.filter(function (l) { return l.label && l.visible; });
    candidates.forEach(function (l) { l.label.classList.remove('crowded'); });
    candidates.sort(function (a, b) { return b.data.count - a.data.count || (a.id < b.id ? -1 : 1); });
    var hidden = 0;
    if (state.labels) {
      candidates.forEach(function (l) {
        var b = l.label.getBBox();
        var box = { x: b.x, y: b.y, w: b.width, h: b.height };
        var hit = placed.some(function (p) { return overlaps(p, box); });
        l.label.classList.toggle('crowded', hit);
        if (hit) hidden += 1;
        else { placed.push(box); texts.push(box); }
      });
    }
    var clashes = 0;
    for (var i = 0; i < texts.length; i++) {
      for (var j = i + 1; j < texts.length; j++) if (overlaps(texts[i], texts[j])) clashes += 1;
    }
    body.dataset.hiddenLabels = String(hidden);
    body.dataset.labelOverlaps = String(clashes);
  }

  // ---------------------------------------------------------- view state

  var view = { x: 0, y: 0, k: 1 };

  function applyView() {
    viewport.setAttribute('transform', 'translate(' + fmt(view.x) + ',' + fmt(view.y) + ') scale(' + view.k.toFixed(4) + ')');
    body.dataset.zoom = view.k.toFixed(3);
  }

  function fit() {
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    var k = Math.min(w / layout.width, h / layout.height, 2.5);
    view.k = k;
    view.x = (w - layout.width * k) / 2;
    view.y = (h - layout.height * k) / 2;
    applyView();
  }

  function zoomAt(px, py, factor) {
    var k = Math.max(0.05, Math.min(12, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    applyView();
  }

  function centerOn(n) {
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    view.k = Math.max(view.k, 1);
    view.x = w / 2 - n.x * view.k;
    view.y = h / 2 - n.y * view.k;
    applyView();
  }

  function localPoint(e) {
    var r = svg.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  // ------------------------------------------------------------- filters

  var state = { q: '', rel: '', co: true, na: true, labels: true, since: '', until: '' };

  // Occurrences of a link on the days of the date window (days are
  // YYYY-MM-DD strings, which compare in calendar order).
  function inWindow(d) {
    var n = 0;
    Object.keys(d.days || {}).forEach(function (day) {
      if ((!state.since || day >= state.since) && (!state.until || day <= state.until)) n += d.days[day];
    });
    return n;
  }
  var selected = null;
  var matches = [];

  function applyFilters() {
    var shown = 0;
    links.forEach(function (l) {
      var d = l.data;
      var ok;
      if (d.relation === 'co_mentioned') ok = state.co && !state.rel;
      else ok = (!state.rel || d.relation === state.rel) && (state.na || d.modality === 'asserted');
      if (ok && (state.since || state.until)) ok = inWindow(d) > 0;
      l.visible = ok;
      var display = ok ? '' : 'none';
      l.path.style.display = display;
      l.hit.style.display = display;
      if (l.label) l.label.style.display = display;
      if (ok) shown += 1;
    });
    var narrowed = state.rel || !state.co || !state.na || state.since || state.until;
    nodes.forEach(function (n) {
      var active = !narrowed || n.links.some(function (l) { return l.visible; });
      n.el.classList.toggle('idle', !active);
    });
    svg.classList.toggle('no-labels', !state.labels);
    body.dataset.visibleLinks = String(shown);
    declutter();
    updateStatus();
  }

  function updateStatus() {
    var visible = links.filter(function (l) { return l.visible; }).length;
    var text = nodes.length + ' actors · ' + (visible === links.length ? links.length + ' links' : visible + ' of ' + links.length + ' links');
    if (state.q) text += ' · ' + matches.length + (matches.length === 1 ? ' match' : ' matches');
    byId('status').textContent = text;
    body.dataset.matches = String(matches.length);
  }

  function search(q, focus) {
    state.q = q;
    var k = norm(q);
    matches = k ? nodes.filter(function (n) { return n.keys.some(function (s) { return s.indexOf(k) >= 0; }); }) : [];
    nodes.forEach(function (n) { n.el.classList.toggle('match', matches.indexOf(n) >= 0); });
    svg.classList.toggle('searching', k.length > 0);
    if (focus && matches.length) {
      var exact = matches.filter(function (n) { return n.keys.indexOf(k) >= 0; })[0] || matches[0];
      select({ type: 'node', item: exact });
      centerOn(exact);
    }
    updateStatus();
    writeHash();
  }

  // ------------------------------------------------------------ details

  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  // The sentence with the trigger and mentions marked. Spans are byte
  // offsets into the document; the sentence starts at ev.start.
  function highlighted(ev) {
    var bytes = encoder.encode(ev.text);
    var spans = [];
    function add(span, cls) {
      if (!span) return;
      var s = span[0] - ev.start, e = span[1] - ev.start;
      if (s >= 0 && e <= bytes.length && s < e) spans.push([s, e, cls]);
    }
    add(ev.source_span, 'src');
    add(ev.target_span, 'tgt');
    add(ev.trigger, 'trg');
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = el('blockquote');
    var at = 0;
    spans.forEach(function (sp) {
      if (sp[0] < at) return;
      if (sp[0] > at) out.append(decoder.decode(bytes.subarray(at, sp[0])));
      out.append(el('mark', { className: sp[2], title: { src: 'source', tgt: 'target', trg: 'trigger' }[sp[2]], text: decoder.decode(bytes.subarray(sp[0], sp[1])) }));
      at = sp[1];
    });
    if (at < bytes.length) out.append(decoder.decode(bytes.subarray(at)));
    return out;
  }

  // A link as seen from one of its actors: "rejects → France",
  // "Hakan Fidan → demands", "meets — Hakan Fidan".
  function linkButton(l, from) {
    var other = l.s === from ? l.t : l.s;
    var rel = linkText(l.data);
    var text;
    if (l.s === l.t) text = rel + ' (itself)';
    else if (SYMMETRIC[l.data.relation]) text = rel + ' — ' + other.data.label;
    else if (l.s === from) text = rel + ' → ' + other.data.label;
    else text = other.data.label + ' → ' + rel;
    var b = el('button', { type: 'button', className: 'link-ref tone-' + l.tone, text: text });
    b.addEventListener('click', function () { select({ type: 'link', item: l }); });
    return b;
  }

  function showNode(n) {
    var d = n.data;
    var rows = [['kind', d.kind], ['mentions', String(d.mentions)], ['documents', String(d.documents)]];
    if (d.affiliation) rows.push(['affiliation', d.affiliation]);
    if (d.role) rows.push(['role', d.role]);
    if (d.aliases && d.aliases.length) rows.push(['aliases', d.aliases.join(', ')]);
    rows.push(['id', d.id]);
    var dl = el('dl');
    rows.forEach(function (r) { dl.append(el('dt', { text: r[0] }), el('dd', { text: r[1] })); });
    var relations = n.links.filter(function (l) { return l.data.relation !== 'co_mentioned'; });
    var co = n.links.filter(function (l) { return l.data.relation === 'co_mentioned'; });
    relations.sort(function (a, b) { return b.data.count - a.data.count || (a.id < b.id ? -1 : 1); });
    co.sort(function (a, b) { return b.data.count - a.data.count || (a.id < b.id ? -1 : 1); });
    var list = el('ul', { className: 'links' });
    relations.forEach(function (l) { list.append(el('li', null, linkButton(l, n))); });
    var coList = el('p', { className: 'co' });
    co.forEach(function (l, i) {
      var other = l.s === n ? l.t : l.s;
      var b = el('button', { type: 'button', className: 'link-ref', text: other.data.label + (l.data.count > 1 ? ' ×' + l.data.count : '') });
      b.addEventListener('click', function () { select({ type: 'link', item: l }); });
      if (i) coList.append(', ');
      coList.append(b);
    });
    return [
      el('h2', null, [el('span', { className: 'swatch', style: 'background:' + (layout.kind_colors[d.kind] || '#888') }), d.label]),
      dl,
      el('h3', { text: 'Relations (' + relations.length + ')' }),
      relations.length ? list : el('p', { className: 'note', text: 'No relation read.' }),
      co.length ? el('h3', { text: 'Co-mentioned with (' + co.length + ')' }) : null,
      co.length ? coList : null
    ];
  }

  function showLink(l) {
    var d = l.data;
    var arrow = SYMMETRIC[d.relation] ? ' — ' : ' → ';
    var rows = [['modality', d.modality], ['count', String(d.count)], ['confidence', Number(d.confidence).toFixed(2)]];
    if (d.cameo) rows.push(['CAMEO', d.cameo]);
    if (typeof d.goldstein === 'number') rows.push(['Goldstein', (d.goldstein > 0 ? '+' : '') + d.goldstein.toFixed(1) + ' (' + l.tone + ')']);
    if (d.first_seen) rows.push(['seen', d.first_seen === d.last_seen ? d.first_seen : d.first_seen + ' to ' + d.last_seen]);
    if (d.first_seen && (state.since || state.until)) rows.push(['in the window', String(inWindow(d))]);
    rows.push(['key', d.key + ' (' + l.id + ')']);
    var dl = el('dl');
    rows.forEach(function (r) { dl.append(el('dt', { text: r[0] }), el('dd', { text: r[1] })); });
    var from = el('button', { type: 'button', className: 'link-ref', text: l.s.data.label });
    from.addEventListener('click', function () { select({ type: 'node', item: l.s }); });
    var to = el('button', { type: 'button', className: 'link-ref', text: l.t.data.label });
    to.addEventListener('click', function () { select({ type: 'node', item: l.t }); });
    var evidence = el('ol', { className: 'evidence' });
    d.evidence.forEach(function (ev) {
      evidence.append(el('li', null, [highlighted(ev), el('cite', { text: (ev.date ? ev.date + ', ' : '') + ev.doc + ', sentence ' + (ev.sentence + 1) })]));
    });
    var more = d.count - d.evidence.length;
    return [
      el('h2', null, [from, arrow + (d.relation === 'co_mentioned' ? 'co-mentioned' : d.relation) + arrow, to]),
      el('span', { className: 'tag', style: 'background:' + layout.tone_colors[l.tone], text: l.tone.replace('_', '-') }),
      dl,
      el('h3', { text: 'Evidence (' + d.evidence.length + (d.evidence.length === d.count ? '' : ' of ' + d.count) + ')' }),
      evidence,
      d.evidence_truncated && more > 0 ? el('p', { className: 'note', text: more + ' more occurrence(s) not kept as evidence.' }) : null,
      el('p', { className: 'note' }, [el('mark', { className: 'src', text: 'source' }), ' ', el('mark', { className: 'trg', text: 'trigger' }), ' ', el('mark', { className: 'tgt', text: 'target' })])
    ];
  }

  function mark(sel, on) {
    if (sel.type === 'node') { sel.item.el.classList.toggle('selected', on); return; }
    sel.item.path.classList.toggle('selected', on);
    if (sel.item.label) sel.item.label.classList.toggle('selected', on);
  }

  function select(sel) {
    if (selected) mark(selected, false);
    selected = sel;
    var panel = byId('details');
    panel.textContent = '';
    if (!sel) {
      append(panel, el('p', { className: 'hint', text: 'Click an actor or a link to see its evidence.' }));
      body.dataset.selected = '';
    } else {
      mark(sel, true);
      append(panel, sel.type === 'node' ? showNode(sel.item) : showLink(sel.item));
      body.dataset.selected = sel.item.id;
    }
    writeHash();
  }

  // ------------------------------------------------------ hover and tips

  var tip = byId('tip');

  function showTip(e, lines) {
    tip.textContent = '';
    lines.forEach(function (line, i) {
      if (i) tip.append(el('br'));
      tip.append(line);
    });
    tip.hidden = false;
    moveTip(e);
  }

  function moveTip(e) {
    var x = e.clientX + 14, y = e.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = e.clientX - w - 10;
    if (y + h > window.innerHeight - 4) y = e.clientY - h - 10;
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function hover(items) {
    svg.classList.add('hovering');
    items.forEach(function (it) {
      if (it.el) it.el.classList.add('near');
      if (it.path) { it.path.classList.add('near'); if (it.label) it.label.classList.add('near'); }
    });
  }

  function unhover() {
    svg.classList.remove('hovering');
    Array.prototype.forEach.call(svg.querySelectorAll('.near'), function (e) { e.classList.remove('near'); });
    tip.hidden = true;
  }

  function targetOf(e) {
    var t = e.target;
    while (t && t !== svg) {
      if (t.__node) return { type: 'node', item: t.__node };
      if (t.__link) return { type: 'link', item: t.__link };
      t = t.parentNode;
    }
    return null;
  }

  var drag = null;

  svg.addEventListener('pointerover', function (e) {
    if (drag) return;
    var t = targetOf(e);
    if (!t) return;
    if (t.type === 'node') {
      var n = t.item, d = n.data;
      var near = [n];
      n.links.forEach(function (l) { if (l.visible) near.push(l, l.s, l.t); });
      hover(near);
      var shown = n.links.filter(function (l) { return l.visible; }).length;
      showTip(e, [d.label + ' (' + d.kind + ')', d.mentions + ' mentions in ' + d.documents + ' document(s) · ' + shown + ' links']);
    } else {
      var l = t.item;
      hover([l, l.s, l.t]);
      showTip(e, [l.s.data.label + ' ' + linkText(l.data) + ' ' + l.t.data.label,
        'confidence ' + Number(l.data.confidence).toFixed(2) + (l.data.cameo ? ' · CAMEO ' + l.data.cameo : '') + ' · click for evidence']);
    }
  });
  svg.addEventListener('pointerout', function (e) {
    if (!drag && targetOf(e)) unhover();
  });

  // ----------------------------------------------- pointer: pan and drag

  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    var t = targetOf(e);
    drag = { target: t, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
    if (t && t.type === 'node') { drag.nx = t.item.x; drag.ny = t.item.y; }
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', function (e) {
    if (!drag) { if (!tip.hidden) moveTip(e); return; }
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) { drag.moved = true; unhover(); }
    if (drag.target && drag.target.type === 'node') {
      var n = drag.target.item;
      n.x = drag.nx + dx / view.k;
      n.y = drag.ny + dy / view.k;
      moveNode(n);
    } else {
      svg.classList.add('panning');
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      applyView();
    }
  });
  function endDrag(e) {
    if (!drag) return;
    var d = drag;
    drag = null;
    svg.classList.remove('panning');
    if (svg.hasPointerCapture(e.pointerId)) svg.releasePointerCapture(e.pointerId);
    if (d.moved && d.target && d.target.type === 'node') declutter();
    if (!d.moved && e.type === 'pointerup') select(d.target);
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var p = localPoint(e);
    zoomAt(p.x, p.y, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)));
  }, { passive: false });

  function zoomCenter(factor) { zoomAt((svg.clientWidth || 800) / 2, (svg.clientHeight || 600) / 2, factor); }
  byId('zoom-in').addEventListener('click', function () { zoomCenter(1.3); });
  byId('zoom-out').addEventListener('click', function () { zoomCenter(1 / 1.3); });
  byId('zoom-fit').addEventListener('click', fit);

  document.addEventListener('keydown', function (e) {
    if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT')) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.key === '+' || e.key === '=') zoomCenter(1.3);
    else if (e.key === '-') zoomCenter(1 / 1.3);
    else if (e.key === '0') fit();
    else if (e.key === '/') { e.preventDefault(); byId('search').focus(); }
    else if (e.key === 'Escape') select(null);
  });

  // ------------------------------------------------------------ controls

  var names = byId('actor-names');
  nodes.slice().sort(function (a, b) { return a.data.label.localeCompare(b.data.label); }).forEach(function (n) {
    names.append(el('option', { value: n.data.label }));
  });

  var relationCounts = Object.create(null);
  links.forEach(function (l) {
    if (l.data.relation !== 'co_mentioned') relationCounts[l.data.relation] = (relationCounts[l.data.relation] || 0) + 1;
  });
  var relationSelect = byId('relation');
  Object.keys(relationCounts).sort().forEach(function (r) {
    relationSelect.append(el('option', { value: r, text: r + ' (' + relationCounts[r] + ')' }));
  });

  // The date window shows only when some link is dated.
  var allDays = [];
  links.forEach(function (l) { allDays = allDays.concat(Object.keys(l.data.days || {})); });
  allDays.sort();
  var sinceBox = byId('since'), untilBox = byId('until');
  if (allDays.length) {
    byId('dates').hidden = false;
    [sinceBox, untilBox].forEach(function (b) { b.min = allDays[0]; b.max = allDays[allDays.length - 1]; });
  }
  function setWindow() { state.since = sinceBox.value; state.until = untilBox.value; applyFilters(); writeHash(); }
  sinceBox.addEventListener('change', setWindow);
  untilBox.addEventListener('change', setWindow);

  var searchBox = byId('search');
  searchBox.addEventListener('input', function () { search(searchBox.value, false); });
  searchBox.addEventListener('change', function () { search(searchBox.value, true); });
  searchBox.addEventListener('keydown', function (e) { if (e.key === 'Enter') search(searchBox.value, true); });
  relationSelect.addEventListener('change', function () { state.rel = relationSelect.value; applyFilters(); writeHash(); });
  byId('co-mentions').addEventListener('change', function (e) { state.co = e.target.checked; applyFilters(); writeHash(); });
  byId('not-asserted').addEventListener('change', function (e) { state.na = e.target.checked; applyFilters(); writeHash(); });
  byId('edge-labels').addEventListener('change', function (e) { state.labels = e.target.checked; applyFilters(); writeHash(); });

  // -------------------------------------------------------------- legend

  (function legend() {
    var box = byId('legend');
    Object.keys(layout.kind_colors).forEach(function (k) {
      box.append(el('span', { className: 'swatch', style: 'background:' + layout.kind_colors[k] }), k + ' ');
    });
    box.append(el('br'));
    [['cooperation', ''], ['conflict', ''], ['neutral', ''], ['co_mention', '2 3'], ['conflict', '6 4']].forEach(function (t, i) {
      var s = svgEl('svg', { width: '22', height: '8' });
      var line = svgEl('line', { x1: '0', y1: '4', x2: '22', y2: '4', stroke: layout.tone_colors[t[0]], 'stroke-width': '2' });
      if (t[1]) line.setAttribute('stroke-dasharray', t[1]);
      s.append(line);
      box.append(s, (i === 4 ? 'negated / hypothetical' : t[0].replace('_', '-')) + ' ');
    });
  })();

  // --------------------------------------------------------- URL fragment

  var restoring = true;

  function writeHash() {
    if (restoring) return;
    var p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.rel) p.set('rel', state.rel);
    if (!state.co) p.set('co', '0');
    if (!state.na) p.set('na', '0');
    if (!state.labels) p.set('labels', '0');
    if (state.since) p.set('since', state.since);
    if (state.until) p.set('until', state.until);
    if (selected) p.set(selected.type === 'node' ? 'actor' : 'link', selected.item.id);
    var hash = p.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; the view still works.
    }
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    state.co = p.get('co') !== '0';
    state.na = p.get('na') !== '0';
    state.labels = p.get('labels') !== '0';
    state.rel = relationCounts[p.get('rel')] ? p.get('rel') : '';
    var isDay = function (v) { return /^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : ''; };
    state.since = isDay(p.get('since'));
    state.until = isDay(p.get('until'));
    sinceBox.value = state.since;
    untilBox.value = state.until;
    byId('co-mentions').checked = state.co;
    byId('not-asserted').checked = state.na;
    byId('edge-labels').checked = state.labels;
    relationSelect.value = state.rel;
    applyFilters();
    var q = p.get('q') || '';
    searchBox.value = q;
    search(q, false);
    var actor = p.get('actor'), link = p.get('link');
    if (actor && nodeById[actor]) { select({ type: 'node', item: nodeById[actor] }); }
    else if (link) {
      var l = links.filter(function (x) { return x.id === link; })[0];
      if (l) select({ type: 'link', item: l });
    } else if (q && matches.length) {
      select({ type: 'node', item: matches[0] });
    }
  }

  fit();
  readHash();
  restoring = false;
  window.addEventListener('resize', function () { if (!drag) fit(); });
  window.addEventListener('hashchange', function () { restoring = true; readHash(); restoring = false; });

  body.dataset.nodes = String(nodeLayer.querySelectorAll('g.node').length);
  body.dataset.links = String(linkLayer.querySelectorAll('path.link').length);
  body.dataset.ready = errors.length ? '0' : '1';
})();
