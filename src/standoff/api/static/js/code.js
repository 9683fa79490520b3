// Paste an article, see its events: POST /api/code (only on servers started with --allow-code).
import { api, clear, el, eventTable, navigation, showError, showEvent } from "./common.js";

const form = document.getElementById("paste");
const results = document.getElementById("results");
const articlePanel = document.getElementById("article");
const controls = document.getElementById("coding");
const why = document.getElementById("why");

async function run(event) {
  event.preventDefault();
  const body = { text: form.elements.text.value };
  if (form.elements.date.value) body.date = form.elements.date.value;
  if (form.elements.title.value.trim()) body.title = form.elements.title.value.trim();
  controls.disabled = true;
  clear(results).append(el("p", { class: "loading" }, "coding…"));
  try {
    const coded = await api("/api/code", {}, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
    const pick = (e) => showEvent(articlePanel, e, e.spans, coded.article);
    clear(results).append(eventTable(coded.events, pick, { caption: `${coded.events.length} events (not stored)` }));
    if (coded.events.length) results.querySelector("tbody tr").click();
    else clear(articlePanel).append(el("p", { class: "hint" }, "No events found in this text."));
  } catch (error) {
    showError(results, error);
  } finally {
    controls.disabled = false;
  }
}

// The controls stay disabled, with the reason next to them, unless the server codes text.
navigation();
form.addEventListener("submit", run);
api("/api/health").then((health) => {
  if (health.allow_code) {
    controls.disabled = false;
    why.textContent = "The text is coded, shown, and not stored.";
  } else {
    why.classList.add("off");
    why.replaceChildren("Coding is off on this server: start it with ", el("code", {}, "standoff serve --allow-code"), " to paste articles here.");
  }
}).catch((error) => {
  why.textContent = "Coding is unavailable: the server did not answer.";
  showError(results, error);
});
