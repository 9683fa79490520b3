// The network of actors: countries as nodes, dyads as edges coloured from cooperation (green) to
// conflict (red) by their share of conflict events, and as wide as their event counts.
import { api, el, navigation, readHash, showError, signed, svg, writeHash } from "./common.js";

const form = document.getElementById("controls");
const box = document.getElementById("network");
const SIZE = 640;

// Share of conflict 0..1 -> green .. grey .. red.
export function edgeColour(share) {
  if (share === null || share === undefined) return "rgb(150,150,150)";
  const [coop, mid, conflict] = [[46, 125, 50], [150, 150, 150], [198, 40, 40]];
  const [from, to, t] = share < 0.5 ? [coop, mid, share * 2] : [mid, conflict, (share - 0.5) * 2];
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * t)).join(",")})`;
}

// A small force layout: nodes repel, edges pull, a weak pull to the centre; fixed steps, so the
// same data always gives the same picture.
function layout(nodes, edges) {
  const k = Math.sqrt((SIZE * SIZE) / Math.max(nodes.length, 1)) * 0.7;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    node.x = SIZE / 2 + (SIZE / 3) * Math.cos(angle);
    node.y = SIZE / 2 + (SIZE / 3) * Math.sin(angle);
  });
  let heat = SIZE / 10;
  for (let round = 0; round < 300; round++) {
    for (const node of nodes) { node.dx = (SIZE / 2 - node.x) * 0.01; node.dy = (SIZE / 2 - node.y) * 0.01; }
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
      node.x = Math.min(SIZE - 30, Math.max(30, node.x + (node.dx / d) * Math.min(d, heat)));
      node.y = Math.min(SIZE - 20, Math.max(20, node.y + (node.dy / d) * Math.min(d, heat)));
    }
    heat *= 0.98;
  }
}

async function load() {
  const s = { start: form.elements.start.value, end: form.elements.end.value, limit: form.elements.limit.value };
  writeHash(s);
  try {
    const [{ dyads }, { actors }] = await Promise.all([
      api("/api/dyads", { start: s.start, end: s.end, limit: s.limit }),
      api("/api/actors", { level: "country", start: s.start, end: s.end, limit: 1000 }),
    ]);
    draw(dyads, new Map(actors.map((a) => [a.code, a])));
  } catch (error) {
    showError(box, error);
  }
}

function draw(dyads, names) {
  const byCode = new Map();
  const node = (code) => byCode.get(code) || byCode.set(code, { code, events: 0 }).get(code);
  const edges = dyads.map((d) => ({ ...d, from: node(d.a), to: node(d.b) }));
  for (const edge of edges) { edge.from.events += edge.events; edge.to.events += edge.events; }
  const nodes = [...byCode.values()].sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
  layout(nodes, edges);
  const most = Math.max(1, ...edges.map((e) => e.events));
  const mostNode = Math.max(1, ...nodes.map((n) => n.events));
  const picture = svg("svg", { class: "network", width: SIZE, height: SIZE, viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", "aria-label": "network of countries" });
  const lines = svg("g", { class: "edges" });
  for (const e of edges) {
    const href = `index.html#dyad=${encodeURIComponent(`${e.a}-${e.b}`)}`;
    lines.append(svg("line", {
      x1: e.from.x, y1: e.from.y, x2: e.to.x, y2: e.to.y, stroke: edgeColour(e.conflict_share),
      "stroke-width": (1 + 7 * Math.sqrt(e.events / most)).toFixed(1), "data-dyad": `${e.a}-${e.b}`,
      onclick: () => { window.location.href = href; },
    }, svg("title", {}, `${e.a}–${e.b}: ${e.events} events, ${e.conflict} conflict, ${e.cooperation} cooperation, mean Goldstein ${signed(e.goldstein_mean)}`)));
  }
  const dots = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const named = names.get(n.code);
    dots.append(svg("g", { class: "node", "data-code": n.code },
      svg("circle", { cx: n.x, cy: n.y, r: (5 + 12 * Math.sqrt(n.events / mostNode)).toFixed(1) }),
      svg("text", { x: n.x, y: n.y - 14, "text-anchor": "middle" }, n.code),
      svg("title", {}, `${n.code}${named && named.name ? ` (${named.name})` : ""}: ${n.events} events in these dyads`)));
  }
  picture.append(lines, dots);
  box.replaceChildren(dyads.length ? picture : el("p", { class: "empty" }, "no dyads in this range"));
}

navigation();
const initial = readHash();
for (const key of ["start", "end", "limit"]) if (initial[key]) form.elements[key].value = initial[key];
form.addEventListener("change", load);
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
load();
