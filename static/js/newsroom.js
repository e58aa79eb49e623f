// Progressive enhancement only: every control works as a plain link or form without this file.
document.documentElement.classList.add("js");

const PANELS = ["timeline-results", "quotes-panel"];

// Phones: the filters wait behind a button so the events come first. The open or closed
// state lives on <html>, so it outlasts the panel being swapped by a filter change.
const root = document.documentElement;
function syncFilterButtons() {
  const open = root.dataset.filters === "open";
  for (const button of document.querySelectorAll(".filters-button")) {
    button.setAttribute("aria-expanded", String(open));
  }
}
document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".filters-button");
  if (!button) return;
  root.dataset.filters = root.dataset.filters === "open" ? "closed" : "open";
  syncFilterButtons();
  if (root.dataset.filters === "open") {
    document.getElementById(button.getAttribute("aria-controls"))?.querySelector("input")?.focus();
  }
});
document.addEventListener("DOMContentLoaded", syncFilterButtons);

// Leave empty fields out of the pushed URL: "?actor=kim" rather than "?q=&from=&to=&actor=kim".
document.addEventListener("htmx:configRequest", (event) => {
  const params = event.detail.parameters;
  if (!params || event.detail.verb !== "get") return;
  for (const key of Array.from(new Set(Object.keys(params)))) {
    if (params[key] === "") delete params[key];
  }
});

// The search box asks as the reader types; its "change" on leaving the box must not ask again
// through the form. (Stopped here rather than by an hx-trigger filter, which htmx would eval:
// the Content-Security-Policy allows no eval.)
document.addEventListener(
  "change",
  (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") {
      event.stopPropagation();
    }
  },
  true,
);

// Enter in a filter's text field fires "change" (which asks for the results) and then submits
// the form, which would ask again and push a second history entry: Back would seem to do
// nothing. A submission right after a field's change is that same request; let it go.
let lastFieldChange = { form: null, at: 0 };
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLInputElement && field.type !== "checkbox" && field.form) {
    lastFieldChange = { form: field.form, at: performance.now() };
  }
});
document.addEventListener(
  "submit",
  (event) => {
    const sameRequest =
      event.target === lastFieldChange.form && performance.now() - lastFieldChange.at < 250;
    if (sameRequest && event.target.hasAttribute("hx-get")) {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  true,
);

document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  if (!target || !PANELS.includes(target.id)) return;
  syncFilterButtons();
  const heading = document.getElementById("results-heading");
  // Say what changed, once, through the page's polite live region (the swapped panel's own
  // text is new to assistive technology and would not be announced).
  const status = document.getElementById("announce");
  if (status && heading) status.textContent = heading.textContent.trim().replace(/\s+/g, " ");
  // After a swap started from a link (a chip, "clear all", a page), the clicked element is
  // gone: move focus to the results heading so keyboard users keep their place. Form controls
  // keep their focus (htmx restores it by id).
  if (heading && !document.activeElement?.closest("form")) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
});

// "Show all" replaces itself with the longer list: keyboard focus goes to the first value it
// revealed rather than back to the top of the page.
document.addEventListener("htmx:afterSettle", (event) => {
  const selector = event.detail.requestConfig?.elt?.dataset?.focus;
  if (selector) document.querySelector(selector)?.focus();
});

// An event opened from a filtered timeline carries the filter in its address, so that its
// "← Timeline" leads back to it. Done here, once a page of cards arrives, rather than in every
// card's markup: the links work as plain links without it.
function keepFiltersOnEventLinks() {
  const query = window.location.search;
  for (const link of document.querySelectorAll(".event-title a, .sources-body > a")) {
    const url = new URL(link.href, window.location.href);
    if (url.search !== query && /\/events\/\d+\/$/.test(url.pathname)) {
      url.search = query;
      link.href = url.pathname + url.search;
    }
  }
}
document.addEventListener("DOMContentLoaded", keepFiltersOnEventLinks);
document.addEventListener("htmx:afterSettle", (event) => {
  keepFiltersOnEventLinks();
  // The results changed: the overview follows the filter they show.
  if (event.detail.target?.id === "timeline-results") document.body.dispatchEvent(new Event("filters-changed"));
});
