"""A recorded timeline as a still SVG image, for the chapter notebooks.

On the site, `timeline/timeline.js` draws each timeline in the browser, with zoom,
tooltips and keyboard navigation. A notebook runs no script of the site's, so it shows
this picture of the same data instead: the same lanes, bars, patterns, print ticks and
axis, at the scale of the whole run (timeline/README.md has the format). The sizes and
colours are those of timeline.js and timeline.css, and so is the text alternative:
each thread's time runnable, sleeping and waiting, and its prints.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import escape

LANE_HEIGHT = 30
BAR_TOP = 10  # above the bar: room for the print ticks
BAR_HEIGHT = 14
AXIS_HEIGHT = 26
MIN_MARK_WIDTH = 1  # px: a span too short to see still leaves a mark
LABEL_FONT_PX = 12
LABEL_CHAR_PX = 6  # a generous average width of a character in a bar's label
PAD = 16
WIDTH = 760  # the whole picture: names, then the plot
LEGEND_HEIGHT = 44
NOTE_HEIGHT = 22

STATES = {
    "running": "runnable: running, or ready to run as soon as it gets the GIL",
    "sleeping": "sleeping: in time.sleep()",
    "waiting": "waiting: blocked on a lock, a queue, an event, a join()…",
}

# timeline.css, light then dark: Paul Tol's colour-blind-safe scheme.
LIGHT = {
    "running": "#4477aa", "sleeping": "#f3e6a3", "sleeping-ink": "#8a6d00",
    "waiting": "#f6c6cd", "waiting-ink": "#b3243f", "muted": "#5f5f5f",
    "ink": "#1f2328", "paper": "#ffffff", "grid": "#e0e0e0", "tick": "#757575",
}
DARK = {
    "running": "#77aadd", "sleeping": "#57501f", "sleeping-ink": "#e6d57a",
    "waiting": "#5c2631", "waiting-ink": "#f28d9d", "muted": "#aab0ba",
    "ink": "#e4e6eb", "paper": "#1e2029", "grid": "#3a3d48", "tick": "#aab0ba",
}
RULES = """\
svg { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.paper { fill: var(--paper); }
text { fill: var(--ink); }
.name { font-size: 12px; }
.tick { fill: var(--muted); font-size: 11px; }
.note { font-size: 12px; font-weight: 700; }
.legend { font-size: 12px; }
.grid { stroke: var(--grid); stroke-width: 1; }
.running { fill: var(--running); }
.separated { stroke: var(--paper); stroke-width: 1px; }
.fill-sleeping { fill: var(--sleeping); }
.ink-sleeping { fill: var(--sleeping-ink); }
.fill-waiting { fill: var(--waiting); }
.ink-waiting { fill: var(--waiting-ink); }
.bar-label { font-size: 10px; paint-order: stroke; stroke: var(--paper); stroke-width: 3px;
  stroke-linejoin: round; }
.print { fill: var(--muted); }
"""


def _style() -> str:
    def variables(colours: dict[str, str]) -> str:
        return " ".join(f"--{name}: {value};" for name, value in colours.items())

    return (
        f"svg {{ {variables(LIGHT)} }}\n"
        f"@media (prefers-color-scheme: dark) {{ svg {{ {variables(DARK)} }} }}\n" + RULES
    )


# --- the data, as timeline.js reads it ----------------------------------------------


@dataclass
class Lane:
    thread: dict
    spans: list[dict] = field(default_factory=list)
    prints: list[dict] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STATES, 0.0))


def lanes_and_end(data: dict) -> tuple[list[Lane], float]:
    """One lane per thread, in order, and the right edge of the time axis (`normalized`
    in timeline.js)."""
    prints = data.get("prints") or []
    last = max([s["to"] for s in data["spans"]] + [p["t"] for p in prints] + [0])
    end = data.get("end")
    end = end if isinstance(end, (int, float)) and end > 0 else (last or 1)
    lanes = [Lane(thread) for thread in data["threads"]]
    by_id = {lane.thread["id"]: lane for lane in lanes}
    for span in data["spans"]:
        lane = by_id.get(span["thread"])
        if lane is None or span["state"] not in STATES:
            continue
        lane.spans.append(span)
        lane.totals[span["state"]] += span["to"] - span["from"]
    for print_ in prints:
        if print_["thread"] in by_id:
            by_id[print_["thread"]].prints.append(print_)
    for lane in lanes:
        lane.spans.sort(key=lambda span: span["from"])
    return lanes, end


def _decimals(value: float) -> int:
    value = abs(value)
    return 0 if value >= 100 else 1 if value >= 10 else 2 if value >= 1 else 3


def ms(value: float) -> str:
    return f"{value:.{_decimals(value)}f} ms"


def lane_summary(lane: Lane) -> str:
    totals, count = lane.totals, len(lane.prints)
    return (
        f"{lane.thread['name']}: runnable {ms(totals['running'])}, sleeping "
        f"{ms(totals['sleeping'])}, waiting {ms(totals['waiting'])}, "
        f"{count} {'print' if count == 1 else 'prints'}"
    )


def text_alternative(data: dict, snippet: str) -> str:
    """What the picture shows, in words: the run's length and each thread's totals."""
    lanes, end = lanes_and_end(data)
    summaries = "; ".join(lane_summary(lane) for lane in lanes)
    return f"Timeline of a run of {snippet}: {len(lanes)} threads over {ms(end)}. {summaries}."


# --- the picture ----------------------------------------------------------------------


def _label_width(lanes: list[Lane]) -> int:
    longest = max([len(lane.thread["name"]) for lane in lanes] + [4])
    return round(min(max(64, longest * LABEL_FONT_PX * 0.6 + 16), 220))


def _fitted(name: str, room: float) -> str:
    fits = math.floor(room / (LABEL_FONT_PX * 0.6))
    return name if len(name) <= fits else name[: max(fits - 1, 1)] + "…"


def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next((f * power for f in (1, 2, 5, 10) if f * power >= raw), 10 * power)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _bar(span: dict, x, top: float) -> str:
    start = x(span["from"])
    width = max(x(span["to"]) - start, MIN_MARK_WIDTH)
    box = (
        f'x="{_number(start)}" y="{top + BAR_TOP}" width="{_number(width)}" '
        f'height="{BAR_HEIGHT}"'
    )
    state = span["state"]
    if state == "running":
        return f'<rect class="running" {box}/>'
    separated = ' class="separated"' if width >= 4 else ""
    rect = f'<rect{separated} fill="url(#{state})" {box}/>'
    # Inside a bar wide enough for it, the call it waited in, or at least its state.
    call = re.split(r" (?:at|in) ", span.get("on") or "")[0]
    if call and span.get("timeout"):
        call = f"{call}: timed out"
    word = next(
        (t for t in (call, state) if t and len(t) * LABEL_CHAR_PX + 8 <= width), None
    )
    if word is None:
        return rect
    label_y = top + BAR_TOP + BAR_HEIGHT / 2
    return (
        f'{rect}<text class="bar-label" x="{_number(start + 4)}" y="{label_y}" '
        f'dominant-baseline="central">{escape(word)}</text>'
    )


def _patterns() -> str:
    return (
        '<defs><pattern id="sleeping" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect class="fill-sleeping" width="6" height="6"/>'
        '<rect class="ink-sleeping" width="2" height="6"/></pattern>'
        '<pattern id="waiting" width="5" height="5" patternUnits="userSpaceOnUse">'
        '<rect class="fill-waiting" width="5" height="5"/>'
        '<circle class="ink-waiting" cx="2.5" cy="2.5" r="1.1"/></pattern></defs>'
    )


def _legend(top: float) -> list[str]:
    parts, left, row = [], PAD, 0
    entries = [(state, text) for state, text in STATES.items()]
    entries.append(("print", "the thread printed a line"))
    for state, text in entries:
        room = 32 + len(text) * 6.4
        if left + room > WIDTH - PAD:
            left, row = PAD, row + 1
        y = top + row * 20
        if state == "print":
            parts.append(f'<path class="print" d="M {left + 8} {y + 1} L {left + 16} {y + 1} '
                         f'L {left + 12} {y + 10} Z"/>')
        else:
            fill = 'class="running"' if state == "running" else f'fill="url(#{state})"'
            parts.append(f'<rect {fill} x="{left}" y="{y}" width="24" height="12"/>')
        parts.append(f'<text class="legend" x="{left + 30}" y="{y + 10}">{escape(text)}</text>')
        left += room
    return parts


def timeline_svg(data: dict, snippet: str) -> str:
    """The whole run as one SVG document, readable in light and dark."""
    lanes, end = lanes_and_end(data)
    names = _label_width(lanes)
    plot = WIDTH - names - 2 * PAD
    cut = data.get("truncated")
    note = NOTE_HEIGHT if isinstance(cut, dict) else 0
    lanes_height = len(lanes) * LANE_HEIGHT
    height = note + lanes_height + AXIS_HEIGHT + LEGEND_HEIGHT

    def x(t: float) -> float:
        return names + PAD + min(max(t, 0), end) / end * plot

    title = escape(text_alternative(data, snippet))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="title">',
        f'<title id="title">{title}</title>',
        f"<style>\n{_style()}</style>",
        _patterns(),
        f'<rect class="paper" width="{WIDTH}" height="{height}"/>',
    ]
    if note:
        run_end = cut.get("runEnd")
        whole = f" of {ms(run_end)}" if isinstance(run_end, (int, float)) and run_end > end else ""
        records = f"{cut['records']} " if isinstance(cut.get("records"), int) else ""
        parts.append(
            f'<text class="note" x="{PAD}" y="15">Only the first {ms(end)}{whole} of the '
            f"run: recording stopped after {records}waits, sleeps and prints.</text>"
        )
    parts.append(f'<g transform="translate(0 {note})">')
    step = _nice_step(end, math.floor(plot / 80))
    decimals = max(0, -math.floor(math.log10(step)))
    for index in range(math.floor(end / step + 1e-9) + 1):
        at = _number(x(index * step))
        parts.append(f'<line class="grid" x1="{at}" x2="{at}" y1="0" y2="{lanes_height + 4}"/>')
        parts.append(
            f'<text class="tick" x="{at}" y="{lanes_height + 16}" text-anchor="middle">'
            f"{index * step:.{decimals}f} ms</text>"
        )
    for index, lane in enumerate(lanes):
        top = index * LANE_HEIGHT
        parts.append(
            f'<text class="name" x="{names - 8}" y="{top + BAR_TOP + BAR_HEIGHT / 2}" '
            f'text-anchor="end" dominant-baseline="central">'
            f"{escape(_fitted(lane.thread['name'], names - 12))}</text>"
        )
        # Waits and sleeps first, then the runnable stretches on top, as timeline.js.
        ordered = [s for s in lane.spans if s["state"] != "running"]
        ordered += [s for s in lane.spans if s["state"] == "running"]
        parts.extend(_bar(span, x, top) for span in ordered)
        for print_ in lane.prints:
            at = x(print_["t"])
            parts.append(
                f'<path class="print" d="M {_number(at - 4)} {top + 1} L {_number(at + 4)} '
                f'{top + 1} L {_number(at)} {top + BAR_TOP - 1} Z"/>'
            )
    parts.extend(_legend(lanes_height + AXIS_HEIGHT + 6))
    parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)
