"""How the worker starts Python: from the memory snapshot the build made, or, when that
cannot be used, the plain way, saying why in the worker's console (runner/worker/load.mjs);
and how it gets Pyodide's large files: gzipped, named by their digest, kept in Cache
Storage, the interpreter compiled once for the page's workers, the bytes counted in the
runner's status.

A site built without a snapshot (HTTP 404) is expected: an info message. A snapshot that
is there but cannot be used is a warning with the reason. Either way the program runs
and prints what CPython prints.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, Worker

from .runtime_harness import run_in_browser, run_in_cpython

pytestmark = pytest.mark.browser

SNAPSHOT = "**/pyodide/runtime-snapshot.*.bin.gz"
FALLBACK = "Python starts without the runtime snapshot"
RUNNER = '.runner[data-runner="snippet"]'
FINISHED = "(s) => ['done', 'error', 'stopped'].includes(document.querySelector(s).dataset.state)"
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
    digest_named = re.compile(r"/pyodide/runtime-snapshot\.[0-9a-f]{16}\.bin\.gz$")
    assert any(digest_named.search(url) for url in watched.requested)
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


# Pyodide's large files, as the site lists them (site_hooks/pyodide_bundle.py).
def listed_files(site_dir: Path) -> dict[str, dict]:
    return json.loads((site_dir / "pyodide" / "files.json").read_text())


CACHED_ENTRIES = """async (count) => {
  const cache = await caches.open("python-threading-hands-on:pyodide");
  return (await cache.keys()).length === count;
}"""


def test_a_second_visit_reads_python_from_cache_storage(
    context: BrowserContext, site_url: str, site_dir: Path
) -> None:
    """Even with the browser's HTTP cache cleared (or its time up), not one of the large
    files is asked of the server again."""
    listed = listed_files(site_dir)
    first = context.new_page()
    run_program(first, site_url)
    first.wait_for_function(CACHED_ENTRIES, arg=len(listed), timeout=30_000)
    first.close()
    second = context.new_page()
    context.new_cdp_session(second).send("Network.clearBrowserCache")
    watched = run_program(second, site_url)
    large = [url for url in watched.requested if url.endswith(".gz")]
    assert large == [], large
    assert any(url.endswith("/pyodide/files.json") for url in watched.requested)


def test_the_large_files_come_gzipped_and_named_by_their_digest(
    page: Page, site_url: str, site_dir: Path
) -> None:
    watched = run_program(page, site_url)
    fetched = {url.rsplit("/", 1)[-1] for url in watched.requested if "/pyodide/" in url}
    assert {entry["path"] for entry in listed_files(site_dir).values()} <= fetched
    assert not fetched & {"pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"}
    for name in fetched - {"pyodide.mjs", "files.json"}:
        assert re.fullmatch(r"[\w.-]+\.[0-9a-f]{16}\.\w+\.gz", name), name


def test_the_spare_worker_gets_the_interpreter_the_first_one_compiled(
    page: Page, site_url: str
) -> None:
    """With the interpreter kept out of Cache Storage (a response that varies on
    everything cannot be stored), only one worker of the page fetches it."""
    fetched = []

    def uncacheable(route: Route) -> None:
        fetched.append(route.request.url)
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "vary": "*"})

    page.route("**/pyodide/pyodide.asm.*.wasm.gz", uncacheable)
    page.goto(site_url + "getting-started/")
    runner = page.locator(RUNNER).first
    for _ in range(2):
        runner.locator(".runner-button--run").click()
        page.wait_for_function(FINISHED, arg=RUNNER, timeout=60_000)
        assert runner.get_attribute("data-state") == "done"
        assert runner.locator('[data-stream="stdout"]').all_text_contents()
        page.wait_for_selector("html[data-runner-spare='ready']", state="attached", timeout=60_000)
    assert len(fetched) == 1, fetched


STATUS_TEXTS = """(root) => {
  window.statusTexts = [];
  const status = root.querySelector(".runner-status");
  new MutationObserver(() => window.statusTexts.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
}"""


def test_the_status_counts_the_megabytes_while_python_loads(
    page: Page, site_url: str, site_dir: Path
) -> None:
    total = sum(entry["size"] for entry in listed_files(site_dir).values()) / 1e6
    page.goto(site_url + "getting-started/")
    runner = page.locator(RUNNER).first
    runner.evaluate(STATUS_TEXTS)
    runner.locator(".runner-button--run").click()
    page.wait_for_function(FINISHED, arg=RUNNER, timeout=60_000)
    texts = page.evaluate("window.statusTexts")
    counts = [re.fullmatch(r"Loading Python… (\d+\.\d) of (\d+\.\d) MB", text) for text in texts]
    counts = [(float(m[1]), float(m[2])) for m in counts if m]
    assert counts, texts
    assert {of for _, of in counts} == {round(total, 1)}, counts
    assert counts[-1][0] == counts[-1][1], "the last count is of every byte"
    assert [loaded for loaded, _ in counts] == sorted(loaded for loaded, _ in counts)
    assert texts.index("Running…") > texts.index(f"Loading Python… {total:.1f} of {total:.1f} MB")


def test_a_module_left_out_of_the_standard_library_says_why(page: Page, site_url: str) -> None:
    page.goto(site_url)
    result = run_in_browser(page, site_url, "import multiprocessing.managers\n")
    assert (result.status, result.reason) == ("error", "unsupported"), result
    assert "a browser runs Python in a single process" in result.stderr + (result.message or "")
