"""The still picture of a timeline that the notebooks show, and the pages where
JavaScript is off: one drawing of the recorded data, the very recording the page draws."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ElementTree
from html import unescape as html_unescape
from pathlib import Path

import nbformat
import pytest

from site_hooks.timeline_image import LANE_HEIGHT, WIDTH, text_alternative, timeline_svg

from .snippet_files import DOCS_DIR

SVG_NS = "{http://www.w3.org/2000/svg}"
TIMELINE_MARKER = re.compile(r"^<!--[ \t]*timeline:[ \t]*(?P<snippet>[^\s>]+?)(?:\s|-->)", re.M)

DATA = {
    "threads": [{"id": 1, "name": "MainThread"}, {"id": 2, "name": "Thread-1 (work)"}],
    "spans": [
        {"thread": 1, "from": 0, "to": 2, "state": "running"},
        {"thread": 1, "from": 2, "to": 9, "state": "waiting", "on": "Thread.join() at a.py:9"},
        {"thread": 1, "from": 9, "to": 10, "state": "running"},
        {"thread": 2, "from": 1, "to": 3, "state": "running"},
        {"thread": 2, "from": 3, "to": 8, "state": "sleeping",
         "on": "time.sleep(0.005) at a.py:4"},
        {"thread": 2, "from": 8, "to": 8.5, "state": "running"},
    ],
    "prints": [{"thread": 2, "t": 8.2, "text": "done"}, {"thread": 1, "t": 9.5, "text": "ok"}],
    "end": 10,
}


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def test_one_bar_per_span_and_one_tick_per_print() -> None:
    root = parsed(timeline_svg(DATA, "a.py"))
    plot = root.find(f"{SVG_NS}g")
    spans = [r for r in plot.iter(f"{SVG_NS}rect") if r.get("height") == "14"]
    assert len(spans) == len(DATA["spans"])
    ticks = [p for p in plot.iter(f"{SVG_NS}path") if p.get("class") == "print"]
    assert len(ticks) == len(DATA["prints"]) + 1  # and the legend's sample
    names = [t.text for t in plot.iter(f"{SVG_NS}text") if t.get("class") == "name"]
    assert names == ["MainThread", "Thread-1 (work)"]


def test_bars_are_placed_on_the_time_axis() -> None:
    root = parsed(timeline_svg(DATA, "a.py"))
    spans = [r for r in root.iter(f"{SVG_NS}rect") if r.get("height") == "14"]
    lefts = sorted({float(r.get("x")) for r in spans})
    # 0, 1, 2, 3, 8, 9 ms: evenly scaled, the same scale for every lane.
    origin, scale = lefts[0], (lefts[1] - lefts[0])
    assert [round((x - origin) / scale, 6) for x in lefts] == [0, 1, 2, 3, 8, 9]
    ends = [float(r.get("x")) + float(r.get("width")) for r in spans]
    assert round((max(ends) - origin) / scale, 6) == 10  # the end of the run
    assert max(ends) <= WIDTH
    lanes = sorted({float(r.get("y")) for r in spans})
    assert lanes[1] - lanes[0] == LANE_HEIGHT


def test_a_wide_bar_names_its_call_and_state_in_words() -> None:
    svg = timeline_svg(DATA, "a.py")
    labels = re.findall(r'<text class="bar-label"[^>]*>([^<]*)</text>', svg)
    assert labels == ["Thread.join()", "time.sleep(0.005)"]
    timed_out = {**DATA, "spans": [{**DATA["spans"][1], "timeout": True}]}
    assert "Thread.join(): timed out</text>" in timeline_svg(timed_out, "a.py")


def test_the_text_alternative_gives_each_thread_its_totals() -> None:
    assert text_alternative(DATA, "a.py") == (
        "Timeline of a run of a.py: 2 threads over 10.0 ms. "
        "MainThread: runnable 3.00 ms, sleeping 0.000 ms, waiting 7.00 ms, 1 print; "
        "Thread-1 (work): runnable 2.50 ms, sleeping 5.00 ms, waiting 0.000 ms, 1 print."
    )
    root = parsed(timeline_svg(DATA, "a.py"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG_NS}title").text == text_alternative(DATA, "a.py")


def test_a_cut_recording_says_so_above_the_lanes() -> None:
    cut = {**DATA, "truncated": {"records": 5000, "runEnd": 812.4}}
    svg = timeline_svg(cut, "a.py")
    assert "Only the first 10.0 ms of 812 ms of the run: recording stopped after 5000 " in svg
    assert "Only the first" not in timeline_svg(DATA, "a.py")


def test_dark_and_light() -> None:
    svg = timeline_svg(DATA, "a.py")
    assert "@media (prefers-color-scheme: dark)" in svg
    assert '<rect class="paper"' in svg, "its own background, readable on any page"


# --- the built notebooks -------------------------------------------------------------


def recorded_timeline(site: Path, stem: str, snippet: str) -> dict:
    """The timeline JSON that the build put in the page."""
    html = (site / stem / "index.html").read_text(encoding="utf-8")
    payload = re.search(
        rf'data-snippet="{re.escape(snippet)}"[^>]*><script type="application/json">(.*?)</script>',
        html,
    )
    assert payload, f"no timeline of {snippet} on {stem}/"
    return json.loads(payload[1])


def timelines_on_pages() -> list[tuple[str, str]]:
    return [
        (page.stem, marker["snippet"])
        for page in sorted(DOCS_DIR.glob("*.md"))
        for marker in TIMELINE_MARKER.finditer(page.read_text(encoding="utf-8"))
    ]


def test_some_pages_have_timelines() -> None:
    assert len(timelines_on_pages()) >= 3


@pytest.mark.parametrize(("stem", "snippet"), timelines_on_pages())
def test_the_notebook_shows_the_pages_timeline(stem: str, snippet: str, built_site: Path) -> None:
    data = recorded_timeline(built_site, stem, snippet)
    notebook = nbformat.read(built_site / "notebooks" / stem / f"{stem}.ipynb", as_version=4)
    name = f"timeline-{Path(snippet).parent.name}-{Path(snippet).stem}.svg"
    cells = [cell for cell in notebook.cells if name in cell.get("attachments", {})]
    assert len(cells) == 1, f"the {stem} notebook has no picture of {snippet}'s timeline"
    svg = base64.b64decode(cells[0].attachments[name]["image/svg+xml"]).decode()
    # The very recording the page draws, drawn once more.
    assert svg == timeline_svg(data, Path(snippet).name)
    alt = text_alternative(data, Path(snippet).name).replace("[", r"\[").replace("]", r"\]")
    assert f"![{alt}](attachment:{name})" in cells[0].source
    assert f"Recorded from a real run of `{Path(snippet).name}`" in cells[0].source
    assert "<!-- timeline:" not in cells[0].source


@pytest.mark.parametrize(("stem", "snippet"), timelines_on_pages())
def test_the_page_shows_it_where_javascript_is_off(
    stem: str, snippet: str, built_site: Path
) -> None:
    html = (built_site / stem / "index.html").read_text(encoding="utf-8")
    data = recorded_timeline(built_site, stem, snippet)
    figure = re.search(
        rf'data-snippet="{re.escape(snippet)}".*?<noscript>(?P<inside>.*?)</noscript>', html
    )
    assert figure, f"{stem}/: no <noscript> in the timeline of {snippet}"
    image = re.search(r'<img src="(?P<src>[^"]+)" alt="(?P<alt>[^"]+)"', figure["inside"])
    assert image, figure["inside"]
    still = (built_site / stem / image["src"]).resolve()
    assert still.read_text(encoding="utf-8") == timeline_svg(data, Path(snippet).name)
    assert html_unescape(image["alt"]) == text_alternative(data, Path(snippet).name)
