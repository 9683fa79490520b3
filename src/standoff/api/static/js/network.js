// The network of actors: countries and the organisations that stand for themselves as nodes, drawn
// by kind (state, intergovernmental body, NGO, armed group, other); dyads as edges coloured from
// cooperation (green) to conflict (red) by their share of conflict events, as wide as their counts.
import { api, conflictColour, el, navigation, readHash, showError, signed, svg, writeHash } from "./common.js";

const form = document.getElementById("controls");
const box = document.getElementById("network");
const legend = document.getElementById("kinds");
const MIN_HEIGHT = 420;
const KINDS = [
  ["state", "state (with everyone in it)"],
  ["igo", "intergovernmental body"],
  ["ngo", "NGO"],
  ["armed", "armed group"],
  ["other", "other"],
];

// A node's outline by kind, centred on 0,0 with about radius r.
function shape(kind, r) {
  const polygon = (points) => svg("polygon", { points: points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ") });
  if (kind === "igo") return svg("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 2 });
  if (kind === "ngo") return polygon([[0, -1.3 * r], [1.3 * r, 0], [0, 1.3 * r], [-1.3 * r, 0]]);
  if (kind === "armed") return polygon([[0, -1.35 * r], [1.2 * r, 0.8 * r], [-1.2 * r, 0.8 * r]]);
  if (kind === "other") return polygon([0, 1, 2, 3, 4, 5].map((i) => [r * Math.cos((Math.PI / 3) * i), r * Math.sin((Math.PI / 3) * i)]));
  return svg("circle", { r });
}

function drawLegend() {
  legend.replaceChildren("Actors: ", ...KINDS.flatMap(([kind, label]) => [
    el("span", { class: `kind kind-${kind}`, "data-kind": kind },
      svg("svg", { width: 18, height: 18, viewBox: "-9 -9 18 18", class: "kind-icon" }, svg("g", { class: `node kind-${kind}` }, shape(kind, 6))), label),
    " ",
  ]));
}

// A small force layout: nodes repel, edges pull, a weak pull to the centre; fixed steps, so the same
// data always gives the same picture. Then the picture is stretched to fill the width x height box,
// each node keeping its label and shape inside (padX, padTop, padBottom).
function layout(nodes, edges, width, height) {
  const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.4;
  const [cx, cy] = [width / 2, height / 2];
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    node.x = cx + (width / 3) * Math.cos(angle);
    node.y = cy + (height / 3) * Math.sin(angle);
  });
  let heat = Math.min(width, height) / 10;
  for (let round = 0; round < 300; round++) {
    for (const node of nodes) { node.dx = (cx - node.x) * 0.1; node.dy = (cy - node.y) * 0.1; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [nodes[i], nodes[j]];
        const [dx, dy] = [a.x - b.x || 0.01, a.y - b.y || 0.01];
        const d = Math.hypot(dx, dy);
        const push = (k * k) / d / d;
        a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
      }
    }
    for (const edge of edges) {
      const [a, b] = [edge.from, edge.to];
      const [dx, dy] = [a.x - b.x, a.y - b.y];
      const d = Math.hypot(dx, dy) || 0.01;
      const pull = d / k;
      a.dx -= dx * pull * 0.5; a.dy -= dy * pull * 0.5; b.dx += dx * pull * 0.5; b.dy += dy * pull * 0.5;
    }
    for (const node of nodes) {
      const d = Math.hypot(node.dx, node.dy) || 1;
      node.x += (node.dx / d) * Math.min(d, heat);
      node.y += (node.dy / d) * Math.min(d, heat);
    }
    heat *= 0.98;
  }
  fit(nodes, "x", 0, width, (n) => n.padX, (n) => n.padX);
  fit(nodes, "y", 0, height, (n) => n.padTop, (n) => n.padBottom);
}

