"""Show who ran when: a timeline recorded from a real run of a snippet.

A line of its own in a page, at the left margin,

    <!-- timeline: race_conditions/lost_update.py -->

becomes a figure: the timeline JSON that `hooks/timeline_recorder.py` recorded from a
run of that snippet on the Python that builds the site, drawn in the browser by
`assets/timeline/timeline.js`. Outside this site the line is an HTML comment and shows
nothing. The format is described in `docs/assets/timeline/README.md`.

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
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = re.compile(r"^<!--[ \t]*timeline:[ \t]*(?P<snippet>[^ \t>]+)[ \t]*-->[ \t]*$")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
RECORDER = Path(__file__).with_name("timeline_recorder.py")
CACHE_DIR = ".cache/timelines"  # relative to mkdocs.yml
RECORD_TIMEOUT = 120  # seconds; every snippet is a short program


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    root = Path(config.config_file_path).parent
    lines = markdown.split("\n")
    in_fence = None
    for index, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence and (in_fence is None or fence[1].startswith(in_fence)):
            in_fence = None if in_fence else fence[1]
            continue
        marker = None if in_fence else MARKER.match(line)
        if not marker:
            continue
        where = _marker_location(page, root, line, index)
        snippet = marker["snippet"]
        path = _snippets_dir(config) / snippet
        if not path.is_file():
            raise PluginError(f"{where}: timeline of {snippet}: no such snippet in "
                              f"{_snippets_dir(config).relative_to(root)}/")
        data = recorded_timeline(path, root / CACHE_DIR, where)
        lines[index] = "\n" + figure_html(snippet, data) + "\n"
    return "\n".join(lines)


def recorded_timeline(snippet: Path, cache_dir: Path, where: str = "") -> dict:
    """The timeline of one run of the snippet, from the cache or from a new run."""
    key = hashlib.sha256(
        snippet.read_bytes() + RECORDER.read_bytes() + sys.version.encode()
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


def figure_html(snippet: str, data: dict) -> str:
    """The figure, on lines without blank ones, so Markdown passes it through whole."""
    name = html.escape(Path(snippet).name)
    # `<` escaped, so that no text in the JSON can close the script element.
    payload = json.dumps(data, separators=(",", ":")).replace("<", "\\u003c")
    version = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f'<figure class="thread-timeline-figure">\n'
        f'<div class="thread-timeline" data-snippet="{html.escape(snippet)}" '
        f"data-search-exclude>"
        f'<script type="application/json">{payload}</script>'
        f"<noscript><p>This picture of the run, thread by thread, needs JavaScript."
        f"</p></noscript></div>\n"
        f"<figcaption>Who ran when: recorded from a real run of <code>{name}</code> "
        f"on {version} when this site was built. Timings differ from run to run."
        f"</figcaption>\n"
        f"</figure>"
    )


def _marker_location(page: Page, root: Path, line: str, index: int) -> str:
    """`docs/page.md:LINE` of the marker, counted in the page's own file."""
    source = Path(page.file.abs_src_path or "")
    try:
        shown = source.relative_to(root).as_posix()
        number = source.read_text(encoding="utf-8").split("\n").index(line) + 1
    except (ValueError, OSError):
        shown, number = page.file.src_uri, index + 1
    return f"{shown}:{number}"


def _snippets_dir(config: MkDocsConfig) -> Path:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    base = options.get("base_path", ["."])
    base = [base] if isinstance(base, str) else base
    return Path(config.config_file_path).parent / base[0]
