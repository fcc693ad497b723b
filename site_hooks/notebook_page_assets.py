"""Keep the notebook pages that mkdocs-jupyter renders light and on the site's origin.

mkdocs-jupyter puts about 600 KB of CSS inline in every notebook page (JupyterLab's
styles, the same on every page), a script that imports Mermaid from cdnjs, and a MathJax
loader (with an empty URL, its default). The CSS moves to one stylesheet that all
notebook pages share, so a reader's browser fetches it once, and the loaders go: the
notebooks hold text output and pictures as images, no Mermaid diagrams and no math,
and the site loads nothing from another origin.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

STYLESHEET_DIR = "assets/stylesheets"
STYLE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>\s*", re.DOTALL)
SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>\s*", re.DOTALL)
EXTERNAL_OR_EMPTY_SRC = re.compile(
    r"""\bsrc\s*=\s*(["'])(?:(?:https?:)?//[^"']*)?\1""", re.IGNORECASE
)
IMPORT_FROM_ELSEWHERE = re.compile(r"""\bimport\s*\(\s*["'](?:https?:)?//""")
MATHJAX_COMMENT = re.compile(
    r"<!-- (?:Load mathjax|MathJax configuration|End of mathjax configuration) -->\s*"
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html = MATHJAX_COMMENT.sub("", SCRIPT.sub(_without_foreign_loader, html))
    css = "\n".join(match["css"] for match in STYLE.finditer(html))
    if not css:
        return html
    name = (
        f"{STYLESHEET_DIR}/notebook.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
    )
    path = Path(config.site_dir, name)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(css, "utf-8")
    # The link takes the place of the first <style>, so the cascade keeps its order.
    link = f'<link rel="stylesheet" href="{get_relative_url(name, page.url)}">\n'
    first = STYLE.search(html)
    return html[: first.start()] + link + STYLE.sub("", html[first.start() :])


def _without_foreign_loader(script: re.Match) -> str:
    """Drop a <script> that fetches code from another origin, or has an empty src."""
    if (
        EXTERNAL_OR_EMPTY_SRC.search(script["attrs"])
        or "text/x-mathjax-config" in script["attrs"]
    ):
        return ""
    if IMPORT_FROM_ELSEWHERE.search(script["code"]):
        return ""
    return script[0]
