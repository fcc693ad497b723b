"""Every Python fence on a page is an include of a snippet or is itself tested,
and every snippet is included by at least one page."""

from __future__ import annotations

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from site_hooks.markdown_vocabulary import INCLUDE, include_path, iter_fences

from .snippet_files import DOCS_DIR, all_snippets, included_path

FENCES = list(find_examples(DOCS_DIR))


def included_file(example: CodeExample) -> list[str] | None:
    """The snippet files a fence includes, or None if it holds Python code of its own."""
    lines = [line for line in example.source.splitlines() if line.strip()]
    targets = [INCLUDE.match(line) for line in lines]
    if lines and all(targets):
        return [include_path(m["target"]) for m in targets]
    return None


def test_pages_have_python() -> None:
    assert FENCES, f"no Python fences found under {DOCS_DIR}"


def test_every_python_fence_of_the_site_is_tested_here() -> None:
    """pytest-examples finds fences by rules of its own: each fence that the site shows
    as Python must be among them, or its code would go untested."""
    missed = []
    for page in sorted(DOCS_DIR.rglob("*.md")):
        shown = {f.start + 1 for f in iter_fences(page.read_text().split("\n")) if f.is_python}
        found = {example.start_line for example in FENCES if example.path == page}
        missed += [f"{page.relative_to(DOCS_DIR)}:{line}" for line in sorted(shown - found)]
    assert not missed, f"Python fences pytest-examples does not see: {missed}"


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
        included |= {include_path(m["target"]) for m in INCLUDE.finditer(page.read_text())}
    orphans = [str(s) for s in all_snippets() if s.as_posix() not in included]
    assert not orphans, f"snippets no page includes: {orphans}"
