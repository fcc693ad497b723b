"""The in-browser Python runtime: programs with threads run in the runner's worker
(Pyodide, green threads on JSPI) and print what CPython prints.

Each program runs in a fresh worker, as on the site. The programs live in
`runtime_programs/`; each is run on this machine's CPython too, so no expected output
is written down here. Programs whose output varies from run to run print invariants.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .page_records import Requests, requests_during
from .runtime_harness import (
    PROGRAMS_DIR,
    Run,
    run_in_browser,
    run_in_cpython,
    stderr_summary,
)

pytestmark = pytest.mark.browser

# Programs that CPython 3.11 cannot run, or that are checked another way below.
BROWSER_ONLY = {"queue_shutdown", "streaming"}
COMPARED = sorted(p for p in PROGRAMS_DIR.glob("*.py") if p.stem not in BROWSER_ONLY)


def run(page: Page, site_url: str, code: str, **options) -> Run:
    """Run `code` in a fresh worker; whatever it does, the worker starts Python from the
    memory snapshot (no .py file fetched) and requests nothing from another origin."""
    with requests_during(page, site_url) as requests:
        result = run_in_browser(page, site_url, code, **options)
    assert requests.foreign() == [], requests.foreign()
    fetched_python = [url for url in requests.urls if url.endswith(".py")]
    assert fetched_python == [], "fell back to a plain load"
    return result


def program(name: str) -> str:
    return (PROGRAMS_DIR / f"{name}.py").read_text()


@pytest.mark.parametrize("path", COMPARED, ids=lambda path: path.stem)
def test_program_prints_what_cpython_prints(runtime_page: Page, site_url: str, path: Path) -> None:
    code = path.read_text()
    browser = run(runtime_page, site_url, code)
    cpython = run_in_cpython(code)
    both = f"browser:\n{browser}\nCPython:\n{cpython}"
    assert browser.stdout == cpython.stdout, both
    assert stderr_summary(browser.stderr) == stderr_summary(cpython.stderr), both
    assert browser.status == cpython.status, both
    assert "webthreads" not in browser.stderr, "runtime frames in a traceback"


def served(site_dir: Path, name: str) -> Path:
    """Where the site serves Pyodide's file `name`: gzipped, under a name with its
    digest, as pyodide/files.json lists it."""
    files = json.loads((site_dir / "pyodide" / "files.json").read_text())
    return site_dir / "pyodide" / files[name]["path"]


def test_ready_says_jspi_and_python_version(
    runtime_page: Page, site_url: str, site_dir: Path
) -> None:
    lock = json.loads(gzip.decompress(served(site_dir, "pyodide-lock.json").read_bytes()))
    result = run(runtime_page, site_url, "print('hello')")
    assert result.ready is not None
    assert result.ready["jspi"] is True
    assert result.ready["python"] == lock["info"]["python"]  # the Python Pyodide ships
    assert (result.stdout, result.status, result.reason) == ("hello\n", "ok", None)


def test_output_streams_while_the_program_runs(runtime_page: Page, site_url: str) -> None:
    result = run(runtime_page, site_url, program("streaming"))
    assert result.stdout == "tick 0\ntick 1\ntick 2\ntick 3\n", result
    ticks = [chunk["at"] for chunk in result.chunks if chunk["text"].startswith("tick")]
    assert len(ticks) == 4, result.chunks  # each print came in its own message
    # Printed 0.25 s apart, while another thread spins: they arrive spread out too.
    assert ticks[-1] - ticks[0] >= 500, ticks
    assert result.done_at - ticks[0] >= 500, (ticks, result.done_at)


def test_random_numbers_differ_from_run_to_run(runtime_page: Page, site_url: str) -> None:
    code = "import random\nprint(random.random(), random.getrandbits(64))\n"
    first, second = (run(runtime_page, site_url, code).stdout for _ in range(2))
    assert first != second


def test_queue_shutdown(runtime_page: Page, site_url: str) -> None:
    result = run(runtime_page, site_url, program("queue_shutdown"))
    assert result.status == "ok", result
    assert result.stdout.splitlines() == [
        "put after shutdown: ShutDown",
        "outcomes: ['last item', 'ShutDown']",
    ]


DEADLOCKS = {
    "join_and_queue_get": (
        """\
import queue, threading
q = queue.Queue()
def consumer():
    while True:
        print("got", q.get())
