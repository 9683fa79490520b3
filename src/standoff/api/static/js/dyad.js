// The dyad view: pick a dyad, see its tension index with alert markers and its events; click an
// event to read it in its article.
import { api, clear, el, eventPanel, eventTable, navigation, readHash, showError, writeHash } from "./common.js";
import { drawDyadChart } from "./chart.js";

const form = document.getElementById("controls");
const picker = document.getElementById("dyad");
const chartBox = document.getElementById("chart");
const alertList = document.getElementById("alerts");
const eventsBox = document.getElementById("events");
const rangeNote = document.getElementById("range");
const title = document.getElementById("chart-title");
let fullRange = readHash().range === "all";
let loads = 0;

function state() {
  return {
    dyad: picker.value,
    freq: form.elements.freq.value,
    since: form.elements.since.value,
    until: form.elements.until.value,
    range: fullRange ? "all" : "",
  };
}

// The first and last period where the dyad's events are. At either end, events that stand apart
// (a gap after them longer than the span of all the others) and are at most a quarter of all the
// events are left out: one event from 1975 would squeeze the years that matter into a sliver.
function busySpan(periods) {
  const totals = periods.map((p) => p.events || 0);
  const busy = totals.flatMap((n, i) => (n ? [i] : []));
  if (busy.length < 2) return [0, periods.length - 1];
  const allowed = totals.reduce((a, b) => a + b, 0) / 4;
  let [lo, hi, left] = [0, busy.length - 1, 0];
  while (lo < hi && busy[lo + 1] - busy[lo] > busy[hi] - busy[lo + 1] && left + totals[busy[lo]] <= allowed) left += totals[busy[lo++]];
  while (lo < hi && busy[hi] - busy[hi - 1] > busy[hi - 1] - busy[lo] && left + totals[busy[hi]] <= allowed) left += totals[busy[hi--]];
  return [busy[lo], busy[hi]];
}

// Without dates of its own, the chart shows the busy span; the full range is one click away.
// Returns the periods to draw and what to say about them.
function shownPeriods(periods, s) {
  const note = [];
  if (s.since || s.until || !periods.length) return [periods, note];
  const [first, last] = busySpan(periods);
  const all = periods.length;
  const toggle = (label, full) => el("button", { type: "button", class: "link", id: full ? "full-range" : "busy-range",
    onclick: () => { fullRange = full; load(); } }, label);
  if (fullRange) {
    if (first > 0 || last < all - 1) note.push(`All ${all} periods, ${periods[0].period} to ${periods[all - 1].period}. `, toggle("Show where most events are", false));
    return [periods, note];
  }
  if (first === 0 && last === all - 1) return [periods, note];
  const left = periods.slice(0, first).concat(periods.slice(last + 1)).reduce((n, p) => n + (p.events || 0), 0);
  note.push(`${periods[first].period} to ${periods[last].period}, where the dyad's events are; ${left} earlier or later ${left === 1 ? "event is" : "events are"} left out. `,
    toggle(`Show the full range (${periods[0].period} to ${periods[all - 1].period})`, true));
  return [periods.slice(first, last + 1), note];
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
  const mine = ++loads;  // a later load (another dyad picked meanwhile) makes this one's answers stale
  try {
    const series = await api("/api/series", { dyad: s.dyad, freq: s.freq, since: s.since, until: s.until });
    const [shown, note] = shownPeriods(series.periods, s);
    const [first, last] = shown.length ? [shown[0].period, periodEnd(shown[shown.length - 1].period, s.freq)] : [undefined, undefined];
    const { alerts } = await api("/api/alerts", { dyad: s.dyad, freq: s.freq, since: s.since || first, until: s.until || last });
    if (mine !== loads) return;
    drawDyadChart(chartBox, shown, alerts, { onPeriod: (period) => loadEvents(s, period) });
    rangeNote.replaceChildren(...note);
    showAlerts(alerts, s);
    await loadEvents(s);
  } catch (error) {
    if (mine === loads) showError(chartBox, error);
  } finally {
    if (mine === loads) chartBox.removeAttribute("aria-busy");
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
  const range = period ? { since: period, until: periodEnd(period, s.freq) } : { since: s.since, until: s.until };
  clear(eventsBox).append(el("p", { class: "loading" }, "loading events…"));
  try {
    const page = await api("/api/events", { dyad: s.dyad, ...range, order: "desc", limit: 100 });
    const caption = `${page.total} events${period ? ` in the period of ${period}` : ""}${page.total > page.count ? `, the latest ${page.count} shown` : ""}`;
    clear(eventsBox).append(
      eventTable(page.events, (event) => openEvent(event.id), { caption }),
      el("p", {}, el("a", { href: `events.html#dyad=${encodeURIComponent(s.dyad)}` }, "all events of this dyad, with filters and downloads")),
    );
  } catch (error) {
    showError(eventsBox, error);
  }
}

navigation();
const openEvent = eventPanel(document.getElementById("article"));
const initial = readHash();
for (const key of ["freq", "since", "until"]) if (initial[key]) form.elements[key].value = initial[key];
picker.addEventListener("change", () => { fullRange = false; });  // a new dyad starts where its events are
form.addEventListener("change", load);
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
fillDyads(initial.dyad).then(load).catch((error) => showError(chartBox, error));
