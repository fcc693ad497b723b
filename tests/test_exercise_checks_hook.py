"""site_hooks/exercise_checks.py: each exercise's check travels with it, safely escaped."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from site_hooks import exercise_checks as hook

from .snippet_files import EXERCISES_DIR

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
