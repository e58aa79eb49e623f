// Progressive enhancement only: every control works as a plain link or form without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a filter swap started from a link (a chip, "clear all"), the clicked element is gone:
  // move focus to the results heading so keyboard and screen-reader users keep their place.
  const target = event.detail.target;
  if (target && target.id === "timeline-panel" && !document.activeElement?.closest("form")) {
    const heading = document.getElementById("results-heading");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
});
