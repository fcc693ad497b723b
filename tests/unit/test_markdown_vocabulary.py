"""site_hooks/markdown_vocabulary.py, held to what the extensions really do: each rule
is checked against pymdownx.snippets or pymdownx.superfences on the same text."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from site_hooks import markdown_vocabulary as vocabulary

from ..support.paths import ROOT

SNIPPETS_DIR = ROOT / "snippets"


def superfences(text: str, **highlight: object) -> str:
    """`text` rendered with the fence extensions of the site."""
    return markdown.markdown(
        textwrap.dedent(text),
        extensions=["admonition", "attr_list", "pymdownx.highlight", "pymdownx.superfences"],
        extension_configs={"pymdownx.highlight": highlight},
    )


def snippets(line: str, base: Path) -> list[str]:
    """What pymdownx.snippets makes of one line of a page."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(base)]}},
    )
    return md.preprocessors["snippet"].run([line])


# --- Includes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '--8<-- "a.py"',
        '    --8<-- "a.py"',
        '-8<- "a.py"',
        "--8<-- 'a.py'",
        '--8<-- " a.py "',
        '--8<-- "a.py:main"',
        '--8<-- "a.py"  ',
        ';--8<-- "a.py"',
        '--8<--"a.py"',
        'see --8<-- "a.py"',
        '--8<-- "a.py" "b.py"',
    ],
)
def test_an_include_is_a_line_pymdownx_snippets_includes(line: str, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "before = 1\n# --8<-- [start:main]\nprint('included')\n# --8<-- [end:main]\n"
    )
    (tmp_path / "b.py").write_text("print('included')\n")
    included = any("included" in shown for shown in snippets(line, tmp_path))
    match = vocabulary.INCLUDE.match(line)
    assert bool(match) == included
    if match:
        assert vocabulary.find_included(match["target"], [tmp_path]) == tmp_path / "a.py"


def test_an_include_names_a_file_a_section_or_lines() -> None:
    assert [
        (vocabulary.include_path(target), vocabulary.is_whole_file(target))
        for target in ("ch/a.py", "ch/a.py:main", "ch/a.py:3:9")
    ] == [("ch/a.py", True), ("ch/a.py", False), ("ch/a.py", False)]


def test_includes_are_found_in_the_base_paths_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for base, names in ((first, ["both.py"]), (second, ["both.py", "only.py"])):
        base.mkdir()
        for name in names:
            (base / name).write_text("")
    bases = [first, second]
    assert vocabulary.find_included("both.py", bases) == first / "both.py"
    assert vocabulary.find_included("only.py:main", bases) == second / "only.py"
    assert vocabulary.find_included("none.py", bases) is None


def test_a_page_shows_a_whole_file_without_its_section_markers(tmp_path: Path) -> None:
    source = textwrap.dedent(
        """\
        import threading
        # --8<-- [start:main]
        print(1)
            #--8<-- [end:main]
        x = 1  # -8<- [START:other]
        # ;--8<-- [end:other] is how the notation is shown
        # --8<--[start:no_space] stays
        # --8<-- [start:9] stays: a name starts with a letter
        """
    )
    (tmp_path / "a.py").write_text(source)
    shown = "\n".join(snippets('--8<-- "a.py"', tmp_path))
    assert vocabulary.without_section_markers(source) == shown
    assert "print(1)" in shown and "# --8<-- [end:other] is how" in shown


def test_the_displayed_source_of_every_snippet_is_what_pymdownx_includes() -> None:
    paths = sorted(SNIPPETS_DIR.rglob("*.py"))
    assert paths
    for path in paths:
        target = path.relative_to(SNIPPETS_DIR).as_posix()
        shown = "\n".join(snippets(f'--8<-- "{target}"', SNIPPETS_DIR))
        assert vocabulary.without_section_markers(path.read_text()) == shown, target


