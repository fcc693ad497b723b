"""The pictures of a page, in its notebook: diagrams and timelines as cell attachments.

A page shows a diagram inline (`diagrams`) and a timeline drawn by JavaScript
(`timelines`); a notebook has neither the site's stylesheets nor its scripts. So in a
notebook's Markdown cell each marker becomes an image attached to the cell: the
diagram's own SVG, or a still picture of the timeline recorded for the page
(`timeline_image`), under the prose the page shows above it. Each image's alt text is
the picture's text alternative.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from site_hooks import diagrams, timelines
from site_hooks.markdown_vocabulary import fenced_lines, iter_fences
from site_hooks.timeline_image import text_alternative, timeline_svg

SVG = "image/svg+xml"


def attachment(svg: str) -> dict[str, str]:
    """An SVG as a cell attachment holds it: base64, as Jupyter and nbconvert read it."""
    return {SVG: base64.b64encode(svg.encode("utf-8")).decode("ascii")}


def image_line(alt: str, name: str) -> str:
    alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join(alt.split()))
    return f"![{alt}](attachment:{name})"


def with_images(
    text: str, config: MkDocsConfig, where: str
) -> tuple[str, dict[str, dict[str, str]]]:
    """A Markdown cell's text with its markers replaced by images, and the attachments
    those images name. A marker at fault stops the build, with `where` (the page)."""
    attachments: dict[str, dict[str, str]] = {}
    try:
        text = _with_diagrams(text, config, attachments)
        return _with_timelines(text, config, attachments, where), attachments
    except ValueError as problem:
        raise PluginError(f"{where}: {problem}") from None


def _with_diagrams(text: str, config: MkDocsConfig, attachments: dict) -> str:
    lines = text.split("\n")
    in_fences = fenced_lines(list(iter_fences(lines)))
    for index, line in enumerate(lines):
        marker = None if index in in_fences else diagrams.MARKER.match(line)
        if marker is None:
            continue
        name = marker["name"]
        svg = diagrams.load_diagram(config.docs_dir, name)
        title, description = diagrams.text_alternative(svg)
        attachments[f"{name}.svg"] = attachment(svg)
        lines[index] = image_line(f"{title}. {description}", f"{name}.svg")
    return "\n".join(lines)


def _with_timelines(text: str, config: MkDocsConfig, attachments: dict, where: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    done = 0
    try:
        for marker in timelines.find_markers(lines):
            out.extend(lines[done : marker.first])
            data = timelines.timeline_of(marker.snippet, config, where)
            snippet = Path(marker.snippet)
            name = f"timeline-{snippet.parent.name}-{snippet.stem}.svg"
            attachments[name] = attachment(timeline_svg(data, snippet.name))
            picture = image_line(text_alternative(data, snippet.name), name)
            prose = [marker.prose, ""] if marker.prose else []
            out.extend([*prose, timelines.provenance(marker.snippet), "", picture])
            done = marker.last + 1
    except ValueError:
        raise ValueError("timeline marker without its closing -->") from None
    return "\n".join(out + lines[done:])
