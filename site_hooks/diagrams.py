"""Put a diagram on a page: a hand-written SVG from `docs/assets/diagrams/`.

A comment starting at the left margin of a line of its own, outside any fence,

    <!-- diagram: thread-life-cycle -->

becomes a figure holding `docs/assets/diagrams/thread-life-cycle.svg` inline, so that
it takes the site's colours. The chapter notebooks show the same drawing as an image
(`notebook_images`). Each SVG says what it shows in its own `<title>` and `<desc>`,
which are its text alternative on the page and in the notebook.

The sources carry no colours: they name a few classes (`dg-box`, `dg-alert`, ...), and
`with_palette` adds the style that colours them. Stand-alone, in a notebook, the
drawing follows the reader's light or dark setting; on the site, Material's own
switch, which sets `data-md-color-scheme` on the page, takes precedence.

Writing one (tests/test_diagrams.py holds every diagram to this):

- `<svg class="diagram" role="img" width="W" height="H" viewBox="0 0 W H"
  aria-labelledby="NAME-title NAME-desc">`, then `<title id="NAME-title">` and
  `<desc id="NAME-desc">`: the desc says in words all that the picture shows;
- a `<rect class="dg-paper">` the size of the picture first, so that it stays readable
  on any background;
- colours only through the classes of `RULES` (no `fill=`, `stroke=` or `style=`), and
  every id starting with the diagram's name, since a page may hold several;
- facts as CPython has them, in the words of the chapter that shows the diagram.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_hooks.markdown_vocabulary import fenced_lines, iter_fences, source_location

DIAGRAMS_DIR = "assets/diagrams"  # relative to docs/
MARKER = re.compile(r"^<!--[ \t]*diagram:[ \t]*(?P<name>[\w-]+)[ \t]*-->[ \t]*$")
TITLE = re.compile(r"<title\b[^>]*>(?P<text>.*?)</title>", re.DOTALL)
DESC = re.compile(r"<desc\b[^>]*>(?P<text>.*?)</desc>", re.DOTALL)
SVG_OPEN = re.compile(r"<svg\b[^>]*>")

# One palette in both schemes: ink and paper, a tint for boxes, and three colours that
# mean the same in every diagram (a thread at work, a thread that waits, what it gets).
LIGHT = {
    "ink": "#1f2328",
    "muted": "#545b64",
    "paper": "#ffffff",
    "box": "#eef0f8",
    "accent": "#3949ab",
    "alert": "#b3243f",
    "alert-tint": "#fbe4e8",
    "go": "#2b6e2f",
    "go-tint": "#e3f1e3",
}
DARK = {
    "ink": "#e4e6eb",
    "muted": "#aab0ba",
    "paper": "#1e2029",
    "box": "#2c3040",
    "accent": "#9fa8ff",
    "alert": "#f28d9d",
    "alert-tint": "#4a2229",
    "go": "#8fd18f",
    "go-tint": "#1f3a22",
}
RULES = """\
.diagram { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 14px; max-width: 100%; height: auto; }
.diagram .dg-paper { fill: var(--dg-paper); }
.diagram text { fill: var(--dg-ink); }
.diagram .dg-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas,
  monospace; font-size: 13px; }