def test_the_base_paths_are_those_of_the_config(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    cases = {
        'base_path: [snippets, "."]': [tmp_path / "snippets", tmp_path / "."],
        "base_path: code": [tmp_path / "code"],
        "check_paths: true": [tmp_path / "."],
    }
    for options, bases in cases.items():
        mkdocs_yml = tmp_path / "mkdocs.yml"
        mkdocs_yml.write_text(
            f"site_name: t\nmarkdown_extensions:\n  - pymdownx.snippets:\n      {options}\n"
        )
        assert vocabulary.snippet_bases_in(mkdocs_yml) == bases
        assert vocabulary.snippet_bases(load_config(str(mkdocs_yml))) == bases
    mkdocs_yml.write_text("site_name: t\nmarkdown_extensions:\n  - pymdownx.snippets\n")
    assert vocabulary.snippet_bases_in(mkdocs_yml) == [tmp_path / "."]


# --- Recorded output ----------------------------------------------------------------


def test_output_comments_are_read_and_dropped_whole_lines() -> None:
    source = "print(1)\n#> 1\nfor i in range(2):\n    print(i)\n    #>0\n    #>  1\nx = 1  #> no\n"
    assert vocabulary.recorded_output(source) == ["1", "0", " 1"]
    assert vocabulary.without_recorded_output(source) == (
        "print(1)\nfor i in range(2):\n    print(i)\nx = 1  #> no\n"
    )


# --- Fences -------------------------------------------------------------------------


def rendered_language(info: str) -> str | None:
    """The language superfences gives the fence (the first `language-` class that
    pymdownx.highlight writes), or None if it made no code block of it."""
    page = superfences(f"```{info}\nimport threading\n```\n", pygments_lang_class=True)
    block = re.search(r'<div[^>]*class="language-(?P<lang>\S+)[^"]*"', page)
    return block["lang"] if block else None


INFO_STRINGS = [
    "python",
    "Python",
    "PY",
    "py3",
    "python3",
    ".python",
    ' python title="a b.py"',
    'python linenums="1"',
    'python {title="x.py"}',
    '.py {hl_lines="1"}',
    "{.python}",
    "{ .python }",
    '{.python title="x"}',
    "{#id .py3}",
    '{title=".py" .python}',
    "{python}",
    "{.text .python}",
    "{.python .text}",
    "text",
    "",
    '{title="x"}',
    "pycon",
    "python3.11",
    "python{.x}",
    "python title=x",
    "python=1",
]


@pytest.mark.parametrize("info", INFO_STRINGS)
def test_a_python_fence_is_one_superfences_gives_a_python_language(info: str) -> None:
    language = rendered_language(info)
    if language is None:
        assert vocabulary.fence_language(info) is None
    assert vocabulary.is_python(info) == (
        language is not None and language.lower() in vocabulary.PYTHON_LANGS
    )


@pytest.mark.parametrize("name", sorted(vocabulary.PYTHON_LANGS))
def test_every_python_language_is_highlighted_as_python(name: str) -> None:
    for written in (name, name.capitalize(), name.upper()):
        page = superfences(f"```{written}\nimport threading\n```\n")
        assert '<span class="kn">import</span>' in page, written
    assert '<span class="kn">' not in superfences("```text\nimport threading\n```\n")


@pytest.mark.parametrize("info", [info for info in INFO_STRINGS if vocabulary.is_python(info)])
def test_an_attribute_rides_on_the_fence_and_changes_nothing_else(info: str) -> None:
    original = superfences(f"```{info}\nprint(1)\n```\n")
    marked = superfences(f"```{vocabulary.with_attribute(info, 'data-key', '7')}\nprint(1)\n```\n")
    opening = re.match(r"<div [^>]*>", marked)
    assert opening and ' data-key="7"' in opening[0]
    assert marked.replace(' data-key="7"', "", 1) == original


def test_no_attribute_rides_on_a_line_that_is_no_fence() -> None:
    with pytest.raises(ValueError, match="not the info string"):
        vocabulary.with_attribute("python title=x", "data-key", "7")


def code_blocks(text: str) -> list[str]:
    """The code blocks superfences makes of `text` (which has no indented code
    block), as plain text."""
    page = superfences(text, use_pygments=False)
    blocks = re.findall(r'<pre class="highlight"><code[^>]*>(.*?)</code>', page, re.DOTALL)
    return [html.unescape(code) for code in blocks]


FENCE_PAGES = {
    "two fences": """
        ```python
        print(1)
        ```

        Text.

        ~~~text
        out
        ~~~
        """,
    "one in another": """
        ````markdown
        ```python
        print(1)
        ```
        ````
        """,
    "closed by the same run only": """
        ```python
        x = 1
        ````
        y = 2
        ```
        """,
    "indented, in an admonition and a list": """
        !!! note

            ```python
            if True:
                print(1)
            ```

        - item

            ```python
            print(2)
            ```
        """,
    "closed at its own indentation only": """
        !!! note

            ```python
            x = 1
              ```
            ```
        """,
    "interrupted by a line at the margin": """
        !!! note

            ```python
            x = 1
        Back at the margin.
            ```python
            y = 2
            ```
        """,
    "never closed": """
        Text.

        ```python
        x = 1
        """,
    "an info string that makes no fence": """
        ```python title=x
        x = 1
        ```

        ```python
        y = 2
        ```
        """,
}


@pytest.mark.parametrize("text", FENCE_PAGES.values(), ids=FENCE_PAGES.keys())
def test_fences_are_those_superfences_finds(text: str) -> None:
    lines = textwrap.dedent(text).split("\n")
    found = list(vocabulary.iter_fences(lines))
    assert ["\n".join(fence.body) for fence in found] == code_blocks(text)
    for fence in found:
        assert lines[fence.start].lstrip().startswith(fence.fence)
        assert lines[fence.end].strip() == fence.fence


def test_a_fence_knows_its_includes() -> None:
    lines = textwrap.dedent(
        """\
        ```python
        --8<-- "a.py"

        --8<-- "b.py:main"
        ```

        ```python
        --8<-- "a.py"
        print("and more")
        ```

        ```python
        print("its own")
        ```
        """
    ).split("\n")
    only, mixed, own = vocabulary.iter_fences(lines)
    assert (only.includes, only.only_includes) == (["a.py", "b.py:main"], True)
    assert (mixed.includes, mixed.only_includes) == (["a.py"], False)
    assert (own.includes, own.only_includes) == ([], False)
    assert vocabulary.fenced_lines([only, own]) == {0, 1, 2, 3, 4, 11, 12, 13}


# --- Where a line is ----------------------------------------------------------------


def test_a_line_is_counted_in_the_page_file(tmp_path: Path) -> None:
    """The front matter that MkDocs takes off, and a line a hook put in, do not count;
    a line written twice is told apart by the ones above it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    source = "---\ntitle: T\n---\n\n# T\n\nsame\n\nsame\n"
    (tmp_path / "docs" / "page.md").write_text(source)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    page = Page(None, File("page.md", config.docs_dir, config.site_dir, True), config)
    lines = ["# T", "", "A line a hook put in.", "", "same", "", "same", ""]
    assert vocabulary.source_location(page, config, lines, 4) == "docs/page.md:7"
    assert vocabulary.source_location(page, config, lines, 6) == "docs/page.md:9"


# --- The nav ------------------------------------------------------------------------


def test_the_nav_gives_every_page_in_order_with_its_title() -> None:
    nav = [
        "index.md",
        {"Locks": "locks.md"},
        {"Going further": [{"Pools": "pools.md"}, "extra.md", {"Deeper": ["deep.md"]}]},
    ]
    assert list(vocabulary.nav_pages(nav)) == [
        (None, "index.md"),
        ("Locks", "locks.md"),
        ("Pools", "pools.md"),
        (None, "extra.md"),
        (None, "deep.md"),
    ]
    assert [title for title, _ in vocabulary.nav_items(nav)] == [None, "Locks", "Going further"]
