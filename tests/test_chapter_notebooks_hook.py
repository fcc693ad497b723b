"""hooks/chapter_notebooks.py: how a chapter's Markdown becomes notebook cells.

The built notebooks themselves are checked in tests/test_build.py.
"""

from __future__ import annotations

import textwrap

import pytest

from site_hooks import chapter_notebooks as hook


def cells(markdown: str) -> list[tuple[str, str]]:
    lines = textwrap.dedent(markdown).strip("\n").split("\n")
    return hook._cells(hook._flatten_blocks(lines))


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
    assert hook.OUTPUT_COMMENT.sub("", source) == "print(1)\nfor i in range(2):\n    print(i)\n"


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
    assert hook._for_notebook(page.split("\n"), "page/") == ["Before.", "After.", ""]


def test_an_unclosed_site_only_block_names_its_line() -> None:
    page = ["Before.", "", "<!-- site-only -->", "Press Run."]
    with pytest.raises(ValueError, match=r"^3: <!-- site-only --> without"):
        hook._for_notebook(page, "page/")
