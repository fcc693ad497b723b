"""The scanner behind test_build.test_nothing_loads_from_another_origin finds real loads
and only those."""

from __future__ import annotations

import json

import pytest

from .foreign_references import in_css, in_html, in_js, in_notebook

LOADS = [
    (in_html, '<script src="https://cdn.example.com/lib.js"></script>'),
    (in_html, '<script src="//cdn.example.com/lib.js"></script>'),
    (in_html, '<link rel="stylesheet" href="https://fonts.example.com/css">'),
    (in_html, '<link rel="preconnect" href="https://fonts.example.com">'),
    (in_html, '<img alt="" srcset="/a.png 1x, https://img.example.com/a.png 2x">'),
    (in_html, '<iframe src="https://www.example.com/embed"></iframe>'),
    (in_html, '<div style="background: url(https://img.example.com/bg.png)"></div>'),
    (in_html, "<style>@import 'https://fonts.example.com/font.css';</style>"),
    (
        in_html,
        '<script type="module">const m = (await import("https://cdn.example.com/m.mjs")).default;</script>',
    ),
    (in_css, "@import url(https://fonts.example.com/css2?family=Roboto);"),
    (in_css, 'body { background: url("//img.example.com/bg.png") }'),
    (in_js, 'fetch("https://api.example.com/repos/x")'),
    (in_js, "fetch(`https://api.example.com/repos/${owner}/${name}`)"),
    (in_js, 'importScripts("https://cdn.example.com/worker.js")'),
    (in_js, 'loadScript("https://unpkg.example.com/polyfill")'),
    (in_js, 'import confetti from "https://cdn.example.com/confetti.mjs";'),
    (in_js, "el.innerHTML = '<img src=\"https://img.example.com/a.png\">'"),
]

SVG_DATA_URL = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>"
NOT_LOADS = [
    (
        in_html,
        '<a href="https://docs.python.org/3/library/threading.html">threading</a>',
    ),
    (in_html, '<link rel="canonical" href="https://example.github.io/site/">'),
    (in_html, '<script src="../assets/javascripts/bundle.js"></script>'),
    (in_html, '<img src="data:image/png;base64,AAAA">'),
    (in_html, "<p>See https://example.com/page for more.</p>"),
    (in_css, f'a {{ background: url("{SVG_DATA_URL}") }}'),
    (in_css, "a { background: url(../images/icon.svg) }"),
    (in_js, 'document.createElementNS("http://www.w3.org/2000/svg", "svg")'),
    (in_js, 'const base = new URL("https://example.github.io/site/")'),
    (in_js, 'console.log("see the docs")'),
]


@pytest.mark.parametrize(("scan", "text"), LOADS, ids=[text for _, text in LOADS])
def test_finds_a_load(scan, text: str) -> None:
    assert scan(text)


@pytest.mark.parametrize(
    ("scan", "text"), NOT_LOADS, ids=[text for _, text in NOT_LOADS]
)
def test_ignores_what_is_not_a_load(scan, text: str) -> None:
    assert scan(text) == []


def test_finds_loads_in_a_notebook() -> None:
    notebook = {
        "cells": [
            {
                "cell_type": "markdown",
                "source": ["![chart](https://img.example.com/c.png)"],
            },
            {
                "cell_type": "code",
                "source": ["show()"],
                "outputs": [
                    {
                        "data": {
                            "text/html": ['<img src="https://img.example.com/d.png">']
                        }
                    }
                ],
            },
            {"cell_type": "markdown", "source": ["[docs](https://docs.python.org/3/)"]},
        ]
    }
    assert len(in_notebook(json.dumps(notebook))) == 2
