// Thread timelines: one lane per thread, showing when it was runnable, sleeping or
// waiting, and when it printed. The data format is in README.md beside this file.
//
//   import { renderTimeline } from "…/assets/timeline/timeline.js";
//   renderTimeline(container, data);
//
// On every page, each `<div class="thread-timeline">` holding its data (a `data-timeline`
// attribute, or a `<script type="application/json">` child) is drawn on load.

const SVG_NS = "http://www.w3.org/2000/svg";
const LANE_HEIGHT = 30;
const BAR_TOP = 10; // above the bar: room for the print ticks
const BAR_HEIGHT = 14;
const AXIS_HEIGHT = 26;
const MIN_MARK_WIDTH = 1; // px: a span too short to see still leaves a mark
const LABEL_FONT_PX = 12;
const LABEL_CHAR_PX = 6; // a generous average width of a character in a bar's label

/** The states a span can be in, and what the legend says of each. */
export const STATES = {
  running: "runnable: running, or ready to run as soon as it gets the GIL",
  sleeping: "sleeping: in time.sleep()",
  waiting: "waiting: blocked on a lock, a queue, an event, a join()…",
};

const PAD = 16; // px left and right of the plot, so the axis labels at the ends fit
const MAX_SVG_WIDTH = 60000; // px: how far zooming in may stretch the picture
const MIN_WINDOW_MS = 0.05; // zoomed all the way in, the screen shows this much

let instances = 0;
const observers = new WeakMap(); // container -> the ResizeObserver that redraws it

/** Draw `data` into `container`, replacing what it holds. Redraws when it resizes. */
export function renderTimeline(container, data) {
  const timeline = normalized(data);
  const id = `tl${++instances}`;
  container.classList.add("thread-timeline");
  container.dataset.timelineRendered = "true";
  container.replaceChildren();

  const zoom = zoomControls();
  const names = el("div", { class: "tl-names" });
  const scroller = el("div", { class: "tl-scroll" });
  const chart = el("div", { class: "tl-chart" });
  chart.append(names, scroller);
  const tooltip = el("div", { class: "tl-tooltip", "aria-hidden": "true", hidden: "" });
  const hint = el("p", { class: "tl-hint" });
  hint.textContent =
    "Point at a bar, or tab into the timeline and use the arrow keys, for details; " +
    "+ and − zoom.";
  container.append(zoom.root, chart, tooltip, legend(id), hint, tables(timeline));
  const cut = truncationNote(data, timeline.end);
  if (cut) container.prepend(cut);

  // The keyboard's way in: the first moment of the first thread that has any.
  const firstLane = Math.max(0, timeline.lanes.findIndex((lane) => lane.items.length));
  const view = { factor: 1, focused: { lane: firstLane, index: 0 }, width: 0, plot: null };
  const left = labelWidth(timeline.lanes);
  names.style.width = `${left}px`;
  names.append(namesSvg(timeline.lanes, left));

  const maxFactor = () => {
    const screen = Math.max(scroller.clientWidth - 2 * PAD, 1);
    return Math.max(1, Math.min(timeline.end / MIN_WINDOW_MS, MAX_SVG_WIDTH / screen));
  };
  const draw = (keepTime) => {
    const width = Math.max(160, Math.floor(scroller.clientWidth));
    const hadFocus = chart.contains(document.activeElement);
    view.width = width;
    view.plot = plotSvg(timeline, id, width, view, container, tooltip);
    scroller.replaceChildren(view.plot.svg);
    if (keepTime !== undefined) {
      scroller.scrollLeft = view.plot.x(keepTime) - scroller.clientWidth / 2;
    }
    if (hadFocus) itemElement(view.plot.svg, view.focused)?.focus({ preventScroll: true });
    zoom.update(view.factor, maxFactor(), timeline.end);
  };
  const centerTime = () => {
    const node = chart.contains(document.activeElement) ? document.activeElement : null;
    const item = node?.dataset?.lane ? itemOf(timeline, node) : null;
    if (item) return item.at;
    return view.plot.t(scroller.scrollLeft + scroller.clientWidth / 2);
  };
  const setFactor = (factor) => {
    const clamped = Math.min(Math.max(factor, 1), maxFactor());
    if (clamped === view.factor) return;
    const at = centerTime();
    view.factor = clamped;
    draw(at);
  };
  zoom.onZoom((change) => setFactor(change ? view.factor * change : 1));
  chart.addEventListener("keydown", (event) => {
    if (event.key === "+" || event.key === "=") setFactor(view.factor * 2);
    else if (event.key === "-" || event.key === "_") setFactor(view.factor / 2);
    else return;
    event.preventDefault();
  });

  draw();
  observers.get(container)?.disconnect(); // drawn again: the old picture is gone
  if (typeof ResizeObserver === "function") {
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (Math.floor(scroller.clientWidth) !== view.width) draw(centerTime());
      });
    });
    observer.observe(scroller);
    observers.set(container, observer);
  }
  return container;
}

