"""The built site as GitHub Pages serves it: under the path of `site_url` in mkdocs.yml,
from a plain static server (no special headers)."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .paths import MKDOCS_CONFIG


@functools.cache
def sub_path() -> str:
    """The path the site is published under, without slashes: `site_url`'s path."""
    from mkdocs.utils.yaml import yaml_load  # reads the config as `mkdocs build` does

    config = yaml_load(MKDOCS_CONFIG.read_text())
    return urlsplit(config.get("site_url") or "/").path.strip("/")


def site_folder(into: Path) -> Path:
    """Where in `into` to build the site, so that serving `into` gives the published URLs."""
    return into.joinpath(*PurePosixPath(sub_path()).parts)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
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


class StaticServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A worker terminated mid-download, or a page closed, resets its connection:
        # expected. Anything else is a fault of the server and is reported.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a site built by `site_folder(into)` on a free local port; yields its base URL."""
    depth = len(PurePosixPath(sub_path()).parts)
    root = site.parents[depth - 1] if depth else site
    assert site_folder(root) == site, f"{site} is not under /{sub_path()}/"
    handler = functools.partial(StaticHandler, directory=str(root))
    server = StaticServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        yield base + (f"{sub_path()}/" if depth else "")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def origin(url: str) -> str:
    """`scheme://host:port/` of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def foreign(urls: list[str], site_url: str) -> list[str]:
    """The URLs among `urls` that go over the network to another origin than the site's
    (data:, blob: and the like load nothing from anywhere)."""
    network = ("http:", "https:", "ws:", "wss:")
    return [url for url in urls if url.startswith(network) and origin(url) != origin(site_url)]
