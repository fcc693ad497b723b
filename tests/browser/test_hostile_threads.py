"""The runtime under programs that push its threads, signals and stacks to their
limits: it answers as CPython does, and the tab survives.

Each program runs in a fresh worker of a page of its own: a program that brought the
page down would take no other test with it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from ..support.firefox import Firefox
from .runtime_harness import Run, run_in_browser, run_in_cpython

pytestmark = pytest.mark.browser


@pytest.fixture
def own_page(context: BrowserContext, site_url: str) -> Iterator[Page]:
    page = context.new_page()
    page.goto(site_url)
    yield page
    page.close()


def run(page: Page, site_url: str, code: str, timeout: float = 60) -> Run:
    return run_in_browser(page, site_url, code, timeout=timeout)


# Starts threads that wait until the program can no longer start one: Chromium's tab
# dies at about 22,000 live green threads, so the runtime must refuse one long before.
TOO_MANY_THREADS = """
import threading
gate = threading.Lock()
gate.acquire()
started = 0
try:
    for _ in range(30000):
        threading.Thread(target=gate.acquire, daemon=True).start()
        started += 1
except RuntimeError as error:
    print("RuntimeError:", error)
    print("live threads refused at:", threading.active_count())
print("and the program goes on:", started == threading.active_count() - 1)
"""


def test_too_many_threads_raise_cpythons_error_and_the_tab_lives(
    own_page: Page, site_url: str
) -> None:
    result = run(own_page, site_url, TOO_MANY_THREADS, timeout=120)
    assert result.stdout == (
        "RuntimeError: can't start new thread\n"
        "live threads refused at: 10000\n"
        "and the program goes on: True\n"
    ), str(result)
    assert result.status == "ok", str(result)
    assert run(own_page, site_url, "print('next run')").stdout == "next run\n"


def assert_as_cpython(page: Page, site_url: str, code: str) -> Run:
    browser = run(page, site_url, code, timeout=30)
    cpython = run_in_cpython(code)
    both = f"browser:\n{browser}\nCPython:\n{cpython}"
    assert (browser.stdout, browser.status) == (cpython.stdout, cpython.status), both
    assert browser.stderr == cpython.stderr == "", both
    return browser


# The main thread gets the interrupt as soon as it runs again: in a pure-Python loop;
# once back from a wait (which the interrupt does not cut short, as on CPython); in the
# handler the program set, with the signal's number; at once when it interrupts itself.
# A signal raised in another thread is handled in the main thread, and only the main
# thread sets handlers.
INTERRUPT_MAIN = """
import _thread, signal, threading, time

def interrupt_soon():
    time.sleep(0.2)
    _thread.interrupt_main()

threading.Thread(target=interrupt_soon).start()
try:
    while True:
        pass
except KeyboardInterrupt:
    print("spinning main got KeyboardInterrupt")

gate = threading.Lock()
gate.acquire()
main_waits = False

def interrupt_then_open():
    while not main_waits:
        time.sleep(0.01)
    time.sleep(0.05)
    _thread.interrupt_main()
    time.sleep(0.1)
    gate.release()

threading.Thread(target=interrupt_then_open).start()
try:
    main_waits = True
    gate.acquire()
    print("the wait was over and nothing came")
except KeyboardInterrupt:
    print("waiting main got KeyboardInterrupt once it held the lock:", gate.locked())

got = []
signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
thread = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGTERM,))
thread.start()
thread.join()
print("the program's handler got", got)
names = []
signal.signal(signal.SIGTERM, lambda signum, frame: names.append(threading.current_thread().name))
thread = threading.Thread(target=signal.raise_signal, args=(signal.SIGTERM,), name="raiser")
thread.start()
thread.join()
print("a signal raised in a thread is handled in", names)
def set_in_a_thread():
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError as error:
        print("a thread cannot set a handler:", error)
thread = threading.Thread(target=set_in_a_thread)
thread.start()
thread.join()
signal.signal(signal.SIGTERM, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGTERM)
print("an ignored signal does nothing")
try:
    _thread.interrupt_main()
    print("not interrupted")
except KeyboardInterrupt:
    print("main interrupted itself")
"""


def test_interrupt_main_interrupts_the_main_thread(own_page: Page, site_url: str) -> None:
    result = assert_as_cpython(own_page, site_url, INTERRUPT_MAIN)
    assert "spinning main got KeyboardInterrupt" in result.stdout


# The program's handlers for SIGUSR1 and SIGUSR2, or SIG_IGN and SIG_DFL, change
# nothing of the runtime's thread switching and collections, and run when the program
# raises those signals itself; SIG_DFL ends the program, as the signal ends CPython.
PROGRAMS_OWN_SIGNALS = """
import os, signal, threading, time
calls = []
def handler(signum, frame):
    calls.append(signum)

for signum in (signal.SIGUSR1, signal.SIGUSR2):
    print("previous handler:", signal.signal(signum, handler))
    print("getsignal:", signal.getsignal(signum) is handler)

def spin_with_another_thread():
    global stop
    stop = False
    def spin():
        while not stop:
            pass
    thread = threading.Thread(target=spin)
    thread.start()
    start = time.monotonic()
    while time.monotonic() - start < 0.5:
        pass
    stop = True
    thread.join()

spin_with_another_thread()
print("handler calls while two threads spun:", calls)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR2)
print("handler calls once the program raised them:", calls)
for setting in (signal.SIG_IGN, signal.SIG_DFL):
    print("previous:", signal.signal(signal.SIGUSR1, setting) in (handler, signal.SIG_IGN))
    spin_with_another_thread()
    print("threads still switch with", setting.name)
signal.raise_signal(signal.SIGUSR1)
print("still running after SIG_DFL")
"""


def test_the_runtimes_signals_are_invisible_to_programs(own_page: Page, site_url: str) -> None:
    result = assert_as_cpython(own_page, site_url, PROGRAMS_OWN_SIGNALS)
    assert "handler calls while two threads spun: []" in result.stdout
    assert result.status == "error"


# Switch intervals below CPython's microsecond: threads switch as often as they can.
TINY_SWITCH_INTERVALS = """
import sys, threading
for interval in (1e-7, 1e-9):
    sys.setswitchinterval(interval)
    print("switch interval:", sys.getswitchinterval())
    count = 0
    def work():
        global count
        for _ in range(100000):
            count += 1
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("done", count <= 400000)
"""


def test_tiny_switch_intervals_work(own_page: Page, site_url: str) -> None:
    assert_as_cpython(own_page, site_url, TINY_SWITCH_INTERVALS)


@pytest.mark.firefox
def test_tiny_switch_intervals_work_in_firefox(site_url: str) -> None:
    firefox = Firefox.launch()
    try:
        page = firefox.new_page()
        page.goto(site_url)
        result = run_in_browser(page, site_url, TINY_SWITCH_INTERVALS, timeout=60)  # type: ignore[arg-type]
    finally:
        firefox.close()
    cpython = run_in_cpython(TINY_SWITCH_INTERVALS)
    both = f"Firefox:\n{result}\nCPython:\n{cpython}"
    assert (result.stdout, result.status, result.stderr) == (cpython.stdout, "ok", ""), both