t = threading.Thread(target=consumer, name="consumer")
t.start()
q.put(1)
t.join()
""",
        [
            r"  MainThread waits in Thread\.join\(\) for consumer at main\.py:9",
            r"  consumer waits in Queue\.get\(\) on queue <queue\.Queue object at 0x[0-9a-f]+>"
            r" at main\.py:5",
        ],
    ),
    "consumer_left_after_main_ended": (
        """\
import queue, threading
q = queue.Queue()
def consumer():
    while True:
        print("got", q.get())
threading.Thread(target=consumer).start()
q.put(1)
print("main done")
""",
        [
            r"  MainThread has finished the program and waits, as Python does at exit, "
            r"for the non-daemon thread Thread-1 \(consumer\)",
            r"  Thread-1 \(consumer\) waits in Queue\.get\(\) on queue .* at main\.py:5",
        ],
    ),
    "locks_taken_in_opposite_orders": (
        """\
import threading, time
a, b = threading.Lock(), threading.Lock()
def one():
    with a:
        time.sleep(0.05)
        with b:
            pass
def two():
    with b:
        time.sleep(0.05)
        with a:
            pass
threads = [threading.Thread(target=one), threading.Thread(target=two)]
for t in threads: t.start()
for t in threads: t.join()
""",
        [
            r"  MainThread waits in Thread\.join\(\) for Thread-1 \(one\) at main\.py:15",
            r"  Thread-1 \(one\) waits in Lock\.acquire\(\) for a lock last acquired by "
            r"Thread-2 \(two\) at main\.py:6",
            r"  Thread-2 \(two\) waits in Lock\.acquire\(\) for a lock last acquired by "
            r"Thread-1 \(one\) at main\.py:11",
        ],
    ),
    "event_never_set_and_rlock": (
        """\
import threading
taken, never = threading.Event(), threading.Event()
rlock = threading.RLock()
def holder():
    with rlock:
        taken.set()
        never.wait()
threading.Thread(target=holder, name="holder", daemon=True).start()
taken.wait()
rlock.acquire()
""",
        [
            r"  MainThread waits in RLock\.acquire\(\) for a lock held by holder at main\.py:10",
            r"  holder waits in Event\.wait\(\) at main\.py:7",
        ],
    ),
    "future_result_and_semaphore": (
        """\
import threading
from concurrent.futures import ThreadPoolExecutor
gate = threading.Semaphore(0)
def task():
    gate.acquire()
with ThreadPoolExecutor(2) as pool:
    future = pool.submit(task)
    future.result()
