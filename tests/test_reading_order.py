"""The order the chapters are read in: the core first, each term defined on the first
page that uses it, and the home page listing the core as the navigation does."""

from __future__ import annotations

import re

import pytest
from mkdocs.utils.yaml import yaml_load

from site_hooks.markdown_vocabulary import nav_items, nav_pages

from .snippet_files import DOCS_DIR, ROOT

NAV = yaml_load((ROOT / "mkdocs.yml").read_text())["nav"]
PAGES = [page for _title, page in nav_pages(NAV)]
# The chapters at the top level of the navigation, before its first section.
CORE = []
for _title, _value in nav_items(NAV):
    if isinstance(_value, list):
        break
    if _value != "index.md":
        CORE.append(_value)

# Words that the pages use as terms: the first page that uses one defines it, in
# italics, before any other use on that page.
TERMS = ["atomic", "bytecode", "sentinel", "thread-safe"]
FENCE = re.compile(r"^([ \t]*)```.*?^\1```$", re.MULTILINE | re.DOTALL)


def prose(page: str) -> str:
    """A page without its code blocks and its headings, where a term is only named."""
    text = FENCE.sub("", (DOCS_DIR / page).read_text())
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_thread_safety_follows_race_conditions_in_the_core() -> None:
    assert "thread-safety.md" in CORE, CORE
    race = CORE.index("race-conditions.md")
    assert CORE[race + 1] == "thread-safety.md", CORE


def test_thread_pools_are_in_the_core() -> None:
    assert "thread-pools.md" in CORE, CORE
    assert CORE.index("thread-pools.md") > CORE.index("thread-communication.md"), CORE


@pytest.mark.parametrize("term", TERMS)
def test_a_term_is_defined_on_the_first_page_that_uses_it(term: str) -> None:
    word = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
    # The home page only names what the chapters teach.
    users = [page for page in PAGES if page != "index.md" and word.search(prose(page))]
    assert users, f"no page uses {term!r}"
    first = users[0]
    text = prose(first)
    use = word.search(text)
    around = text[max(use.start() - 2, 0) : use.end() + 2]
    assert re.fullmatch(rf"[^*]?\*{re.escape(term)}\*[^*]?", around, re.IGNORECASE), (
        f"{first}, the first page to use {term!r}, uses it before it defines it in italics: "
        f"{text[max(use.start() - 60, 0) : use.end() + 60]!r}"
    )


def test_the_home_page_lists_the_core_in_order() -> None:
    home = (DOCS_DIR / "index.md").read_text()
    listed = re.findall(r"^\d+\. \[[^\]]+\]\(([^)#]+)\)", home, re.MULTILINE)
    assert listed == CORE
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    assert f"The first {words[len(CORE) - 1]} chapters are the core" in home
