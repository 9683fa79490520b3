// The map: where the events happened, on Natural Earth's country and province shapes (shipped with
// the package, served by /api/map/), coloured from cooperation to conflict and filtered like the
// event table. Plain SVG in plate carrée (longitude and latitude as x and y): no tiles, no library.
import { api, clear, conflictColour, el, eventPanel, eventTable, navigation, queryString, readHash, showError, svg, writeHash } from "./common.js";
import { buildFilters, fillVocabulary, readFilters, setFilters } from "./filters.js";

const NORTH = 84, SOUTH = -58;  // Antarctica is left out
const WORLD = { x: 0, y: 0, w: 360, h: NORTH - SOUTH };
const LIST = 100;  // events listed for a place

const form = document.getElementById("filters");
const box = document.getElementById("map");
const mapTitle = document.getElementById("map-title");
const mapCounts = document.getElementById("map-counts");
const worldButton = document.getElementById("world");
const eventsBox = document.getElementById("events");

let countries = [];  // decoded countries.json features
let provinces = null;  // a promise of country code -> its decoded provinces, read on the first zoom
let counts = null;  // the /api/places answer for the current filters
let focus = null;  // the country zoomed in on (its feature)
let selected = null;  // {kind: "country" | "province" | "place", id}

// A feature's rings as [[lon, lat], ...] from the shipped format (see standoff/geo/regions.py).
function decode(feature, scale) {
  const rings = feature.rings.map((flat) => {
    const ring = [];
    let [x, y] = [0, 0];
    for (let i = 0; i < flat.length; i += 2) {
      x += flat[i]; y += flat[i + 1];
      ring.push([x / scale, y / scale]);
    }
    return ring;
  });
  return { ...feature, rings, path: rings.map((ring) => `M${ring.map(([lon, lat]) => `${(lon + 180).toFixed(2)},${(NORTH - lat).toFixed(2)}`).join("L")}Z`).join("") };
}

async function readShapes(name) {
  const shapes = await api(`/api/map/${name}`);
  return shapes.features.map((feature) => decode(feature, shapes.scale));
}

function provincesByCountry() {
  provinces ||= readShapes("provinces.json").then((features) => {
    const grouped = new Map();
    for (const feature of features) grouped.set(feature.country, [...(grouped.get(feature.country) || []), feature]);
    return grouped;
  });
  return provinces;
}

// The box to zoom to: the country's largest ring (not its far islands and territories), with a margin.
function zoomBox(feature) {
  const extent = (ring) => {
    const lons = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  };
  const area = ([w, s, e, n]) => (e - w) * (n - s);
  const [w, s, e, n] = feature.rings.map(extent).sort((a, b) => area(b) - area(a))[0];
  const [dw, dh] = [Math.max(e - w, 4) * 0.6, Math.max(n - s, 3) * 0.6];
  const [cx, cy] = [(w + e) / 2 + 180, NORTH - (s + n) / 2];
  return { x: cx - dw, y: cy - dh, w: 2 * dw, h: 2 * dh };
}

// How strongly a shape is coloured: by its events, on a log scale against the busiest.
function strength(events, most) {
  return (0.3 + 0.65 * Math.log1p(events) / Math.log1p(Math.max(most, 1))).toFixed(2);
}

function share(row) {
  const known = row.conflict + row.cooperation;
  return known ? row.conflict / known : null;
}

function describe(name, row) {
  return row ? `${name}: ${row.events} events, ${row.conflict} in conflict, ${row.cooperation} in cooperation` : `${name}: no events`;
}

function shapePath(feature, kind, row, most, onclick) {
  const id = kind === "country" ? feature.country || feature.id : feature.id;
  const chosen = selected && selected.kind === kind && selected.id === id;
  return svg("path", {
    class: `${kind}${row ? "" : " empty"}${chosen ? " selected" : ""}`, d: feature.path, "fill-rule": "evenodd",
    fill: row ? conflictColour(share(row)) : null, "fill-opacity": row ? strength(row.events, most) : null,
    "data-id": id, "data-name": feature.name, "data-events": row ? row.events : 0, onclick,
  }, svg("title", {}, describe(feature.name, row)));
}

