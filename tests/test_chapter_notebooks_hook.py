"""site_hooks/notebook_conversion.py: how a chapter's Markdown becomes notebook cells.

The built notebooks themselves are checked in tests/test_build.py.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_hooks import chapter_notebooks
from site_hooks import notebook_conversion as conversion


def cells(markdown: str) -> list[tuple[str, str]]:
    return conversion.page_cells(textwrap.dedent(markdown).strip("\n"), "page/")


def test_a_whole_snippet_is_a_code_cell_between_prose() -> None:
    assert cells("""
        # Title

        Some text.

        ```python title="locks/lock_with_statement.py"
        --8<-- "locks/lock_with_statement.py"
        ```

        More text.
    """) == [
        ("markdown", "# Title\n\nSome text."),
        ("code", '--8<-- "locks/lock_with_statement.py"'),
        ("markdown", "More text."),
    ]


def test_code_written_on_the_page_is_a_code_cell() -> None:
    assert cells("```python\nprint(2 * 21)\n#> 42\n```") == [
        ("code", "print(2 * 21)\n#> 42"),
    ]


def test_an_excerpt_stays_in_the_prose() -> None:
    """A named section, or several files, would stop "Run all" with a NameError."""
    for include in ['"locks/lock_with_statement.py:deposit"', '"a.py"\n--8<-- "b.py"']:
        fence = f"```python\n--8<-- {include}\n```"
        assert cells(fence) == [("markdown", fence)]


def test_other_languages_stay_in_the_prose() -> None:
    fence = "```text\n=== not a tab ===\n```"
    assert cells(fence) == [("markdown", fence)]


def test_a_program_in_a_tab_becomes_a_code_cell() -> None:
    assert cells("""
        === "RLock: works"

            ```python title="locks/rlock_reentrant.py"
            --8<-- "locks/rlock_reentrant.py"
            ```

            It prints twice.
    """) == [
        ("markdown", "**RLock: works**"),
        ("code", '--8<-- "locks/rlock_reentrant.py"'),
        ("markdown", "It prints twice."),
    ]


def test_admonitions_and_definitions_become_plain_markdown() -> None:
    assert cells("""
        !!! warning "A lock protects nothing by itself"

            Python does not know
            which data a lock is for.

        ??? tip

            Collapsed.

        `acquire()`
        :   Lock it, or wait.
            Then carry on.
    """) == [
        (
            "markdown",
            "**A lock protects nothing by itself**\n\nPython does not know\n"
            "which data a lock is for.\n\n**Tip**\n\nCollapsed.\n\n"
            "**`acquire()`**\n\nLock it, or wait.\nThen carry on.",
        )
    ]


def test_attribute_lists_are_dropped() -> None:
    assert cells("## `with lock:` { #with-lock }") == [("markdown", "## `with lock:`")]


def test_output_comments_are_what_code_cells_drop() -> None:
    source = "print(1)\n#> 1\nfor i in range(2):\n    print(i)\n    #> 0\n    #> 1\n"
    assert conversion.code_cell_source(source) == "print(1)\nfor i in range(2):\n    print(i)"


def test_a_code_cell_awaits_what_the_program_runs_with_asyncio_run() -> None:
    """The kernel's event loop is running already: asyncio.run() would refuse."""
    source = "import asyncio\n\nif __name__ == '__main__':\n    asyncio.run(main())\n"
    assert conversion.code_cell_source(source) == (
        "import asyncio\n\nif __name__ == '__main__':\n    await main()"
    )


def test_a_folded_solution_becomes_a_link_to_the_page() -> None:
    assert cells("""
        Try it.

        ??? success "Solution"

            ```python
            print("the answer")
            ```

        Next.
    """) == [
        (
            "markdown",
            "Try it.\n\n*The solution is on [the chapter's page](page/#exercises).*\n\nNext.",
        )
    ]


def test_prose_about_the_sites_buttons_stays_on_the_site() -> None:
    page = textwrap.dedent(
        """\
        Before.
        <!-- site-only -->
        Press **Timeline** under the output.
        <!-- /site-only -->
        After.
        """
    )
    assert conversion.page_cells(page, "page/") == [("markdown", "Before.\nAfter.")]


def test_an_unclosed_site_only_block_names_its_line() -> None:
    page = "Before.\n\n<!-- site-only -->\nPress Run."
    with pytest.raises(ValueError, match=r"^3: <!-- site-only --> without"):
        conversion.page_cells(page, "page/")


@pytest.mark.timeout(300)
def test_a_rebuild_in_the_same_process_keeps_only_its_own_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under `mkdocs serve`: two builds by one loaded hook. The second runs the new
    code, and its cache keeps that code's outputs only."""
    monkeypatch.chdir(tmp_path)  # where pymdownx.snippets looks for its base paths
    (tmp_path / "snippets").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text('# Page\n\n```python\n--8<-- "say.py"\n```\n')
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: t
            hooks: [{Path(chapter_notebooks.__file__)}]
            markdown_extensions:
              - pymdownx.superfences
              - pymdownx.snippets:
                  base_path: [snippets]
                  check_paths: true
            """
        )
    )
    cache = tmp_path / chapter_notebooks.CACHE_DIR
    printed = []
    for word in ("one", "two"):
        (tmp_path / "snippets" / "say.py").write_text(f"print({word!r})\n")
        build(load_config(str(tmp_path / "mkdocs.yml")))
        notebook = json.loads((tmp_path / "site" / "notebooks" / "index.ipynb").read_text())
        outputs = [output for cell in notebook["cells"] for output in cell.get("outputs", [])]
        printed.append(["".join(output["text"]) for output in outputs])
        assert len(list(cache.glob("*.json"))) == 1
    assert printed == [["one\n"], ["two\n"]]
