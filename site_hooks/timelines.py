"""Show who ran when: a timeline recorded from a real run of a snippet.

A comment in a page, starting at the left margin of a line of its own,

    <!-- timeline: race_conditions/lost_update.py -->

or, with a few sentences on what to look for (Markdown, shown above the picture),

    <!-- timeline: race_conditions/lost_update.py
    Zoom in on the four depositors: ...
    -->

becomes a figure: the timeline JSON that `timeline/record.py` recorded from a
run of that snippet on the Python that builds the site, drawn in the browser by
`assets/timeline/timeline.js`. Where JavaScript is off, the page shows a still picture
of the same recording (`timeline_image`); so do the chapter notebooks, under the prose
(`notebook_images`). On GitHub the comment shows nothing, prose included. The format is
described in `timeline/README.md`.

Recordings are cached by the snippet's content, the recorder's and the Python version,
so `mkdocs serve` rebuilds stay fast. A run differs from the next in its timings, so
the cache is what keeps a rebuild from redrawing every picture.
"""

from __future__ import annotations

import hashlib
import html
import json
import platform
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown import markdown as markdown_to_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site_hooks.markdown_vocabulary import (
    fenced_lines,
    iter_fences,
    snippet_bases,
    source_location,
)
from site_hooks.timeline_image import WIDTH, text_alternative, timeline_svg

MARKER = re.compile(
    r"^<!--[ \t]*timeline:[ \t]*(?P<snippet>[^\s>]+?)"
    r"(?:[ \t]*(?P<close>-->)[ \t]*|[ \t]+(?P<prose>.*)|[ \t]*)$"
)
RECORDER = Path(__file__).resolve().parents[1] / "timeline" / "record.py"
NAMING = RECORDER.with_name("naming.py")  # what the recorder names waits with
CACHE_DIR = ".cache/timelines"  # relative to mkdocs.yml
STILL_DIR = "assets/timelines"  # in the site: the still pictures (`still_picture`)
RECORD_TIMEOUT = 120  # seconds; every snippet is a short program


@dataclass(frozen=True)
class Marker:
    """A timeline marker: its first and last line, the snippet, the prose."""

    first: int
    last: int
    snippet: str
    prose: str


def find_markers(lines: list[str]) -> Iterator[Marker]:
    """The timeline markers among these lines, outside fences. A ValueError names the
    index of a marker that never closes."""
    in_fences = fenced_lines(list(iter_fences(lines)))  # markers shown as code stay code
    index = 0
    while index < len(lines):
        marker = None if index in in_fences else MARKER.match(lines[index])
        if not marker:
            index += 1
            continue
        first = index
        # The prose runs on to the line that closes the comment.
        prose = [marker["prose"] or ""]
        while not marker["close"] and not prose[-1].rstrip().endswith("-->"):
            index += 1
            if index == len(lines):
                raise ValueError(first)
            prose.append(lines[index])
        text = "\n".join(prose).rstrip().removesuffix("-->")
        yield Marker(first, index, marker["snippet"], textwrap.dedent(text).strip())
        index += 1


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    lines = markdown.split("\n")
    out: list[str] = []
    done = 0  # the lines before this one are in `out` already
    try:
        for marker in find_markers(lines):
            out.extend(lines[done : marker.first])
            where = source_location(page, config, lines, marker.first)
            data = timeline_of(marker.snippet, config, where)
            still = still_picture(marker.snippet, data, config, page)
            out.append("\n" + figure_html(marker.snippet, data, marker.prose, still) + "\n")
            done = marker.last + 1
    except ValueError as unclosed:
        where = source_location(page, config, lines, unclosed.args[0])
        raise PluginError(f"{where}: timeline marker without its closing -->") from None
    return "\n".join(out + lines[done:])