function zoomControls() {
  const root = el("div", { class: "tl-zoom" });
  const buttons = [
    ["Zoom in", 2],
    ["Zoom out", 0.5],
    ["Whole run", 0],
  ].map(([label, change]) => {
    const button = el("button", { type: "button", class: "tl-button" });
    button.textContent = label;
    button.dataset.change = change;
    return button;
  });
  const status = el("span", { class: "tl-zoom-status", "aria-live": "polite" });
  root.append(...buttons, status);
  return {
    root,
    onZoom(handler) {
      for (const button of buttons) {
        button.addEventListener("click", () => {
          if (button.getAttribute("aria-disabled") !== "true") {
            handler(Number(button.dataset.change));
          }
        });
      }
    },
    update(factor, maxFactor, end) {
      const [zoomIn, zoomOut, whole] = buttons;
      zoomIn.setAttribute("aria-disabled", String(factor >= maxFactor));
      zoomOut.setAttribute("aria-disabled", String(factor <= 1));
      whole.setAttribute("aria-disabled", String(factor <= 1));
      status.textContent =
        factor <= 1
          ? `The whole run: ${ms(end)}.`
          : `Zoomed in ×${Math.round(factor)}: ${ms(end / factor)} across; ` +
            "scroll sideways for the rest.";
    },
  };
}

// A run that did too much to draw whole was recorded up to a point: say so first.
function truncationNote(data, end) {
  const cut = data.truncated;
  if (!cut || typeof cut !== "object") return null;
  const note = el("p", { class: "tl-note" });
  const runEnd = Number(cut.runEnd);
  const whole = Number.isFinite(runEnd) && runEnd > end ? ` of ${ms(runEnd)}` : "";
  const records = Number.isFinite(Number(cut.records)) ? `${cut.records} ` : "";
  note.textContent =
    `Only the first ${ms(end)}${whole} of the run: recording stopped after ` +
    `${records}waits, sleeps and prints.`;
  return note;
}

// --- data -------------------------------------------------------------------------

function normalized(data) {
  if (!data || !Array.isArray(data.threads) || !Array.isArray(data.spans)) {
    throw new TypeError("timeline data needs `threads` and `spans` arrays");
  }
  const prints = Array.isArray(data.prints) ? data.prints : [];
  // A loop, not Math.max(...spans): a long run has more spans than a call has room for.
  let lastMoment = 0;
  for (const span of data.spans) lastMoment = Math.max(lastMoment, span.to);
  for (const print of prints) lastMoment = Math.max(lastMoment, print.t);
  const end = Number.isFinite(data.end) && data.end > 0 ? data.end : lastMoment || 1;
  const lanes = data.threads.map((thread) => ({
    thread,
    spans: [],
    prints: [],
    items: [],
    totals: { running: 0, sleeping: 0, waiting: 0 },
  }));
  const byId = new Map(lanes.map((lane) => [lane.thread.id, lane]));
  for (const span of data.spans) {
    const lane = byId.get(span.thread);
    if (!lane || !(span.state in STATES)) continue;
    lane.spans.push(span);
    lane.totals[span.state] += span.to - span.from;
  }
  for (const print of prints) byId.get(print.thread)?.prints.push(print);
  for (const lane of lanes) {
    lane.spans.sort((a, b) => a.from - b.from);
    // Keyboard order: by time, a print after the span it happened in.
    lane.items = [
      ...lane.spans.map((span) => ({ kind: "span", at: span.from, span })),
      ...lane.prints.map((print) => ({ kind: "print", at: print.t, print })),
    ].sort((a, b) => a.at - b.at || (a.kind === "span" ? -1 : 1));
  }
  return { lanes, end };
}

function decimals(value) {
  const abs = Math.abs(value);
  return abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
}

