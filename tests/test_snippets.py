"""Every snippet is linted, run on this CPython, and its output checked.

The output is compared with the snippet's `#>` comments, which is exactly what the page
shows. `pytest tests/test_snippets.py --update-examples` rewrites them from a real run.
"""

from __future__ import annotations

import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from pytest_examples import CodeExample
from pytest_examples.config import ExamplesConfig
from pytest_examples.run_code import run_code

from .output_checks import INVARIANTS
from .snippet_files import SNIPPETS_DIR, all_snippets, expected_lines

CONFIG = ExamplesConfig(line_length=120, target_version="py311")
SNIPPETS = all_snippets()


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_passes_ruff(snippet: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", str(snippet)],
        cwd=SNIPPETS_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.timeout(60)
@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_output(
    snippet: Path, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch
) -> None:
    path = SNIPPETS_DIR / snippet
    source = path.read_text()
    example = CodeExample.create(source, path=path, start_line=1)
    # The snippet runs as __main__ from a copy, with its own folder as working directory.
    python_file = tmp_path / path.name
    python_file.write_text(source)
    monkeypatch.chdir(tmp_path)
    # run_code puts the snippet in sys.modules as __main__ and leaves it there.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])

    try:
        printed, _ = run_code(
            example=example,
            python_file=python_file,
            loader=None,
            config=CONFIG,
            enable_print_mock=True,
            print_callback=None,
            include_print=None,
            module_globals=None,
            call=None,
        )
    except Exception as exc:
        pytest.fail(_where_it_failed(exc, python_file, f"snippets/{snippet}"), pytrace=False)

    in_run_order = [str(statement) for statement in printed.print_statements()]
    # pytest-examples inserts `#>` comments correctly only when print lines ran in file
    # order; a print line that runs again after a later one would lose or misplace
    # output. Grouping by line (stable, so each line keeps its run order) fixes that.
    printed.print_statements().sort(key=lambda statement: statement.line_no)
    updated = printed.updated_print_statements(example)
    if updated is None:
        return
    invariant = INVARIANTS.get(snippet.as_posix())
    if invariant is not None:
        problem = invariant(expected_lines(source), in_run_order)
        assert problem is None, f"snippets/{snippet}: {problem}"
        return
    if request.config.getoption("update_examples"):
        path.write_text(updated)
        return
    pytest.fail(
        f"snippets/{snippet}: printed output differs from its `#>` comments "
        "(rerun with --update-examples to record it):\n" + _diff(source, updated),
        pytrace=False,
    )


def _diff(old: str, new: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), "recorded", "printed")
    )


def _where_it_failed(exc: BaseException, python_file: Path, shown_as: str) -> str:
    """`snippets/chapter/name.py:LINE: Error: message`, plus the traceback inside the snippet."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(python_file)]
    line = frames[-1].lineno if frames else 1
    inside = "".join(f"  {shown_as}:{f.lineno} in {f.name}\n    {f.line}\n" for f in frames)
    return f"{shown_as}:{line}: {type(exc).__name__}: {exc}\n{inside}"
