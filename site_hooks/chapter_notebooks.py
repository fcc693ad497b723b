"""Publish every chapter as a Jupyter notebook, generated from its page at build time.

A chapter is a page of the nav that includes at least one snippet. Its notebook follows
the page: prose becomes markdown cells, and every Python block that shows a complete
program (a whole snippet file, or code written on the page) becomes a code cell holding
that program. Includes are resolved by `pymdownx.snippets` itself, with the site's
settings, so the notebook shows what the page shows.

The notebook is executed with nbclient, in a kernel on the Python that runs the build
(the project's virtual environment), so the output under each cell comes from a real
run. mkdocs-jupyter renders it in the "Notebooks" section of the nav and publishes the
`.ipynb` beside it for download. The chapter page links to its notebook, the notebook
back to the page.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import posixpath
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import markdown
import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from traitlets import default

NOTEBOOKS_DIR = "notebooks"
NAV_SECTION = "Notebooks"
CELL_TIMEOUT = 120  # seconds; every example is a short program
CACHE_DIR = ".cache/notebook-outputs"  # relative to mkdocs.yml

INCLUDE = re.compile(r'^[ \t]*-{2,}8<-{2,}[ \t]+"(?P<target>[^"]+)"[ \t]*$')
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)$")
PYTHON_LANGS = {"python", "py", "python3", "py3"}
# The same pattern as tests/snippet_files.py: output recorded in a snippet's comments.
OUTPUT_COMMENT = re.compile(r"^[ \t]*#> ?.*\n?", re.MULTILINE)
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


_chapters: list[Chapter] = []
_used_cache_keys: set[str] = set()
_build_dir: str | None = None


# --- Build events ---------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The module lives as long as `mkdocs serve` does: every build starts afresh.
    _chapters[:] = find_chapters(config)
    _used_cache_keys.clear()
    if config.nav is not None and _chapters:
        config.nav.append({NAV_SECTION: _notebooks_nav(config.nav)})
    return config


def _notebooks_nav(nav: list) -> list:
    """The nav's own sections and order, with each chapter's notebook in its place."""
    notebooks = {chapter.src_uri: chapter.notebook_uri for chapter in _chapters}
    entries = []
    for title, value in _nav_items(nav):
        if isinstance(value, list):
            section = _notebooks_nav(value)
            if section:
                entries.append({title: section})
        elif value in notebooks:
            entries.append({title: notebooks[value]} if title else notebooks[value])
    return entries


@event_priority(50)  # before mkdocs-jupyter's on_files, which must see the notebooks
def _add_notebooks(files: Files, config: MkDocsConfig) -> Files:
    global _build_dir
    if not _chapters:
        return files
    _build_dir = tempfile.mkdtemp(prefix="chapter-notebooks-")
    notebooks = [chapter_notebook(chapter, config, files) for chapter in _chapters]
    execute_all(notebooks, _chapters, Path(config.config_file_path).parent / CACHE_DIR)
    for chapter, notebook in zip(_chapters, notebooks, strict=True):
        path = Path(_build_dir, chapter.notebook_uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)
        site, urls = config.site_dir, config.use_directory_urls
        files.append(File(chapter.notebook_uri, _build_dir, site, urls))
    return files


@event_priority(-50)  # after mkdocs-jupyter has wrapped them in its own File class
def _edit_the_chapter(files: Files, config: MkDocsConfig) -> Files:
    """The edit button of a notebook opens the chapter it is generated from."""
    for chapter in _chapters:
        files.get_file_from_path(chapter.notebook_uri).edit_uri = chapter.src_uri
    return files


on_files = CombinedEvent(_add_notebooks, _edit_the_chapter)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for chapter in _chapters:
        if page.file.src_uri == chapter.src_uri:
            here = posixpath.dirname(chapter.src_uri) or "."
            notebook = posixpath.relpath(chapter.notebook_uri, here)
            link = (
                f"*[Open this chapter as a Jupyter notebook]({notebook}), with the "
                "output of a real run, to read here or download.*"
            )
            return _under_title(markdown, link)
        if page.file.src_uri == chapter.notebook_uri:
            # Search finds the chapter itself; its notebook would be a second hit.
            page.meta["search"] = {"exclude": True}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    _remove_build_dir()
    for entry in (Path(config.config_file_path).parent / CACHE_DIR).glob("*.json"):
        if entry.stem not in _used_cache_keys:
            entry.unlink()  # outputs of code that no chapter shows any more


def on_build_error(error: Exception) -> None:
    _remove_build_dir()


def _remove_build_dir() -> None:
    global _build_dir
    if _build_dir is not None:
        shutil.rmtree(_build_dir, ignore_errors=True)
        _build_dir = None


# --- Which pages are chapters -----------------------------------------------------


def find_chapters(config: MkDocsConfig) -> list[Chapter]:
    """Nav pages that include a snippet, in nav order. A page not written yet is left
    out: mkdocs itself reports a nav entry whose file is missing."""
    docs = Path(config.docs_dir)
    if config.nav is None:
        entries = [(None, p.relative_to(docs).as_posix()) for p in sorted(docs.rglob("*.md"))]
    else:
        entries = list(_nav_entries(config.nav))
    chapters = []
    for title, src_uri in entries:
        page = docs / src_uri
        if not (src_uri.endswith(".md") and page.is_file()):
            continue
        if any(INCLUDE.match(line) for line in page.read_text("utf-8").splitlines()):
            chapters.append(Chapter(title or posixpath.basename(src_uri)[:-3], src_uri))
    return chapters


def _nav_items(nav: list) -> Iterator[tuple[str | None, str | list]]:
    """(title, page or section) for each item of one level of the nav."""
    for item in nav:
        if isinstance(item, dict):
            yield from item.items()
        else:
            yield None, item


def _nav_entries(nav: list) -> Iterator[tuple[str | None, str]]:
    """(title, page) for every page of the nav, sections opened, in order."""
    for title, value in _nav_items(nav):
        if isinstance(value, list):
            yield from _nav_entries(value)
        else:
            yield title, value


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
        lines = _for_notebook(page.split("\n"), page_url)
    except ValueError as problem:
        raise PluginError(f"docs/{chapter.src_uri}:{problem}") from None
    cells = _cells(_flatten_blocks(lines))
    if cells[0][0] != "markdown":
        cells.insert(0, ("markdown", ""))
    for number, (kind, text) in enumerate(cells):
        text = _resolve_includes(text, config)
        if kind == "code":
            # The `#>` comments go: the real output is right under the cell, and where
            # threads print in any order, a recorded copy would contradict it.
            code = ASYNCIO_RUN.sub(r"\g<indent>await \g<call>", OUTPUT_COMMENT.sub("", text))
            cell = nbformat.v4.new_code_cell(code.strip("\n"))
        else:
            text = _absolute_links(text, chapter, config, files)
            cell = nbformat.v4.new_markdown_cell(
                _under_title(text, back_link) if number == 0 else text
            )
        cell.id = f"{stem}-{number}"  # stable: the same page gives the same notebook
        notebook.cells.append(cell)
    return notebook


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
    """("markdown", text) and ("code", source) cells, includes not yet resolved.

    A Python block becomes a code cell when it is a complete program: one whole snippet
    file, or code written on the page (tested as it is by tests/test_pages.py). An
    excerpt (a named section, a line range, several files) stays in the prose as
    highlighted code: on its own it would stop "Run all" with a NameError.
    """
    cells: list[tuple[str, str]] = []
    prose: list[str] = []

    def end_prose() -> None:
        if "".join(prose).strip():
            cells.append(("markdown", "\n".join(prose).strip("\n")))
        prose.clear()

    i = 0
    while i < len(lines):
        end = _fence_end(lines, i)
        if end is None:
            # `{ #id }` and `{ .class }` mean nothing to Jupyter.
            prose.append(ATTR_LIST.sub("", lines[i]))
            i += 1
            continue
        opening = FENCE_OPEN.match(lines[i])
        body = [line[len(opening["indent"]) :] for line in lines[i + 1 : end]]
        if _is_python(opening["info"]) and _is_program(body):
            end_prose()
            cells.append(("code", "\n".join(body)))
        else:
            prose.extend(lines[i : end + 1])
        i = end + 1
    end_prose()
    return cells


def _is_program(body: list[str]) -> bool:
    targets = [INCLUDE.match(line) for line in body if line.strip()]
    if not any(targets):
        return True
    return len(targets) == 1 and ":" not in targets[0]["target"]


def _is_python(info: str) -> bool:
    info = info.strip()
    if info.startswith("{"):
        return any(word.lstrip(".") in PYTHON_LANGS for word in info.strip("{}").split())
    return bool(info) and info.split()[0].lower() in PYTHON_LANGS


def _fence_end(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the fence opening at `start`, if any."""
    opening = FENCE_OPEN.match(lines[start])
    if opening is None:
        return None
    fence = opening["fence"]
    closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    end = start + 1
    while end < len(lines) and not closing.match(lines[end]):
        end += 1
    return end