def timeline_of(snippet: str, config: MkDocsConfig, where: str = "") -> dict:
    """The recorded timeline of a snippet named as a marker names it (relative to
    `snippets/`); the chapter notebooks draw theirs from the same recording."""
    root = Path(config.config_file_path).parent
    snippets = snippet_bases(config)[0]  # the first base path: the snippets' own folder
    path = snippets / snippet
    if not path.is_file():
        raise PluginError(
            f"{where}: timeline of {snippet}: no such snippet in "
            f"{snippets.relative_to(root)}/"
        )
    return recorded_timeline(path, root / CACHE_DIR, where)


def recorded_timeline(snippet: Path, cache_dir: Path, where: str = "") -> dict:
    """The timeline of one run of the snippet, from the cache or from a new run."""
    key = hashlib.sha256(
        snippet.read_bytes() + RECORDER.read_bytes() + NAMING.read_bytes() + sys.version.encode()
    ).hexdigest()[:16]
    name = f"{snippet.parent.name}-{snippet.stem}"
    cached = cache_dir / f"{name}.{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    try:
        result = subprocess.run(
            [sys.executable, str(RECORDER), str(snippet)],
            cwd=snippet.parent,
            capture_output=True,
            text=True,
            timeout=RECORD_TIMEOUT,
        )
    except subprocess.TimeoutExpired as error:
        raise PluginError(
            f"{where}: {snippet.name} was still running after {RECORD_TIMEOUT} s"
        ) from error
    if result.returncode != 0:
        raise PluginError(
            f"{where}: recording {snippet.name} failed (exit status "
            f"{result.returncode}):\n{result.stderr[-3000:]}"
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{name}.*.json"):  # recordings of older versions
        stale.unlink()
    cached.write_text(result.stdout, encoding="utf-8")
    return json.loads(result.stdout)


def still_picture(snippet: str, data: dict, config: MkDocsConfig, page: Page) -> str:
    """The URL, relative to the page, of the still picture of the timeline, which the
    build writes into the site: what a reader without JavaScript sees in its place."""
    svg = timeline_svg(data, Path(snippet).name)
    digest = hashlib.sha256(svg.encode()).hexdigest()[:8]
    name = f"{STILL_DIR}/{Path(snippet).parent.name}-{Path(snippet).stem}.{digest}.svg"
    path = Path(config.site_dir, name)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    return get_relative_url(name, page.url)


def figure_html(snippet: str, data: dict, prose: str = "", still: str = "") -> str:
    """The figure, on lines without blank ones, so Markdown passes it through whole.
    `still` is the URL of the still picture, shown where JavaScript is off."""
    # `<` escaped, so that no text in the JSON can close the script element.
    payload = json.dumps(data, separators=(",", ":")).replace("<", "\\u003c")
    # What to look for comes first, then the picture; Markdown without blank lines.
    what_to_see = markdown_to_html(prose).replace("\n\n", "\n") if prose else ""
    where_from = markdown_to_html(provenance(snippet)).removeprefix("<p>")
    return (
        f'<figure class="thread-timeline-figure">\n'
        f'<figcaption>{what_to_see}<p class="tl-provenance">{where_from}'
        f"</figcaption>\n"
        f'<div class="thread-timeline" data-snippet="{html.escape(snippet)}" '
        f"data-search-exclude>"
        f'<script type="application/json">{payload}</script>'
        f"<noscript>{_without_script(snippet, data, still)}</noscript></div>\n"
        f"</figure>"
    )


def _without_script(snippet: str, data: dict, still: str) -> str:
    if not still:
        return "<p>This picture of the run, thread by thread, needs JavaScript.</p>"
    alt = html.escape(text_alternative(data, Path(snippet).name))
    return (
        "<p>A still picture of the run; with JavaScript, a timeline to zoom into and "
        f'explore.</p><img src="{html.escape(still)}" alt="{alt}" width="{WIDTH}">'
    )


def provenance(snippet: str) -> str:
    """Where the run comes from, in Markdown: the same words on the page and in the
    notebook."""
    version = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f"Recorded from a real run of `{Path(snippet).name}` on {version} when this "
        "site was built; timings differ from run to run."
    )
