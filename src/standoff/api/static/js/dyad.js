// The dyad view: pick a dyad, see its tension index with alert markers and its events; click an
// event to read it in its article.
import { api, clear, el, eventTable, navigation, openEvent, readHash, showError, writeHash } from "./common.js";
import { drawDyadChart } from "./chart.js";

const form = document.getElementById("controls");
const picker = document.getElementById("dyad");
const chartBox = document.getElementById("chart");
const alertList = document.getElementById("alerts");
const eventsBox = document.getElementById("events");
const articlePanel = document.getElementById("article");
const title = document.getElementById("chart-title");

function state() {
  return {
    dyad: picker.value,
    freq: form.elements.freq.value,
    start: form.elements.start.value,
    end: form.elements.end.value,
  };
}

// USA-PRK and PRK-USA are one undirected dyad; USA->PRK is its own.
function sameDyad(a, b) {
  const key = (text) => (text.includes(">") ? text : text.split("-").sort().join("-")).toUpperCase();
  return key(a) === key(b);
}

async function fillDyads(wanted) {
  const { dyads } = await api("/api/dyads", { limit: 200 });
  const values = dyads.map((d) => `${d.a}-${d.b}`);
  const options = dyads.map((d, i) => el("option", { value: values[i] }, `${d.a}–${d.b} (${d.events} events)`));
  const chosen = wanted ? values.find((value) => sameDyad(value, wanted)) || wanted : values[0];
  if (chosen && !values.includes(chosen)) options.unshift(el("option", { value: chosen }, chosen));
  clear(picker).append(...options);
  if (chosen) picker.value = chosen;
}

async function load() {
  const s = state();
  writeHash(s);
  if (!s.dyad) {
    showError(chartBox, new Error("no dyads in the store yet: ingest some articles first"));
    return;
  }
  title.textContent = `${s.dyad}, by ${s.freq}`;
  chartBox.setAttribute("aria-busy", "true");
  try {
    const series = await api("/api/series", { dyad: s.dyad, freq: s.freq, start: s.start, end: s.end });
    const first = series.periods.length ? series.periods[0].period : undefined;
    const { alerts } = await api("/api/alerts", { dyad: s.dyad, freq: s.freq, start: s.start || first, end: s.end });
    drawDyadChart(chartBox, series.periods, alerts, { onPeriod: (period) => loadEvents(s, period) });
    showAlerts(alerts, s);
    await loadEvents(s);
  } catch (error) {
    showError(chartBox, error);
  } finally {
    chartBox.removeAttribute("aria-busy");
  }
}

function showAlerts(alerts, s) {
  clear(alertList);
  if (!alerts.length) {
    alertList.append(el("li", { class: "none" }, "no surge alerts for this dyad in this range"));
    return;
  }
  for (const alert of alerts) {
    alertList.append(el("li", {},
      el("button", { type: "button", class: "link", onclick: () => loadEvents(s, alert.period) }, `${alert.period} ${alert.dyad}`),
      `: ${alert.events} conflict events, ×${alert.ratio_short.toFixed(1)} the last 4 periods and ×${alert.ratio_long.toFixed(1)} the last 52`));
  }
}

function periodEnd(period, freq) {
  const day = new Date(`${period}T00:00:00Z`);
  if (freq === "week") day.setUTCDate(day.getUTCDate() + 6);
  if (freq === "month") { day.setUTCMonth(day.getUTCMonth() + 1); day.setUTCDate(0); }
  return day.toISOString().slice(0, 10);
}

async function loadEvents(s, period) {
  const range = period ? { start: period, end: periodEnd(period, s.freq) } : { start: s.start, end: s.end };
  clear(eventsBox).append(el("p", { class: "loading" }, "loading events…"));
  try {
    const page = await api("/api/events", { dyad: s.dyad, ...range, order: "desc", limit: 100 });
    const caption = `${page.total} events${period ? ` in the period of ${period}` : ""}${page.total > page.count ? `, the latest ${page.count} shown` : ""}`;
    clear(eventsBox).append(
      eventTable(page.events, (event) => openEvent(articlePanel, event.id), { caption }),
      el("p", {}, el("a", { href: `events.html#dyad=${encodeURIComponent(s.dyad)}` }, "all events of this dyad, with filters and downloads")),
    );
  } catch (error) {
    showError(eventsBox, error);
  }
}

navigation();
const initial = readHash();
for (const key of ["freq", "start", "end"]) if (initial[key]) form.elements[key].value = initial[key];
form.addEventListener("change", load);
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
fillDyads(initial.dyad).then(load).catch((error) => showError(chartBox, error));
