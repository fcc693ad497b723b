"""Give every exercise on a page the source of its check, for the browser's Check button.

A page marks the starter of an exercise with a div that names the exercise's folder
under `exercises/`:

    <div class="exercise" data-exercise="locks/fix_the_counter" markdown>

    ```python title="exercises/locks/fix_the_counter/starter.py"
    --8<-- "exercises/locks/fix_the_counter/starter.py"
    ```

    </div>

Into that div this hook puts the exercise's `check.py`, as the first child:

    <script type="application/json" class="exercise-check">
    {"exercise": "locks/fix_the_counter", "path": "exercises/locks/fix_the_counter/check.py",
     "source": "..."}
    </script>

`<`, `>` and `&` are written as `\\u003c`, `\\u003e` and `\\u0026`: still JSON, but no
`</script>` or `<!--` in the source can end the element early. The browser runs the
source, then `check(output)` with everything the reader's program printed to stdout;
`None` means right, a string is the hint to show. exercises/README.md has the contract.
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

EXERCISES_DIR = "exercises"
EXERCISE_NAME = re.compile(r"[a-z0-9_]+/[a-z0-9_]+")  # <chapter folder>/<exercise>
DIV_OPEN = re.compile(r"<div\b(?P<attrs>[^>]*)>")
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')
# In a JSON string these are plain characters; escaped, the HTML parser never sees them.
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def check_element(exercise: str, source: str) -> str:
    """The `<script>` that carries an exercise's check to the browser."""
    data = json.dumps(
        {
            "exercise": exercise,
            "path": f"{EXERCISES_DIR}/{exercise}/check.py",
            "source": source,
        },
        ensure_ascii=False,
    )
    for char, escaped in HTML_SAFE.items():
        data = data.replace(char, escaped)
    return f'<script type="application/json" class="exercise-check">{data}</script>'


def embed_checks(html_text: str, exercises_dir: Path, where: str) -> str:
    """Each `div.exercise[data-exercise]` with its check's `<script>` as first child."""

    def embed(match: re.Match[str]) -> str:
        attrs = {m["name"]: html.unescape(m["value"]) for m in ATTRIBUTE.finditer(match["attrs"])}
        if "exercise" not in attrs.get("class", "").split() or "data-exercise" not in attrs:
            return match.group()
        exercise = attrs["data-exercise"]
        check_file = exercises_dir / exercise / "check.py"
        if not EXERCISE_NAME.fullmatch(exercise) or not check_file.is_file():
            raise PluginError(
                f"{where}: data-exercise={exercise!r} names no "
                f"{EXERCISES_DIR}/<chapter>/<exercise>/check.py"
            )
        return match.group() + check_element(exercise, check_file.read_text(encoding="utf-8"))

    return DIV_OPEN.sub(embed, html_text)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    exercises_dir = _project_dir(config) / EXERCISES_DIR
    return embed_checks(html_text, exercises_dir, page.file.src_uri)
