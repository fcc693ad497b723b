"""Every Python fence on a page is an include of a snippet or is itself tested,
and every snippet is included by at least one page."""

from __future__ import annotations

import re

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from .snippet_files import DOCS_DIR, all_snippets, included_path

INCLUDE = re.compile(r'^-{2}8<-{2} "([^"]+)"$')
FENCES = list(find_examples(DOCS_DIR))


def included_file(example: CodeExample) -> list[str] | None:
    """The snippet files a fence includes, or None if it holds Python code of its own."""
    lines = [line.strip() for line in example.source.splitlines() if line.strip()]
    targets = [INCLUDE.match(line) for line in lines]
    if lines and all(targets):
        return [m.group(1).split(":")[0] for m in targets]
    return None


def test_pages_have_python() -> None:
    assert FENCES, f"no Python fences found under {DOCS_DIR}"


@pytest.mark.parametrize("example", FENCES, ids=str)
def test_fence_is_include_or_tested(example: CodeExample, eval_example: EvalExample) -> None:
    targets = included_file(example)
    if targets is not None:
        for target in targets:
            assert included_path(target), f"{example}: includes missing {target}"
        return
    eval_example.set_config(line_length=120, target_version="py311")
    eval_example.lint_ruff(example)
    if eval_example.update_examples:
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)


def test_every_snippet_is_on_a_page() -> None:
    included = set()
    for page in DOCS_DIR.rglob("*.md"):
        for match in re.finditer(r'-{2}8<-{2} "([^"]+)"', page.read_text()):
            included.add(match.group(1).split(":")[0])
    orphans = [str(s) for s in all_snippets() if s.as_posix() not in included]
    assert not orphans, f"snippets no page includes: {orphans}"
