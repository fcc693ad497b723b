// Output where the reader looks: when a run starts, its output panel is brought into
// view, and kept there while it grows and when the run ends, the least scroll that
// shows it (block "nearest"). A panel in view already is never moved, and once the
// reader scrolls during the run the page is theirs. Smooth, unless the reader prefers
// reduced motion.

const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);
let readerScrolledAt = -Infinity;

function readerScrolls() {
  readerScrolledAt = performance.now();
}

// Only what the reader does counts, never a scroll of the page's own.
window.addEventListener("wheel", readerScrolls, { passive: true });
window.addEventListener("touchstart", readerScrolls, { passive: true });
window.addEventListener("keydown", (event) => {
  if (SCROLL_KEYS.has(event.key) && !event.target.closest?.("textarea, input, select, [contenteditable]")) readerScrolls();
});
// A press on the page's scrollbar.
window.addEventListener("pointerdown", (event) => event.target === document.documentElement && readerScrolls());

// The top of the viewport that the site's fixed header leaves free.
function visibleTop() {
  const header = document.querySelector(".md-header");
  return header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0;
}

function inView(element) {
  const box = element.getBoundingClientRect();
  return box.top >= visibleTop() - 1 && box.bottom <= innerHeight + 1;
}

export function bringIntoView(element) {
  if (element.hidden || inView(element)) return;
  const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "nearest", inline: "nearest", behavior: reduced ? "auto" : "smooth" });
}

// Follows the runs of one runner (its root's runner-started and runner-finished).
export function keepInView(root, panel) {
  let startedAt = null; // while a run goes on
  const follow = () => startedAt !== null && readerScrolledAt < startedAt && bringIntoView(panel);
  root.addEventListener("runner-started", () => {
    startedAt = performance.now();
    follow();
  });
  root.addEventListener("runner-finished", () => {
    follow();
    startedAt = null;
  });
  new ResizeObserver(follow).observe(panel);
}
