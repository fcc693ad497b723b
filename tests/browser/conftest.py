"""Fixtures for tests in a real browser: the built site served under a sub-path, as
GitHub Pages serves a project site, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "python-threading-hands-on"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static server: no special headers, as on GitHub Pages."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".ipynb": "application/json",
    }

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    """The site the CPython tests built, reused: it is already under the sub-path."""
    assert built_site.name == SUB_PATH, f"site built under /{built_site.name}/"
    return built_site


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL of the site, served under /<repository>/ on a free local port."""
    handler = functools.partial(StaticHandler, directory=str(site_dir.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup`")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def runtime_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """One page of the site for a whole test module, to start workers from: every run
    gets its own worker. `page.requested` lists every URL it asked for."""
    context = browser.new_context()
    page = context.new_page()
    page.requested = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))  # type: ignore[attr-defined]
    page.goto(site_url)
    yield page
    context.close()


@pytest.fixture
def page(context: BrowserContext, site_url: str) -> Iterator[Page]:
    """A fresh page that records every request that leaves the site's origin."""
    page = context.new_page()
    origin = site_url.split(f"/{SUB_PATH}/")[0]
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.on(
        "request",
        lambda request: (
            request.url.startswith(("http:", "https:", "ws:", "wss:"))
            and not request.url.startswith(origin)
            and page.foreign_requests.append(request.url)
        ),  # type: ignore[attr-defined]
    )
    yield page
    page.close()
