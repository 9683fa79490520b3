// The event filters, shared by the event table and the map: the same controls send the same
// query parameters to /api/events and /api/places.
import { api, el } from "./common.js";

export const FILTERS = ["dyad", "actor", "country", "root", "plover", "quad", "modality", "since", "until", "q", "origin"];

const any = () => el("option", { value: "" }, "any");

// Fill an empty <form> with the filter controls and their Show and Clear buttons.
export function buildFilters(form) {
  const field = (label, control) => el("label", {}, label, " ", control);
  form.append(
    field("Dyad", el("input", { name: "dyad", placeholder: "USA-PRK or USA->PRK", maxlength: 40 })),
    field("Actor", el("input", { name: "actor", placeholder: "PRK or RUSGOV", maxlength: 40 })),
    field("Country", el("input", { name: "country", placeholder: "USA", maxlength: 3 })),
    field("CAMEO root", el("select", { name: "root" }, any())),
    field("PLOVER", el("select", { name: "plover" }, any())),
    field("QuadClass", el("select", { name: "quad" }, any())),
    field("Modality", el("select", { name: "modality" }, any())),
    field("From", el("input", { type: "date", name: "since" })),
    field("To", el("input", { type: "date", name: "until" })),
    field("Text", el("input", { name: "q", placeholder: "words in the sentence", maxlength: 200 })),
    field("Origin", el("select", { name: "origin" }, any(), ...["standoff", "gdelt", "keds", "plover"].map((o) => el("option", {}, o)))),
    el("span", { class: "buttons" }, el("button", { type: "submit" }, "Show"), " ", el("button", { type: "reset" }, "Clear")),
  );
}

// The choices that come from the server: CAMEO roots, PLOVER types, QuadClasses, modalities.
export async function fillVocabulary(form) {
  const vocabulary = await api("/api/vocabulary");
  form.elements.root.append(...vocabulary.roots.map((r) => el("option", { value: r.code }, `${r.code} ${r.name}`)));
  form.elements.plover.append(...vocabulary.plover.map((p) => el("option", { value: p.name }, p.name)));
  form.elements.quad.append(...Object.entries(vocabulary.quad_classes).map(([q, name]) => el("option", { value: q }, `${q} ${name}`)));
  form.elements.modality.append(...vocabulary.modalities.map((m) => el("option", { value: m }, m)));
}

// The filters that are set, as query parameters.
export function readFilters(form) {
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]).filter(([, v]) => v));
}

export function setFilters(form, values) {
  for (const name of FILTERS) form.elements[name].value = values[name] || "";
}
