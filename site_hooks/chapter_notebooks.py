"""Publish every chapter as a Jupyter notebook, generated from its page at build time.

`notebook_conversion` turns each chapter's page into a notebook and
`notebook_execution` runs it, so that the output under each cell comes from a real run.
mkdocs-jupyter renders it in the "Notebooks" section of the nav and publishes the
`.ipynb` beside it for download. The chapter page links to its notebook, the notebook
back to the page.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site_hooks.notebook_conversion import (
    Chapter,
    chapter_notebook,
    find_chapters,
    notebook_link,
    notebooks_nav,
    under_title,
)
from site_hooks.notebook_execution import OutputCache

NAV_SECTION = "Notebooks"
CACHE_DIR = ".cache/notebook-outputs"  # relative to mkdocs.yml


@dataclass
class Build:
    """One build's chapters, the outputs it used, and the folder its notebooks are
    written to. `on_config` starts a new one: the module lives as long as `mkdocs serve`
    does, and each rebuild starts afresh."""

    chapters: list[Chapter]
    outputs: OutputCache
    folder: str | None = None

    def remove_folder(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


_build: Build | None = None


def _this_build() -> Build:
    assert _build is not None, "on_config starts every build"
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    project = Path(config.config_file_path).parent
    _build = Build(find_chapters(config), OutputCache(project / CACHE_DIR))
    if config.nav is not None and _build.chapters:
        config.nav.append({NAV_SECTION: notebooks_nav(config.nav, _build.chapters)})
    return config


@event_priority(50)  # before mkdocs-jupyter's on_files, which must see the notebooks
def _add_notebooks(files: Files, config: MkDocsConfig) -> Files:
    build = _this_build()
    if not build.chapters:
        return files
    build.folder = tempfile.mkdtemp(prefix="chapter-notebooks-")
    notebooks = {
        chapter.src_uri: chapter_notebook(chapter, config, files) for chapter in build.chapters
    }
    build.outputs.execute_all(notebooks)
    for chapter in build.chapters:
        path = Path(build.folder, chapter.notebook_uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebooks[chapter.src_uri], path)
        site, urls = config.site_dir, config.use_directory_urls
        files.append(File(chapter.notebook_uri, build.folder, site, urls))
    return files


@event_priority(-50)  # after mkdocs-jupyter has wrapped them in its own File class
def _edit_the_chapter(files: Files, config: MkDocsConfig) -> Files:
    """The edit button of a notebook opens the chapter it is generated from."""
    for chapter in _this_build().chapters:
        files.get_file_from_path(chapter.notebook_uri).edit_uri = chapter.src_uri
    return files


on_files = CombinedEvent(_add_notebooks, _edit_the_chapter)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for chapter in _this_build().chapters:
        if page.file.src_uri == chapter.src_uri:
            return under_title(markdown, notebook_link(chapter))
        if page.file.src_uri == chapter.notebook_uri:
            # Search finds the chapter itself; its notebook would be a second hit.
            page.meta["search"] = {"exclude": True}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    build = _this_build()
    build.remove_folder()
    build.outputs.forget_unused()


def on_build_error(error: Exception) -> None:
    if _build is not None:
        _build.remove_folder()