// Map the nodes' positions along one axis linearly onto [low + before, high - after] of each node.
function fit(nodes, axis, low, high, before, after) {
  const values = nodes.map((n) => n[axis]);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const margin = Math.max(...nodes.map(before)), marginEnd = Math.max(...nodes.map(after));
  const span = high - low - margin - marginEnd;
  for (const node of nodes) {
    node[axis] = max > min ? low + margin + ((node[axis] - min) / (max - min)) * span : (low + high) / 2;
  }
}

let last = null;

async function load() {
  const s = { since: form.elements.since.value, until: form.elements.until.value, limit: form.elements.limit.value };
  writeHash(s);
  try {
    const [{ dyads }, { actors }, { kinds }] = await Promise.all([
      api("/api/dyads", { since: s.since, until: s.until, limit: s.limit }),
      api("/api/actors", { level: "country", since: s.since, until: s.until, limit: 1000 }),
      api("/api/actor-kinds", { since: s.since, until: s.until }),
    ]);
    last = { dyads, names: new Map(actors.map((a) => [a.code, a])), kinds };
    draw();
  } catch (error) {
    showError(box, error);
  }
}

// The picture fills the box's width and the window's height below it.
function draw() {
  if (!last) return;
  const { dyads, names, kinds } = last;
  const width = Math.max(box.clientWidth, 320);
  const height = Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - (box.getBoundingClientRect().top + window.scrollY) - 24));
  const byCode = new Map();
  const node = (code) => byCode.get(code) || byCode.set(code, { code, events: 0, kind: kinds[code] || "other" }).get(code);
  const edges = dyads.map((d) => ({ ...d, from: node(d.a), to: node(d.b) }));
  for (const edge of edges) { edge.from.events += edge.events; edge.to.events += edge.events; }
  const nodes = [...byCode.values()].sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
  const mostNode = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    n.r = 5 + 12 * Math.sqrt(n.events / mostNode);
    n.padX = Math.max(n.r * 1.4, n.code.length * 4.5) + 4;  // half the label's width at 11px bold
    n.padTop = n.r * 1.4 + 16;
    n.padBottom = n.r * 1.4 + 4;
  }
  layout(nodes, edges, width, height);
  const most = Math.max(1, ...edges.map((e) => e.events));
  const picture = svg("svg", { class: "network", width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "network of actors" });
  const lines = svg("g", { class: "edges" });
  for (const e of edges) {
    const href = `index.html#dyad=${encodeURIComponent(`${e.a}-${e.b}`)}`;
    lines.append(svg("line", {
      x1: e.from.x, y1: e.from.y, x2: e.to.x, y2: e.to.y, stroke: conflictColour(e.conflict_share),
      "stroke-width": (1 + 7 * Math.sqrt(e.events / most)).toFixed(1), "data-dyad": `${e.a}-${e.b}`,
      onclick: () => { window.location.href = href; },
    }, svg("title", {}, `${e.a}–${e.b}: ${e.events} events, ${e.conflict} conflict, ${e.cooperation} cooperation, mean Goldstein ${signed(e.goldstein_mean)}`)));
  }
  const dots = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const named = names.get(n.code);
    const kindName = KINDS.find(([kind]) => kind === n.kind)[1];
    dots.append(svg("g", { class: `node kind-${n.kind}`, "data-code": n.code, "data-kind": n.kind, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})` },
      shape(n.kind, n.r),
      svg("text", { y: -n.r * 1.4 - 3, "text-anchor": "middle" }, n.code),
      svg("title", {}, `${n.code}${named && named.name ? ` (${named.name})` : ""}, ${kindName}: ${n.events} events in these dyads`)));
  }
  picture.append(lines, dots);
  box.replaceChildren(dyads.length ? picture : el("p", { class: "empty" }, "no dyads in this range"));
}

navigation();
drawLegend();
const initial = readHash();
for (const key of ["since", "until", "limit"]) if (initial[key]) form.elements[key].value = initial[key];
form.addEventListener("change", load);
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
let resizing;
window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(draw, 150); });
load();
