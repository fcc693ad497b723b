"""hooks/exercise_checks.py: each exercise's check travels with it, safely escaped."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from .snippet_files import EXERCISES_DIR, INCLUDE_BASES, ROOT

HOOK_PATH = ROOT / "hooks" / "exercise_checks.py"
spec = importlib.util.spec_from_file_location("exercise_checks", HOOK_PATH)
assert spec and spec.loader
hook = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = hook
spec.loader.exec_module(hook)

SCRIPT = re.compile(
    r'<script type="application/json" class="exercise-check">(?P<data>.*?)</script>', re.S
)


def embedded(page_html: str) -> list[dict]:
    return [json.loads(m["data"]) for m in SCRIPT.finditer(page_html)]


def test_the_check_goes_into_the_exercise_div() -> None:
    page = (
        '<p>Task</p><div class="exercise" data-exercise="locks/fix_the_counter">'
        '<div class="highlight"><pre>code</pre></div></div><div class="other"></div>'
    )
    out = hook.embed_checks(page, EXERCISES_DIR, "locks.md")
    opening = '<div class="exercise" data-exercise="locks/fix_the_counter">'
    assert out.startswith("<p>Task</p>" + opening + '<script type="application/json"')
    assert out.endswith('<div class="other"></div>')
    [data] = embedded(out)
    assert data == {
        "exercise": "locks/fix_the_counter",
        "path": "exercises/locks/fix_the_counter/check.py",
        "source": (EXERCISES_DIR / "locks/fix_the_counter/check.py").read_text(),
    }


def test_the_source_cannot_end_the_script_element(tmp_path: Path) -> None:
    source = 'def check(output):\n    return "</script><!-- & </SCRIPT >" + output\n'
    (tmp_path / "ch" / "ex").mkdir(parents=True)
    (tmp_path / "ch" / "ex" / "check.py").write_text(source)
    out = hook.embed_checks('<div data-exercise="ch/ex" class="exercise x">', tmp_path, "p.md")
    element = SCRIPT.search(out)
    assert element and element.end() == len(out)  # the first </script> is its own
    assert not re.search(r"[<>&]", element["data"])
    assert json.loads(element["data"])["source"] == source


def test_a_div_without_both_markers_is_left_alone() -> None:
    page = '<div class="exercises"></div><div class="exercise"></div><div data-exercise="a/b">'
    assert hook.embed_checks(page, EXERCISES_DIR, "p.md") == page


@pytest.mark.parametrize("name", ["locks/no_such_exercise", "../tests/x", "locks"])
def test_an_unknown_exercise_stops_the_build(name: str) -> None:
    page = f'<div class="exercise" data-exercise="{html.escape(name)}"></div>'
    with pytest.raises(PluginError, match="names no"):
        hook.embed_checks(page, EXERCISES_DIR, "p.md")


def test_exercise_includes_are_inlined_with_their_indentation() -> None:
    markdown = textwrap.dedent(
        """\
        ```python
        --8<-- "locks/lock_with_statement.py"
        ```

        ??? success "Solution"

            ```python title="exercises/locks/fix_the_counter/solution.py"
            --8<-- "exercises/locks/fix_the_counter/solution.py"
            ```
        """
    )
    out = hook.inline_exercise_includes(markdown, INCLUDE_BASES)
    assert '--8<-- "locks/lock_with_statement.py"' in out  # a snippet: left to pymdownx
    assert '--8<-- "exercises/' not in out
    solution = (EXERCISES_DIR / "locks/fix_the_counter/solution.py").read_text()
    shown = textwrap.indent(solution, "    ").replace("    \n", "\n")
    assert '    ```python title="exercises/locks/fix_the_counter/solution.py"\n' + shown in out


def test_a_missing_exercise_file_stops_the_build() -> None:
    with pytest.raises(PluginError, match="exercises/locks/nothing.py"):
        hook.inline_exercise_includes('--8<-- "exercises/locks/nothing.py"', INCLUDE_BASES)
