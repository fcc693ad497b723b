"""Topics the book explains in one place only: the other pages name the topic in a line
and link to that place, so that the explanations cannot drift apart."""

from __future__ import annotations

import re

import pytest

from .snippet_files import DOCS_DIR, SNIPPETS_DIR

OLDER_CODE_PAGE = "reading-older-code.md"
CAMELCASE_LINK = f"{OLDER_CODE_PAGE}#camelcase-names"
INTERLEAVING_PAGE = "thread-safety.md"
INTERLEAVING_LINK = f"{INTERLEAVING_PAGE}#interleaving"

# The deprecated spellings of threading's names, as `name(` in inline code.
CAMELCASE = re.compile(
    r"`[^`\n]*\b(currentThread|activeCount|getName|setName|isDaemon|setDaemon|isAlive"
    r"|isSet|notifyAll)\("
)
# How the pages speak of lines from two threads that run together.
GLUED_LINES = re.compile(r"\bglued\b|\brun together\b")


def pages() -> list[str]:
    return sorted(p.name for p in DOCS_DIR.glob("*.md"))


def text(page: str) -> str:
    return (DOCS_DIR / page).read_text()


def test_the_topics_have_their_pages() -> None:
    assert CAMELCASE.search(text(OLDER_CODE_PAGE))
    assert "{ #interleaving }" in text(INTERLEAVING_PAGE)


@pytest.mark.parametrize("page", [p for p in pages() if p != OLDER_CODE_PAGE])
def test_camelcase_names_are_explained_in_the_appendix(page: str) -> None:
    source = text(page)
    names = {m[1] for m in CAMELCASE.finditer(source)}
    if names:
        assert CAMELCASE_LINK in source, f"{page} names {sorted(names)} without a link"
        listed = {m[1] for m in CAMELCASE.finditer(text(OLDER_CODE_PAGE))}
        assert names <= listed, f"the appendix does not list {sorted(names - listed)}"


@pytest.mark.parametrize("page", pages())
def test_older_tutorials_are_met_in_the_appendix_only(page: str) -> None:
    if page != OLDER_CODE_PAGE:
        assert "older tutorial" not in text(page).lower()


@pytest.mark.parametrize("page", [p for p in pages() if p != INTERLEAVING_PAGE])
def test_interleaved_prints_are_explained_once(page: str) -> None:
    source = text(page)
    if GLUED_LINES.search(source):
        assert INTERLEAVING_LINK in source, f"{page} speaks of glued lines without a link"


# Printing from threads is one topic: why lines interleave, and how to print a shared
# value that other threads change, are taught side by side.
SHARED_VALUE_PROGRAMS = re.compile(r'--8<-- "locks/print_(outside|inside)_lock\.py"')


def test_printing_a_shared_value_is_taught_where_printing_is() -> None:
    assert "{ #printing-a-shared-value }" in text(INTERLEAVING_PAGE)
    shown = [p for p in pages() if SHARED_VALUE_PROGRAMS.search(text(p))]
    assert shown == [INTERLEAVING_PAGE]


def test_one_program_reads_and_sets_the_switch_interval() -> None:
    shown = sorted(
        str(path.relative_to(SNIPPETS_DIR))
        for path in SNIPPETS_DIR.rglob("*.py")
        if "sys.getswitchinterval()" in path.read_text()
    )
    assert shown == ["race_conditions/switch_interval.py"]


# CPython with the GIL forces a switch only at its eval breaker's checks: "anywhere" is
# what the language allows, and the pages say so in those words, not as CPython's.
SWITCH_ANYWHERE = re.compile(r"switch(es)?\s+can\s+happen\s+(anywhere|between\s+any\s+two)")


@pytest.mark.parametrize("page", pages())
def test_no_page_says_cpython_switches_anywhere(page: str) -> None:
    assert not SWITCH_ANYWHERE.search(text(page))
