"""The timeline the in-browser runtime records of each run (format:
timeline/README.md): who ran, slept and waited when, and what each wait
was, named as the CPython recorder (timeline/record.py) names it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from timeline.naming import MAX_RECORDS

from ..support.paths import ROOT
from .runtime_harness import PROGRAMS_DIR, Run, run_in_browser

pytestmark = pytest.mark.browser

RECORDER = ROOT / "timeline" / "record.py"
LOST_UPDATE = ROOT / "snippets" / "race_conditions" / "lost_update.py"


def run(page: Page, site_url: str, code: str) -> tuple[Run, dict]:
    result = run_in_browser(page, site_url, code)
    assert result.timeline is not None, f"no timeline sent\n{result}"
    check_well_formed(result.timeline)
    return result, result.timeline


def record_on_cpython(path: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, str(RECORDER), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(completed.stdout)


def check_well_formed(timeline: dict) -> None:
    """What the format promises: lanes numbered in order, each thread's spans in time
    order without gaps or overlaps, everything inside [0, end]."""
    ids = [thread["id"] for thread in timeline["threads"]]
    assert ids == list(range(1, len(ids) + 1)), ids
    assert timeline["threads"][0]["name"] == "MainThread"
    end = timeline["end"]
    for thread in ids:
        spans = sorted(
            (s for s in timeline["spans"] if s["thread"] == thread), key=lambda s: s["from"]
        )
        assert spans, f"thread {thread} has no spans"
        for span in spans:
            assert 0 <= span["from"] <= span["to"] <= end, span
            assert span["state"] in ("running", "sleeping", "waiting"), span
            assert ("on" in span) == (span["state"] != "running"), span
        for before, after in zip(spans, spans[1:], strict=False):
            assert before["to"] == after["from"], (before, after)
    for item in timeline["prints"]:
        assert item["thread"] in ids and 0 <= item["t"] <= end, item
        # A thread prints only while it runs, never in the middle of a wait or sleep.
        for span in timeline["spans"]:
            if span["thread"] == item["thread"] and span["state"] != "running":
                assert not span["from"] < item["t"] < span["to"], (item, span)


def names(timeline: dict) -> list[str]:
    return [thread["name"] for thread in timeline["threads"]]


def waits(timeline: dict, filename: str = "main.py") -> dict[str, list[tuple]]:
    """Per thread name, its sleeps and waits in order: (state, on, timed out)."""
    name_of = {thread["id"]: thread["name"] for thread in timeline["threads"]}
    found: dict[str, list[tuple]] = {name: [] for name in name_of.values()}
    for span in sorted(timeline["spans"], key=lambda s: s["from"]):
        if span["state"] != "running":
            on = span["on"].replace(f" at {filename}:", " at main.py:")
            found[name_of[span["thread"]]].append((span["state"], on, span.get("timeout", False)))
    return found


def prints(timeline: dict) -> list[tuple[str, str]]:
    name_of = {thread["id"]: thread["name"] for thread in timeline["threads"]}
    return [
        (name_of[p["thread"]], p["text"]) for p in sorted(timeline["prints"], key=lambda p: p["t"])
    ]


def test_every_kind_of_wait_is_named_as_on_cpython(runtime_page: Page, site_url: str) -> None:
    path = PROGRAMS_DIR / "timeline_waits.py"
    result, timeline = run(runtime_page, site_url, path.read_text())
    assert result.status == "ok", result
    expected = record_on_cpython(path)
    assert names(timeline) == names(expected) == ["MainThread", "consumer", "pool_0"]
    assert waits(timeline) == waits(expected, path.name)
    assert prints(timeline) == prints(expected)
    # The timeline's own point: each wait, its name, its line, its timeout.
    assert waits(timeline)["consumer"] == [
        ("waiting", "Event.wait() at main.py:16", False),
        ("waiting", "Queue.get() at main.py:17", False),
        ("waiting", "with Lock at main.py:18", False),
        # Blocked on its waiter, then on the condition's lock again: one span.
        ("waiting", "Condition.wait_for() at main.py:21", False),
    ]
    assert ("waiting", "Thread.join() at main.py:33", True) in waits(timeline)["MainThread"]


def test_the_race_has_a_lane_per_thread_as_on_cpython(runtime_page: Page, site_url: str) -> None:
    result, timeline = run(runtime_page, site_url, LOST_UPDATE.read_text())
    expected = record_on_cpython(LOST_UPDATE)
    assert (
        names(timeline)
        == names(expected)
        == ["MainThread"] + [f"Thread-{n} (deposit)" for n in range(1, 5)]
    )
    assert [text for _, text in prints(timeline)] == result.stdout.splitlines()
    assert {name for name, _ in prints(timeline)} == {"MainThread"}
    for name in names(timeline)[1:]:
        sleeps = waits(timeline)[name]
        assert len(sleeps) == 100, name  # the deposit loop's sleep(0), each one
        assert set(sleeps) == {("sleeping", "time.sleep(0) at main.py:14", False)}


def test_an_event_loop_waits_between_its_callbacks(runtime_page: Page, site_url: str) -> None:
    snippet = ROOT / "snippets" / "choosing_concurrency" / "asyncio_to_thread.py"
    result, timeline = run(runtime_page, site_url, snippet.read_text())
    assert result.status == "ok", result
    main_waits = waits(timeline)["MainThread"]
    assert len(main_waits) > 1, main_waits  # one span per wait, not one for the whole run
    line = next(
        n for n, text in enumerate(snippet.read_text().splitlines(), 1) if "asyncio.run(" in text
    )
    assert set(main_waits) == {("waiting", f"asyncio.run() at main.py:{line}", False)}
    assert ("sleeping", "time.sleep(0.1) at main.py:8", False) in waits(timeline)["asyncio_0"]


def test_a_deadlocked_run_shows_the_waits_that_never_end(runtime_page: Page, site_url: str) -> None:
    code = (
        "import threading, time\n"
        "a, b = threading.Lock(), threading.Lock()\n"
        "def one():\n"
        "    with a:\n"
        "        time.sleep(0.05)\n"
        "        with b:\n"
        "            pass\n"
        "def two():\n"
        "    with b:\n"
        "        time.sleep(0.05)\n"
        "        with a:\n"
        "            pass\n"
        "threading.Thread(target=one).start()\n"
        "threading.Thread(target=two).start()\n"
    )
    result, timeline = run(runtime_page, site_url, code)
    assert (result.status, result.reason) == ("error", "deadlock"), result
    assert names(timeline) == ["MainThread", "Thread-1 (one)", "Thread-2 (two)"]
    for thread, line in ((2, 6), (3, 11)):
        last = max((s for s in timeline["spans"] if s["thread"] == thread), key=lambda s: s["to"])
        assert last["state"] == "waiting" and last["on"] == f"with Lock at main.py:{line}", last
        assert last["to"] == timeline["end"], last
        assert "timeout" not in last


def test_an_exception_still_sends_the_timeline(runtime_page: Page, site_url: str) -> None:
    code = "print('before')\nraise ValueError('stop here')\n"
    result, timeline = run(runtime_page, site_url, code)
    assert (result.status, result.reason) == ("error", "exception"), result
    assert prints(timeline) == [("MainThread", "before")]


def test_a_run_that_waits_too_often_is_cut_and_says_so(runtime_page: Page, site_url: str) -> None:
    code = "import time\nfor _ in range(6000):\n    time.sleep(0)\nprint('all done')\n"
    result, timeline = run(runtime_page, site_url, code)
    assert result.stdout == "all done\n", result  # the program itself is not cut
    cut = timeline["truncated"]
    assert cut["records"] == MAX_RECORDS
    assert timeline["end"] <= cut["runEnd"]
    sleeps = [s for s in timeline["spans"] if s["state"] == "sleeping"]
    assert len(sleeps) == MAX_RECORDS
    assert timeline["prints"] == []  # printed after the cut
