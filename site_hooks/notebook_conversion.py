"""From a chapter's page to its Jupyter notebook (outputs not yet filled in).

A chapter is a page of the nav that includes at least one snippet. Its notebook follows
the page: prose becomes markdown cells, and every Python block that shows a complete
program (a whole snippet file, or code written on the page) becomes a code cell holding
that program. Includes are resolved by `pymdownx.snippets` itself, with the site's
settings, so the notebook shows what the page shows. What only makes sense on the site
(the exercises' Check button, folded solutions, prose about the site's buttons) is left
out or replaced by a link to the page. Diagrams and timelines become images attached
to their cells (`notebook_images`).
"""

from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown
import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from site_hooks.markdown_vocabulary import (
    INCLUDE,
    SNIPPETS,
    is_whole_file,
    iter_fences,
    nav_items,
    nav_pages,
    without_recorded_output,
)
from site_hooks.notebook_images import with_images

NOTEBOOKS_DIR = "notebooks"
# Admonitions, collapsible blocks and content tabs, which Jupyter does not know: the
# title becomes a bold line and the indented body ordinary content.
BLOCK_HEADER = re.compile(
    r'^(?P<indent>[ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)[^"\n]*|===\+?)'
    r'(?:[ \t]*"(?P<title>[^"]*)")?[ \t]*$'
)
# Jupyter runs cells inside an event loop, where `asyncio.run()` refuses to start
# another: a notebook cell awaits the coroutine at top level instead.
ASYNCIO_RUN = re.compile(r"^(?P<indent>[ \t]*)asyncio\.run\((?P<call>.*)\)[ \t]*$", re.MULTILINE)
HTML_DIV = re.compile(r"^[ \t]*</?div\b[^>]*>[ \t]*$")
SOLUTION_FOLD = re.compile(r'^[ \t]*\?\?\?\+?[ \t]+\w+[ \t]+"Solution"[ \t]*$')
# Prose about the site's own buttons (Run, Timeline), between these two comments.
SITE_ONLY_START = re.compile(r"^[ \t]*<!--[ \t]*site-only[ \t]*-->[ \t]*$")
SITE_ONLY_END = re.compile(r"^[ \t]*<!--[ \t]*/site-only[ \t]*-->[ \t]*$")
DEFINITION = re.compile(r"^(?P<indent>[ \t]*):[ \t]{1,3}(?P<text>\S.*)$")
ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=)[^}\n]*\}")
# A link, inline or by reference, to a page (`locks.md#rlock`) or to a heading of this
# page (`#rlock`).
MD_LINK = re.compile(
    r"(?P<open>\]\(|^[ \t]*\[[^\]\n]+\]:[ \t]*)"
    r"(?:(?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?|(?P<here>#[^)\s]+))",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Chapter:
    title: str
    src_uri: str  # the page, relative to docs/

    @property
    def notebook_uri(self) -> str:
        return f"{NOTEBOOKS_DIR}/{posixpath.splitext(self.src_uri)[0]}.ipynb"


# --- Which pages are chapters -----------------------------------------------------


def find_chapters(config: MkDocsConfig) -> list[Chapter]:
    """Nav pages that include a snippet, in nav order. A page not written yet is left
    out: mkdocs itself reports a nav entry whose file is missing."""
    docs = Path(config.docs_dir)
    if config.nav is None:
        entries = [(None, p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md"))]
    else:
        entries = list(nav_pages(config.nav))
    chapters = []
    for title, src_uri in entries:
        page = docs / src_uri
        if not (src_uri.endswith(".md") and page.is_file()):
            continue
        if INCLUDE.search(page.read_text("utf-8")):
            chapters.append(Chapter(title or posixpath.basename(src_uri)[:-3], src_uri))
    return chapters


def notebooks_nav(nav: list, chapters: list[Chapter]) -> list:
    """The nav's own sections and order, with each chapter's notebook in its place."""
    notebooks = {chapter.src_uri: chapter.notebook_uri for chapter in chapters}
    entries = []
    for title, value in nav_items(nav):
        if isinstance(value, list):
            section = notebooks_nav(value, chapters)
            if section:
                entries.append({title: section})
        elif value in notebooks:
            entries.append({title: notebooks[value]} if title else notebooks[value])
    return entries


def notebook_link(chapter: Chapter) -> str:
    """The line under the chapter's title that leads to its notebook."""
    here = posixpath.dirname(chapter.src_uri) or "."
    notebook = posixpath.relpath(chapter.notebook_uri, here)
    return (
        f"*[Open this chapter as a Jupyter notebook]({notebook}), with the "
        "output of a real run, to read here or download.*"
    )


# --- From a page to a notebook ----------------------------------------------------


def chapter_notebook(chapter: Chapter, config: MkDocsConfig, files: Files) -> nbformat.NotebookNode:
    page = Path(config.docs_dir, chapter.src_uri).read_text("utf-8")
    page_url = _site_url(config, files, chapter.src_uri)
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    back_link = (
        f"*This notebook is the chapter [{chapter.title}]({page_url}) of "
        f"{config.site_name}. The output under each program is from a real run on "
        f"CPython {python}; run the cells from the top to see your own.*"
    )
    notebook = nbformat.v4.new_notebook()
    notebook.metadata.kernelspec = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    stem = posixpath.splitext(posixpath.basename(chapter.src_uri))[0]
    try:
        cells = page_cells(page, page_url)
    except ValueError as problem:
        raise PluginError(f"docs/{chapter.src_uri}:{problem}") from None
    if cells[0][0] != "markdown":
        cells.insert(0, ("markdown", ""))
    for number, (kind, text) in enumerate(cells):
        text = _resolve_includes(text, config)
        if kind == "code":
            cell = nbformat.v4.new_code_cell(code_cell_source(text))
        else:
            text, pictures = with_images(text, config, f"docs/{chapter.src_uri}")
            text = _absolute_links(text, chapter, config, files)
            cell = nbformat.v4.new_markdown_cell(
                under_title(text, back_link) if number == 0 else text
            )
            if pictures:
                cell.attachments = pictures
        cell.id = f"{stem}-{number}"  # stable: the same page gives the same notebook
        notebook.cells.append(cell)
    return notebook


def page_cells(page: str, page_url: str) -> list[tuple[str, str]]:
    """The page's ("markdown", text) and ("code", source) cells, includes not yet
    resolved. `page_url` is where the site shows the page: the notebook links there for
    what only the site has. A ValueError starts with the number of the line at fault.

    A Python block becomes a code cell when it is a complete program: one whole snippet
    file, or code written on the page (tested as it is by tests/test_pages.py). An
    excerpt (a named section, a line range, several files) stays in the prose as
    highlighted code: on its own it would stop "Run all" with a NameError.
    """
    return _cells(_flatten_blocks(_for_notebook(page.split("\n"), page_url)))


def code_cell_source(program: str) -> str:
    """A program as its code cell holds it.

    The `#>` comments go: the real output is right under the cell, and where threads
    print in any order, a recorded copy would contradict it. `asyncio.run(main())`
    becomes `await main()`, since the kernel's own event loop is running already."""
    code = ASYNCIO_RUN.sub(r"\g<indent>await \g<call>", without_recorded_output(program))
    return code.strip("\n")


def _for_notebook(lines: list[str], page_url: str) -> list[str]:
    """The page without what only makes sense on the site.

    The `<div class="exercise">` wrappers are for the site's Check button, and a folded
    solution would sit unfolded right under the exercise: the notebook links to it.
    What stands between `<!-- site-only -->` and `<!-- /site-only -->` speaks of the
    site's buttons: it goes too.
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if SITE_ONLY_START.match(line):
            end = next((j for j in range(i + 1, len(lines)) if SITE_ONLY_END.match(lines[j])), None)
            if end is None:
                raise ValueError(f"{i + 1}: <!-- site-only --> without <!-- /site-only -->")
            i = end + 1
            continue
        if HTML_DIV.match(line):
            i += 1
            continue
        if SOLUTION_FOLD.match(line):
            indent = len(line) - len(line.lstrip())
            i += 1
            while i < len(lines) and (
                not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent
            ):
                i += 1
            out.extend([f"*The solution is on [the chapter's page]({page_url}#exercises).*", ""])
            continue
        out.append(line)
        i += 1
    return out


def _cells(lines: list[str]) -> list[tuple[str, str]]:
    cells: list[tuple[str, str]] = []
    prose: list[str] = []

    def end_prose() -> None:
        if "".join(prose).strip():
            cells.append(("markdown", "\n".join(prose).strip("\n")))
        prose.clear()

    fences = {fence.start: fence for fence in iter_fences(lines)}
    i = 0
    while i < len(lines):
        fence = fences.get(i)
        if fence is None:
            # `{ #id }` and `{ .class }` mean nothing to Jupyter.
            prose.append(ATTR_LIST.sub("", lines[i]))
            i += 1
            continue
        if fence.is_python and _is_program(fence.includes, fence.only_includes):
            end_prose()
            cells.append(("code", "\n".join(fence.body)))
        else:
            prose.extend(lines[i : fence.end + 1])
        i = fence.end + 1
    end_prose()
    return cells


def _is_program(includes: list[str], only_includes: bool) -> bool:
    """Code written on the page, or one whole file and nothing else."""
    if not includes:
        return True
    return only_includes and len(includes) == 1 and is_whole_file(includes[0])


def _flatten_blocks(lines: list[str]) -> list[str]:
    """Admonitions, tabs and definition lists as plain Markdown, bodies dedented."""
    fences = {fence.start: fence for fence in iter_fences(lines)}
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = BLOCK_HEADER.match(lines[i])
        definition = DEFINITION.match(lines[i])
        if i in fences:
            out.extend(lines[i : fences[i].end + 1])
            i = fences[i].end + 1
            continue
        if header is None and definition is None:
            out.append(lines[i])
            i += 1
            continue
        indent = (header or definition)["indent"]
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith(indent + "    ")):
            j += 1
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        body = [line[len(indent) + 4 :] for line in lines[i + 1 : j]]
        while body and not body[0].strip():
            del body[0]
        if header is not None:
            title = (
                header["title"]
                if header["title"] is not None
                else (header["kind"] or "").capitalize()
            )
            out.extend([f"{indent}**{title}**", ""] if title else [])
        else:
            if out and out[-1].strip():
                out[-1] = f"{indent}**{out[-1].strip()}**"  # the term being defined
                out.append("")
            body.insert(0, definition["text"])
        out.extend(indent + line if line else "" for line in _flatten_blocks(body))
        i = j
    return out


def _resolve_includes(text: str, config: MkDocsConfig) -> str:
    """`--8<--` includes replaced by what they include on the site."""
    settings = config.mdx_configs.get(SNIPPETS, {})
    md = markdown.Markdown(extensions=[SNIPPETS], extension_configs={SNIPPETS: settings})
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def under_title(text: str, line: str) -> str:
    """`line` as a paragraph of its own under the first `# Title`, or on top."""
    lines = text.split("\n")
    title = next((i for i, t in enumerate(lines) if t.startswith("# ")), -1)
    lines[title + 1 : title + 1] = ["", line, ""]
    return "\n".join(lines).strip("\n")


def _site_url(config: MkDocsConfig, files: Files, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri)
    return (config.site_url or "/").rstrip("/") + "/" + (file.url if file else src_uri)


def _absolute_links(text: str, chapter: Chapter, config: MkDocsConfig, files: Files) -> str:
    """Links to pages point at the site: a downloaded notebook has none beside it."""

    def absolute(match: re.Match) -> str:
        if match["here"]:
            return match["open"] + _site_url(config, files, chapter.src_uri) + match["here"]
        target = posixpath.normpath(
            posixpath.join(posixpath.dirname(chapter.src_uri), match["target"])
        )
        if files.get_file_from_path(target) is None:
            return match[0]
        return match["open"] + _site_url(config, files, target) + (match["anchor"] or "")

    return MD_LINK.sub(absolute, text)
