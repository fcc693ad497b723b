"""Programs that push at the edges of the browser's Python: what CPython does with them,
the page's Python does too, or it says in one line why it cannot.

Where CPython's own output is the measure, the program runs on this machine's CPython
too and nothing expected is written down here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from .runtime_harness import Run, run_in_browser, run_in_cpython, stderr_summary

pytestmark = pytest.mark.browser

# Each run that should end at once gets this long (seconds): far less than a wait
# that went on until a time limit.
QUICKLY = 20


def run(page: Page, site_url: str, code: str) -> Run:
    return run_in_browser(page, site_url, code, timeout=QUICKLY)


def assert_as_on_cpython(browser: Run, code: str) -> None:
    cpython = run_in_cpython(code)
    both = f"browser:\n{browser}\nCPython:\n{cpython}"
    assert browser.stdout == cpython.stdout, both
    assert stderr_summary(browser.stderr) == stderr_summary(cpython.stderr), both
    assert browser.status == cpython.status, both


THREADS_FROM_MULTIPROCESSING = {
    "thread_pool": (
        "from multiprocessing.pool import ThreadPool\n"
        "with ThreadPool(4) as pool:\n"
        "    print(pool.map(lambda x: x * x, range(8)))\n"
        "    print(pool.apply_async(pow, (2, 10)).get(timeout=5))\n"
        "print('after')\n"
    ),
    "dummy_pool": (
        "import multiprocessing.dummy as dummy\n"
        "pool = dummy.Pool(3)\n"
        "print(sorted(pool.imap_unordered(abs, [-3, -1, 2])))\n"
        "pool.close()\n"
        "pool.join()\n"
        "print('joined')\n"
    ),
    "queues_import": (
        "import multiprocessing.queues\nprint(multiprocessing.queues.SimpleQueue.__name__)\n"
    ),
}


@pytest.mark.parametrize("name", THREADS_FROM_MULTIPROCESSING)
def test_multiprocessing_with_threads_works(runtime_page: Page, site_url: str, name: str) -> None:
    code = THREADS_FROM_MULTIPROCESSING[name]
    result = run(runtime_page, site_url, code)
    assert_as_on_cpython(result, code)
    assert result.stderr == "", result


PROCESSES = {
    "process": "import multiprocessing\nmultiprocessing.Process(target=print).start()\n",
    "process_pool_executor": (
        "from concurrent.futures import ProcessPoolExecutor\nProcessPoolExecutor(2)\n"
    ),
    "process_pool": "import multiprocessing\nmultiprocessing.Pool(2)\n",
    "process_queue": "import multiprocessing\nmultiprocessing.Queue()\n",
}


@pytest.mark.parametrize("name", PROCESSES)
def test_starting_a_process_is_refused(runtime_page: Page, site_url: str, name: str) -> None:
    result = run(runtime_page, site_url, "print('before')\n" + PROCESSES[name])
    assert (result.status, result.reason, result.stdout) == ("error", "unsupported", "before\n")
    assert result.stderr.startswith("multiprocessing: a browser runs Python in a single process")


@pytest.mark.parametrize(
    "call",
    [
        "asyncio.create_subprocess_exec('ls')",
        "asyncio.create_subprocess_shell('ls')",
        "asyncio.get_running_loop().subprocess_exec(asyncio.SubprocessProtocol, 'ls')",
    ],
)
def test_asyncio_subprocesses_are_refused(runtime_page: Page, site_url: str, call: str) -> None:
    code = (
        "import asyncio\nprint('before')\n"
        f"async def main():\n    await {call}\nasyncio.run(main())\n"
    )
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason, result.stdout) == ("error", "unsupported", "before\n")
    assert result.stderr == "subprocess: a browser cannot start other programs; " + (
        "run this example with a local Python.\n"
    ), result


@pytest.mark.parametrize(
    "code",
    [
        "print('\\ud800')\nprint('after')\n",
        "print('ok \\ud83d\\ude00')\nprint('after')\n",
        "import os\ns = os.fsdecode(b'\\xff')\nprint(repr(s))\nprint(s)\n",
        "import sys\ntry:\n    sys.stdout.write('a\\udcff')\n"
        "except UnicodeEncodeError as e:\n    print('caught', e)\n",
        "import sys\nsys.stderr.write('x\\udcff\\n')\n"
        "print(sys.stdout.errors, sys.stderr.errors)\n",
        "import sys\nsys.stdout.reconfigure(errors='backslashreplace')\nprint('y\\udcff')\n",
    ],
    ids=["lone", "pair", "surrogateescape", "caught", "stderr", "reconfigured"],
)
def test_surrogates_are_encoded_as_cpython_does(
    runtime_page: Page, site_url: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a UTF-8 terminal: in the C locale, CPython's stdout would take
    # "surrogateescape" instead of "strict".
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8:strict")
    result = run(runtime_page, site_url, code)
    assert_as_on_cpython(result, code)
    assert "\ufffd" not in result.stdout + result.stderr, result


def test_stderr_writes_surrogates_escaped(runtime_page: Page, site_url: str) -> None:
    code = "import sys\nsys.stderr.write('x\\udcff\\n')\n"
    result = run(runtime_page, site_url, code)
    assert result.stderr == run_in_cpython(code).stderr == "x\\udcff\n", result


SLEEP_LENGTHS = [
    "float('inf')",
    "-float('inf')",
    "1e300",
    "-1e300",
    "9223372036.854776",
    "9.3e9",
    "-9223372036.854776",
    "float('nan')",
    "-1",
    "'1'",
]


def test_sleeps_too_long_to_count_raise_at_once(runtime_page: Page, site_url: str) -> None:
    code = (
        "import time\n"
        f"for length in [{', '.join(SLEEP_LENGTHS)}]:\n"
        "    try:\n        time.sleep(length)\n"
        "    except Exception as e:\n        print(repr(length), type(e).__name__, e)\n"
    )
    result = run(runtime_page, site_url, code)
    assert_as_on_cpython(result, code)
    assert len(result.stdout.splitlines()) == len(SLEEP_LENGTHS), result


def test_an_int_sleep_too_long_to_count_raises_at_once(runtime_page: Page, site_url: str) -> None:
    # CPython 3.13 renamed the type in this message (C _PyTime_t → C PyTime_t), so only
    # the exception's type and the start of its message are compared with this CPython.
    code = (
        "import time\n"
        "for length in [9223372037, -9223372037, 10**30]:\n"
        "    try:\n        time.sleep(length)\n"
        "    except OverflowError as e:\n        print(length, str(e).split(' to C ')[0])\n"
    )
    result = run(runtime_page, site_url, code)
    assert_as_on_cpython(result, code)


FAR_AWAY_WAITS = {
    "timer_at_exit": (
        "import threading\nthreading.Timer(1e9, print).start()\nprint('main ends')\n",
        "main ends\n",
        [
            r"  MainThread has finished the program and waits, as Python does at exit, "
            r"for the non-daemon thread Thread-1",
            r"  Thread-1 waits in .*",
        ],
    ),
    "sleep": (
        "import time\nprint('sleeping')\ntime.sleep(1e9)\n",
        "sleeping\n",
        [r"  MainThread waits in time\.sleep\(\) at main\.py:3"],
    ),
    "event_wait": (
        "import threading\nthreading.Event().wait(1e9)\n",
        "",
        [r"  MainThread waits in Event\.wait\(\) at main\.py:2"],
    ),
}


@pytest.mark.parametrize("name", FAR_AWAY_WAITS)
def test_a_wake_up_decades_away_is_reported_at_once(
    runtime_page: Page, site_url: str, name: str
) -> None:
    code, stdout, expected = FAR_AWAY_WAITS[name]
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason, result.stdout) == ("error", "deadlock", stdout), result
    header, *report = result.stderr.splitlines()
    assert header == (
        "Every thread is waiting, and the first to wake would wake in about 32 years: "
        "much longer than a run can last here."
    ), result
    assert len(report) == len(expected), result
    for line, pattern in zip(report, expected, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)
    assert result.message == "every thread is waiting and the first wakes in about 32 years"


def test_a_wake_up_within_a_day_is_waited_for(runtime_page: Page, site_url: str) -> None:
    # Waits that may end within a run are not reported: a thread that wakes in an hour
    # is still waited for, while the main thread goes on.
    code = (
        "import threading, time\n"
        "threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()\n"
        "time.sleep(0.5)\nprint('main woke')\n"
    )
    result = run(runtime_page, site_url, code)
    assert (result.status, result.stdout, result.stderr) == ("ok", "main woke\n", ""), result


MISSING_MODULES = {
    "numpy": (
        "numpy is not part of Python's standard library, and programs in this page have "
        "the standard library only."
    ),
    "requests": (
        "requests is not part of Python's standard library, and programs in this page "
        "have the standard library only."
    ),
    "micropip": (
        "micropip is not part of Python's standard library, and programs in this page "
        "have the standard library only."
    ),
    "tkinter": (
        "tkinter opens windows on a desktop; a program in this page runs inside the "
        "browser, with no desktop to open them on."
    ),
}


@pytest.mark.parametrize("module", MISSING_MODULES)
def test_a_missing_module_says_what_the_page_has(
    runtime_page: Page, site_url: str, module: str
) -> None:
    result = run(runtime_page, site_url, f"print('before')\nimport {module}\n")
    assert (result.status, result.reason, result.stdout) == ("error", "exception", "before\n")
    *traceback, error, explanation = result.stderr.splitlines()
    assert traceback == [
        "Traceback (most recent call last):",
        '  File "main.py", line 2, in <module>',
        f"    import {module}",
    ], result
    assert error == f"ModuleNotFoundError: No module named '{module}'", result
    assert explanation == MISSING_MODULES[module], result


def test_a_missing_module_in_a_thread_says_so_too(runtime_page: Page, site_url: str) -> None:
    code = (
        "import threading\n"
        "def load():\n    import numpy\n"
        "t = threading.Thread(target=load)\nt.start()\nt.join()\nprint('after')\n"
    )
    result = run(runtime_page, site_url, code)
    assert (result.status, result.stdout) == ("ok", "after\n"), result
    assert result.stderr.splitlines()[-2:] == [
        "ModuleNotFoundError: No module named 'numpy'",
        MISSING_MODULES["numpy"],
    ], result


def test_sizes_past_32_bits_say_why(runtime_page: Page, site_url: str) -> None:
    code = "print('before')\nbytearray(2**31)\n"
    result = run(runtime_page, site_url, code)
    assert (result.status, result.reason, result.stdout) == ("error", "exception", "before\n")
    *_, error, explanation = result.stderr.splitlines()
    assert error == "OverflowError: cannot fit 'int' into an index-sized integer", result
    assert explanation == (
        "This page's Python is 32-bit: sizes and indexes stop at 2**31 - 1, where a 64-bit "
        "Python would go on until memory runs out (MemoryError)."
    ), result


# A deep recursion costs as much per frame at any depth, as on CPython: the checks for
# preemption (every time slice) do not walk the whole stack each time. Walked whole,
# four times the depth took 36 times as long (400,000 frames: 11 s); on CPython, 4 to 7.
DEEP_RECURSION = """
import sys, time
sys.setrecursionlimit(10**6)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
down(50000)  # the stack's memory, grown once
took = {50000: [], 200000: []}
for _ in range(3):  # the shortest of three: a busy machine only ever adds time
    for depth in took:
        start = time.perf_counter()
        assert down(depth) == depth
        took[depth].append(time.perf_counter() - start)
