// Shared by every dashboard page: API calls, safe DOM building, the navigation bar, and the
// article view that highlights an event's sentence, trigger and actors.
//
// Safety rule for all pages: text from the API (articles, sentences, actor names, titles) only ever
// reaches the page as text nodes (el() children, textContent): no string is ever parsed as HTML.

export async function api(path, params = {}, options = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  const response = await fetch(url, { headers: { accept: "application/json" }, ...options });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error;
    throw new Error(error ? `${error.message} [${error.code}]` : `the server answered ${response.status}`);
  }
  return body;
}

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

// el("a", {class: "x", href: "/p", onclick: f}, "text", child): attributes come from this code,
// children that are not nodes become text nodes.
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function showError(node, error) {
  clear(node).append(el("p", { class: "error", role: "alert" }, error.message || String(error)));
}

// Page state lives in the URL's hash (#dyad=USA-PRK&freq=week), so a view can be linked to. The
// open event is part of it (&event=ID): opening one adds a history entry, so Back closes it again.
export function readHash() {
  return Object.fromEntries(new URLSearchParams(window.location.hash.slice(1)));
}

export function writeHash(params) {
  const text = queryString({ ...params, event: readHash().event });
  if (text !== window.location.hash.slice(1)) history.replaceState(null, "", text ? `#${text}` : window.location.pathname);
}

const PAGES = [
  ["index.html", "Dyad"],
  ["network.html", "Network"],
  ["map.html", "Map"],
  ["events.html", "Events"],
  ["code.html", "Code text"],
];

export function navigation() {
  const here = window.location.pathname.split("/").pop() || "index.html";
  const links = PAGES.map(([href, label]) =>
    el("a", { href, class: href === here ? "active" : null, "aria-current": href === here ? "page" : null }, label));
  const status = el("span", { class: "status", id: "status" }, "");
  document.body.prepend(el("header", { class: "top" }, el("strong", { class: "brand" }, "standoff"), el("nav", {}, links), status));
  api("/api/health").then((health) => {
    status.textContent = `${health.events.toLocaleString()} events · ${health.articles.toLocaleString()} articles` +
      (health.first_date ? ` · ${health.first_date} to ${health.last_date}` : "");
  }).catch((error) => { status.textContent = error.message; });
}

