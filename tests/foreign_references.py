"""Find what a built file makes a browser load from another origin.

Only loads count: a script, a stylesheet, an image, a font, a frame, a fetch. A link
that the reader may follow (`<a href>`, `<link rel="canonical">`) and an XML namespace
name (`http://www.w3.org/2000/svg`) load nothing, so they are not reported.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

ABSOLUTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
XML_NAMESPACE = re.compile(r"^https?://www\.w3\.org/", re.IGNORECASE)
# Attributes whose URL the browser fetches, on whatever element they appear.
FETCHED_ATTRS = {"src", "poster", "data", "background", "xlink:href"}
# `<link>` relations that only describe the page; every other one (stylesheet, icon,
# preload, modulepreload, manifest, preconnect…) makes the browser connect.
DESCRIPTIVE_RELS = {
    "canonical",
    "alternate",
    "prev",
    "next",
    "author",
    "license",
    "help",
    "me",
    "bookmark",
}
URL_TEXT = r"""(?P<url>(?:https?:)?//[^"'`\s)]+)"""
CSS_LOAD = re.compile(
    rf"""(?:@import\s+(?:url\(\s*)?|url\(\s*)["']?{URL_TEXT}""", re.IGNORECASE
)
JS_LOADS = [
    # a string or template literal holding a URL, passed first to any call:
    # import(), importScripts(), fetch(), new Worker(), a bundle's own loadScript()…
    re.compile(rf"""(?<!\bURL)\(\s*(["'`]){URL_TEXT}[^"'`]*\1"""),
    # static module imports
    re.compile(rf"""\b(?:import|from)\s*(["']){URL_TEXT}\1"""),
    # markup built in a string: '<script src="https://…">'
    re.compile(rf"""\bsrc\s*[=:]\s*\\?["']{URL_TEXT}"""),
]
MARKDOWN_IMAGE = re.compile(rf"""!\[[^\]]*\]\(\s*<?{URL_TEXT}""")


def _foreign(url: str) -> bool:
    return bool(ABSOLUTE.match(url)) and not XML_NAMESPACE.match(url.strip())


def in_css(css: str) -> list[str]:
    return [m["url"] for m in CSS_LOAD.finditer(css) if _foreign(m["url"])]


def in_js(js: str) -> list[str]:
    return [
        m["url"]
        for pattern in JS_LOADS
        for m in pattern.finditer(js)
        if _foreign(m["url"])
    ]


class _PageScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None  # "script" or "style" while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in FETCHED_ATTRS and _foreign(value):
                self.found.append(f"<{tag} {name}> {value}")
            elif name in {"srcset", "imagesrcset"}:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if _foreign(url):
                        self.found.append(f"<{tag} {name}> {url}")
            elif name == "style":
                self.found.extend(f"<{tag} style> {url}" for url in in_css(value))
        if tag == "link" and _foreign(values.get("href", "")):
            if not set(values.get("rel", "").lower().split()) <= DESCRIPTIVE_RELS:
                self.found.append(f"<link rel={values.get('rel')!r}> {values['href']}")
        if tag == "use" and _foreign(values.get("href", "")):
            self.found.append(f"<use href> {values['href']}")
        if tag in {"script", "style"}:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.found.extend(f"<style> {url}" for url in in_css(data))
        elif self._in == "script":
            self.found.extend(f"<script> {url}" for url in in_js(data))


def in_html(html: str) -> list[str]:
    scanner = _PageScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def in_notebook(text: str) -> list[str]:
    """Loads in what a notebook shows: its Markdown, and its HTML or Markdown output."""
    found = []
    for cell in json.loads(text)["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            found += [
                m["url"] for m in MARKDOWN_IMAGE.finditer(source) if _foreign(m["url"])
            ]
            found += in_html(source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            found += in_html("".join(data.get("text/html", "")))
            found += [
                m["url"]
                for m in MARKDOWN_IMAGE.finditer("".join(data.get("text/markdown", "")))
            ]
    return found


SCANNERS = {
    ".html": in_html,
    ".css": in_css,
    ".js": in_js,
    ".mjs": in_js,
    ".ipynb": in_notebook,
}
