"""Make the code blocks that show a whole snippet runnable in the browser.

A Python fence whose only content is one `--8<-- "chapter/file.py"` include shows a
complete program: it is wrapped in a `div.runner` that carries the program's source and
the output recorded in its `#>` comments, and `assets/runner/runner.js` adds the Run
button, the editor and the output. A program that needs what a browser cannot give
(other processes, sockets, the keyboard) gets a note instead of a Run button.

A fence that shows part of a file (a named section, a line range, several includes) is
an excerpt: running it in place would run code the reader cannot see, so it is not
runnable; it links to the whole program in the playground instead.
"""

from __future__ import annotations

import ast
import base64
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site_hooks.markdown_vocabulary import (
    Fence,
    find_included,
    include_path,
    is_whole_file,
    iter_fences,
    recorded_output,
    snippet_bases,
    source_location,
    with_attribute,
    without_section_markers,
)

MARKER_ATTR = "data-runner-key"
MARKED_DIV = re.compile(rf'<div (?P<attrs>[^>]*?){MARKER_ATTR}="(?P<key>\d+)"(?P<rest>[^>]*)>')
DIV_TAG = re.compile(r"<div\b|</div>")

# Module -> why a program that imports it cannot run in the browser.
LOCAL_ONLY_MODULES = {
    "subprocess": "it starts other programs with <code>subprocess</code>.",
    "multiprocessing": "it starts processes with <code>multiprocessing</code>.",
    "socket": "it opens network connections with <code>socket</code>.",
    "socketserver": "it opens network connections with <code>socketserver</code>.",
    "http.server": "it opens network connections with <code>http.server</code>.",
    "http.client": "it opens network connections with <code>http.client</code>.",
    "urllib.request": "it opens network connections with <code>urllib.request</code>.",
}
PROCESS_POOL_REASON = "it starts processes with <code>ProcessPoolExecutor</code>."
INPUT_REASON = "it reads what you type with <code>input()</code>."

# Calls that start a thread (or make what starts one), and the classes a program's own
# thread class derives from: a program with one of them gets an Explore button.
THREAD_STARTERS = {
    "Thread",
    "Timer",
    "ThreadPoolExecutor",
    "start_new_thread",
    "start_joinable_thread",
    "to_thread",
    "run_in_executor",
}
THREAD_CLASSES = {"Thread", "Timer"}


@dataclass
class Block:
    """One fence that includes snippet files, as found in a page's Markdown."""

    targets: list[str]
    whole_file: bool = field(init=False)

    def __post_init__(self) -> None:
        self.whole_file = len(self.targets) == 1 and is_whole_file(self.targets[0])

    @property
    def snippet(self) -> str:
        return include_path(self.targets[0])


@dataclass
class PageBlocks:
    """A page's snippet fences, from its Markdown to its HTML."""

    lines: list[str]  # the page's Markdown as this hook got it
    found: list[tuple[Fence, Block]]  # a block's marker is its index here


@dataclass
class Build:
    """What one build carries from a page's Markdown to its HTML. `on_config` starts a
    new one, so that a rebuild by `mkdocs serve` finds nothing of the one before."""

    bases: list[Path]
    pages: dict[str, PageBlocks] = field(default_factory=dict)


_build = Build(bases=[])


def find_snippet_fences(markdown: str) -> list[tuple[Fence, Block]]:
    """The Python fences whose lines are `--8<--` includes and nothing else."""
    return [
        (fence, Block(fence.includes))
        for fence in iter_fences(markdown.split("\n"))
        if fence.is_python and fence.only_includes
    ]


def marked_info(info: str, key: int) -> str:
    """The fence's info string with the attribute that finds its block in the HTML."""
    return with_attribute(info, MARKER_ATTR, str(key))


