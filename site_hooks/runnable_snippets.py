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
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PYTHON_LANGS = {"python", "py", "python3", "py3"}
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<header>[^`\n]*)$")
INCLUDE = re.compile(r'^[ \t]*-{2,}8<-{2,}[ \t]+"(?P<target>[^"]+)"[ \t]*$')
# The same pattern as tests/snippet_files.py: the output a run printed on CPython.
OUTPUT_COMMENT = re.compile(r"^[ \t]*#> ?(.*)$", re.MULTILINE)
# pymdownx.snippets drops these marker lines when it includes a whole file.
SECTION_MARKER = re.compile(
    r"^[ \t]*#[ \t]*-{2,}8<-{2,}[ \t]*\[(start|end):[^\]]*\][ \t]*\n?", re.MULTILINE
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


@dataclass
class Block:
    """One fence that includes snippet files, as found in a page's Markdown."""

    targets: list[str]
    whole_file: bool = field(init=False)

    def __post_init__(self) -> None:
        self.whole_file = len(self.targets) == 1 and ":" not in self.targets[0]

    @property
    def snippet(self) -> str:
        return self.targets[0].split(":")[0]


_blocks: dict[str, list[Block]] = {}


def find_snippet_fences(markdown: str) -> list[tuple[int, int, str, Block]]:
    """Python fences with only `--8<--` includes: (first line, last, header, block)."""
    lines = markdown.split("\n")
    found = []
    i = 0
    while i < len(lines):
        opening = FENCE_OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        end = i + 1
        closing = re.compile(rf"^{re.escape(indent)}[ \t]*{fence[0]}{{{len(fence)},}}[ \t]*$")
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line for line in lines[i + 1 : end] if line.strip()]
        includes = [INCLUDE.match(line) for line in body]
        if _is_python(opening["header"]) and body and all(includes):
            block = Block([m["target"] for m in includes])  # type: ignore[index]
            found.append((i, end, opening["header"], block))
        i = end + 1
    return found


def _is_python(header: str) -> bool:
    header = header.strip()
    if header.startswith("{"):
        words = header.strip("{}").split()
        return any(word in {f".{lang}" for lang in PYTHON_LANGS} for word in words)
    return header.split(" ")[0].lower() in PYTHON_LANGS if header else False


def _with_marker(header: str, key: int) -> str:
    """The fence header in superfences' brace form, which can carry an attribute."""
    header = header.strip()
    if header.startswith("{"):
        return f'{header.rstrip("}").rstrip()} {MARKER_ATTR}="{key}"}}'
    lang, _, options = header.partition(" ")
    return (
        "{" + " ".join(filter(None, [f".{lang}", options.strip(), f'{MARKER_ATTR}="{key}"'])) + "}"
    )


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


def displayed_source(path: Path) -> str:
    """The program as the page shows it: without the named-section marker lines."""
    return SECTION_MARKER.sub("", path.read_text(encoding="utf-8"))


def playground_fragment(source: str) -> str:
    """`#code=` + base64url of the UTF-8 source, without padding."""
    return "#code=" + base64.urlsafe_b64encode(source.encode()).decode().rstrip("=")


def base_paths(config: MkDocsConfig) -> list[Path]:
    """`pymdownx.snippets`' base paths, in the order it searches them."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    project = Path(config.config_file_path).parent
    return [project / path for path in ([base] if isinstance(base, str) else base)]


def find_snippet(target: str, bases: list[Path]) -> Path | None:
    """The file an include names, looked up as `pymdownx.snippets` does."""
    for base in bases:
        if (base / target).is_file():
            return base / target
    return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.split("\n")
    blocks = []
    for key, (start, _end, header, block) in enumerate(find_snippet_fences(markdown)):
        opening = FENCE_OPEN.match(lines[start])
        assert opening
        lines[start] = f"{opening['indent']}{opening['fence']} {_with_marker(header, key)}"
        blocks.append(block)
    _blocks[page.file.src_uri] = blocks
    return "\n".join(lines)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = _blocks.pop(page.file.src_uri, [])
    if not blocks:
        return html_text
    bases = base_paths(config)
    playground = get_relative_url("playground/", page.url or ".")
    out, pos = [], 0
    for match in MARKED_DIV.finditer(html_text):
        block = blocks[int(match["key"])]
        end = _matching_div_end(html_text, match.start())
        attrs = " ".join(filter(None, [match["attrs"].strip(), match["rest"].strip()]))
        code_html = f"<div {attrs}>" + html_text[match.end() : end]
        out.append(html_text[pos : match.start()])
        out.append(_runner_html(block, code_html, bases, playground))
        pos = end
    out.append(html_text[pos:])
    return "".join(out)


def _matching_div_end(text: str, start: int) -> int:
    depth = 0
    for tag in DIV_TAG.finditer(text, start):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return tag.end()
    raise ValueError("unbalanced <div> in a highlighted code block")


def _runner_html(block: Block, code_html: str, bases: list[Path], playground: str) -> str:
    path = find_snippet(block.snippet, bases)
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
        "data-expected": json.dumps(OUTPUT_COMMENT.findall(source)),
    }
    rendered = " ".join(f'{key}="{html.escape(value)}"' for key, value in attrs.items())
    return f'<div class="runner" {rendered}>{code_html}</div>'
