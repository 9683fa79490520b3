// The event table: filters, pages, downloads of the same query, and the article of a clicked event.
import { api, clear, el, eventTable, navigation, openEvent, queryString, readHash, showError, writeHash } from "./common.js";

const form = document.getElementById("filters");
const tableBox = document.getElementById("table");
const articlePanel = document.getElementById("article");
const pager = document.getElementById("pager");
const downloads = document.getElementById("downloads");
const FILTERS = ["dyad", "actor", "country", "root", "plover", "quad", "modality", "start", "end", "q", "origin"];
const LIMIT = 50;
let offset = 0;

function filters() {
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]).filter(([, v]) => v));
}

async function fillVocabulary() {
  const vocabulary = await api("/api/vocabulary");
  form.elements.root.append(...vocabulary.roots.map((r) => el("option", { value: r.code }, `${r.code} ${r.name}`)));
  form.elements.plover.append(...vocabulary.plover.map((p) => el("option", { value: p.name }, p.name)));
  form.elements.quad.append(...Object.entries(vocabulary.quad_classes).map(([q, name]) => el("option", { value: q }, `${q} ${name}`)));
  form.elements.modality.append(...vocabulary.modalities.map((m) => el("option", { value: m }, m)));
}

async function load() {
  const wanted = filters();
  writeHash({ ...wanted, offset: offset || "" });
  const query = queryString(wanted);
  clear(downloads).append("Download this query: ",
    el("a", { href: `/api/events.csv${query ? `?${query}` : ""}`, download: "events.csv" }, "CSV"), " · ",
    el("a", { href: `/api/events.parquet${query ? `?${query}` : ""}`, download: "events.parquet" }, "Parquet"));
  try {
    const page = await api("/api/events", { ...wanted, order: "desc", limit: LIMIT, offset });
    const last = Math.min(page.offset + page.count, page.total);
    clear(tableBox).append(eventTable(page.events, (event) => openEvent(articlePanel, event.id),
      { caption: page.total ? `${page.offset + 1}–${last} of ${page.total} events, newest first` : "no events match" }));
    clear(pager).append(
      el("button", { type: "button", id: "previous", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - LIMIT); load(); } }, "← newer"),
      el("button", { type: "button", id: "next", disabled: !page.more, onclick: () => { offset += LIMIT; load(); } }, "older →"),
    );
  } catch (error) {
    showError(tableBox, error);
    clear(pager);
  }
}

navigation();
form.addEventListener("submit", (e) => { e.preventDefault(); offset = 0; load(); });
form.addEventListener("reset", () => { offset = 0; setTimeout(load); });
fillVocabulary().catch((error) => showError(tableBox, error)).then(() => {
  const initial = readHash();
  for (const name of FILTERS) if (initial[name]) form.elements[name].value = initial[name];
  offset = Math.max(0, Number.parseInt(initial.offset || "0", 10) || 0);
  load();
});
