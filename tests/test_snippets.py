"""Every snippet is linted, run on this CPython (or, for one that needs a newer Python,
on the first new enough: MIN_VERSION), and its output checked.

The output is compared with the snippet's `#>` comments, which is exactly what the page
shows. `pytest tests/test_snippets.py --update-examples` rewrites them from a real run.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from pytest_examples import CodeExample
from pytest_examples.config import ExamplesConfig
from pytest_examples.run_code import Arg, InsertPrintStatements, PrintStatement, run_code

from site_hooks.markdown_vocabulary import INCLUDE, include_path, nav_pages

from .output_checks import INVARIANTS
from .snippet_files import (
    DOCS_DIR,
    MIN_VERSION,
    ROOT,
    SNIPPETS_DIR,
    all_snippets,
    expected_lines,
    included_path,
    python_for,
)

PRINT_RECORDER = Path(__file__).with_name("print_recorder.py")

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

    if snippet.as_posix() in MIN_VERSION:
        printed = _run_on_newer_python(snippet, example, python_file)
    else:
        printed = _run_here(example, python_file, f"snippets/{snippet}")

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


def _run_here(example: CodeExample, python_file: Path, shown_as: str) -> InsertPrintStatements:
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
        pytest.fail(_where_it_failed(exc, python_file, shown_as), pytrace=False)
    return printed


def _run_on_newer_python(
    snippet: Path, example: CodeExample, python_file: Path
) -> InsertPrintStatements:
    """The prints of a snippet that needs a newer Python, run in a subprocess of the
    one `python_for` finds and recorded by tests/print_recorder.py as run_code would."""
    python = python_for(snippet.as_posix())
    shown_as = f"snippets/{snippet}"
    record = python_file.with_name("prints.json")
    result = subprocess.run(
        [python, str(PRINT_RECORDER), str(python_file), str(record)],
        cwd=python_file.parent,
        capture_output=True,
        text=True,
        timeout=50,
    )
    if result.returncode != 0:
        pytest.fail(f"{shown_as} failed on {python}:\n{result.stderr}", pytrace=False)
    printed = InsertPrintStatements(python_file, CONFIG, True, None, None)
    for line_no, sep, args in json.loads(record.read_text("utf-8")):
        printed.print_statements().append(PrintStatement(line_no, sep, [_arg(*a) for a in args]))
    return printed


def _arg(text: str, is_str: bool) -> Arg:
    arg = Arg(text)  # a string, so kept as it is
    arg.is_str = is_str
    return arg


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


# The tools a chapter teaches, which no program on an earlier page may use: a reader
# meets each one first where it is explained.
TAUGHT_IN = {
    "Event": "semaphore-event-barrier.md",
    "Barrier": "semaphore-event-barrier.md",
    "Semaphore": "semaphore-event-barrier.md",
    "BoundedSemaphore": "semaphore-event-barrier.md",
    "Condition": "conditions.md",
    "Queue": "thread-communication.md",
    "SimpleQueue": "thread-communication.md",
    "LifoQueue": "thread-communication.md",
    "PriorityQueue": "thread-communication.md",
}


def test_no_page_shows_a_tool_before_the_chapter_that_teaches_it() -> None:
    nav = yaml_load((ROOT / "mkdocs.yml").read_text())["nav"]
    pages = [page for _title, page in nav_pages(nav)]
    order = {page: number for number, page in enumerate(pages)}
    early = []
    for page in pages:
        text = (DOCS_DIR / page).read_text()
        for target in dict.fromkeys(include_path(m["target"]) for m in INCLUDE.finditer(text)):
            path = included_path(target)
            if path is None or path.suffix != ".py":
                continue
            for tool in sorted(_threading_tools_in(path.read_text()) & TAUGHT_IN.keys()):
                if order[page] < order[TAUGHT_IN[tool]]:
                    early.append(f"{page} shows {target}, which uses {tool} ({TAUGHT_IN[tool]})")
    assert not early, "tools used before their chapter:\n" + "\n".join(early)


def _threading_tools_in(source: str) -> set[str]:
    """The names a program takes from `threading` or `queue`: `threading.Event`, or
    `Event` after `from threading import Event`."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in ("threading", "queue"):
            names |= {alias.name for alias in node.names}
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("threading", "queue")
        ):
            names.add(node.attr)
    return names
