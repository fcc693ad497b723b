"""Every puzzle: its program prints on CPython what its `#>` lines record, and its check
rejects that (the program left to itself does not reach the goal) and accepts the
output of the winning run, which tests/browser/test_puzzles.py made by stepping the
program in the browser and holds to what puzzle.json records. The hook that carries
each check to its page is tested here too (puzzles/README.md has the format).
"""

from __future__ import annotations

import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from site_hooks import puzzles as hook
from site_hooks.markdown_vocabulary import recorded_output

from .snippet_files import DOCS_DIR, ROOT

PUZZLES_DIR = ROOT / "puzzles"
PUZZLES = sorted(
    p.parent.relative_to(PUZZLES_DIR).as_posix() for p in PUZZLES_DIR.glob("*/*/check.py")
)
RUN_TIMEOUT = 30  # seconds; every program ends at once
ENDINGS = (None, "deadlock", "exception", "time-limit", "output-limit")


def load_check(puzzle: str) -> Callable[[str, str | None], str | None]:
    return runpy.run_path(str(PUZZLES_DIR / puzzle / "check.py"))["check"]


def about(puzzle: str) -> dict:
    return json.loads((PUZZLES_DIR / puzzle / "puzzle.json").read_text(encoding="utf-8"))


def cpython_stdout(puzzle: str, tmp_path: Path) -> str:
    """What the program prints to stdout on this CPython, run from a copy."""
    shutil.copy(PUZZLES_DIR / puzzle / "program.py", tmp_path / "program.py")
    result = subprocess.run(
        [sys.executable, "program.py"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT,
    )
    assert result.returncode == 0, f"puzzles/{puzzle}/program.py: {result.stderr}"
    return result.stdout


def test_there_are_at_least_eight_puzzles() -> None:
    assert len(PUZZLES) >= 8, PUZZLES


@pytest.mark.parametrize("puzzle", PUZZLES)
def test_puzzle_folder_is_complete(puzzle: str) -> None:
    folder = PUZZLES_DIR / puzzle
    assert sorted(p.name for p in folder.iterdir() if p.name != "__pycache__") == [
        "check.py",
        "program.py",
        "puzzle.json",
    ]
    described = about(puzzle)
    assert described["granularity"] in hook.GRANULARITIES
    if described.get("impossible"):
        assert "winning" not in described and "won" not in described
    else:
        assert described["winning"], "a reachable goal needs a winning sequence of steps"
        assert set(described["won"]) == {"stdout", "ending"}


@pytest.mark.parametrize("puzzle", PUZZLES)
def test_threads_are_named_for_their_buttons(puzzle: str) -> None:
    source = (PUZZLES_DIR / puzzle / "program.py").read_text()
    calls = source.count("threading.Thread(")
    assert calls and source.count("name=") >= calls, "each Thread(...) needs a name="


@pytest.mark.timeout(60)
@pytest.mark.parametrize("puzzle", PUZZLES)
def test_program_prints_its_recorded_output(puzzle: str, tmp_path: Path) -> None:
    source = (PUZZLES_DIR / puzzle / "program.py").read_text()
    assert cpython_stdout(puzzle, tmp_path).splitlines() == recorded_output(source)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("puzzle", PUZZLES)
def test_check_rejects_the_program_left_to_itself(puzzle: str, tmp_path: Path) -> None:
    hint = load_check(puzzle)(cpython_stdout(puzzle, tmp_path), None)
    assert isinstance(hint, str) and hint.strip(), hint


@pytest.mark.parametrize("puzzle", [p for p in PUZZLES if not about(p).get("impossible")])
def test_check_accepts_the_winning_run(puzzle: str) -> None:
    won = about(puzzle)["won"]
    assert load_check(puzzle)(won["stdout"], won["ending"]) is None


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("puzzle", PUZZLES)
def test_check_answers_any_ending_with_text_or_none(puzzle: str, ending: str | None) -> None:
    """A stepped run can end any way, with nothing printed: the check never raises."""
    hint = load_check(puzzle)("", ending)
    assert hint is None or (isinstance(hint, str) and hint.strip())


def test_an_unfinished_run_is_not_a_win_where_the_goal_is_printed() -> None:
    won = about("race_conditions/lose_all_but_one")["won"]
    check = load_check("race_conditions/lose_all_but_one")
    assert check(won["stdout"], "time-limit") is not None


# --- On the pages ---------------------------------------------------------------------

PUZZLE_DIV = re.compile(r'<div class="puzzle" data-puzzle="(?P<name>[^"]+)" markdown>')


def shown_puzzles() -> dict[str, list[str]]:
    """Puzzle -> the pages whose Markdown shows it."""
    shown: dict[str, list[str]] = {}
    for page in sorted(DOCS_DIR.rglob("*.md")):
        for match in PUZZLE_DIV.finditer(page.read_text()):
            shown.setdefault(match["name"], []).append(page.name)
    return shown


@pytest.mark.parametrize("puzzle", PUZZLES)
def test_every_puzzle_is_on_one_page_with_its_program(puzzle: str) -> None:
    pages = shown_puzzles().get(puzzle, [])
    assert len(pages) == 1, f"puzzles/{puzzle} is shown on {pages}"
    text = (DOCS_DIR / pages[0]).read_text()
    div = text.index(f'data-puzzle="{puzzle}"')
    fence = text[div : text.index("</div>", div)]
    assert f'--8<-- "puzzles/{puzzle}/program.py"' in fence
    site_only = text.rfind("<!-- site-only -->", 0, div)
    assert site_only > text.rfind("<!-- /site-only -->", 0, div), "Step through is site-only"


def test_every_puzzle_div_names_a_puzzle() -> None:
    assert set(shown_puzzles()) <= set(PUZZLES)


# --- The hook ---------------------------------------------------------------------------


def test_the_check_goes_into_the_puzzle_div() -> None:
    div = '<div class="puzzle" data-puzzle="deadlocks/opposite_order">'
    out = hook.embed_checks(f"<p>x</p>{div}<pre>code</pre></div>", PUZZLES_DIR, "deadlocks.md")
    script = re.search(r'<script type="application/json" class="puzzle-check">(.*?)</script>', out)
    assert script and out.startswith(f"<p>x</p>{div}{script.group()}<pre>code</pre></div>")
    data = json.loads(script[1])
    assert data == {
        "puzzle": "deadlocks/opposite_order",
        "path": "puzzles/deadlocks/opposite_order/check.py",
        "source": (PUZZLES_DIR / "deadlocks/opposite_order/check.py").read_text(),
        "granularity": "line",
    }


def test_the_source_cannot_end_the_script_element(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    (folder / "program.py").write_text("")
    (folder / "check.py").write_text('HINT = "</script><!-- & >"\n')
    (folder / "puzzle.json").write_text('{"granularity": "blocking", "impossible": true}')
    out = hook.embed_checks('<div class="puzzle" data-puzzle="a/b"></div>', tmp_path, "x.md")
    body = out.split('class="puzzle-check">', 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["source"] == 'HINT = "</script><!-- & >"\n'
    assert json.loads(body)["granularity"] == "blocking"


def test_a_div_without_both_markers_is_left_alone() -> None:
    for html_text in ('<div class="puzzle"></div>', '<div data-puzzle="locks/two_inside"></div>'):
        assert hook.embed_checks(html_text, PUZZLES_DIR, "x.md") == html_text


@pytest.mark.parametrize("name", ["locks/nothing_here", "../exercises/locks", "locks"])
def test_an_unknown_puzzle_stops_the_build(name: str) -> None:
    with pytest.raises(PluginError, match="names no puzzles/"):
        hook.embed_checks(f'<div class="puzzle" data-puzzle="{name}"></div>', PUZZLES_DIR, "x.md")


def test_an_unknown_granularity_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    for name in ("program.py", "check.py"):
        (folder / name).write_text("")
    (folder / "puzzle.json").write_text('{"granularity": "switch-points"}')
    with pytest.raises(PluginError, match="granularity"):
        hook.embed_checks('<div class="puzzle" data-puzzle="a/b"></div>', tmp_path, "x.md")
