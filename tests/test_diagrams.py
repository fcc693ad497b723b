"""The diagrams of docs/assets/diagrams/: each one well formed, with a text alternative,
coloured only through the palette, on its page, and in that page's notebook."""

from __future__ import annotations

import base64
import re
import textwrap
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from mkdocs.exceptions import PluginError

from site_hooks import diagrams

from .snippet_files import DOCS_DIR

SVG_NS = "{http://www.w3.org/2000/svg}"
SOURCES = sorted((DOCS_DIR / diagrams.DIAGRAMS_DIR).glob("*.svg"))
NAMES = [path.stem for path in SOURCES]
MARKER_LINE = re.compile(r"^<!--[ \t]*diagram:[ \t]*(?P<name>[\w-]+)[ \t]*-->[ \t]*$", re.M)


def pages_with(name: str) -> list[str]:
    """The pages of docs/ whose Markdown places the diagram."""
    return [
        page.name
        for page in sorted(DOCS_DIR.glob("*.md"))
        if name in MARKER_LINE.findall(page.read_text(encoding="utf-8"))
    ]


def test_there_are_diagrams() -> None:
    # The seven pictures the chapters call for, at least.
    assert len(SOURCES) >= 7, [path.name for path in SOURCES]


@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_a_diagram_is_an_svg_image_with_a_text_alternative(source: Path) -> None:
    root = ElementTree.fromstring(source.read_text(encoding="utf-8"))
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("role") == "img"
    assert root.get("class") == "diagram", "the palette colours only `.diagram`"
    title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
    assert title is not None and desc is not None, "a <title> and a <desc> come first"
    assert len(title.text.split()) >= 3 and len(desc.text.split()) >= 30
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    width, height = root.get("width"), root.get("height")
    assert width and root.get("viewBox") == f"0 0 {width} {height}", "drawn at its own size"


def test_ids_are_unique_across_diagrams() -> None:
    """Two diagrams inline on one page share one id space."""
    ids = Counter()
    for source in SOURCES:
        for element in ElementTree.fromstring(source.read_text(encoding="utf-8")).iter():
            if element.get("id"):
                ids[element.get("id")] += 1
                assert element.get("id").startswith(source.stem + "-"), element.get("id")
    assert [name for name, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_colour_comes_from_the_palette_only(source: Path) -> None:
    """No colour written in a source, and every class it uses is one the palette
    styles: a typo would leave a shape black on a dark page."""
    text = source.read_text(encoding="utf-8")
    assert not re.search(r"\b(?:fill|stroke|color)\s*=|style\s*=|#[0-9a-f]{3,6}\b", text, re.I)
    used = {name for value in re.findall(r'class="([^"]*)"', text) for name in value.split()}
    styled = set(re.findall(r"\.([a-z][\w-]*)", diagrams.palette_css()))
    assert used <= styled, sorted(used - styled)


def test_the_palette_follows_the_reader_and_the_site_switch() -> None:
    css = diagrams.palette_css()
    # Stand-alone (a notebook), the reader's setting; on the site, Material's switch,
    # with selectors more specific than the media query's.
    assert "@media (prefers-color-scheme: dark) { .diagram {" in css
    assert '[data-md-color-scheme="default"] .diagram {' in css
    assert '[data-md-color-scheme="slate"] .diagram {' in css
    assert css.index("prefers-color-scheme") < css.index('[data-md-color-scheme="slate"]')
    assert diagrams.LIGHT.keys() == diagrams.DARK.keys()


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("palette", [diagrams.LIGHT, diagrams.DARK], ids=["light", "dark"])
def test_every_text_colour_is_readable_on_every_background(palette: dict[str, str]) -> None:
    """WCAG's 4.5:1 for text, on the paper and on each tint a label may sit on."""
    for ink in ("ink", "muted", "accent", "alert", "go"):
        for ground in ("paper", "box", "alert-tint", "go-tint"):
            lighter, darker = sorted([_luminance(palette[ink]), _luminance(palette[ground])])[::-1]
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (ink, ground)


@pytest.mark.parametrize("name", NAMES)
def test_every_diagram_is_placed_on_a_page(name: str) -> None:
    assert pages_with(name), f"no page of docs/ has <!-- diagram: {name} -->"


def test_every_marker_names_a_diagram() -> None:
    for page in sorted(DOCS_DIR.glob("*.md")):
        for name in MARKER_LINE.findall(page.read_text(encoding="utf-8")):
            assert name in NAMES, f"{page.name}: no diagram {name}.svg"


# --- the hook, on Markdown of its own ------------------------------------------------


def _page_and_config(tmp_path: Path, markdown: str):
    docs = tmp_path / "docs"
    (docs / diagrams.DIAGRAMS_DIR).mkdir(parents=True)
    for source in SOURCES:
        (docs / diagrams.DIAGRAMS_DIR / source.name).write_text(source.read_text())
    (docs / "page.md").write_text(markdown)
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(tmp_path / "mkdocs.yml"))
    source = SimpleNamespace(abs_src_path=str(docs / "page.md"), src_uri="page.md")
    return SimpleNamespace(file=source), config