def _flatten_blocks(lines: list[str]) -> list[str]:
    """Admonitions, tabs and definition lists as plain Markdown, bodies dedented."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _fence_end(lines, i)
        header = BLOCK_HEADER.match(lines[i])
        definition = DEFINITION.match(lines[i])
        if end is not None:
            out.extend(lines[i : end + 1])
            i = end + 1
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
    settings = config.mdx_configs.get("pymdownx.snippets", {})
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": settings},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def _under_title(text: str, line: str) -> str:
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


# --- Execution --------------------------------------------------------------------


class BuildPythonKernelManager(AsyncKernelManager):
    """A kernel on the Python that runs the build, whatever other "python3" kernels the
    machine has: with no kernel folders, only ipykernel's built-in spec is left, and it
    starts `sys.executable`."""

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return KernelSpecManager(kernel_dirs=[])


def execute_all(
    notebooks: list[nbformat.NotebookNode], chapters: list[Chapter], cache: Path
) -> None:
    """Fill in every code cell's outputs: from a real run, or from the cache of an
    earlier run of exactly the same code, by the same hook, on the same Python."""
    cache.mkdir(parents=True, exist_ok=True)
    pending = []
    for notebook, chapter in zip(notebooks, chapters, strict=True):
        key = _cache_key(notebook)
        _used_cache_keys.add(key)
        entry = cache / f"{key}.json"
        if entry.exists():
            _apply_outputs(notebook, json.loads(entry.read_text("utf-8")))
        else:
            pending.append((notebook, chapter, entry))
    if pending:
        asyncio.run(_execute_pending(pending))


def _cache_key(notebook: nbformat.NotebookNode) -> str:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(__file__).read_bytes())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode() + b"\0")
    return digest.hexdigest()


def _apply_outputs(notebook: nbformat.NotebookNode, recorded: dict) -> None:
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell, outputs, count in zip(
        code_cells, recorded["outputs"], recorded["counts"], strict=True
    ):
        cell.outputs = [nbformat.from_dict(output) for output in outputs]
        cell.execution_count = count
    notebook.metadata.language_info = recorded["language_info"]


async def _execute_pending(pending: list) -> None:
    # One kernel per notebook, as many at a time as there are cores.
    limit = asyncio.Semaphore(os.cpu_count() or 1)
    await asyncio.gather(*(_execute(*job, limit) for job in pending))


async def _execute(
    notebook: nbformat.NotebookNode,
    chapter: Chapter,
    entry: Path,
    limit: asyncio.Semaphore,
) -> None:
    async with limit:
        with tempfile.TemporaryDirectory(prefix="notebook-run-") as workdir:
            client = NotebookClient(
                notebook,
                timeout=CELL_TIMEOUT,
                kernel_name="python3",
                kernel_manager_class=BuildPythonKernelManager,
                # Files a program writes land in a folder of their own.
                resources={"metadata": {"path": workdir}},
                # Errors only, not the kernel's notice that it talks over local TCP.
                extra_arguments=["--log-level=ERROR"],
                # No timestamps: the same code gives the same notebook.
                record_timing=False,
                allow_errors=False,
            )
            try:
                await client.async_execute()
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
                raise PluginError(
                    f"the notebook of {chapter.src_uri} failed to run:\n{error}"
                ) from None
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    recorded = {
        "outputs": [cell.outputs for cell in code_cells],
        "counts": [cell.execution_count for cell in code_cells],
        "language_info": notebook.metadata.language_info,
    }
    entry.write_text(json.dumps(recorded), "utf-8")