def local_only_reason(source: str) -> str | None:
    """Why a program cannot run in a browser (HTML), or None if it can."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            if node.module == "concurrent.futures" and any(
                a.name == "ProcessPoolExecutor" for a in node.names
            ):
                return PROCESS_POOL_REASON
        for name in names:
            for module, reason in LOCAL_ONLY_MODULES.items():
                if name == module or name.startswith(module + "."):
                    return reason
        if isinstance(node, ast.Attribute) and node.attr == "ProcessPoolExecutor":
            return PROCESS_POOL_REASON
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "input"
        ):
            return INPUT_REASON
    return None


def _called_name(node: ast.expr) -> str | None:
    """`f` for `f(...)` and `module.f(...)`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def starts_threads(source: str) -> bool:
    """Whether a program starts threads of its own: then its schedules can differ, and
    the explorer has something to show."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    nodes = list(ast.walk(tree))
    starters, classes = set(THREAD_STARTERS), set(THREAD_CLASSES)
    for node in nodes:  # `from threading import Thread as T` starts threads with T
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.asname and alias.name in THREAD_STARTERS:
                    starters.add(alias.asname)
                if alias.asname and alias.name in THREAD_CLASSES:
                    classes.add(alias.asname)
    for node in nodes:
        if isinstance(node, ast.Call) and _called_name(node.func) in starters:
            return True
        if isinstance(node, ast.ClassDef) and any(
            _called_name(base) in classes for base in node.bases
        ):
            return True
    return False


def displayed_source(path: Path) -> str:
    """The program as the page shows it: without the named-section marker lines."""
    return without_section_markers(path.read_text(encoding="utf-8"))


def playground_fragment(source: str) -> str:
    """`#code=` + base64url of the UTF-8 source, without padding."""
    return "#code=" + base64.urlsafe_b64encode(source.encode()).decode().rstrip("=")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = Build(bases=snippet_bases(config))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.split("\n")
    found = find_snippet_fences(markdown)
    _build.pages[page.file.src_uri] = PageBlocks(lines=list(lines), found=found)
    for key, (fence, _block) in enumerate(found):
        lines[fence.start] = f"{fence.indent}{fence.fence} {marked_info(fence.info, key)}"
    return "\n".join(lines)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    marked = _build.pages.pop(page.file.src_uri, None)
    if marked is None or not marked.found:
        return html_text
    playground = get_relative_url("playground/", page.url or ".")
    out, pos = [], 0
    for match in MARKED_DIV.finditer(html_text):
        fence, block = marked.found[int(match["key"])]
        end = _matching_div_end(html_text, match.start())
        if end is None:
            where = source_location(page, config, marked.lines, fence.start)
            raise PluginError(
                f"{where}: in the page's HTML, no </div> closes the <div> with this code "
                f'block\'s {MARKER_ATTR}="{match["key"]}"'
            )
        attrs = " ".join(filter(None, [match["attrs"].strip(), match["rest"].strip()]))
        code_html = f"<div {attrs}>" + html_text[match.end() : end]
        out.append(html_text[pos : match.start()])
        out.append(_runner_html(block, code_html, _build.bases, playground))
        pos = end
    out.append(html_text[pos:])
    return "".join(out)


def _matching_div_end(text: str, start: int) -> int | None:
    """Where the `<div>` opening at `start` ends, after its `</div>`; None if it does not."""
    depth = 0
    for tag in DIV_TAG.finditer(text, start):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return tag.end()
    return None


def _runner_html(block: Block, code_html: str, bases: list[Path], playground: str) -> str:
    path = find_included(block.snippet, bases)
    if path is None:  # pymdownx.snippets has said so already
        return code_html
    source = displayed_source(path)
    reason = local_only_reason(source)
    name = html.escape(block.snippet)
    if not block.whole_file:
        if reason:
            return code_html
        link = html.escape(playground + playground_fragment(source))
        return (
            f'<div class="runner runner--excerpt">{code_html}'
            f'<p class="runner-note">An excerpt of <code>{name}</code>. '
            f'<a href="{link}">Open the whole program in the playground</a></p></div>'
        )
    if reason:
        return (
            f'<div class="runner runner--local-only" data-snippet="{name}">{code_html}'
            f'<p class="runner-note">Runs with a local Python only: {reason}</p></div>'
        )
    attrs = {
        "data-runner": "snippet",
        "data-state": "idle",
        "data-snippet": block.snippet,
        "data-source": source,
        "data-expected": json.dumps(recorded_output(source)),
    }
    if starts_threads(source):
        attrs["data-starts-threads"] = ""
    rendered = " ".join(f'{key}="{html.escape(value)}"' for key, value in attrs.items())
    return f'<div class="runner" {rendered}>{code_html}</div>'