/** "12.3 ms": three significant digits or so, of `value` or of `scale` if given. */
function ms(value, scale = value) {
  return `${value.toFixed(decimals(scale))} ms`;
}

/** What happened, without who: "waiting 12 ms on Lock.acquire() at main.py:12". */
function what(item, { withTime = true } = {}) {
  if (item.kind === "print") {
    const at = withTime ? ` at ${ms(item.print.t)}` : "";
    return `printed “${item.print.text}”${at}`;
  }
  const { span } = item;
  const duration = span.to - span.from;
  const length = ms(duration);
  const when = withTime ? `, from ${ms(span.from, duration)} to ${ms(span.to, duration)}` : "";
  if (span.state === "running") return `runnable ${length}${when}`;
  const preposition = span.state === "sleeping" ? "in" : "on";
  const on = span.on ? ` ${preposition} ${span.on}` : "";
  const gaveUp = span.timeout ? ", then gave up: the timeout passed" : "";
  return `${span.state} ${length}${on}${gaveUp}${when}`;
}

function describe(lane, item) {
  return `${lane.thread.name}: ${what(item)}`;
}

function laneSummary(lane) {
  const { running, sleeping, waiting } = lane.totals;
  const prints = lane.prints.length;
  return (
    `${lane.thread.name}: runnable ${ms(running)}, sleeping ${ms(sleeping)}, ` +
    `waiting ${ms(waiting)}, ${prints} ${prints === 1 ? "print" : "prints"}`
  );
}

// --- the picture ------------------------------------------------------------------

