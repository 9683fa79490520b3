// The event table: filters, pages, downloads of the same query, and the article of a clicked event.
import { api, clear, el, eventPanel, eventTable, navigation, queryString, readHash, showError, writeHash } from "./common.js";
import { buildFilters, fillVocabulary, readFilters, setFilters } from "./filters.js";

const form = document.getElementById("filters");
const tableBox = document.getElementById("table");
const pager = document.getElementById("pager");
const downloads = document.getElementById("downloads");
const LIMIT = 50;
let offset = 0;

async function load() {
  const wanted = readFilters(form);
  writeHash({ ...wanted, offset: offset || "" });
  const query = queryString(wanted);
  clear(downloads).append("Download this query: ",
    el("a", { href: `/api/events.csv${query ? `?${query}` : ""}`, download: "events.csv" }, "CSV"), " · ",
    el("a", { href: `/api/events.parquet${query ? `?${query}` : ""}`, download: "events.parquet" }, "Parquet"));
  try {
    const page = await api("/api/events", { ...wanted, order: "desc", limit: LIMIT, offset });
    const last = Math.min(page.offset + page.count, page.total);
    clear(tableBox).append(eventTable(page.events, (event) => openEvent(event.id),
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
buildFilters(form);
const openEvent = eventPanel(document.getElementById("article"));
form.addEventListener("submit", (e) => { e.preventDefault(); offset = 0; load(); });
form.addEventListener("reset", () => { offset = 0; setTimeout(load); });
fillVocabulary(form).catch((error) => showError(tableBox, error)).then(() => {
  const initial = readHash();
  setFilters(form, initial);
  offset = Math.max(0, Number.parseInt(initial.offset || "0", 10) || 0);
  load();
});
