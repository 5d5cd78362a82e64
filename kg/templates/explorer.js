/* kg explorer: search, filters, focus and the provenance panel.
 *
 * Every string from an article reaches the page as JSON data and is put into
 * the document with textContent / text nodes only: nothing here parses HTML.
 * Node ids in vis-network are positions in IX.nodes; edge ids positions in IX.edges.
 */
(function () {
  "use strict";

  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var IX = payload.index, VIEW = payload.view;
  var N = IX.nodes, E = IX.edges, TYPES = IX.types, PREDS = IX.predicates, ARTS = IX.articles, TEXTS = IX.texts;
  var MAX_LABEL = 32;

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "cls") node.className = props[k];
        else if (k === "style") Object.assign(node.style, props[k]);
        else if (k === "on") Object.keys(props.on).forEach(function (ev) { node.addEventListener(ev, props.on[ev]); });
        else node.setAttribute(k, props[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ---------- dates as people write them (kg.humandate.human_date) ---------- */
  /* "2025-06-29" -> "29/6/2025", "--06-29" -> "29/6", "2025-06" -> "6/2025";
     a date-time keeps its clock time unless it is midnight; anything else unchanged. */
  function humanDate(v) {
    if (v === null || v === undefined) return "";
    var s = String(v).trim(), m;
    m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(s);
    if (m) {
      var out = Number(m[3]) + "/" + Number(m[2]) + "/" + m[1];
      if (m[4] !== undefined && !(m[4] === "00" && m[5] === "00")) out += " " + m[4] + ":" + m[5];
      return out;
    }
    m = /^--(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(s);
    if (m) return Number(m[2]) + "/" + Number(m[1]);
    m = /^(-?\d{4,})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(s);
    if (m) return Number(m[2]) + "/" + m[1];
    return String(v);
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  function polygon(points) {
    var p = document.createElementNS(SVGNS, "polygon");
    p.setAttribute("points", points);
    return p;
  }
  /* A 14-px swatch of a type's shape and colour (legend, search results, panel). */
  function swatch(typeIdx) {
    var t = TYPES[typeIdx];
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("aria-hidden", "true");
    var shape;
    switch (t.shape) {
      case "square": shape = document.createElementNS(SVGNS, "rect");
        shape.setAttribute("x", "2"); shape.setAttribute("y", "2"); shape.setAttribute("width", "10"); shape.setAttribute("height", "10"); break;
      case "hexagon": shape = polygon("7,1 12.2,4 12.2,10 7,13 1.8,10 1.8,4"); break;
      case "triangle": shape = polygon("7,1.5 13,12.5 1,12.5"); break;
      case "diamond": shape = polygon("7,0.8 13.2,7 7,13.2 0.8,7"); break;
      case "star": shape = polygon("7,0.8 8.8,5 13.3,5.2 9.8,8.1 11,12.6 7,10.1 3,12.6 4.2,8.1 0.7,5.2 5.2,5"); break;
      default: shape = document.createElementNS(SVGNS, "circle");
        shape.setAttribute("cx", "7"); shape.setAttribute("cy", "7"); shape.setAttribute("r", "5.5");
    }
    shape.setAttribute("fill", t.color);
    shape.setAttribute("stroke", "rgba(0,0,0,.35)");
    shape.setAttribute("stroke-width", "0.8");
    svg.appendChild(shape);
    return svg;
  }

  /* ---------- folding: the same as kg.clean.normalize.search_key ---------- */
  var QUOTES = { "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-" };
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\u0111/g, "d")
      .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u2010-\u2015\u2212]/g,
        function (c) { return QUOTES[c]; })
      .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "")
      .replace(/\s+/g, " ").trim();
  }

  /* ---------- the graph index ---------- */
  var adj = N.map(function () { return []; });
  E.forEach(function (e, j) { adj[e[0]].push(j); if (e[1] !== e[0]) adj[e[1]].push(j); });
  var typeByName = {};
  TYPES.forEach(function (t, i) { typeByName[t.name] = i; });
  function neighbours(i) {
    var out = [];
    adj[i].forEach(function (j) { var o = E[j][0] === i ? E[j][1] : E[j][0]; if (o !== i && out.indexOf(o) < 0) out.push(o); });
    return out;
  }
  function articleLine(a) {
    var art = ARTS[a], bits = [];
    bits.push(art.title || "article " + art.id);
    var where = [art.outlet, art.published ? humanDate(art.published) : null].filter(Boolean).join(", ");
    return where ? bits[0] + " \u2014 " + where : bits[0];
  }

  /* ---------- vis items (mirrors kg.export.explorer for nodes added later) ---------- */
  function canvasLabel(s, claims) {
    var one = String(s).split(/\s+/).filter(Boolean).join(" ");
    one = one.length <= MAX_LABEL ? one : one.slice(0, MAX_LABEL - 1).replace(/\s+$/, "") + "\u2026";
    if (claims) one += "\n" + plural(claims, "claim");
    return one;
  }
  function gathered(i) { return TYPES[N[i].t].name === "Claim"; }
  function tip(lines) {
    var box = el("div");
    lines.forEach(function (line, k) { box.appendChild(el("div", { cls: k === 0 ? "kg-tip-title" : "kg-tip-sub", text: line })); });
    return box;
  }
  function tipFromText(s) { return tip(String(s || "").split("\n")); }
  function nodeTitle(i) {
    var n = N[i];
    return n.l + "\n" + TYPES[n.t].label + " \u00b7 supported by " + plural(n.a.length, "article");
  }
  function edgeTitle(j) {
    var e = E[j];
    return N[e[0]].l + " \u2192 " + PREDS[e[2]] + " \u2192 " + N[e[1]].l + "\nsupported by " + plural(e[3].length, "article");
  }
  function smoothFor(rank) {
    if (rank <= 0) return null;
    return { enabled: true, type: rank % 2 ? "curvedCW" : "curvedCCW", roundness: Math.round(20 * Math.floor((rank + 1) / 2)) / 100 };
  }
  function visNode(i, pos) {
    var n = N[i], t = TYPES[n.t];
    var item = { id: i, shape: t.shape, color: t.color, size: n.s, title: tip(nodeTitle(i).split("\n")) };
    if (t.name !== "Claim") item.label = canvasLabel(n.l, n.nc) || " ";
    if (pos) { item.x = pos.x; item.y = pos.y; }
    return item;
  }
  function visEdge(j) {
    var e = E[j];
    var item = { id: j, from: e[0], to: e[1], label: PREDS[e[2]], arrows: "to", title: tip(edgeTitle(j).split("\n")) };
    var sm = smoothFor(e[5]);
    if (sm) item.smooth = sm;
    return item;
  }

  /* ---------- the network ---------- */
  var container = document.getElementById("kg-network");
  var nodes = new vis.DataSet(VIEW.nodes.map(function (n) { return Object.assign({}, n, { title: tipFromText(n.title) }); }));
  var edges = new vis.DataSet(VIEW.edges.map(function (e) { return Object.assign({}, e, { title: tipFromText(e.title) }); }));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, VIEW.options);
  var physicsBox = document.getElementById("kg-physics");
  physicsBox.checked = !!VIEW.physics;
  if (VIEW.physicsMax && VIEW.nodes.length > VIEW.physicsMax) {  /* minutes of simulation: not offered */
    physicsBox.disabled = true;
    physicsBox.parentNode.title = "physics is offered for views of up to " + VIEW.physicsMax + " nodes";
  }
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
    if (physicsBox.checked) network.once("stabilized", function () { network.fit({ animation: false }); relabel(); });
  });

  /* ---------- labels readable at the fitted zoom ----------
     Most connected first, each label is drawn at LPX.major pixels on screen if
     its box (as vis-network measures it) overlaps no label already kept and
     lies inside the canvas; the others get a canvas size that is LPX.minor
     pixels now, under vis-network's drawThreshold, so they appear as one zooms
     in. Edge labels likewise wait for a closer zoom. Run after every fit. */
  var LPX = VIEW.labelPx || { major: 12.5, minor: 7, hide: 11 };
  var labelState = { scale: 0, major: [], minor: [] };
  function labelBox(i, s) {
    var lm = network.body.nodes[i] && network.body.nodes[i].labelModule;
    if (!lm || !lm.size || !lm.size.width) return null;
    var tl = network.canvasToDOM({ x: lm.size.left, y: lm.size.top });
    return { x: tl.x, y: tl.y, w: lm.size.width * s, h: lm.size.height * s };
  }
  function overlaps(a, b, pad) {
    return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
  }
  function relabel() {
    var s = network.getScale();
    if (!(s > 0)) return;
    var big = LPX.major / s, small = Math.min(14, LPX.minor / s);
    var ids = nodes.get({ filter: function (n) { return !n.hidden && n.label !== undefined; } })
      .map(function (n) { return n.id; }).sort(byDegree);
    nodes.update(ids.map(function (i) { return { id: i, font: { size: big } }; }));
    network.setOptions({ edges: { font: { size: Math.min(11, LPX.minor / s) } } });
    network.redraw();  /* synchronous: vis-network measures every label at the big size */
    var W = container.clientWidth, H = container.clientHeight, kept = [], major = [], minor = [];
    /* the shapes a label must not cover (a little inside their outline) */
    var drawnIds = nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return n.id; });
    var where = network.getPositions(drawnIds);
    var shapes = drawnIds.map(function (i) {
      var c = network.canvasToDOM(where[i]), r = N[i].s * s * 0.8;
      return { id: i, x: c.x - r, y: c.y - r, w: 2 * r, h: 2 * r };
    });
    ids.forEach(function (i) {
      var b = labelBox(i, s);
      var ok = b && b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H &&
        !kept.some(function (k) { return overlaps(k, b, 6); }) &&
        !shapes.some(function (k) { return k.id !== i && overlaps(k, b, 0); });
      if (ok) { kept.push(b); major.push(i); } else minor.push(i);
    });
    if (minor.length) nodes.update(minor.map(function (i) { return { id: i, font: { size: small } }; }));
    network.redraw();
    labelState = { scale: s, major: major, minor: minor, px: LPX.major };
    document.body.setAttribute("data-labels", major.length + "/" + ids.length);
  }

  function markReady() {
    if (window.kgReady) return;
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (VIEW.physics && VIEW.nodes.length > 1) {
    /* Ready when the simulation has come to rest (then nothing moves under a
       click); a view that keeps drifting is declared ready a little later. */
    var settled = false;
    network.once("stabilizationIterationsDone", function () {
      network.fit();
      window.kgStabilizedAt = performance.now();
      setTimeout(function () { if (!settled) { settled = true; network.fit(); markReady(); } }, 1500);
    });
    network.on("stabilized", function () {
      if (settled || window.kgStabilizedAt === undefined) return;
      settled = true;
      network.fit();
      markReady();
    });
  } else {
    network.once("afterDrawing", function () {
      setTimeout(function () { network.fit({ animation: false }); relabel(); markReady(); }, 0);
    });
    if (VIEW.nodes.length === 0) markReady();
  }
  if (N.length === 0) {
    container.appendChild(el("p", { cls: "kg-hint", style: { padding: "2em", textAlign: "center" },
      text: "The graph is empty: build it first (kg build ARTICLES)." }));
  }

  /* ---------- which nodes are in the view, and filters on top ---------- */
  var state = { mode: "default", focus: null, savedDefault: null };
  var filters = { offTypes: {}, offPreds: {}, article: null, from: "", to: "", tFrom: "", tTo: "" };
  /* The days a node is tied to, for the timeline's range: an event's or claim's
     own day; for the others, the days of the events and claims they take part
     in and the publication days of the articles that name them. */
  function pubDay(a) { return ARTS[a].published ? String(ARTS[a].published).slice(0, 10) : ""; }
  var DAYS = N.map(function (n) { return n.dt ? [n.dt] : []; });
  E.forEach(function (e) {
    var a = e[0], b = e[1];
    if (N[a].dt && !N[b].dt && !gathered(b) && TYPES[N[b].t].name !== "Event") DAYS[b].push(N[a].dt);
    if (N[b].dt && !N[a].dt && !gathered(a) && TYPES[N[a].t].name !== "Event") DAYS[a].push(N[b].dt);
  });
  N.forEach(function (n, i) {
    if (gathered(i) || TYPES[n.t].name === "Event") return;
    n.a.forEach(function (a) { var d = pubDay(a); if (d) DAYS[i].push(d); });
  });
  function inRange(d) { return d && d >= filters.tFrom && d <= filters.tTo; }
  function rangeOn() { return filters.tFrom !== "" && filters.tTo !== ""; }
  function inView(i) { return nodes.get(i) !== null; }

  function articleFilterOn() { return filters.article !== null || filters.from !== "" || filters.to !== ""; }
  function articleOk(a) {
    if (filters.article !== null && a !== filters.article) return false;
    if (filters.from || filters.to) {
      var d = ARTS[a].published ? String(ARTS[a].published).slice(0, 10) : "";
      if (!d) return false;
      if (filters.from && d < filters.from) return false;
      if (filters.to && d > filters.to) return false;
    }
    return true;
  }
  function nodePasses(i) {
    var n = N[i];
    if (filters.offTypes[n.t]) return false;
    if (rangeOn() && !DAYS[i].some(inRange)) return false;
    return !articleFilterOn() || n.a.some(articleOk);
  }
  function edgePasses(j) {
    var e = E[j];
    if (filters.offPreds[e[2]]) return false;
    if (!nodePasses(e[0]) || !nodePasses(e[1])) return false;
    /* a relation between two actors (a role) counts in the range if an article printed it then */
    if (rangeOn() && !N[e[0]].dt && !N[e[1]].dt && !e[3].some(function (a) { return inRange(pubDay(a)); })) return false;
    return !articleFilterOn() || e[3].some(articleOk);
  }
  function visibleCount() {
    return nodes.get({ filter: function (n) { return !n.hidden; } }).length;
  }
  var countEl = document.getElementById("kg-count");
  function updateCount() {
    var shown = visibleCount();
    countEl.textContent = shown + " / " + N.length + " nodes";
    document.body.setAttribute("data-visible-nodes", String(shown));
  }
  function applyFilters() {
    var nu = [], eu = [];
    nodes.forEach(function (n) { var h = !nodePasses(n.id); if (!!n.hidden !== h) nu.push({ id: n.id, hidden: h }); });
    edges.forEach(function (e) { var h = !edgePasses(e.id); if (!!e.hidden !== h) eu.push({ id: e.id, hidden: h }); });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    updateCount();
  }

  /* Replace what is drawn by the nodes `ids` (with optional positions) and the edges among them. */
  function setView(ids, positions) {
    var set = {};
    ids.forEach(function (i) { set[i] = true; });
    nodes.clear(); edges.clear();
    nodes.add(ids.map(function (i) { return visNode(i, positions ? positions[i] : null); }));
    var es = [], seen = {};
    ids.forEach(function (i) {
      adj[i].forEach(function (j) { if (set[E[j][0]] && set[E[j][1]] && !seen[j]) { seen[j] = true; es.push(j); } });
    });
    edges.add(es.map(visEdge));
    applyFilters();
  }
  /* Add nodes (positioned around `center`) and their edges to what is drawn. */
  function addToView(ids, positions) {
    var fresh = ids.filter(function (i) { return !inView(i); });
    nodes.add(fresh.map(function (i) { return visNode(i, positions[i]); }));
    var es = [], seen = {};
    fresh.forEach(function (i) {
      adj[i].forEach(function (j) {
        if (!seen[j] && inView(E[j][0]) && inView(E[j][1]) && edges.get(j) === null) { seen[j] = true; es.push(j); }
      });
    });
    edges.add(es.map(visEdge));
    applyFilters();
    return fresh;
  }
  /* Neighbours on rings around a centre: readable even with physics off. */
  function ringPositions(center, others, radius) {
    var pos = {}, k = 0, ring = 0;
    while (k < others.length) {
      var r = radius + ring * 130, cap = Math.max(8, Math.floor((2 * Math.PI * r) / 95));
      for (var m = 0; m < cap && k < others.length; m++, k++) {
        var angle = (2 * Math.PI * m) / Math.min(cap, others.length - (k - m)) + ring * 0.4;
        pos[others[k]] = { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
      }
      ring++;
    }
    return pos;
  }
  function byDegree(a, b) { return N[b].d - N[a].d || a - b; }

  var banner = document.getElementById("kg-banner");
  function showBanner(text) {
    clear(banner);
    banner.appendChild(el("span", { text: text }));
    banner.appendChild(el("button", { type: "button", text: "show default view", on: { click: showDefault } }));
    banner.hidden = false;
  }

  function focusOn(i) {
    if (state.mode === "default") state.savedDefault = network.getPositions();
    var center = { x: 0, y: 0 };
    var others = neighbours(i).filter(function (o) { return claimsBox.checked || gathered(i) || !gathered(o); }).sort(byDegree);
    var pos = ringPositions(center, others, others.length > 12 ? 260 : 200);
    pos[i] = center;
    state.mode = "focus"; state.focus = i;
    setView([i].concat(others), pos);
    showBanner("Neighbourhood of " + N[i].l + " \u00b7 " + plural(others.length + 1, "node"));
    if (physicsBox.checked) network.stabilize(150);
    network.fit({ animation: false });
    relabel();
    network.selectNodes([i]);
    showNodePanel(i);
  }
  function showDefault() {
    var pos = state.mode === "default" ? network.getPositions() : state.savedDefault;
    if (!pos && VIEW.laidOut) {
      pos = {};
      VIEW.nodes.forEach(function (n) { pos[n.id] = { x: n.x, y: n.y }; });
    }
    state.mode = "default"; state.focus = null;
    setView(VIEW.visible, pos);
    if (claimsBox.checked) addClaimNodes();
    banner.hidden = true;
    network.fit({ animation: false });
    relabel();
  }
  /* Bring node i (and its neighbours) into the view, select it and open its panel. */
  function reveal(i) {
    if (!nodePasses(i)) clearFilters();
    if (!inView(i)) {
      var anchor = null;
      neighbours(i).some(function (o) { if (inView(o)) { anchor = o; return true; } return false; });
      var c = anchor !== null ? network.getPositions([anchor])[anchor] : network.getViewPosition();
      var center = anchor !== null ? { x: c.x + 180, y: c.y + 120 } : c;
      var others = neighbours(i).filter(function (o) {
        return !inView(o) && (claimsBox.checked || gathered(i) || !gathered(o));
      }).sort(byDegree);
      var pos = ringPositions(center, others, 170);
      pos[i] = center;
      addToView([i].concat(others), pos);
    }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNodePanel(i);
  }

  /* ---------- claims: gathered on their speakers, or drawn as nodes ---------- */
  var claimsBox = document.getElementById("kg-claims");
  function addClaimNodes() {
    var add = [], pos = {};
    nodes.getIds().sort(byDegree).forEach(function (i) {
      if (gathered(i)) return;
      var cs = claimsOf(i).filter(function (c) { return !inView(c) && add.indexOf(c) < 0; });
      if (!cs.length) return;
      var at = network.getPositions([i])[i];
      Object.assign(pos, ringPositions(at, cs, 70 + N[i].s));
      add = add.concat(cs);
    });
    return addToView(add, pos);
  }
  function removeClaimNodes() {
    var drop = nodes.getIds().filter(function (i) { return gathered(i) && i !== state.focus; });
    var set = {};
    drop.forEach(function (i) { set[i] = true; });
    edges.remove(edges.getIds({ filter: function (e) { return set[e.from] || set[e.to]; } }));
    nodes.remove(drop);
    updateCount();
  }
  claimsBox.addEventListener("change", function () {
    if (claimsBox.checked) addClaimNodes(); else removeClaimNodes();
    network.fit({ animation: false });
    relabel();
  });

  /* ---------- the details panel ---------- */
  var panel = document.getElementById("kg-panel"), panelBody = document.getElementById("kg-panel-body");
  /* Opening or closing the panel changes the canvas width, and vis-network then
     rescales the view to the new width (everything shrinks). Keep the zoom and
     the left edge instead, as if the panel slid over the graph. */
  var pendingCam = null;
  function setPanel(show) {
    if (panel.hidden === !show) return;
    pendingCam = { scale: network.getScale(), pos: network.getViewPosition(), w: container.clientWidth };
    panel.hidden = !show;
  }
  network.on("resize", function () {
    if (!pendingCam) return;
    var cam = pendingCam;
    pendingCam = null;
    /* vis-network applies its own rescaling right after this event: go after it */
    setTimeout(function () { keepCamera(cam); }, 0);
  });
  var cameraKept = 0;
  function keepCamera(cam) {
    var dw = container.clientWidth - cam.w;
    document.body.setAttribute("data-camera-kept", String(++cameraKept));  /* for tests */
    network.moveTo({ scale: cam.scale, position: { x: cam.pos.x + dw / 2 / cam.scale, y: cam.pos.y } });
    var sel = network.getSelectedNodes();
    if (sel.length && inView(sel[0])) {
      var at = network.canvasToDOM(network.getPositions([sel[0]])[sel[0]]);
      if (at.x > container.clientWidth - 30 || at.x < 30) network.focus(sel[0], { scale: cam.scale, animation: { duration: 250 } });
    }
  }
  document.getElementById("kg-panel-close").addEventListener("click", function () { setPanel(false); network.unselectAll(); });
  function link(i) {
    return el("a", { cls: "kg-link", href: "#", text: N[i].l, on: { click: function (ev) { ev.preventDefault(); reveal(i); } } });
  }
  function badge(t) {
    return el("span", { cls: "kg-badge", style: { background: TYPES[t].color }, text: TYPES[t].label });
  }
  function evidenceBlock(rows, limit) {
    var box = el("div");
    rows.slice(0, limit).forEach(function (r) {
      var text = TEXTS[r[2]] || "", a = r[3], b = r[4];
      var sentence = el("p", { cls: "kg-sentence" });
      if (b > a) {
        sentence.appendChild(document.createTextNode(text.slice(0, a)));
        sentence.appendChild(el("mark", { text: text.slice(a, b) }));
        sentence.appendChild(document.createTextNode(text.slice(b)));
      } else {
        sentence.appendChild(document.createTextNode(text));
      }
      box.appendChild(el("div", { cls: "kg-ev" }, [sentence, el("div", { cls: "kg-source", text: articleLine(r[0]) })]));
    });
    if (rows.length > limit) box.appendChild(el("p", { cls: "kg-more", text: "\u2026 and " + (rows.length - limit) + " more" }));
    return box;
  }
  /* A claim's date for sorting and display: its own date; a "--MM-DD" without a
     year takes the year of the article that reported it; else the article's date. */
  function claimDate(c) {
    var x = N[c].x || {};
    var dates = N[c].a.map(function (a) { return ARTS[a].published ? String(ARTS[a].published).slice(0, 10) : ""; }).filter(Boolean).sort();
    if (x.when && String(x.when).slice(0, 2) !== "--") return String(x.when);
    if (x.when && dates.length) return dates[0].slice(0, 4) + String(x.when).slice(1);
    if (x.when) return String(x.when).slice(2) + " (year unknown)";
    return dates[0] || "";
  }
  function showClaimDate(c) {
    var d = claimDate(c);
    if (!d) return "undated";
    if (/^\d{4}-/.test(d)) return humanDate(d);
    return humanDate((N[c].x || {}).when) + " (year unknown)";
  }
  function claimsOf(i) {
    var out = [];
    adj[i].forEach(function (j) {
      var e = E[j];
      if (e[0] === i && TYPES[N[e[1]].t].name === "Claim" && out.indexOf(e[1]) < 0) out.push(e[1]);
    });
    return out.sort(function (a, b) {
      /* dated first, in order; "MM-DD (year unknown)" and undated after */
      var da = claimDate(a), db = claimDate(b);
      da = /^\d{4}/.test(da) ? da : "\uffff" + da; db = /^\d{4}/.test(db) ? db : "\uffff" + db;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
  }
  function showNodePanel(i) {
    var n = N[i], x = n.x || {};
    clear(panelBody);
    panelBody.appendChild(el("h2", { text: n.l }));
    var meta = el("p", { cls: "kg-meta" }, [badge(n.t)]);
    if (n.vi) meta.appendChild(document.createTextNode(n.vi));
    panelBody.appendChild(meta);
    if (n.al && n.al.length) panelBody.appendChild(el("p", { cls: "kg-meta", text: "Also written: " + n.al.join(", ") }));
    if (x.event_type || x.when) {
      panelBody.appendChild(el("p", { cls: "kg-meta", text: [x.event_type, x.when ? humanDate(x.when) : null].filter(Boolean).join(" \u00b7 ") }));
    }
    if (x.text) {
      panelBody.appendChild(el("p", { cls: "kg-meta", text: [x.stance, x.cue ? "\u201c" + x.cue + "\u201d" : null].filter(Boolean).join(" \u00b7 ") }));
      panelBody.appendChild(el("blockquote", { cls: "kg-quote", text: x.text }));
    }
    panelBody.appendChild(el("p", { cls: "kg-meta", text: "Supported by " + plural(n.a.length, "article") + " \u00b7 " + plural(adj[i].length, "relation") }));
    var actions = el("div", { cls: "kg-actions" }, [
      el("button", { type: "button", id: "kg-focus-btn", text: "focus on neighbourhood", on: { click: function () { focusOn(i); } } }),
    ]);
    if (state.mode !== "default") actions.appendChild(el("button", { type: "button", text: "show default view", on: { click: showDefault } }));
    panelBody.appendChild(actions);

    if (!gathered(i)) {
      var claims = claimsOf(i);
      if (claims.length) {
        panelBody.appendChild(el("h3", { text: "Claims (" + claims.length + ", by date)" }));
        var list = el("div", { cls: "kg-claims" });
        claims.slice(0, 50).forEach(function (c) {
          var cx = N[c].x || {};
          var head = el("div", { cls: "kg-when" }, [showClaimDate(c), cx.stance ? " \u00b7 " + cx.stance : "", cx.cue ? " (" + cx.cue + ")" : ""]);
          var quote = el("p", { cls: "kg-quote" }, [el("a", { cls: "kg-link", href: "#", text: cx.text || N[c].l,
            on: { click: function (ev) { ev.preventDefault(); reveal(c); } } })]);
          var src = el("div", { cls: "kg-source", text: N[c].a.length ? articleLine(N[c].a[0]) : "" });
          list.appendChild(el("div", { cls: "kg-claim" }, [head, quote, src]));
        });
        if (claims.length > 50) list.appendChild(el("p", { cls: "kg-more", text: "\u2026 and " + (claims.length - 50) + " more" }));
        panelBody.appendChild(list);
      }
    }

    if (adj[i].length) {
      panelBody.appendChild(el("h3", { text: "Relations (" + adj[i].length + ")" }));
      var rel = el("ul", { cls: "kg-rel" });
      adj[i].slice(0, 80).forEach(function (j) {
        var e = E[j], out = e[0] === i, other = out ? e[1] : e[0];
        var pred = el("a", { cls: "kg-link", href: "#", on: { click: function (ev) { ev.preventDefault(); showEdgePanel(j); } } },
          [el("code", { text: PREDS[e[2]] })]);
        rel.appendChild(el("li", null, out ? ["\u2192 ", pred, " \u2192 ", link(other)] : [link(other), " \u2192 ", pred, " \u2192 this"]));
      });
      if (adj[i].length > 80) rel.appendChild(el("li", { cls: "kg-more", text: "\u2026 and " + (adj[i].length - 80) + " more" }));
      panelBody.appendChild(rel);
    }
    var ev = n.ev || [];
    panelBody.appendChild(el("h3", { text: "Sources (" + plural(ev.length, "sentence") + ")" }));
    if (ev.length) panelBody.appendChild(evidenceBlock(ev, 40));
    else panelBody.appendChild(el("p", { cls: "kg-more", text: "No sentence recorded for this node." }));
    setPanel(true);
    panel.scrollTop = 0;
  }
  function showListPanel(title, ids) {
    clear(panelBody);
    panelBody.appendChild(el("h2", { text: title }));
    var list = el("ul", { cls: "kg-rel" });
    ids.forEach(function (i) {
      var when = N[i].x && N[i].x.when ? humanDate(N[i].x.when) : humanDate(N[i].dt);
      list.appendChild(el("li", null, [swatch(N[i].t), " " + when + " \u00b7 ", el("a", { cls: "kg-link", href: "#", text: N[i].l,
        on: { click: function (ev) { ev.preventDefault(); if (gathered(i) && !claimsBox.checked) showNodePanel(i); else reveal(i); } } })]));
    });
    panelBody.appendChild(list);
    setPanel(true);
    panel.scrollTop = 0;
  }
  function showEdgePanel(j) {
    var e = E[j];
    clear(panelBody);
    panelBody.appendChild(el("h2", null, [link(e[0]), " \u2192 ", el("code", { text: PREDS[e[2]] }), " \u2192 ", link(e[1])]));
    panelBody.appendChild(el("p", { cls: "kg-meta", text: "Relation \u00b7 supported by " + plural(e[3].length, "article") }));
    var ev = e[4] || [];
    panelBody.appendChild(el("h3", { text: "Sources (" + plural(ev.length, "sentence") + ")" }));
    if (ev.length) panelBody.appendChild(evidenceBlock(ev, 40));
    else panelBody.appendChild(el("p", { cls: "kg-more", text: "No sentence recorded for this relation." }));
    setPanel(true);
    panel.scrollTop = 0;
  }
  /* vis-network hides its tooltip only on moves inside the canvas: leaving the
     canvas (to read the panel) would leave it stuck over the graph. */
  function hideTooltip() {
    var ih = network.interactionHandler;
    if (!ih) return;
    if (ih.popupTimer) { clearTimeout(ih.popupTimer); ih.popupTimer = undefined; }  /* a pending show */
    if (ih.popup) { ih.popup.hide(); ih.popupObj = undefined; }
  }
  container.addEventListener("mouseleave", hideTooltip);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && document.activeElement !== document.getElementById("kg-search") && !panel.hidden) {
      setPanel(false);
      network.unselectAll();
    }
  });
  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) showNodePanel(params.nodes[0]);
    else if (params.edges.length) showEdgePanel(params.edges[0]);
  });

  /* ---------- search ---------- */
  var searchBox = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var active = -1, current = [];
  var segments = N.map(function (n) { return n.k.split(" | "); });
  function search(q) {
    var f = fold(q);
    if (!f) return [];
    var words = f.split(" ");
    var hits = [];
    for (var i = 0; i < N.length; i++) {
      var k = N[i].k;
      if (!words.every(function (w) { return k.indexOf(w) >= 0; })) continue;
      /* a whole name first, then a name's beginning, then a word's, then anywhere */
      var names = segments[i], rank = 3;
      if (names.indexOf(f) >= 0) rank = 0;
      else if (names.some(function (s) { return s.indexOf(f) === 0; })) rank = 1;
      else if (names.some(function (s) { return s.indexOf(" " + f) >= 0; })) rank = 2;
      hits.push([rank, -N[i].d, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return h[2]; });
  }
  function pick(i) {
    results.hidden = true;
    searchBox.value = N[i].l;
    reveal(i);
  }
  function renderResults() {
    current = search(searchBox.value).slice(0, 12);
    active = current.length ? 0 : -1;
    clear(results);
    if (!fold(searchBox.value)) { results.hidden = true; return; }
    if (!current.length) results.appendChild(el("li", { cls: "kg-none", text: "no entity matches" }));
    current.forEach(function (i, k) {
      var sub = (N[i].vi ? N[i].vi + " \u00b7 " : "") + TYPES[N[i].t].label + (inView(i) ? "" : " \u00b7 not shown yet");
      var li = el("li", { role: "option", "data-node": String(i), on: { mousedown: function (ev) { ev.preventDefault(); pick(i); } } },
        [swatch(N[i].t), el("span", { text: N[i].l }), el("span", { cls: "kg-sub", text: sub })]);
      if (k === 0) li.className = "kg-active";
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function moveActive(d) {
    if (!current.length) return;
    active = (active + d + current.length) % current.length;
    Array.prototype.forEach.call(results.children, function (li, k) { li.className = k === active ? "kg-active" : ""; });
  }
  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("focus", function () { if (fold(searchBox.value)) renderResults(); });
  searchBox.addEventListener("blur", function () { results.hidden = true; });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); moveActive(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); moveActive(-1); }
    else if (ev.key === "Enter") { if (active >= 0) pick(current[active]); }
    else if (ev.key === "Escape") { results.hidden = true; }
  });

  /* ---------- legend and filters ---------- */
  var typesList = document.getElementById("kg-types");
  TYPES.forEach(function (t, k) {
    var box = el("input", { type: "checkbox", "data-type": t.name });
    box.checked = true;
    box.addEventListener("change", function () { filters.offTypes[k] = !box.checked; applyFilters(); });
    typesList.appendChild(el("li", null, [el("label", null, [box, swatch(k), el("span", { text: t.label }), el("span", { cls: "kg-n", text: String(t.count) })])]));
  });
  var predList = document.getElementById("kg-preds"), predCounts = PREDS.map(function () { return 0; });
  E.forEach(function (e) { predCounts[e[2]]++; });
  PREDS.map(function (p, k) { return k; }).sort(function (a, b) { return predCounts[b] - predCounts[a] || (PREDS[a] < PREDS[b] ? -1 : 1); })
    .forEach(function (k) {
      var box = el("input", { type: "checkbox", "data-predicate": PREDS[k] });
      box.checked = true;
      box.addEventListener("change", function () { filters.offPreds[k] = !box.checked; applyFilters(); });
      predList.appendChild(el("li", null, [el("label", null, [box, el("span", { cls: "kg-pred", text: PREDS[k] }), el("span", { cls: "kg-n", text: String(predCounts[k]) })])]));
    });
  var artSelect = document.getElementById("kg-article");
  ARTS.forEach(function (a, k) {
    var label = (a.published ? humanDate(String(a.published).slice(0, 10)) + " \u00b7 " : "") + (a.title || a.id);
    if (a.outlet) label += " (" + a.outlet + ")";
    if (label.length > 90) label = label.slice(0, 89) + "\u2026";
    artSelect.appendChild(el("option", { value: String(k), text: label }));
  });
  artSelect.addEventListener("change", function () { filters.article = artSelect.value === "" ? null : Number(artSelect.value); applyFilters(); });
  var fromBox = document.getElementById("kg-from"), toBox = document.getElementById("kg-to");
  var dates = ARTS.map(function (a) { return a.published ? String(a.published).slice(0, 10) : ""; }).filter(Boolean).sort();
  if (dates.length) { fromBox.placeholder = humanDate(dates[0]); toBox.placeholder = humanDate(dates[dates.length - 1]); }
  /* typed as people write dates (29/6/2025, 6/2025, 2025) or as ISO (2025-06-29); "" when unreadable */
  function parseDay(s, end) {
    var v = String(s).trim(), m;
    if (!v) return "";
    if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return v;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    if ((m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(v))) return m[3] + "-" + two(+m[2]) + "-" + two(+m[1]);
    if ((m = /^(\d{1,2})[\/.-](\d{4})$/.exec(v))) return m[2] + "-" + two(+m[1]) + (end ? "-31" : "-01");
    if ((m = /^(\d{4})$/.exec(v))) return v + (end ? "-12-31" : "-01-01");
    return null;
  }
  function dateBox(box, key, end) {
    box.addEventListener("change", function () {
      var day = parseDay(box.value, end);
      box.classList.toggle("kg-bad", day === null);
      filters[key] = day || "";
      applyFilters();
    });
  }
  dateBox(fromBox, "from", false);
  dateBox(toBox, "to", true);
  function clearFilters() {
    filters.offTypes = {}; filters.offPreds = {}; filters.article = null; filters.from = ""; filters.to = "";
    filters.tFrom = ""; filters.tTo = ""; if (timeline) timeline.clearRange(false);
    Array.prototype.forEach.call(document.querySelectorAll("#kg-side input[type=checkbox]"), function (b) { b.checked = true; });
    artSelect.value = ""; fromBox.value = ""; toBox.value = "";
    applyFilters();
  }
  document.getElementById("kg-clear").addEventListener("click", clearFilters);
  document.getElementById("kg-reset").addEventListener("click", showDefault);
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.once("animationFinished", relabel);
    network.fit({ animation: { duration: 300 } });
  });

  /* ---------- the timeline: events and claims along the days the graph holds ----------
     Hand-drawn SVG (no library): one lane of events, one of claims; marks that
     fall in the same few pixels stack up, and a full column shows its last mark
     outlined (click it for the whole list). Dragging across the strip keeps only
     that period in the graph; a click on a mark opens its panel. */
  var timeline = (function () {
    var svg = document.getElementById("kg-tl-svg");
    var undatedBox = document.getElementById("kg-tl-undated");
    var rangeText = document.getElementById("kg-tl-range"), clearBtn = document.getElementById("kg-tl-clear");
    var summary = document.getElementById("kg-tl-summary");
    var items = [], undated = [];
    N.forEach(function (n, i) {
      var t = TYPES[n.t].name;
      if (t !== "Event" && t !== "Claim") return;
      if (n.dt) items.push(i); else undated.push(i);
    });
    function ms(day) { return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))); }
    function dayOf(t) { return new Date(t).toISOString().slice(0, 10); }
    var DAY = 86400000;
    /* The axis spans the bulk of the dates (a "năm 1962" in one article would
       squeeze everything else into a corner): the earliest and latest 1% sit
       beyond the ends, counted there, and a click lists them. */
    var sortedT = items.map(function (i) { return ms(N[i].dt); }).sort(function (a, b) { return a - b; });
    var t0 = sortedT.length ? sortedT[0] : 0, t1 = sortedT.length ? sortedT[sortedT.length - 1] : 0;
    var first = items.length ? dayOf(t0) : "", last = items.length ? dayOf(t1) : "";
    if (sortedT.length >= 50) {
      var lo = sortedT[Math.floor(sortedT.length * 0.01)], hi = sortedT[Math.ceil(sortedT.length * 0.99) - 1];
      if (hi > lo) { t0 = lo; t1 = hi; }
    }
    var before = items.filter(function (i) { return ms(N[i].dt) < t0; });
    var after = items.filter(function (i) { return ms(N[i].dt) > t1; });
    var inside = items.filter(function (i) { var v = ms(N[i].dt); return v >= t0 && v <= t1; });
    if (items.length) { var padT = Math.max(DAY, (t1 - t0) * 0.02); t0 -= padT; t1 += padT; }
    var LEFT = 92, RIGHT = before.length || after.length ? 78 : 14, COL = 6, LANES = [["Event", "events", 6], ["Claim", "claims", 50]], LANE_H = 40, AXIS_Y = 96;
    var geom = { w: 0 }, drag = null, brushRect = null;
    function x(t) { return LEFT + (t - t0) / (t1 - t0) * (geom.w - LEFT - RIGHT); }
    function t(xp) { return t0 + (Math.min(Math.max(xp, LEFT), geom.w - RIGHT) - LEFT) / (geom.w - LEFT - RIGHT) * (t1 - t0); }
    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(SVGNS, tag);
      Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function ticks() {
      var span = (t1 - t0) / DAY, out = [], d = new Date(t0), unit;
      if (span <= 24) unit = "day"; else if (span <= 120) unit = "week"; else if (span <= 900) unit = "month"; else unit = "year";
      var step = unit === "year" ? Math.max(1, Math.ceil(span / 365 / 10)) : unit === "month" ? Math.max(1, Math.ceil(span / 30 / 12)) : 1;
      var c;
      if (unit === "day" || unit === "week") {
        c = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
        var every = unit === "week" ? 7 : Math.max(1, Math.ceil(span / 14));
        for (; c <= t1; c += every * DAY) out.push([c, humanDate(dayOf(c)).replace(/\/\d+$/, "")]);
      } else if (unit === "month") {
        c = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        for (; c <= t1; c = Date.UTC(new Date(c).getUTCFullYear(), new Date(c).getUTCMonth() + step, 1)) out.push([c, humanDate(dayOf(c).slice(0, 7))]);
      } else {
        c = Date.UTC(d.getUTCFullYear() + 1, 0, 1);
        for (; c <= t1; c = Date.UTC(new Date(c).getUTCFullYear() + step, 0, 1)) out.push([c, String(new Date(c).getUTCFullYear())]);
      }
      return out;
    }
    function mark(i, cx, cy, more) {
      var color = TYPES[N[i].t].color, m;
      if (gathered(i)) m = svgEl("polygon", { points: [cx, cy - 3.2, cx + 3.2, cy, cx, cy + 3.2, cx - 3.2, cy].join(" ") });
      else m = svgEl("circle", { cx: cx, cy: cy, r: 2.8 });
      m.setAttribute("fill", color);
      m.setAttribute("class", "kg-tl-mark" + (more ? " kg-tl-more" : ""));
      m.setAttribute("data-node", String(i));
      var when = N[i].x && N[i].x.when ? humanDate(N[i].x.when) : humanDate(N[i].dt);
      m.appendChild(svgEl("title", null, when + " \u00b7 " + TYPES[N[i].t].label + ": " + N[i].l + (more ? " (+" + more + " more here: click for the list)" : "")));
      return m;
    }
    var buckets = {};
    function draw() {
      geom.w = svg.clientWidth || 800;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      buckets = {};
      summary.textContent = items.length ? plural(items.length, "dated item") + " \u00b7 " + humanDate(first) + " \u2013 " + humanDate(last) : "no dated events or claims";
      if (!items.length) return;
      ticks().forEach(function (tk) {
        var xp = x(tk[0]);
        svg.appendChild(svgEl("line", { x1: xp, x2: xp, y1: 4, y2: AXIS_Y, "class": "kg-tl-grid" }));
        if (xp < LEFT + 22 || xp > geom.w - RIGHT - 22) return;  /* the ends hold the earlier/later counts */
        svg.appendChild(svgEl("text", { x: xp, y: AXIS_Y + 14, "text-anchor": "middle", "class": "kg-tl-tick" }, tk[1]));
      });
      svg.appendChild(svgEl("line", { x1: LEFT, x2: geom.w - RIGHT, y1: AXIS_Y, y2: AXIS_Y, "class": "kg-tl-axis" }));
      var cap = Math.floor(LANE_H / 6.5);
      LANES.forEach(function (lane) {
        svg.appendChild(svgEl("text", { x: 2, y: lane[2] + LANE_H / 2 + 4, "class": "kg-tl-lane" }, lane[1]));
        var cols = {};
        inside.forEach(function (i) {
          if (TYPES[N[i].t].name !== lane[0]) return;
          var c = Math.floor((x(ms(N[i].dt)) - LEFT) / COL);
          (cols[c] = cols[c] || []).push(i);
        });
        Object.keys(cols).forEach(function (c) {
          var list = cols[c].sort(function (a, b) { return N[a].dt < N[b].dt ? -1 : N[a].dt > N[b].dt ? 1 : N[b].d - N[a].d || a - b; });
          buckets[lane[0] + ":" + c] = list;
          var cx = LEFT + Number(c) * COL + COL / 2;
          list.slice(0, cap).forEach(function (i, k) {
            var more = k === cap - 1 && list.length > cap ? list.length - cap + 1 : 0;
            var m = mark(i, cx, lane[2] + LANE_H - 4 - k * 6.5, more);
            if (more) m.setAttribute("data-bucket", lane[0] + ":" + c);
            svg.appendChild(m);
          });
        });
      });
      [[before, LEFT - 8, "end", "\u2039 ", " earlier", "earlier"], [after, geom.w - RIGHT + 8, "start", "", " later \u203a", "later"]].forEach(function (edge) {
        if (!edge[0].length) return;
        var label = svgEl("text", { x: edge[1], y: AXIS_Y + 14, "text-anchor": edge[2],
          "class": "kg-tl-tick kg-tl-edge", "data-edge": edge[5] }, edge[3] + edge[0].length + edge[4]);
        label.appendChild(svgEl("title", null, "Dated outside the axis: click for the list"));
        svg.appendChild(label);
      });
      shade();
      if (rangeOn()) drawBrush(x(ms(filters.tFrom)), x(ms(filters.tTo) + DAY - 1));
    }
    function shade() {
      Array.prototype.forEach.call(svg.querySelectorAll(".kg-tl-mark"), function (m) {
        var i = Number(m.getAttribute("data-node"));
        m.classList.toggle("kg-tl-out", rangeOn() && !inRange(N[i].dt));
      });
    }
    function drawBrush(xa, xb) {
      if (!brushRect) brushRect = svgEl("rect", { "class": "kg-tl-brush", y: 2, height: AXIS_Y - 2 });
      brushRect.setAttribute("x", Math.min(xa, xb));
      brushRect.setAttribute("width", Math.max(1, Math.abs(xb - xa)));
      if (brushRect.parentNode !== svg) svg.insertBefore(brushRect, svg.firstChild);
    }
    function setRange(from, to) {
      if (from > to) { var tmp = from; from = to; to = tmp; }
      filters.tFrom = from; filters.tTo = to;
      var n = items.filter(function (i) { return inRange(N[i].dt); }).length;
      rangeText.textContent = humanDate(from) + " \u2013 " + humanDate(to) + " \u00b7 " + plural(n, "item");
      clearBtn.hidden = false;
      applyFilters();
      var left = nodes.get({ filter: function (nd) { return !nd.hidden; } }).map(function (nd) { return nd.id; });
      if (left.length) { network.fit({ nodes: left, animation: false }); relabel(); }
      draw();
      document.body.setAttribute("data-range", from + "/" + to);
    }
    function clearRange(apply) {
      filters.tFrom = ""; filters.tTo = "";
      rangeText.textContent = "";
      clearBtn.hidden = true;
      if (brushRect && brushRect.parentNode) brushRect.parentNode.removeChild(brushRect);
      document.body.removeAttribute("data-range");
      if (apply !== false) { applyFilters(); network.fit({ animation: false }); relabel(); }
      shade();
    }
    function local(ev) { var r = svg.getBoundingClientRect(); return ev.clientX - r.left; }
    function openItem(i) {
      if (gathered(i) && !claimsBox.checked) { showNodePanel(i); return; }
      reveal(i);
    }
    svg.addEventListener("pointerdown", function (ev) {
      if (!items.length || ev.button !== 0) return;
      drag = { x0: local(ev), target: ev.target };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var xp = local(ev);
      if (Math.abs(xp - drag.x0) >= 4) { drag.moved = true; drawBrush(drag.x0, xp); }
    });
    svg.addEventListener("pointerup", function (ev) {
      if (!drag) return;
      var d = drag, xp = local(ev);
      drag = null;
      /* each end to the nearest day boundary: the day that starts there */
      if (d.moved) { setRange(dayOf(t(Math.min(d.x0, xp)) + DAY / 2), dayOf(t(Math.max(d.x0, xp)) + DAY / 2)); return; }
      var edge = d.target.getAttribute && d.target.getAttribute("data-edge");
      if (edge) {
        var list = (edge.indexOf("earlier") >= 0 ? before : after).slice().sort(function (a, b) { return N[a].dt < N[b].dt ? -1 : 1; });
        showListPanel("Events and claims dated " + (edge.indexOf("earlier") >= 0 ? "before " + humanDate(dayOf(t0)) : "after " + humanDate(dayOf(t1))), list);
        return;
      }
      var bucket = d.target.getAttribute && d.target.getAttribute("data-bucket");
      var node = d.target.getAttribute && d.target.getAttribute("data-node");
      if (bucket) showListPanel("Events and claims, " + humanDate(N[buckets[bucket][0]].dt) + " \u2013 " +
        humanDate(N[buckets[bucket][buckets[bucket].length - 1]].dt), buckets[bucket]);
      else if (node !== null && node !== undefined) openItem(Number(node));
    });
    clearBtn.addEventListener("click", function () { clearRange(); });
    /* undated events and claims, listed apart */
    var ul = undatedBox.querySelector("ul"), sum = undatedBox.querySelector("summary");
    var nEv = undated.filter(function (i) { return !gathered(i); }).length;
    sum.textContent = "Undated: " + plural(nEv, "event") + ", " + plural(undated.length - nEv, "claim");
    undated.slice().sort(byDegree).slice(0, 300).forEach(function (i) {
      ul.appendChild(el("li", null, [swatch(N[i].t), " ", el("a", { href: "#", "data-node": String(i), text: N[i].l,
        on: { click: function (ev) { ev.preventDefault(); openItem(i); } } })]));
    });
    if (undated.length > 300) ul.appendChild(el("li", { cls: "kg-more", text: "\u2026 and " + (undated.length - 300) + " more (search finds them)" }));
    if (!undated.length) undatedBox.hidden = true;
    window.addEventListener("resize", function () { draw(); });
    draw();
    return { draw: draw, setRange: setRange, clearRange: clearRange, items: items, undated: undated, x: function (day) { return x(ms(day)); } };
  })();

  /* ---------- start ---------- */
  updateCount();
  if (VIEW.focus !== null && VIEW.focus !== undefined) {
    state.mode = "focus"; state.focus = VIEW.focus;
    showBanner("Neighbourhood of " + N[VIEW.focus].l + " \u00b7 " + plural(VIEW.nodes.length, "node"));
    network.selectNodes([VIEW.focus]);
    showNodePanel(VIEW.focus);
  }

  /* For tests and the benchmark: the network and the page's own operations. */
  window.kgNetwork = network;
  window.kg = {
    network: network, nodes: nodes, edges: edges, index: IX, view: VIEW,
    fold: fold, search: search, reveal: reveal, focus: focusOn, showDefault: showDefault,
    visibleCount: visibleCount, visNode: visNode, visEdge: visEdge, clearFilters: clearFilters,
    humanDate: humanDate, relabel: relabel, labels: function () { return labelState; }, timeline: timeline,
    indexOf: function (iri) { for (var i = 0; i < N.length; i++) if (N[i].id === iri) return i; return -1; },
  };
})();
