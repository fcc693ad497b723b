"""The site as built by `mkdocs build --strict`: its pages are the pages of docs/ and
their notebooks, it loads nothing from another origin, has a 404 page that works at any
URL, and publishes every chapter as an executed notebook."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from mkdocs.utils.yaml import yaml_load

from site_hooks.markdown_vocabulary import (
    INCLUDE,
    nav_pages,
    without_recorded_output,
    without_section_markers,
)

from .foreign_references import SCANNERS
from .output_checks import INVARIANTS
from .snippet_files import DOCS_DIR, ROOT, all_snippets, expected_lines

CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text())
# The site is served under this path (GitHub Pages: /<repository>/).
SITE_PATH = urlsplit(CONFIG["site_url"]).path
LOCAL_LINK = re.compile(r"""\b(?:href|src)=["'](?P<url>(?!https?:|mailto:|#|data:)[^"']+)["']""")

MATERIAL_BUNDLE = "assets/javascripts/bundle.*.min.js"
# What Material's bundle loads only in a case this site never meets -> that case.
ACCEPTED_LOADS = {
    "https://unpkg.com/resize-observer-polyfill": (
        "a browser without ResizeObserver; every browser has had it since 2020"
    ),
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": (
        "a page with a Mermaid diagram; see test_no_page_has_a_mermaid_diagram"
    ),
}


def _chapters() -> list[str]:
    """Pages of the nav that include a snippet: each must have a notebook."""
    return [
        page
        for _title, page in nav_pages(CONFIG["nav"])
        if (DOCS_DIR / page).is_file() and INCLUDE.search((DOCS_DIR / page).read_text())
    ]


CHAPTERS = _chapters()


def _page_file(page: str) -> str:
    """Where the build puts a page of docs/ (`locks.md` -> `locks/index.html`)."""
    stem = page.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem}/index.html"


def test_the_pages_are_those_of_docs_and_their_notebooks(built_site: Path) -> None:
    """Nothing is lost on the way, and nothing else becomes a page (a README of the
    runner, a notebook of a page that is no chapter)."""
    pages = [p.relative_to(DOCS_DIR).as_posix() for p in DOCS_DIR.rglob("*.md")]
    expected = {_page_file(page) for page in pages}
    expected |= {f"notebooks/{_page_file(chapter)}" for chapter in CHAPTERS}
    expected.add("404.html")
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert built == expected


def test_the_404_page_works_at_any_url(built_site: Path) -> None:
    """GitHub Pages serves 404.html at whatever URL was missing, however deep: the
    page says what happened, and its links, styles and scripts are absolute paths to
    files of the site, which a relative link would miss from any other folder."""
    page = (built_site / "404.html").read_text()
    assert re.search(r"<h1[^>]*>404 - Not found</h1>", page)
    links = [match["url"] for match in LOCAL_LINK.finditer(page)]
    assert any(url.endswith(".css") for url in links) and any(url.endswith(".js") for url in links)
    relative = [url for url in links if not url.startswith(SITE_PATH)]
    assert not relative, f"relative links on the 404 page: {relative}"
    missing = []
    for url in links:
        path = urlsplit(url).path.removeprefix(SITE_PATH)
        target = built_site / path
        if not (target.is_file() or (target / "index.html").is_file()):
            missing.append(url)
    assert not missing, f"links of the 404 page to nothing: {missing}"


def test_nothing_loads_from_another_origin(built_site: Path) -> None:
    files = [path for path in sorted(built_site.rglob("*")) if path.suffix in SCANNERS]
    assert len([f for f in files if f.suffix == ".ipynb"]) == len(CHAPTERS)
    found = []
    for path in files:
        name = path.relative_to(built_site).as_posix()
        for load in SCANNERS[path.suffix](path.read_text(errors="replace")):
            if not (fnmatch.fnmatch(name, MATERIAL_BUNDLE) and load in ACCEPTED_LOADS):
                found.append(f"{name}: {load}")
    assert not found, "resources loaded from another origin:\n" + "\n".join(found)


def test_repository_link_fetches_nothing(built_site: Path) -> None:
    """Material fetches stars and forks from api.github.com for a repository link
    marked `data-md-component="source"`; overrides/partials/source.html drops it."""
    page = (built_site / "index.html").read_text()
    assert 'class="md-source"' in page
    offenders = [
        p.name for p in built_site.rglob("*.html") if 'data-md-component="source"' in p.read_text()
    ]
    assert not offenders


def test_no_page_has_a_mermaid_diagram(built_site: Path) -> None:
    """Material would load Mermaid from unpkg.com for one."""
    diagram = re.compile(r"""<(?:pre|div)\b[^>]*class=["'][^"']*\bmermaid\b""")
    offenders = [
        str(p.relative_to(built_site))
        for p in built_site.rglob("*.html")
        if diagram.search(p.read_text())
    ]
    assert not offenders


def test_there_are_chapters() -> None:
    assert CHAPTERS, "no page of the nav includes a snippet"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_is_published_as_an_executed_notebook(chapter: str, built_site: Path) -> None:
    stem = chapter.removesuffix(".md")
    notebook_file = built_site / "notebooks" / stem / f"{Path(stem).name}.ipynb"
    assert notebook_file.is_file(), f"no notebook for {chapter} in the build"
    notebook = nbformat.reads(notebook_file.read_text(), as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, f"{notebook_file.name} has no code cells"
    assert all(isinstance(cell.execution_count, int) for cell in code), (
        "a code cell was not executed"
    )
    assert any(cell.outputs for cell in code), f"{notebook_file.name} has no output"

    # Each links to the other: the chapter page to the notebook page, which offers the
    # .ipynb for download, and the notebook to the chapter page.
    assert f'href="../notebooks/{stem}/"' in (built_site / stem / "index.html").read_text()
    assert (
        f'href="{notebook_file.name}" download' in (notebook_file.parent / "index.html").read_text()
    )
    assert f"/{stem}/)" in notebook.cells[0].source


def _programs() -> dict[str, str]:
    """A snippet's source as a notebook cell shows it (no `#>` lines, no section
    markers) -> the snippet's path."""
    return {
        without_section_markers(without_recorded_output((ROOT / "snippets" / s).read_text()))
        .strip("\n"): s.as_posix()
        for s in all_snippets()
    }


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_output_agrees_with_the_page(chapter: str, built_site: Path) -> None:
    """A cell holding a whole snippet printed what the snippet's `#>` comments record;
    one whose output varies (tests/output_checks.py) printed as many lines."""
    stem = chapter.removesuffix(".md")
    notebook = json.loads(
        (built_site / "notebooks" / stem / f"{Path(stem).name}.ipynb").read_text()
    )
    programs = _programs()
    checked = 0
    for cell in notebook["cells"]:
        snippet = programs.get("".join(cell["source"])) if cell["cell_type"] == "code" else None
        if snippet is None:
            continue
        stdout = "".join("".join(o["text"]) for o in cell["outputs"] if o.get("name") == "stdout")
        recorded = expected_lines((ROOT / "snippets" / snippet).read_text())
        if snippet in INVARIANTS:
            # Threads that print at once can split a line from its newline in a real
            # stdout ("5050", then an empty line); the CPython test records print()
            # calls and never sees it. Here every print must still leave one line.
            assert stdout.count("\n") == len(recorded), f"snippets/{snippet}"
        else:
            assert stdout.splitlines() == recorded, f"snippets/{snippet} differs"
        checked += 1
    assert checked, f"no cell of the {chapter} notebook is a whole snippet"
