"""The Markdown the pages are written in, as the hooks and the tests read it.

The pages include snippet files with pymdownx.snippets (`--8<-- "locks/counter.py"`),
show code in pymdownx.superfences fences, and the snippets record what they print in
`#>` comments. Every reader of that Markdown (the hooks that make programs runnable,
turn chapters into notebooks and draw timelines, and the tests of the pages) uses this
one description of it. Each rule follows what the extension itself does, and
tests/unit/test_markdown_vocabulary.py checks it against a real rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

SNIPPETS = "pymdownx.snippets"

# --- Includes (pymdownx.snippets) ---------------------------------------------------

# A line that includes a file: `--8<-- "chapter/file.py"`, or part of one
# (`"file.py:section"`, `"file.py:3:9"`). With anything after the closing quote, blanks
# included, or a `;` before the scissors, pymdownx.snippets shows the line as it is.
INCLUDE = re.compile(
    r"""^[ \t]*-+8<-+[ \t]+(?P<quote>["'])(?P<target>(?:(?!(?P=quote)).)+)(?P=quote)$""",
    re.MULTILINE,
)
# A line that opens or closes a named section of a snippet file,
# `# --8<-- [start:main]`. pymdownx.snippets drops it wherever it includes the whole
# file, and so does the page.
_SECTION = r"-+8<-+[ \t]+\[[ \t]*(?:start|end)[ \t]*:[ \t]*[a-z][-_0-9a-z]*[ \t]*\]"
SECTION_MARKER = re.compile(rf"^.*?(?<![;-]){_SECTION}.*$\n?", re.MULTILINE | re.IGNORECASE)
# The same written with a `;` before the scissors, to show the notation itself: the
# line stays, with one `;` fewer.
ESCAPED_SECTION_MARKER = re.compile(
    rf"^(?P<before>.*?)(?<!;);(?=;*{_SECTION})", re.MULTILINE | re.IGNORECASE
)


def include_path(target: str) -> str:
    """The file an include names: `a.py` for `a.py`, `a.py:main` or `a.py:3:9`."""
    return target.strip().partition(":")[0]


def is_whole_file(target: str) -> bool:
    """Whether an include shows its file whole, not a named section or a line range."""
    return ":" not in target


def without_section_markers(source: str) -> str:
    """A snippet file as a page shows it whole: without its named-section markers."""
    return ESCAPED_SECTION_MARKER.sub(r"\g<before>", SECTION_MARKER.sub("", source))


def snippet_bases(config: MkDocsConfig) -> list[Path]:
    """Where an include looks for its file, in order: pymdownx.snippets' `base_path`.

    The extension resolves them against the folder the build runs in; the hooks
    against the folder of mkdocs.yml, which is the same for `mkdocs build` and
    `mkdocs serve` run as the Makefile runs them."""
    options = config.mdx_configs.get(SNIPPETS) or {}
    return _bases(options, Path(config.config_file_path).parent)


def snippet_bases_in(mkdocs_yml: Path) -> list[Path]:
    """The same, read from mkdocs.yml itself, for code that runs outside a build."""
    extensions = yaml_load(mkdocs_yml.read_text(encoding="utf-8")).get("markdown_extensions")
    options = next(
        (ext[SNIPPETS] for ext in extensions or [] if isinstance(ext, dict) and SNIPPETS in ext),
        None,
    )
    return _bases(options or {}, mkdocs_yml.parent)


def _bases(options: dict, project: Path) -> list[Path]:
    base = options.get("base_path", ["."])  # the extension's own default
    return [project / path for path in ([base] if isinstance(base, str) else base)]


def find_included(target: str, bases: Sequence[Path]) -> Path | None:
    """The file an include shows, looked up as pymdownx.snippets does; None if none."""
    path = include_path(target)
    return next((base / path for base in bases if (base / path).is_file()), None)


# --- Recorded output ----------------------------------------------------------------

# A line the program printed, recorded as a comment where it prints it: `#> 42`. The
# match takes the line's newline too, so that substituting "" removes the whole line.
OUTPUT_COMMENT = re.compile(r"^[ \t]*#> ?(.*)$\n?", re.MULTILINE)


def recorded_output(source: str) -> list[str]:
    """The lines a program's `#>` comments record, in file order."""
    return OUTPUT_COMMENT.findall(source)


def without_recorded_output(source: str) -> str:
    """The program without its `#>` comment lines."""
    return OUTPUT_COMMENT.sub("", source)


# --- Fences (pymdownx.superfences) --------------------------------------------------

PYTHON_LANGS = frozenset({"python", "py", "python3", "py3"})
# A line that may open a fence; `info` is everything after the backticks or tildes.
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# The info string as superfences reads it: a language (a leading dot allowed), then
# either `{attributes}` or options such as `title="x.py"`. Anything else and
# superfences does not take the line for a fence.
FENCE_INFO = re.compile(
    r"""(?x)
    ^(?:[ \t]*\.?(?P<lang>[\w\#.+-]+)(?=[ \t]|$))?
    (?:
        [ \t]*\{(?P<attrs>.*)\}
      | (?P<options>(?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quote>["']).*?(?P=quote))?(?=[ \t]|$))+)
    )?
    [ \t]*$"""
)
QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


def fence_language(info: str) -> str | None:
    """The language superfences gives a fence with this info string: its first word,
    or with none, the first `.class` of its `{attributes}` ("" when there is neither).
    None when superfences does not take the line for a fence at all. Whether the
    options' values are valid (`hl_lines="x"`) is superfences' own business."""
    parsed = FENCE_INFO.match(info)
    if parsed is None:
        return None
    if parsed["lang"]:
        return parsed["lang"]
    words = QUOTED.sub("", parsed["attrs"] or "").split()
    return next((word[1:] for word in words if word.startswith(".")), "")


def is_python(info: str) -> bool:
    """Whether a fence with this info string shows Python: its language is one of
    `PYTHON_LANGS`, in any case (Pygments finds its lexers by name that way)."""
    return (fence_language(info) or "").lower() in PYTHON_LANGS


def with_attribute(info: str, name: str, value: str) -> str:
    """The info string in superfences' `{...}` form, which can carry an HTML attribute
    to the code block, with `name="value"` added. The language stays first."""
    parsed = FENCE_INFO.match(info)
    if parsed is None:
        raise ValueError(f"not the info string of a fence: {info!r}")
    lang = f".{parsed['lang']}" if parsed["lang"] else ""
    rest = (parsed["attrs"] or parsed["options"] or "").strip()
    return "{" + " ".join(filter(None, [lang, rest, f'{name}="{value}"'])) + "}"


@dataclass(frozen=True)
class Fence:
    """A fenced code block of a page: where it is and what it holds."""

    start: int  # index of the opening line
    end: int  # index of the closing line
    indent: str  # what stands before the opening backticks or tildes
    fence: str  # the backticks or tildes themselves
    info: str  # the rest of the opening line
    lines: tuple[str, ...]  # the lines between, as written

    @property
    def language(self) -> str:
        return fence_language(self.info) or ""

    @property
    def is_python(self) -> bool:
        return is_python(self.info)

    @property
    def body(self) -> list[str]:
        """The lines between, without the fence's own indentation."""
        return [line[len(self.indent) :] for line in self.lines]

    @property
    def includes(self) -> list[str]:
        """The targets of the fence's include lines, in order."""
        return [match["target"] for line in self.lines if (match := INCLUDE.match(line))]

    @property
    def only_includes(self) -> bool:
        """Whether the fence holds includes and nothing else (blank lines aside)."""
        shown = [line for line in self.lines if line.strip()]
        return bool(shown) and all(INCLUDE.match(line) for line in shown)


def iter_fences(lines: Sequence[str]) -> Iterator[Fence]:
    """The fences of a page, in order, as superfences finds them.

    A fence closes at a line holding the same run of backticks or tildes, at the same
    indentation. One inside another is part of the outer one's lines. A fence that a
    less indented line interrupts, or that never closes, is no fence: superfences shows
    its lines as ordinary Markdown. Block quotes are not looked into."""
    opening = None
    for index, line in enumerate(lines):
        if opening is None:
            found = FENCE_OPEN.match(line)
            if found and fence_language(found["info"]) is not None:
                opening, start = found, index
            continue
        if not line.strip():
            continue
        if not line.startswith(opening["indent"]):
            opening = None
            continue
        rest = line[len(opening["indent"]) :]
        if rest.startswith(opening["fence"]) and not rest[len(opening["fence"]) :].strip():
            yield Fence(
                start=start,
                end=index,
                indent=opening["indent"],
                fence=opening["fence"],
                info=opening["info"],
                lines=tuple(lines[start + 1 : index]),
            )
            opening = None


def fenced_lines(fences: Sequence[Fence]) -> set[int]:
    """The indices of every line of these fences, opening and closing lines included."""
    return {index for fence in fences for index in range(fence.start, fence.end + 1)}


# --- Where a line is ----------------------------------------------------------------


def source_location(page: Page, config: MkDocsConfig, lines: Sequence[str], index: int) -> str:
    """`docs/page.md:LINE` for `lines[index]`, a line of the page's Markdown as a hook
    sees it, counted in the page's own file: the front matter that MkDocs took off, and
    lines that hooks before this one added, do not count."""
    line = lines[index]
    earlier = lines[:index].count(line)  # the same line may stand above it
    source = Path(page.file.abs_src_path or "")
    try:
        shown = source.relative_to(Path(config.config_file_path).parent).as_posix()
        file_lines = source.read_text(encoding="utf-8").split("\n")
        number = [i for i, text in enumerate(file_lines) if text == line][earlier] + 1
    except (ValueError, OSError, IndexError):
        shown, number = page.file.src_uri, index + 1
    return f"{shown}:{number}"


# --- The nav of mkdocs.yml ----------------------------------------------------------


def nav_items(nav: list) -> Iterator[tuple[str | None, str | list]]:
    """(title, page or section) for each item of one level of the nav; None for a page
    listed without a title."""
    for item in nav:
        if isinstance(item, dict):
            yield from item.items()
        else:
            yield None, item


def nav_pages(nav: list) -> Iterator[tuple[str | None, str]]:
    """(title, page) for every page of the nav, sections opened, in nav order."""
    for title, value in nav_items(nav):
        if isinstance(value, list):
            yield from nav_pages(value)
        else:
            yield title, value