function el(name, attrs = {}, ns = null) {
  const node = ns ? document.createElementNS(ns, name) : document.createElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

const svgEl = (name, attrs) => el(name, attrs, SVG_NS);

function labelWidth(lanes) {
  const longest = Math.max(...lanes.map((lane) => lane.thread.name.length), 4);
  return Math.round(Math.min(Math.max(64, longest * LABEL_FONT_PX * 0.6 + 16), 220));
}

function namesSvg(lanes, width) {
  const height = lanes.length * LANE_HEIGHT + AXIS_HEIGHT;
  const root = svgEl("svg", { class: "tl-svg", width, height, "aria-hidden": "true" });
  lanes.forEach((lane, laneIndex) => {
    const name = svgEl("text", {
      class: "tl-name",
      x: width - 8,
      y: laneIndex * LANE_HEIGHT + BAR_TOP + BAR_HEIGHT / 2,
      "text-anchor": "end",
      "dominant-baseline": "central",
    });
    name.textContent = fitted(lane.thread.name, width - 12);
    root.append(name);
  });
  return root;
}

function plotSvg(timeline, id, screenWidth, view, container, tooltip) {
  const { lanes, end } = timeline;
  const plot = (screenWidth - 2 * PAD) * view.factor;
  const width = plot + 2 * PAD;
  const height = lanes.length * LANE_HEIGHT + AXIS_HEIGHT;
  const x = (t) => PAD + (Math.min(Math.max(t, 0), end) / end) * plot;
  const t = (px) => Math.min(Math.max(((px - PAD) / plot) * end, 0), end);

  const root = svgEl("svg", {
    class: "tl-svg tl-plot",
    width,
    height,
    role: "group",
    tabindex: -1, // Chrome would make it a tab stop of its own, beside its items
    "aria-label":
      `Timeline of ${lanes.length} threads over ${ms(end)}. ` +
      "Arrow keys move between moments; up and down change thread.",
  });
  root.append(patterns(id), axis(end, x, lanes.length * LANE_HEIGHT, plot));

  // What the eye sees: waits and sleeps, then the runnable stretches between them on
  // top, so that even the shortest still shows as a line.
  const bars = svgEl("g", { class: "tl-bars", "aria-hidden": "true" });
  lanes.forEach((lane, laneIndex) => {
    const top = laneIndex * LANE_HEIGHT;
    const running = lane.spans.filter((span) => span.state === "running");
    const others = lane.spans.filter((span) => span.state !== "running");
    for (const span of [...others, ...running]) bars.append(bar(span, x, top, id));
  });
  root.append(bars);

  // What a pointer, a keyboard and a screen reader reach: one list per thread, its
  // moments in order of time.
  lanes.forEach((lane, laneIndex) => {
    const top = laneIndex * LANE_HEIGHT;
    const group = svgEl("g", { class: "tl-lane", role: "list", "aria-label": laneSummary(lane) });
    lane.items.forEach((item, index) => {
      const node =
        item.kind === "span" ? target(item.span, x, top) : printMark(item.print, x, top);
      node.setAttribute("role", "listitem");
      node.setAttribute("aria-label", describe(lane, item));
      const isFocused = view.focused.lane === laneIndex && view.focused.index === index;
      node.setAttribute("tabindex", isFocused ? "0" : "-1");
      node.dataset.lane = laneIndex;
      node.dataset.index = index;
      group.append(node);
    });
    root.append(group);
  });

  const show = (node) => {
    root.querySelector(".tl-current")?.classList.remove("tl-current");
    if (!node) {
      tooltip.hidden = true;
      return;
    }
    node.classList.add("tl-current");
    tooltip.textContent = describe(lanes[node.dataset.lane], itemOf(timeline, node));
    tooltip.hidden = false;
    placeTooltip(tooltip, node, container, Number(node.dataset.lane) === 0);
  };

  root.addEventListener("pointermove", (event) => {
    const box = root.getBoundingClientRect();
    show(itemAt(root, lanes, x, event.clientX - box.left, event.clientY - box.top));
  });
  root.addEventListener("pointerleave", () => {
    show(root.contains(document.activeElement) ? document.activeElement : null);
  });
  root.addEventListener("focusin", (event) => {
    const node = event.target;
    if (!node.dataset?.lane) return;
    root.querySelector('[tabindex="0"]')?.setAttribute("tabindex", "-1");
    node.setAttribute("tabindex", "0");
    view.focused = { lane: Number(node.dataset.lane), index: Number(node.dataset.index) };
    show(node);
  });
  root.addEventListener("focusout", (event) => {
    if (!root.contains(event.relatedTarget)) show(null);
  });
  root.addEventListener("keydown", (event) => {
    const next = nextItem(lanes, view.focused, event.key);
    if (!next) return;
    event.preventDefault();
    const node = itemElement(root, next);
    node?.focus({ preventScroll: true });
    if (node) scrollIntoSight(node, root.parentElement);
  });
  return { svg: root, x, t };
}

function itemOf(timeline, node) {
  return timeline.lanes[node.dataset.lane]?.items[node.dataset.index];
}

function placeTooltip(tooltip, node, container, below) {
  const mark = node.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  const center = Math.min(Math.max(mark.left + mark.width / 2 - box.left, 0), box.width);
  tooltip.style.left = `${center}px`;
  tooltip.style.top = `${(below ? mark.bottom : mark.top) - box.top}px`;
  // Near an edge, the tooltip grows away from it instead of past it.
  const shift = center > box.width * 0.7 ? "-100%" : center < box.width * 0.3 ? "0%" : "-50%";
  tooltip.style.setProperty("--tl-shift-x", shift);
  tooltip.style.setProperty("--tl-shift-y", below ? "0.4em" : "calc(-100% - 0.4em)");
}

function scrollIntoSight(node, scroller) {
  const mark = node.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (mark.left < box.left) scroller.scrollLeft -= box.left - mark.left + PAD;
  else if (mark.right > box.right) scroller.scrollLeft += mark.right - box.right + PAD;
}

function spanBox(span, x, top) {
  const from = x(span.from);
  const width = Math.max(x(span.to) - from, MIN_MARK_WIDTH);
  return { x: from, y: top + BAR_TOP, width, height: BAR_HEIGHT };
}

function bar(span, x, top, id) {
  const box = spanBox(span, x, top);
  const rect = svgEl("rect", { class: `tl-bar tl-${span.state}`, ...box });
  if (span.state === "running") return rect;
  rect.setAttribute("fill", `url(#${id}-${span.state})`);
  if (box.width >= 4) rect.classList.add("tl-separated");
  // Inside a bar wide enough for it, the call it waited in, or at least its state:
  // told in words, not by colour alone.
  const call = span.on?.split(/ (?:at|in) /)[0];
  const word = [call && span.timeout ? `${call}: timed out` : call, span.state].find(
    (text) => text && text.length * LABEL_CHAR_PX + 8 <= box.width,
  );
  if (!word) return rect;
  const group = svgEl("g");
  const text = svgEl("text", {
    class: "tl-bar-label",
    x: box.x + 4,
    y: box.y + BAR_HEIGHT / 2,
    "dominant-baseline": "central",
  });
  text.textContent = word;
  group.append(rect, text);
  return group;
}

function target(span, x, top) {
  return svgEl("rect", { class: `tl-target tl-target-${span.state}`, ...spanBox(span, x, top) });
}

function printMark(print, x, top) {
  const at = x(print.t);
  return svgEl("path", {
    class: "tl-print",
    d: `M ${at - 4} ${top + 1} L ${at + 4} ${top + 1} L ${at} ${top + BAR_TOP - 1} Z`,
  });
}

function patterns(id) {
  const defs = svgEl("defs");
  const sleeping = svgEl("pattern", {
    id: `${id}-sleeping`,
    width: 6,
    height: 6,
    patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)",
  });
  sleeping.append(
    svgEl("rect", { class: "tl-fill-sleeping", width: 6, height: 6 }),
    svgEl("rect", { class: "tl-ink-sleeping", width: 2, height: 6 }),
  );
  const waiting = svgEl("pattern", {
    id: `${id}-waiting`,
    width: 5,
    height: 5,
    patternUnits: "userSpaceOnUse",
  });
  waiting.append(
    svgEl("rect", { class: "tl-fill-waiting", width: 5, height: 5 }),
    svgEl("circle", { class: "tl-ink-waiting", cx: 2.5, cy: 2.5, r: 1.1 }),
  );
  defs.append(sleeping, waiting);
  return defs;
}