async function draw() {
  const width = Math.max(box.clientWidth, 320);
  const height = Math.round(Math.min(width * (WORLD.h / WORLD.w), window.innerHeight * 0.75));
  const view = focus ? zoomBox(focus) : WORLD;
  const unit = Math.min(width / view.w, height / view.h);  // pixels per degree
  const map = svg("svg", { class: "map", width, height, viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`, role: "img", "aria-label": "map of events by place" });

  const byCountry = new Map(counts.countries.map((c) => [c.country, c]));
  const mostCountry = Math.max(1, ...counts.countries.map((c) => c.events));
  const countryLayer = svg("g", { class: "countries" });
  for (const feature of countries) {
    // the country zoomed in on shows its provinces' colours instead of its own
    const row = feature.country && feature !== focus ? byCountry.get(feature.country) : undefined;
    countryLayer.append(shapePath(feature, "country", row, mostCountry, () => zoomTo(feature)));
  }
  map.append(countryLayer);

  if (focus) {
    const inCountry = (await provincesByCountry()).get(focus.country) || [];
    const byProvince = new Map(counts.provinces.map((p) => [p.id, p]));
    const mostProvince = Math.max(1, ...inCountry.map((p) => (byProvince.get(p.id) || { events: 0 }).events));
    const provinceLayer = svg("g", { class: "provinces" });
    for (const feature of inCountry) {
      provinceLayer.append(shapePath(feature, "province", byProvince.get(feature.id), mostProvince, () => choose("province", feature.id, feature.name)));
    }
    map.append(provinceLayer);
  }

  const mostPlace = Math.max(1, ...counts.places.map((p) => p.events));
  const pointLayer = svg("g", { class: "points" });
  for (const place of counts.places) {
    const chosen = selected && selected.kind === "place" && selected.id === place.key;
    const name = place.name || place.admin1 || place.country || "unnamed place";
    pointLayer.append(svg("circle", {
      class: `place${chosen ? " selected" : ""}`, cx: (place.lon + 180).toFixed(3), cy: (NORTH - place.lat).toFixed(3),
      r: ((2.5 + 6 * Math.sqrt(place.events / mostPlace)) / unit).toFixed(3), fill: conflictColour(share(place)),
      "data-key": place.key, "data-name": name, "data-events": place.events,
      onclick: () => choose("place", place.key, name),
    }, svg("title", {}, describe(`${name}${place.country ? ` (${place.country})` : ""}`, place))));
  }
  map.append(pointLayer);
  box.replaceChildren(map);

  mapTitle.textContent = focus ? focus.name : "World";
  worldButton.hidden = !focus;
  const placed = counts.total - counts.unplaced;
  mapCounts.textContent = `${counts.total} events match; ${placed} have a place, ${counts.unplaced} have none and are not on the map` +
    (counts.more_places ? `; the busiest ${counts.places.length} places are drawn as dots` : "");
}

function view() {
  return { ...readFilters(form), zoom: focus ? focus.country || focus.id : "", at: selected ? `${selected.kind}:${selected.id}` : "" };
}

function remember() {
  writeHash(view());
}

// A link to another view of this page (or Back to one) changes only the hash: follow it.
function follow() {
  const wanted = readHash();
  const same = (a, b) => queryString({ ...a, event: "" }) === queryString({ ...b, event: "" });
  if (same(wanted, view())) return;
  setFilters(form, wanted);
  restore(wanted);
  load();
}

async function zoomTo(feature) {
  focus = feature;
  await choose("country", feature.country || feature.id, feature.name);
}

async function choose(kind, id, name) {
  selected = { kind, id, name };
  remember();
  await draw();
  await listEvents();
}

async function listEvents() {
  if (!selected) {
    clear(eventsBox).append(el("p", { class: "hint" }, "Click a place on the map to list its events."));
    return;
  }
  selected.name ||= nameOf(selected);
  const { kind, id, name } = selected;
  if (kind === "country" && !/^[A-Z]{3}$/.test(id)) {  // Natural Earth draws it apart from any country code
    clear(eventsBox).append(el("p", { class: "hint" }, `${name} has no country code of its own: its events count with the country they name.`));
    return;
  }
  clear(eventsBox).append(el("p", { class: "loading" }, "loading events…"));
  try {
    const filters = readFilters(form);
    const page = kind === "country"
      ? await api("/api/events", { ...filters, location: id, order: "desc", limit: LIST })
      : await api("/api/places/events", { ...filters, [kind]: id, limit: LIST });
    const caption = `${page.total} ${page.total === 1 ? "event" : "events"} in ${name}${page.total > page.count ? `, the latest ${page.count} shown` : ""}`;
    clear(eventsBox).append(eventTable(page.events, (event) => openEvent(event.id), { caption }));
  } catch (error) {
    showError(eventsBox, error);
  }
}

async function load() {
  box.setAttribute("aria-busy", "true");
  try {
    counts = await api("/api/places", readFilters(form));
    remember();
    await draw();
    await listEvents();
  } catch (error) {
    showError(box, error);
  } finally {
    box.removeAttribute("aria-busy");
  }
}

// Back to the view the URL names: its zoom and its chosen country, province or place.
function restore(initial) {
  const code = initial.zoom;
  focus = code ? countries.find((c) => (c.country || c.id) === code) || null : null;
  selected = null;
  const [kind, ...rest] = (initial.at || "").split(":");
  const id = rest.join(":");
  if (["country", "province", "place"].includes(kind) && id) selected = { kind, id, name: null };
}

// The name of a chosen place as the shapes and counts give it (a view restored from a URL has only ids).
function nameOf({ kind, id }) {
  const found = kind === "country" ? countries.find((c) => (c.country || c.id) === id)
    : kind === "province" ? counts.provinces.find((p) => p.id === id)
    : counts.places.find((p) => p.key === id);
  return (found && (found.name || found.admin1 || found.country)) || id;
}

navigation();
buildFilters(form);
const openEvent = eventPanel(document.getElementById("article"));
worldButton.addEventListener("click", () => { focus = null; selected = null; remember(); draw(); listEvents(); });
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(load));
let resizing;
window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(() => counts && draw(), 150); });
Promise.all([fillVocabulary(form), readShapes("countries.json")]).then(([, features]) => {
  countries = features;
  const initial = readHash();
  setFilters(form, initial);
  restore(initial);
  window.addEventListener("popstate", follow);
  return load();
}).catch((error) => showError(box, error));