// Share of conflict 0..1 -> green .. grey .. red (no share known: grey).
export function conflictColour(share) {
  if (share === null || share === undefined || Number.isNaN(share)) return "rgb(150,150,150)";
  const [coop, mid, conflict] = [[46, 125, 50], [150, 150, 150], [198, 40, 40]];
  const [from, to, t] = share < 0.5 ? [coop, mid, share * 2] : [mid, conflict, (share - 0.5) * 2];
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * t)).join(",")})`;
}

export function signed(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return `${value > 0 ? "+" : ""}${Number(value).toFixed(digits)}`;
}

const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

export function quadName(quad) {
  return QUADS[quad] || "unknown class";
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function actorLabel(code, text) {
  return [code || "?", text ? `(${text})` : ""].filter(Boolean).join(" ");
}

const INCOMPLETE = "no known source: kept and shown, but left out of series, tension and alerts";

// An event whose source could not be resolved says so wherever it is shown.
function incompleteMark(event) {
  return event.complete === false ? [el("br"), el("small", { class: "incomplete", title: INCOMPLETE }, "incomplete")] : null;
}

// A table of events; clicking a row (or Enter on it) calls onPick(event).
export function eventTable(events, onPick, { caption } = {}) {
  const head = el("tr", {}, ["date", "source", "event", "target", "sentence"].map((h) => el("th", { scope: "col" }, h)));
  const rows = events.map((event) => {
    const row = el("tr", {
      tabindex: "0", class: `event quad-${event.quad_class || 0}${event.complete === false ? " incomplete" : ""}`, "data-id": event.id,
      onclick: () => pick(row, event),
      onkeydown: (e) => { if (e.key === "Enter") pick(row, event); },
    },
      el("td", { class: "nowrap" }, event.event_date || "–"),
      el("td", {}, actorLabel(event.source, event.source_text), incompleteMark(event)),
      el("td", { title: quadName(event.quad_class) }, `${event.cameo || "–"} ${event.plover || ""}`, el("br"), el("small", {}, `Goldstein ${signed(event.goldstein)}`)),
      el("td", {}, actorLabel(event.target, event.target_text)),
      el("td", { class: "sentence" }, event.text || ""),
    );
    return row;
  });
  const table = el("table", { class: "events" }, caption ? el("caption", {}, caption) : null, el("thead", {}, head), el("tbody", {}, rows));
  function pick(row, event) {
    for (const other of table.querySelectorAll("tr.selected")) other.classList.remove("selected");
    row.classList.add("selected");
    onPick(event);
  }
  return table;
}

// The text with the event's spans marked. Offsets count Unicode code points (as Python does),
// so the text is cut as an array of code points, not of UTF-16 units.
export function highlighted(text, spans) {
  const chars = Array.from(text);
  const marks = Object.entries(spans || {}).filter(([, span]) => Array.isArray(span) && span[0] < span[1] && span[0] >= 0 && span[1] <= chars.length);
  const cuts = new Set([0, chars.length]);
  for (const [, [start, end]] of marks) { cuts.add(start); cuts.add(end); }
  const points = [...cuts].sort((a, b) => a - b);
  const block = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = chars.slice(start, end).join("");
    const kinds = marks.filter(([, [s, e]]) => s <= start && end <= e).map(([kind]) => `hl-${kind}`);
    block.append(kinds.length ? el("mark", { class: kinds.join(" ") }, piece) : piece);
  }
  return block;
}

function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, parsed.href);
    }
  } catch { /* not a URL: shown as text */ }
  return url;
}

// Show one event (the answer of /api/events/{id}, or a coded event with its article) in `panel`.
export function showEvent(panel, event, spans, article, extra = {}) {
  clear(panel);
  const facts = el("dl", { class: "facts" },
    el("dt", {}, "who"), el("dd", {}, `${actorLabel(event.source, event.source_text)} → ${actorLabel(event.target, event.target_text)}`, incompleteMark(event)),
    el("dt", {}, "did"), el("dd", {}, `${event.cameo || "–"} ${event.plover || ""} · ${quadName(event.quad_class)} · Goldstein ${signed(event.goldstein)}`),
    el("dt", {}, "when"), el("dd", {}, `${event.event_date || "no date"}${event.date_basis ? ` (from ${event.date_basis})` : ""}`),
    el("dt", {}, "how"), el("dd", {}, `${event.modality || "–"}, trigger “${event.trigger || "–"}”, rule ${event.rule || "–"}`),
    extra.incident ? [el("dt", {}, "incident"), el("dd", {}, `${plural(extra.incident.mentions, "report")} in ${plural(extra.incident.articles, "article")} from ${plural(extra.incident.sources, "source")}`)] : null,
    el("dt", {}, "id"), el("dd", { class: "mono" }, event.id),
  );
  panel.append(el("h2", {}, "Event"), facts);
  const legend = el("p", { class: "legend" }, el("mark", { class: "hl-sentence" }, "sentence"), " ",
    el("mark", { class: "hl-trigger" }, "trigger"), " ", el("mark", { class: "hl-source" }, "source"), " ",
    el("mark", { class: "hl-target" }, "target"));
  if (article) {
    const meta = [article.source, article.published].filter(Boolean).join(" · ");
    panel.append(
      el("h3", { class: "article-title" }, article.title || article.id),
      el("p", { class: "meta" }, meta, article.url ? [" · ", safeLink(article.url)] : null),
      legend,
      highlighted(article.text, spans),
    );
  } else {
    panel.append(el("p", { class: "meta" }, `Imported event (${event.origin || "unknown origin"}): no article is stored, only its text.`),
      legend, highlighted(event.text || "", { sentence: [0, Array.from(event.text || "").length] }));
  }
  const sentence = panel.querySelector("mark.hl-sentence");
  if (sentence) sentence.scrollIntoView({ block: "center", behavior: "instant" });
}

const HINT = "Click an event to read it in its article.";

// The article panel of a page, following the event the URL names: on load, on Back and Forward, and
// when open(id) is called (which adds a history entry). Returns open.
export function eventPanel(panel) {
  let shown;
  async function follow() {
    const id = readHash().event || null;
    if (id === shown) return;
    shown = id;
    if (!id) {
      clear(panel).append(el("p", { class: "hint" }, HINT));
      return;
    }
    clear(panel).append(el("p", { class: "loading" }, "loading the article…"));
    try {
      const detail = await api(`/api/events/${encodeURIComponent(id)}`);
      if (shown === id) showEvent(panel, detail.event, detail.spans, detail.article, { incident: detail.incident });
    } catch (error) {
      if (shown === id) showError(panel, error);
    }
  }
  window.addEventListener("popstate", follow);
  follow();
  return (id) => {
    if (id !== readHash().event) history.pushState(null, "", `#${queryString({ ...readHash(), event: id })}`);
    follow();
  };
}
