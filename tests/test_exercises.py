"""Every exercise: its check passes on the solution and fails on the starter.

An exercise is a folder `exercises/<chapter>/<name>/` with `starter.py` (the program the
reader edits: wrong, but it ends), `solution.py` and `check.py`, whose
`check(output) -> str | None` sees what the program printed and returns None when it is
right, or a hint. Both programs run as real CPython processes, as the reader would run
them; the browser runs the same `check()` after the reader's program (exercises/README.md).
"""

from __future__ import annotations

import inspect
import os
import re
import runpy
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .snippet_files import DOCS_DIR, EXERCISES_DIR, ROOT, all_exercises, python_for_exercise

EXERCISES = all_exercises()
FILES = ("starter.py", "solution.py", "check.py")
RUN_TIMEOUT = 30  # seconds; every program ends in a few


def load_check(exercise: Path) -> Callable[[str], str | None]:
    return runpy.run_path(str(EXERCISES_DIR / exercise / "check.py"))["check"]


def run_program(exercise: Path, name: str, tmp_path: Path) -> str:
    """What the program printed to stdout, run from a copy in a temporary folder."""
    shutil.copy(EXERCISES_DIR / exercise / name, tmp_path / name)
    result = subprocess.run(
        [python_for_exercise(exercise.as_posix(), name), name],
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT,
    )
    assert result.returncode == 0, (
        f"exercises/{exercise}/{name} exited with {result.returncode}:\n{result.stderr}"
    )
    return result.stdout


def test_there_are_exercises() -> None:
    assert EXERCISES, f"no exercises under {EXERCISES_DIR}"


def test_every_exercise_folder_is_complete() -> None:
    folders = sorted(p.relative_to(EXERCISES_DIR) for p in EXERCISES_DIR.glob("*/*/"))
    assert folders, f"no folders under {EXERCISES_DIR}"
    incomplete = [
        f"{folder}: {sorted(p.name for p in (EXERCISES_DIR / folder).iterdir())}"
        for folder in folders
        if {p.name for p in (EXERCISES_DIR / folder).glob("*.py")} != set(FILES)
    ]
    assert not incomplete, f"an exercise holds exactly {FILES}: {incomplete}"


def test_exercise_folders_are_snippet_folders() -> None:
    chapters = {exercise.parts[0] for exercise in EXERCISES}
    strays = sorted(c for c in chapters if not (ROOT / "snippets" / c).is_dir())
    assert not strays, f"exercises/<chapter> must be named like snippets/<chapter>: {strays}"


def test_every_chapter_ends_with_one_or_two_exercises() -> None:
    chapters = sorted(p.name for p in (ROOT / "snippets").iterdir() if p.is_dir())
    counts = {c: sum(1 for e in EXERCISES if e.parts[0] == c) for c in chapters}
    wrong = {chapter: count for chapter, count in counts.items() if count not in (1, 2)}
    assert not wrong, f"exercises per chapter, one or two each: {wrong}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_exercise_passes_ruff(exercise: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", *FILES],
        cwd=EXERCISES_DIR / exercise,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_check_takes_the_output(exercise: Path) -> None:
    parameters = list(inspect.signature(load_check(exercise)).parameters)
    assert parameters == ["output"], f"exercises/{exercise}/check.py: check{parameters}"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_solution_passes_its_check(exercise: Path, tmp_path: Path) -> None:
    output = run_program(exercise, "solution.py", tmp_path)
    hint = load_check(exercise)(output)
    assert hint is None, f"exercises/{exercise}: the solution fails: {hint}\n{output}"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_starter_fails_its_check(exercise: Path, tmp_path: Path) -> None:
    output = run_program(exercise, "starter.py", tmp_path)
    hint = load_check(exercise)(output)
    assert isinstance(hint, str), f"exercises/{exercise}: the starter passes:\n{output}"
    assert hint.strip() and "\n" not in hint, f"a hint is one line of text: {hint!r}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_exercise_is_on_a_page(exercise: Path) -> None:
    """A page has the starter in its `div.exercise` and the solution after it."""
    starter = re.compile(
        rf'<div class="exercise" data-exercise="{exercise.as_posix()}" markdown>\s*\n'
        rf'\s*```python[^\n]*\n\s*-{{2}}8<-{{2}} "exercises/{exercise.as_posix()}/starter.py"\n'
        r"\s*```\s*\n\s*</div>"
    )
    solution = f'--8<-- "exercises/{exercise.as_posix()}/solution.py"'
    pages = [
        page.relative_to(DOCS_DIR).as_posix()
        for page in sorted(DOCS_DIR.rglob("*.md"))
        if starter.search(text := page.read_text()) and solution in text
    ]
    assert len(pages) == 1, (
        f"exercises/{exercise}: {len(pages)} pages show it (starter in its div and solution)"
    )