""",
        [
            r"  MainThread waits in Future\.result\(\) at main\.py:8",
            r"  ThreadPoolExecutor-0_0 waits in Semaphore\.acquire\(\) at main\.py:5",
        ],
    ),
}


@pytest.mark.parametrize("name", DEADLOCKS)
def test_deadlock_is_reported_at_once(runtime_page: Page, site_url: str, name: str) -> None:
    code, expected = DEADLOCKS[name]
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason) == ("error", "deadlock"), result
    lines = result.stderr.splitlines()
    start = lines.index("Deadlock: every thread is waiting and none can wake the others.")
    report = lines[start + 1 :]
    assert len(report) == len(expected), result
    for line, pattern in zip(report, expected, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)


UNSUPPORTED = {
    "subprocess": ("import subprocess\nsubprocess.run(['ls'])\n", "subprocess: "),
    "os_system": ("import os\nos.system('ls')\n", "subprocess: "),
    "os_fork": ("import os\nos.fork()\n", "os.fork(): "),
    "multiprocessing": (
        "import multiprocessing\nmultiprocessing.Process(target=print).start()\n",
        "multiprocessing: ",
    ),
    "process_pool": (
        "from concurrent.futures import ProcessPoolExecutor\n"
        "with ProcessPoolExecutor() as pool:\n    pool.submit(print)\n",
        "multiprocessing: ",
    ),
    "socket": (
        "import socket\nsocket.create_connection(('example.com', 80))\n",
        "network: ",
    ),
    "urllib_in_a_thread": (
        "import threading, urllib.request\n"
        "def fetch():\n    urllib.request.urlopen('http://example.com/')\n"
        "t = threading.Thread(target=fetch)\nt.start()\nt.join()\nprint('not reached')\n",
        "network: ",
    ),
    "input": ("name = input('Name? ')\n", "input(): "),
    "stdin": ("import sys\nsys.stdin.readline()\n", "input(): "),
}


@pytest.mark.parametrize("name", UNSUPPORTED)
def test_what_a_browser_cannot_do_stops_with_a_reason(
    runtime_page: Page, site_url: str, name: str
) -> None:
    code, start = UNSUPPORTED[name]
    result = run(runtime_page, site_url, "print('before')\n" + code)
    assert (result.status, result.reason) == ("error", "unsupported"), result
    assert result.stdout == "before\n", result
    assert result.stderr.startswith(start), result
    assert result.stderr.rstrip().endswith("run this example with a local Python."), result
    assert result.message == result.stderr.strip()


def test_syntax_error(runtime_page: Page, site_url: str) -> None:
    code = "print('never runs')\nx = = 1\n"
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason, result.stdout) == ("error", "exception", ""), result
    assert 'File "main.py", line 2' in result.stderr, result
    assert stderr_summary(result.stderr) == stderr_summary(run_in_cpython(code).stderr)


def test_traceback_names_main_py_without_runtime_frames(runtime_page: Page, site_url: str) -> None:
    code = (
        "import threading\n\ndef crash():\n    {}['key']\n\n"
        "threading.Thread(target=crash).start()\n"
    )
    result = run(runtime_page, site_url, code)
    assert result.status == "ok", result  # as on CPython: a thread's error is reported
    assert result.stderr.startswith("Exception in thread Thread-1 (crash):\n"), result
    assert '  File "main.py", line 4, in crash\n' in result.stderr, result
    assert result.stderr.endswith("KeyError: 'key'\n"), result
    assert "webthreads" not in result.stderr and "/lib/webthreads" not in result.stderr


def test_recursion_through_c_code_ends_in_recursion_error(
    runtime_page: Page, site_url: str
) -> None:
    # Each level goes through C code (map): the browser's native stack, smaller than
    # CPython's, may run out before Python's recursion limit. Either way the program
    # ends with a RecursionError, never a hang or a broken worker.
    code = (
        "def down(n):\n    return 0 if n == 0 else list(map(down, [n - 1]))[0]\n"
        "print('start')\ndown(100_000)\n"
    )
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason, result.stdout) == ("error", "exception", "start\n")
    last_line = result.stderr.rstrip().splitlines()[-1]
    assert last_line.startswith("RecursionError: maximum recursion depth exceeded"), result
    assert "File " not in result.stdout, "Pyodide's stack dump reached the output"


def test_without_jspi_the_worker_says_so_quickly(page: Page, site_url: str) -> None:
    page.goto(site_url)
    with requests_during(page, site_url) as requests:
        result = run_in_browser(page, site_url, "print('hi')", without_jspi=True)
    assert result.ready is not None and result.ready["jspi"] is False
    assert (result.status, result.reason, result.stdout) == ("error", "no-jspi", ""), result
    assert result.done_at < 5000
    assert not [url for url in requests.urls if "/pyodide/" in url], requests.urls


def test_without_the_snapshot_python_loads_the_plain_way(
    page: Page, site_url: str, page_requests: Requests
) -> None:
    page.route("**/pyodide/runtime-snapshot.*", lambda route: route.fulfill(status=404))
    page.goto(site_url)
    code = program("locks")
    result = run_in_browser(page, site_url, code)
    assert result.stdout == run_in_cpython(code).stdout, result
    requested = page_requests.urls
    assert any(url.endswith("/webthreads/scheduler.py") for url in requested), requested


@pytest.fixture
def first_run(page: Page, site_url: str, page_requests: Requests) -> Requests:
    """What a fresh page (nothing cached) requests to open the site and run a program,
    its worker's requests included."""
    page.goto(site_url)
    result = run_in_browser(page, site_url, program("locks"))
    assert result.status == "ok", result
    return page_requests


# Every run above is checked for plain loads and foreign requests as it ends (`run`);
# these two see a whole first run, from a fresh page.


def test_the_snapshot_is_served_and_used(first_run: Requests, site_dir: Path) -> None:
    snapshot = served(site_dir, "runtime-snapshot.bin")
    assert snapshot.is_file()
    assert any(url.endswith(f"/pyodide/{snapshot.name}") for url in first_run.urls)
    assert not any(url.endswith(".py") for url in first_run.urls), "fell back to a plain load"


def test_no_request_leaves_the_site(first_run: Requests, site_dir: Path) -> None:
    interpreter = served(site_dir, "pyodide.asm.wasm").name
    assert any(url.endswith(f"/pyodide/{interpreter}") for url in first_run.urls)
    assert first_run.foreign() == []