.diagram .dg-small { font-size: 12px; }
.diagram .dg-bold { font-weight: 700; }
.diagram text.dg-muted { fill: var(--dg-muted); }
.diagram text.dg-accent { fill: var(--dg-accent); }
.diagram text.dg-alert { fill: var(--dg-alert); }
.diagram text.dg-go { fill: var(--dg-go); }
.diagram .dg-box { fill: var(--dg-box); stroke: var(--dg-ink); stroke-width: 1.2; }
.diagram .dg-box.dg-alert { fill: var(--dg-alert-tint); stroke: var(--dg-alert); }
.diagram .dg-box.dg-go { fill: var(--dg-go-tint); stroke: var(--dg-go); }
.diagram .dg-box.dg-accent { stroke: var(--dg-accent); }
.diagram .dg-line { fill: none; stroke: var(--dg-ink); stroke-width: 1.5; }
.diagram .dg-line.dg-accent { stroke: var(--dg-accent); }
.diagram .dg-line.dg-alert { stroke: var(--dg-alert); }
.diagram .dg-line.dg-go { stroke: var(--dg-go); }
.diagram .dg-line.dg-muted { stroke: var(--dg-muted); }
.diagram .dg-dashed { stroke-dasharray: 5 4; }
.diagram .dg-head { fill: var(--dg-ink); }
.diagram .dg-head.dg-accent { fill: var(--dg-accent); }
.diagram .dg-head.dg-alert { fill: var(--dg-alert); }
.diagram .dg-head.dg-go { fill: var(--dg-go); }
.diagram .dg-bar.dg-accent { fill: var(--dg-accent); }
.diagram .dg-bar.dg-alert { fill: var(--dg-alert-tint); stroke: var(--dg-alert); }
.diagram .dg-bar.dg-muted { fill: var(--dg-muted); }
"""


def _variables(colours: dict[str, str], paper: str | None = None) -> str:
    values = {**colours, **({"paper": paper} if paper else {})}
    return " ".join(f"--dg-{name}: {value};" for name, value in values.items())


def palette_css() -> str:
    """The style each diagram carries: the reader's setting, then the site's switch."""
    site_paper = "var(--md-default-bg-color)"
    return (
        f".diagram {{ {_variables(LIGHT)} }}\n"
        f"@media (prefers-color-scheme: dark) {{ .diagram {{ {_variables(DARK)} }} }}\n"
        f'[data-md-color-scheme="default"] .diagram {{ {_variables(LIGHT, site_paper)} }}\n'
        f'[data-md-color-scheme="slate"] .diagram {{ {_variables(DARK, site_paper)} }}\n'
        + RULES
    )


def diagram_path(docs_dir: str | Path, name: str) -> Path:
    return Path(docs_dir, DIAGRAMS_DIR, f"{name}.svg")


def with_palette(svg: str) -> str:
    """The SVG with its style inside, on lines without blank ones, so that Markdown
    passes it through whole."""
    opening = SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("no <svg> element")
    style = f"<style>\n{palette_css()}</style>"
    whole = svg[: opening.end()] + "\n" + style + svg[opening.end() :]
    return "\n".join(line for line in whole.strip().split("\n") if line.strip())


def text_alternative(svg: str) -> tuple[str, str]:
    """The diagram's title and description, as plain text on one line each."""
    found = TITLE.search(svg), DESC.search(svg)
    if not all(found):
        raise ValueError("an SVG diagram needs a <title> and a <desc>")
    return tuple(" ".join(html.unescape(match["text"]).split()) for match in found)


def load_diagram(docs_dir: str | Path, name: str) -> str:
    """The diagram's SVG as pages and notebooks show it. ValueError if it is missing or
    has no text alternative."""
    path = diagram_path(docs_dir, name)
    if not path.is_file():
        raise ValueError(f"no diagram {path.name} in docs/{DIAGRAMS_DIR}/")
    svg = path.read_text(encoding="utf-8")
    text_alternative(svg)
    if 'role="img"' not in SVG_OPEN.search(svg or "")[0]:
        raise ValueError(f'{path.name}: its <svg> needs role="img"')
    return with_palette(svg)


def figure_html(svg: str) -> str:
    # Left out of search: its labels, out of their picture, would only be noise there.
    return f'<figure class="diagram-figure" data-search-exclude>\n{svg}\n</figure>'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.split("\n")
    in_fences = fenced_lines(list(iter_fences(lines)))  # markers shown as code stay code
    for index, line in enumerate(lines):
        marker = None if index in in_fences else MARKER.match(line)
        if marker:
            try:
                svg = load_diagram(config.docs_dir, marker["name"])
            except ValueError as problem:
                where = source_location(page, config, lines, index)
                raise PluginError(f"{where}: {problem}") from None
            lines[index] = "\n" + figure_html(svg) + "\n"
    return "\n".join(lines)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The sources stay out of the site: every page holds its diagrams inline."""
    for file in list(files):
        if file.src_uri.startswith(DIAGRAMS_DIR + "/"):
            files.remove(file)
    return files