def test_the_hook_puts_the_svg_inline_with_its_palette(tmp_path: Path) -> None:
    markdown = "# Title\n\nText.\n\n<!-- diagram: deadlock-cycle -->\n\nMore.\n"
    page, config = _page_and_config(tmp_path, markdown)
    html = diagrams.on_page_markdown(markdown, page, config, None)
    figure = re.search(r"<figure[^>]*>\n(?P<svg><svg.*?</svg>)\n</figure>", html, re.S)
    assert figure, html
    assert "\n\n" not in figure[0], "a blank line would end the HTML block"
    assert "<style>" in figure["svg"] and '[data-md-color-scheme="slate"]' in figure["svg"]
    assert 'aria-labelledby="deadlock-cycle-title deadlock-cycle-desc"' in figure["svg"]
    assert html.startswith("# Title\n\nText.\n") and html.endswith("\nMore.\n")


def test_a_marker_shown_as_code_stays_code(tmp_path: Path) -> None:
    markdown = textwrap.dedent("""\
        ```markdown
        <!-- diagram: deadlock-cycle -->
        ```
    """)
    page, config = _page_and_config(tmp_path, markdown)
    assert diagrams.on_page_markdown(markdown, page, config, None) == markdown


def test_a_missing_diagram_stops_the_build_with_its_line(tmp_path: Path) -> None:
    markdown = "# Title\n\n<!-- diagram: no-such-picture -->\n"
    page, config = _page_and_config(tmp_path, markdown)
    with pytest.raises(PluginError, match=r"page\.md:3: no diagram no-such-picture\.svg"):
        diagrams.on_page_markdown(markdown, page, config, None)


# --- the built site ------------------------------------------------------------------


def _inline_svgs(html: str) -> list[str]:
    figures = r'<figure class="diagram-figure"[^>]*>\n(<svg.*?</svg>)\n</figure>'
    return re.findall(figures, html, re.S)


@pytest.mark.parametrize("name", NAMES)
def test_the_built_page_shows_the_diagram(name: str, built_site: Path) -> None:
    source = DOCS_DIR / diagrams.DIAGRAMS_DIR / f"{name}.svg"
    title, _ = diagrams.text_alternative(source.read_text(encoding="utf-8"))
    for page in pages_with(name):
        html = (built_site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        shown = [svg for svg in _inline_svgs(html) if f'id="{name}-title"' in svg]
        assert len(shown) == 1, f"{page}: the diagram {name} is not on the page"
        assert f">{title}</title>" in shown[0]
        assert "<!-- diagram:" not in html


@pytest.mark.parametrize("name", NAMES)
def test_the_notebook_shows_the_diagram_with_its_text_alternative(
    name: str, built_site: Path
) -> None:
    source = (DOCS_DIR / diagrams.DIAGRAMS_DIR / f"{name}.svg").read_text()
    title, desc = diagrams.text_alternative(source)
    for page in pages_with(name):
        stem = page.removesuffix(".md")
        notebook = nbformat.read(built_site / "notebooks" / stem / f"{stem}.ipynb", as_version=4)
        nbformat.validate(notebook)
        cells = [c for c in notebook.cells if f"{name}.svg" in c.get("attachments", {})]
        assert len(cells) == 1, f"the {stem} notebook has no {name} image"
        cell = cells[0]
        assert f"](attachment:{name}.svg)" in cell.source
        assert f"![{title}. {desc}]" in cell.source, "the alt text is the title and desc"
        svg = base64.b64decode(cell.attachments[f"{name}.svg"]["image/svg+xml"]).decode()
        html = (built_site / stem / "index.html").read_text(encoding="utf-8")
        assert svg in _inline_svgs(html), "the notebook's image is the page's drawing"
        # mkdocs-jupyter's page of the notebook shows it as an image, with its alt text.
        notebook_page = (built_site / "notebooks" / stem / "index.html").read_text()
        encoded = cell.attachments[f"{name}.svg"]["image/svg+xml"]
        image = rf'<img alt="{re.escape(title)}\.[^"]*" src="data:image/svg\+xml;base64,'
        assert re.search(image + re.escape(encoded), notebook_page), f"notebooks/{stem}/"


def test_the_sources_are_not_published_apart(built_site: Path) -> None:
    """Without the page around them their colours are gone: they exist inline only."""
    assert not (built_site / diagrams.DIAGRAMS_DIR).exists()