function niceStep(range, count) {
  const raw = range / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw);
  return step || 10 * power;
}

function axis(end, x, lanesHeight, plot) {
  const group = svgEl("g", { class: "tl-axis", "aria-hidden": "true" });
  const step = niceStep(end, Math.floor(plot / 80));
  for (let t = 0; t <= end + step * 1e-9; t += step) {
    const at = x(t);
    group.append(
      svgEl("line", { class: "tl-grid", x1: at, x2: at, y1: 0, y2: lanesHeight + 4 }),
    );
    const label = svgEl("text", {
      class: "tl-tick",
      x: at,
      y: lanesHeight + 16,
      "text-anchor": "middle",
    });
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    label.textContent = `${t.toFixed(decimals)} ms`;
    group.append(label);
  }
  return group;
}

function fitted(name, room) {
  const fits = Math.floor(room / (LABEL_FONT_PX * 0.6));
  return name.length <= fits ? name : `${name.slice(0, Math.max(fits - 1, 1))}…`;
}

// --- pointing and keys ------------------------------------------------------------

function itemElement(root, { lane, index }) {
  return root.querySelector(`[data-lane="${lane}"][data-index="${index}"]`);
}

function itemAt(root, lanes, x, px, py) {
  const laneIndex = Math.floor(py / LANE_HEIGHT);
  const lane = lanes[laneIndex];
  if (!lane || !lane.items.length) return null;
  const top = laneIndex * LANE_HEIGHT;
  const distance = (item) => {
    if (item.kind === "print") return Math.abs(x(item.print.t) - px);
    const from = x(item.span.from);
    const to = Math.max(x(item.span.to), from + MIN_MARK_WIDTH);
    return px < from ? from - px : px > to ? px - to : 0;
  };
  let best = -1;
  let bestScore = Infinity;
  lane.items.forEach((item, index) => {
    if ((py - top < BAR_TOP) !== (item.kind === "print")) return; // ticks above bars
    // Under the pointer, the narrowest wins: a one-pixel mark is hard enough to hit.
    const width = item.kind === "span" ? x(item.span.to) - x(item.span.from) : 0;
    const score = distance(item) + Math.min(width, 1000) / 1e4;
    if (score < bestScore) [best, bestScore] = [index, score];
  });
  if (best < 0 || bestScore > 8) return null;
  return itemElement(root, { lane: laneIndex, index: best });
}

function nextItem(lanes, { lane, index }, key) {
  const items = lanes[lane]?.items ?? [];
  switch (key) {
    case "ArrowRight":
      return index + 1 < items.length ? { lane, index: index + 1 } : null;
    case "ArrowLeft":
      return index > 0 ? { lane, index: index - 1 } : null;
    case "PageDown":
      return { lane, index: Math.min(index + 10, items.length - 1) };
    case "PageUp":
      return { lane, index: Math.max(index - 10, 0) };
    case "Home":
      return { lane, index: 0 };
    case "End":
      return { lane, index: items.length - 1 };
    case "ArrowUp":
    case "ArrowDown": {
      const other = lane + (key === "ArrowUp" ? -1 : 1);
      if (!lanes[other]?.items.length) return null;
      const at = items[index]?.at ?? 0;
      const target = lanes[other].items;
      let best = 0;
      target.forEach((item, i) => {
        if (Math.abs(item.at - at) < Math.abs(target[best].at - at)) best = i;
      });
      // The span that covers this moment, rather than the one that starts nearest.
      const covering = target.findIndex(
        (item) => item.kind === "span" && item.span.from <= at && at < item.span.to,
      );
      return { lane: other, index: covering >= 0 ? covering : best };
    }
    default:
      return null;
  }
}