took = {depth: min(times) for depth, times in took.items()}
print("four times as deep took", round(took[200000] / took[50000], 1), "times as long")
"""


def test_a_deep_recursion_takes_time_in_proportion_to_its_depth(page: Page, site_url: str) -> None:
    # A page of its own: timings, which the workers of the module's other tests would
    # share the machine with.
    page.goto(site_url)
    result = run_in_browser(page, site_url, DEEP_RECURSION, timeout=60)
    assert result.status == "ok", str(result)
    ratio = float(result.stdout.split()[5])
    assert ratio < 12, result.stdout


# A program's own pyodide.ffi.run_sync: what fails in what it waits for is raised in the
# program only, as asyncio.run raises it on CPython; Pyodide's own printed it as well.
CAUGHT_REJECTIONS = {
    "promise": (
        "import js\n"
        "from pyodide.ffi import run_sync\n"
        "try:\n"
        "    run_sync(js.Promise.reject(js.Error.new('nope')))\n"
        "except Exception as error:\n"
        "    print('caught', type(error).__name__, error)\n"
        "print('end')\n"
    ),
    "coroutine": (
        "import js\n"
        "from pyodide.ffi import run_sync\n"
        "async def fetch():\n"
        "    return await js.Promise.reject(js.Error.new('nope'))\n"
        "try:\n"
        "    run_sync(fetch())\n"
        "except Exception as error:\n"
        "    print('caught', type(error).__name__, error)\n"
        "print('end')\n"
    ),
}


@pytest.mark.parametrize("name", CAUGHT_REJECTIONS)
def test_a_caught_rejection_prints_nothing(runtime_page: Page, site_url: str, name: str) -> None:
    result = run(runtime_page, site_url, CAUGHT_REJECTIONS[name])
    assert (result.status, result.stdout, result.stderr) == (
        "ok",
        "caught JsException Error: nope\nend\n",
        "",
    ), str(result)


# The worker's own JavaScript, and Pyodide's, stand for C code: no frames of theirs.
def test_a_javascript_error_shows_the_programs_frames_only(
    runtime_page: Page, site_url: str
) -> None:
    code = "import js\n\ndef fail():\n    js.eval(\"throw new Error('boom')\")\n\nfail()\n"
    result = run(runtime_page, site_url, code)
    assert result.status == "error", str(result)
    assert result.stderr.splitlines() == [
        "Traceback (most recent call last):",
        '  File "main.py", line 6, in <module>',
        "    fail()",
        "    ~~~~^^",
        '  File "main.py", line 4, in fail',
        "    js.eval(\"throw new Error('boom')\")",
        "    ~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "pyodide.ffi.JsException: Error: boom",
    ], result.stderr
