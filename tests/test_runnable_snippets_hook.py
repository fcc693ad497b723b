"""site_hooks/runnable_snippets.py: which code blocks become runnable, and what they hold."""

from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build as build_in_this_process
from mkdocs.config import load_config

from site_hooks import runnable_snippets as hook


def fences(markdown: str) -> list[tuple[list[str], bool]]:
    return [
        (block.targets, block.whole_file)
        for *_, block in hook.find_snippet_fences(textwrap.dedent(markdown))
    ]


def test_a_whole_file_include_is_runnable() -> None:
    assert fences(
        """
        ```python title="ch/a.py"
        --8<-- "ch/a.py"
        ```
        """
    ) == [(["ch/a.py"], True)]


def test_sections_line_ranges_and_several_files_are_excerpts() -> None:
    assert fences(
        """
        ```python
        --8<-- "ch/a.py:main"
        ```

        ```py
        --8<-- "ch/a.py:3:9"
        ```

        ```python
        --8<-- "ch/a.py"
        --8<-- "ch/b.py"
        ```
        """
    ) == [
        (["ch/a.py:main"], False),
        (["ch/a.py:3:9"], False),
        (["ch/a.py", "ch/b.py"], False),
    ]


def test_nested_and_brace_style_fences_are_found() -> None:
    assert fences(
        """
        !!! example

            ```{.python title="x" linenums="1"}
            --8<-- "ch/a.py"
            ```

        === "Tab"

            ~~~~python
            --8<-- "ch/b.py"
            ~~~~

        ```{.python}
        --8<-- "ch/c.py"
        ```
        """
    ) == [(["ch/a.py"], True), (["ch/b.py"], True), (["ch/c.py"], True)]


def test_other_fences_are_left_alone() -> None:
    assert (
        fences(
            """
        ```text
        --8<-- "ch/out.txt"
        ```

        ```python
        --8<-- "ch/a.py"
        print("and more")
        ```

        ````markdown
        ```python
        --8<-- "ch/a.py"
        ```
        ````
        """
        )
        == []
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('python title="a b.py"', '{.python title="a b.py" data-runner-key="3"}'),
        ("python", '{.python data-runner-key="3"}'),
        ('{.python hl_lines="2"}', '{.python hl_lines="2" data-runner-key="3"}'),
    ],
)
def test_the_marker_rides_on_the_fence_header(header: str, expected: str) -> None:
    assert hook.marked_info(header, 3) == expected


@pytest.mark.parametrize(
    ("source", "needs"),
    [
        ("import threading\nprint(1)\n", None),
        ("import subprocess\n", "subprocess"),
        ("from subprocess import run\n", "subprocess"),
        ("import multiprocessing.pool\n", "multiprocessing"),
        ("from multiprocessing import Process\n", "multiprocessing"),
        ("import socket\n", "socket"),
        ("from http.server import HTTPServer\n", "http.server"),
        ("from concurrent.futures import ProcessPoolExecutor\n", "ProcessPoolExecutor"),
        (
            "import concurrent.futures\nconcurrent.futures.ProcessPoolExecutor()\n",
            "ProcessPoolExecutor",
        ),
        ("name = input('Name? ')\n", "input()"),
        ("from concurrent.futures import ThreadPoolExecutor\n", None),
    ],
)
def test_programs_a_browser_cannot_run(source: str, needs: str | None) -> None:
    reason = hook.local_only_reason(source)
    if needs is None:
        assert reason is None
    else:
        assert reason is not None and f"<code>{needs}</code>" in reason


@pytest.mark.parametrize(
    ("source", "starts"),
    [
        ("import threading\nthreading.Thread(target=print).start()\n", True),
        ("from threading import Thread\nThread(target=print).start()\n", True),
        ("import threading\nthreading.Timer(1, print).start()\n", True),
        ("from concurrent.futures import ThreadPoolExecutor as P\nP().submit(print)\n", True),
        (
            "from concurrent import futures\nwith futures.ThreadPoolExecutor() as p:\n    pass\n",
            True,
        ),
        ("import _thread\n_thread.start_new_thread(print, ())\n", True),
        ("import asyncio\nasyncio.run(asyncio.to_thread(print))\n", True),
        ("import threading\nclass Worker(threading.Thread):\n    pass\n", True),
        # Threading's tools used by the main thread alone, or no threads at all.
        ("import threading\nlock = threading.Lock()\nwith lock:\n    print(1)\n", False),
        ("import threading\nprint(threading.current_thread().name)\n", False),
        ("import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n", False),
        ("# a Thread( in a comment\nprint('Thread(')\n", False),
        ("def broken(:\n", False),
    ],
)
def test_which_programs_start_threads(source: str, starts: bool) -> None:
    assert hook.starts_threads(source) is starts