// --- legend and tables ------------------------------------------------------------

function legend(id) {
  const list = el("ul", { class: "tl-legend", "aria-label": "Legend" });
  for (const [state, text] of Object.entries(STATES)) {
    const swatch = svgEl("svg", {
      class: "tl-swatch",
      width: 24,
      height: 12,
      "aria-hidden": "true",
    });
    const sample = svgEl("rect", { class: `tl-bar tl-${state}`, width: 24, height: 12 });
    if (state !== "running") sample.setAttribute("fill", `url(#${id}-${state})`);
    swatch.append(sample);
    const item = el("li");
    item.append(swatch, document.createTextNode(` ${text}`));
    list.append(item);
  }
  const printed = el("li");
  const tick = svgEl("svg", { class: "tl-swatch", width: 24, height: 12, "aria-hidden": "true" });
  tick.append(svgEl("path", { class: "tl-print", d: "M 8 1 L 16 1 L 12 10 Z" }));
  printed.append(tick, document.createTextNode(" the thread printed a line"));
  list.append(printed);
  return list;
}

function cell(tag, text, attrs = {}) {
  const node = el(tag, attrs);
  node.textContent = text;
  return node;
}

function table(caption, headings, rows) {
  const node = el("table");
  node.append(cell("caption", caption));
  const head = el("tr");
  headings.forEach((h) => head.append(cell("th", h, { scope: "col" })));
  node.append(el("thead"));
  node.tHead.append(head);
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr");
    row.forEach((value, i) => tr.append(cell(i === 0 ? "th" : "td", value, i === 0 ? { scope: "row" } : {})));
    body.append(tr);
  }
  node.append(body);
  return node;
}

// Built when first opened: a long run has thousands of rows nobody asked for yet.
function tables(timeline) {
  const details = el("details", { class: "tl-tables" });
  details.append(cell("summary", "The timeline as a table"));
  details.addEventListener("toggle", () => {
    if (details.open && details.children.length === 1) details.append(...tableNodes(timeline));
  });
  return details;
}

function tableNodes({ lanes }) {
  const nodes = [];
  nodes.push(
    table(
      "Time per thread",
      ["Thread", "Runnable", "Sleeping", "Waiting", "Prints"],
      lanes.map((lane) => [
        lane.thread.name,
        ms(lane.totals.running),
        ms(lane.totals.sleeping),
        ms(lane.totals.waiting),
        String(lane.prints.length),
      ]),
    ),
  );
  const moments = [];
  for (const lane of lanes) {
    const name = lane.thread.name;
    const spans = lane.spans;
    if (spans.length) {
      moments.push([spans[0].from, name, "starts"]);
      moments.push([spans[spans.length - 1].to, name, "ends"]);
    }
    for (const item of lane.items) {
      if (item.kind === "span" && item.span.state === "running") continue;
      moments.push([item.at, name, what(item, { withTime: false })]);
    }
  }
  moments.sort((a, b) => a[0] - b[0]);
  nodes.push(
    table(
      "Moments, in order (runnable in between)",
      ["Time", "Thread", "What"],
      moments.map(([at, name, what]) => [ms(at), name, what]),
    ),
  );
  return nodes;
}

// --- every timeline on the page ---------------------------------------------------

function timelineData(container) {
  if (container.dataset.timeline) return JSON.parse(container.dataset.timeline);
  const script = container.querySelector('script[type="application/json"]');
  return script ? JSON.parse(script.textContent) : null;
}

export function renderAll(root = document) {
  for (const container of root.querySelectorAll(
    ".thread-timeline:not([data-timeline-rendered])",
  )) {
    const data = timelineData(container);
    if (data) renderTimeline(container, data);
  }
}

// Material's instant navigation swaps the page without a load: `document$` tells.
if (window.document$?.subscribe) window.document$.subscribe(() => renderAll());
else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => renderAll());
} else renderAll();
