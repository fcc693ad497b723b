"""How the worker starts Python: from the memory snapshot the build made, or, when that
cannot be used, the plain way, saying why in the worker's console (runner/worker/load.mjs).

A site built without a snapshot (HTTP 404) is expected: an info message. A snapshot that
is there but cannot be used is a warning with the reason. Either way the program runs
and prints what CPython prints.
"""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, Worker

from .runtime_harness import run_in_browser, run_in_cpython

pytestmark = pytest.mark.browser

SNAPSHOT = "**/pyodide/runtime-snapshot.bin.gz"
FALLBACK = "Python starts without the runtime snapshot"
PROGRAM = """\
import threading

def work(name):
    print(f"{name} ran")

threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(3)]
for thread in threads:
    thread.start()
    thread.join()
print("done")
"""


class Watched:
    """What the page's workers write to their console, and every URL requested."""

    def __init__(self, page: Page) -> None:
        self.console: list[ConsoleMessage] = []
        self.requested: list[str] = []
        page.on("worker", self._watch_worker)
        page.on("request", self._note_request)

    def _watch_worker(self, worker: Worker) -> None:
        worker.on("console", self._note_console)

    def _note_console(self, message: ConsoleMessage) -> None:
        self.console.append(message)

    def _note_request(self, request: Request) -> None:
        self.requested.append(request.url)

    def fallbacks(self) -> list[ConsoleMessage]:
        return [message for message in self.console if FALLBACK in message.text]

    def fetched_runtime_sources(self) -> bool:
        return any(url.endswith("/webthreads/scheduler.py") for url in self.requested)


def run_program(page: Page, site_url: str) -> Watched:
    watched = Watched(page)
    page.goto(site_url)
    result = run_in_browser(page, site_url, PROGRAM)
    assert (result.status, result.stdout) == ("ok", run_in_cpython(PROGRAM).stdout), result
    return watched


def serve_snapshot(page: Page, body: bytes) -> None:
    page.route(SNAPSHOT, lambda route: route.fulfill(status=200, body=body))


def test_the_snapshot_is_used_and_nothing_is_said(page: Page, site_url: str) -> None:
    watched = run_program(page, site_url)
    assert any(url.endswith("/pyodide/runtime-snapshot.bin.gz") for url in watched.requested)
    assert watched.fallbacks() == []
    assert not watched.fetched_runtime_sources(), "fell back to a plain load"


def test_a_site_without_a_snapshot_says_so_quietly(page: Page, site_url: str) -> None:
    page.route(SNAPSHOT, lambda route: route.fulfill(status=404, body="not here"))
    watched = run_program(page, site_url)
    (message,) = watched.fallbacks()
    assert message.type == "info", message.text
    assert "HTTP 404" in message.text
    assert watched.fetched_runtime_sources()


def test_a_corrupt_snapshot_is_a_warning_with_the_reason(page: Page, site_url: str) -> None:
    serve_snapshot(page, b"<!doctype html><title>Page not found</title>")
    watched = run_program(page, site_url)
    (message,) = watched.fallbacks()
    assert message.type == "warning", message.text
    assert "not a packed snapshot (wrong magic number)" in message.text
    assert watched.fetched_runtime_sources()


def test_a_snapshot_pyodide_refuses_is_a_warning_with_the_reason(page: Page, site_url: str) -> None:
    # Packed as the build packs (runner/worker/snapshot-format.mjs), but one page of
    # sevens is no interpreter's memory: the worker unpacks it, Pyodide refuses it.
    page_size = 65536
    header = struct.pack("<5I", 0x53505457, page_size, page_size, 1, 0)
    serve_snapshot(page, header + bytes([7]) * page_size)
    watched = run_program(page, site_url)
    (message,) = watched.fallbacks()
    assert message.type == "warning", message.text
    assert "not a packed snapshot" not in message.text, "refused by the worker, not Pyodide"
    assert "Error" in message.text, message.text
    assert watched.fetched_runtime_sources()