def test_the_source_is_shown_without_section_markers(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(
        "import threading\n# --8<-- [start:main]\nprint(1)\n#> 1\n# --8<-- [end:main]\n"
    )
    assert hook.displayed_source(path) == "import threading\nprint(1)\n#> 1\n"


def test_playground_fragment_is_unpadded_base64url_of_utf8() -> None:
    source = "print('ü ≠ u')\n"
    fragment = hook.playground_fragment(source)
    encoded = fragment.removeprefix("#code=")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", encoded)
    assert base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode() == source


def build(project: Path, page: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a site with only this hook, `page` as its home page,
    and the snippets `ch/hello.py` and `ch/child.py`, and `extra/more.py` found through
    the second base path, as exercises/ is."""
    snippets = project / "snippets" / "ch"
    snippets.mkdir(parents=True)
    (snippets / "hello.py").write_text(
        'import threading\n\n# --8<-- [start:main]\nprint("<b>hi</b>")\n#> <b>hi</b>\n'
        "# --8<-- [end:main]\n"
    )
    (snippets / "child.py").write_text("import subprocess\n\nsubprocess.run(['true'])\n")
    (snippets / "pair.py").write_text(
        "import threading\n\nthreading.Thread(target=print, args=('hi',)).start()\n"
    )
    (project / "extra").mkdir()
    (project / "extra" / "more.py").write_text("print('more')\n")
    docs = project / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(textwrap.dedent(page))
    (docs / "playground.md").write_text("# Playground\n")
    (project / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: t
            theme: material
            hooks: [{hook.__file__}]
            markdown_extensions:
              - admonition
              - attr_list
              - pymdownx.highlight
              - pymdownx.superfences
              - pymdownx.snippets:
                  base_path: [snippets, "."]
                  check_paths: true
            """
        )
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
    )


@pytest.mark.timeout(120)
def test_a_built_page(tmp_path: Path) -> None:
    """A real build: what each kind of block turns into."""
    result = build(
        tmp_path,
        """\
        # Page

        ```python title="ch/hello.py"
        --8<-- "ch/hello.py"
        ```

        !!! note

            ```python
            --8<-- "ch/hello.py:main"
            ```

        ```python
        --8<-- "ch/child.py"
        ```

        ```python
        --8<-- "extra/more.py"
        ```
        """,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()

    runners = re.findall(r'<div class="runner" ([^>]*)>', page)
    assert len(runners) == 2, page
    assert 'data-snippet="extra/more.py"' in runners[1]
    attrs = {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', runners[0])}
    assert attrs["data-runner"] == "snippet"
    assert attrs["data-state"] == "idle"
    assert attrs["data-snippet"] == "ch/hello.py"
    assert attrs["data-source"] == 'import threading\n\nprint("<b>hi</b>")\n#> <b>hi</b>\n'
    assert json.loads(attrs["data-expected"]) == ["<b>hi</b>"]
    assert page.count('data-runner="snippet"') == 2
    assert "data-runner-key" not in page

    excerpt = re.search(r'<div class="runner runner--excerpt">.*?</p></div>', page, re.DOTALL)
    assert excerpt and 'href="playground/#code=' in excerpt[0]
    assert "Open the whole program in the playground" in excerpt[0]

    local = re.search(r'<div class="runner runner--local-only"[^>]*>.*?</p></div>', page, re.DOTALL)
    assert local and "Runs with a local Python only: it starts other programs" in local[0]


@pytest.mark.timeout(120)
def test_a_program_that_starts_threads_is_marked(tmp_path: Path) -> None:
    """Its runner gets `data-starts-threads`, for the Explore button; one that only
    imports threading does not."""
    result = build(
        tmp_path,
        """\
        # Page

        ```python
        --8<-- "ch/hello.py"
        ```

        ```python
        --8<-- "ch/pair.py"
        ```
        """,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    runners = re.findall(r'<div class="runner" ([^>]*)>', page)
    marked = {
        re.search(r'data-snippet="([^"]*)"', attrs)[1]: "data-starts-threads" in attrs
        for attrs in runners
    }
    assert marked == {"ch/hello.py": False, "ch/pair.py": True}


@pytest.mark.timeout(120)
def test_a_marked_block_without_its_end_stops_the_build_at_its_line(tmp_path: Path) -> None:
    """The page's own HTML can carry the marker too (here a `<div>` left open at the
    end): the build stops with the page and line of the block whose key it is."""
    result = build(
        tmp_path,
        """\
        # Page

        ```python
        --8<-- "ch/hello.py"
        ```

        <div data-runner-key="0">
        """,
    )
    assert result.returncode != 0
    assert "docs/index.md:3: in the page's HTML, no </div> closes" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.timeout(120)
def test_each_build_reads_its_own_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under `mkdocs serve`, or tests in one process: one loaded hook, two builds of
    sites whose snippets live in different folders. Each finds its own."""
    sources = {}
    for site, folder in (("first", "snippets"), ("second", "code")):
        project = tmp_path / site
        (project / folder).mkdir(parents=True)
        (project / folder / "hello.py").write_text(f"print({site!r})\n")
        (project / "docs").mkdir()
        (project / "docs" / "index.md").write_text('```python\n--8<-- "hello.py"\n```\n')
        (project / "docs" / "playground.md").write_text("# Playground\n")
        (project / "mkdocs.yml").write_text(
            textwrap.dedent(
                f"""\
                site_name: {site}
                hooks: [{hook.__file__}]
                markdown_extensions:
                  - attr_list
                  - pymdownx.highlight
                  - pymdownx.superfences
                  - pymdownx.snippets:
                      base_path: [{folder}]
                      check_paths: true
                """
            )
        )
        monkeypatch.chdir(project)  # where pymdownx.snippets looks for its base paths
        build_in_this_process(load_config(str(project / "mkdocs.yml")))
        page = (project / "site" / "index.html").read_text()
        [source] = re.findall(r'data-source="([^"]*)"', page)
        sources[site] = html.unescape(source)
    assert sources == {"first": "print('first')\n", "second": "print('second')\n"}
