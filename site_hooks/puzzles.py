"""Give every puzzle on a page its check and its granularity, for the page's judge.

A page marks a puzzle's program with a div that names the puzzle's folder under
`puzzles/` (puzzles/README.md):

    <div class="puzzle" data-puzzle="race_conditions/lose_all_but_one" markdown>

    ```python title="puzzles/race_conditions/lose_all_but_one/program.py"
    --8<-- "puzzles/race_conditions/lose_all_but_one/program.py"
    ```

    </div>

Into that div this hook puts, as the first child,

    <script type="application/json" class="puzzle-check">
    {"puzzle": "race_conditions/lose_all_but_one",
     "path": "puzzles/race_conditions/lose_all_but_one/check.py",
     "source": "...", "granularity": "line"}
    </script>

escaped as the exercises' checks are, so that nothing in the source can end the element.
The browser runs `check(output, ending)` on each stepped run of the puzzle's runner
(runner/page/puzzle.js).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

PUZZLES_DIR = "puzzles"
PUZZLE_NAME = re.compile(r"[a-z0-9_]+/[a-z0-9_]+")  # <chapter folder>/<puzzle>
GRANULARITIES = ("line", "bytecode", "blocking")  # as the Step through region names them
DIV_OPEN = re.compile(r"<div\b(?P<attrs>[^>]*)>")
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')
# In a JSON string these are plain characters; escaped, the HTML parser never sees them.
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def read_puzzle(puzzle_dir: Path) -> dict:
    """A puzzle's puzzle.json, its granularity checked."""
    about = json.loads((puzzle_dir / "puzzle.json").read_text(encoding="utf-8"))
    if about.get("granularity") not in GRANULARITIES:
        raise PluginError(f"{puzzle_dir}/puzzle.json: granularity must be one of {GRANULARITIES}")
    return about


def check_element(puzzle: str, source: str, granularity: str) -> str:
    """The `<script>` that carries a puzzle's check to the browser."""
    data = json.dumps(
        {
            "puzzle": puzzle,
            "path": f"{PUZZLES_DIR}/{puzzle}/check.py",
            "source": source,
            "granularity": granularity,
        },
        ensure_ascii=False,
    )
    for char, escaped in HTML_SAFE.items():
        data = data.replace(char, escaped)
    return f'<script type="application/json" class="puzzle-check">{data}</script>'


def embed_checks(html_text: str, puzzles_dir: Path, where: str) -> str:
    """Each `div.puzzle[data-puzzle]` with its check's `<script>` as first child."""

    def embed(match: re.Match[str]) -> str:
        attrs = {m["name"]: html.unescape(m["value"]) for m in ATTRIBUTE.finditer(match["attrs"])}
        if "puzzle" not in attrs.get("class", "").split() or "data-puzzle" not in attrs:
            return match.group()
        puzzle = attrs["data-puzzle"]
        folder = puzzles_dir / puzzle
        needed = [folder / name for name in ("program.py", "check.py", "puzzle.json")]
        if not PUZZLE_NAME.fullmatch(puzzle) or not all(path.is_file() for path in needed):
            raise PluginError(
                f"{where}: data-puzzle={puzzle!r} names no {PUZZLES_DIR}/<chapter>/<puzzle>/ "
                "with program.py, check.py and puzzle.json"
            )
        source = (folder / "check.py").read_text(encoding="utf-8")
        return match.group() + check_element(puzzle, source, read_puzzle(folder)["granularity"])

    return DIV_OPEN.sub(embed, html_text)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    puzzles_dir = Path(config.config_file_path).parent / PUZZLES_DIR
    return embed_checks(html_text, puzzles_dir, page.file.src_uri)
