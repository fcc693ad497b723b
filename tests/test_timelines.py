"""The timeline recorder, on real runs, and the hook that puts its pictures on pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .snippet_files import ROOT, SNIPPETS_DIR, expected_lines

RECORDER = ROOT / "timeline" / "record.py"
HOOK = ROOT / "site_hooks" / "timelines.py"
STATES = {"running", "sleeping", "waiting"}

pytestmark = pytest.mark.timeout(300)

# Every wait here is certain, whatever the load: each one either has a timeout that
# must pass, or waits for a lock that the main thread releases only once the waiting
# thread has stopped at it.
WAITS_PROGRAM = '''\
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

lock = threading.Lock()
go = threading.Event()


def worker():
    lock.acquire(timeout=0.05)  # wait: Lock.acquire() timeout
    try:
        queue.Queue().get(timeout=0.05)  # wait: Queue.get() timeout
    except queue.Empty:
        print("nothing came")
    threading.Event().wait(0.05)  # wait: Event.wait() timeout
    with lock:  # wait: with Lock
        print("got the lock")
    go.wait()  # keeps the thread alive until the main thread says
    time.sleep(0.01)  # sleep: time.sleep(0.01)


def line_in_worker(thread):
    frame = sys._current_frames().get(thread.ident)
    while frame is not None and frame.f_code.co_name != "worker":
        frame = frame.f_back
    return frame.f_lineno if frame else None


if __name__ == "__main__":
    lock.acquire()
    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    with_line = next(n for n, line in enumerate(open(__file__), 1) if "# wait: with" in line)
    while line_in_worker(thread) != with_line:
        time.sleep(0.01)
    time.sleep(0.1)
    lock.release()
    thread.join(timeout=0.1)  # wait: Thread.join() timeout
    go.set()
    thread.join()
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(pool.submit(pow, 2, 5).result())
        time.sleep(0.2)  # the worker goes back to waiting for a task
    print("done")
'''


def record(path: Path) -> tuple[dict, str]:
    """The timeline of one run, and what the program printed."""
    result = subprocess.run(
        [sys.executable, str(RECORDER), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


@pytest.fixture(scope="module")
def waits(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, str]:
    path = tmp_path_factory.mktemp("program") / "waits.py"
    path.write_text(WAITS_PROGRAM)
    data, output = record(path)
    return data, output, WAITS_PROGRAM


def lanes(data: dict) -> dict[str, list[dict]]:
    """Thread name -> its spans, in order."""
    names = {thread["id"]: thread["name"] for thread in data["threads"]}
    by_name: dict[str, list[dict]] = {name: [] for name in names.values()}
    for span in data["spans"]:
        by_name[names[span["thread"]]].append(span)
    return {name: sorted(spans, key=lambda s: s["from"]) for name, spans in by_name.items()}


def check_well_formed(data: dict) -> None:
    ids = [thread["id"] for thread in data["threads"]]
    assert ids == list(range(1, len(ids) + 1)), "ids are 1, 2, … in start order"
    assert data["threads"][0]["name"] == "MainThread"
    for name, spans in lanes(data).items():
        assert spans, f"{name}: no spans"
        for span in spans:
            assert span["state"] in STATES
            assert 0 <= span["from"] <= span["to"] <= data["end"], span
            assert ("on" in span) == (span["state"] != "running"), span
        for before, after in zip(spans, spans[1:], strict=False):
            assert before["to"] <= after["from"], f"{name}: {before} overlaps {after}"
    for printed in data["prints"]:
        assert printed["thread"] in ids and 0 <= printed["t"] <= data["end"]


@pytest.mark.parametrize(
    "snippet, names",
    [
        ("race_conditions/lost_update.py", ["MainThread"] + ["(deposit)"] * 4),
        ("locks/print_inside_lock.py", ["MainThread"] + ["(update_total)"] * 10),
        (
            "thread_communication/producer_consumer_event.py",
            ["MainThread", "(producer)", "(consumer)"],
        ),
        # Three workers allowed, two started: the first task is done before the
        # other two are submitted, so the idle worker takes one of them.
        (
            "thread_pools/submit_and_result.py",
            ["MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"],
        ),
        ("deadlocks/opposite_order_timeout.py", ["MainThread"] + ["(transfer)"] * 2),
        # A Thread subclass with a run() of its own, and names of its own.
        (
            "subclassing_thread/doubler_thread.py",
            ["MainThread", "Mike", "George", "Wanda", "Dingbat", "Nina"],
        ),
    ],
)
def test_one_lane_per_thread_started(snippet: str, names: list[str]) -> None:
    data, _ = record(SNIPPETS_DIR / snippet)
    check_well_formed(data)
    got = [thread["name"] for thread in data["threads"]]
    assert len(got) == len(names), got
    for name, expected in zip(got, names, strict=True):
        assert expected in name, got


def test_spans_cover_each_thread_without_gaps(waits: tuple[dict, str, str]) -> None:
    data, _, _ = waits
    check_well_formed(data)
    for name, spans in lanes(data).items():
        for before, after in zip(spans, spans[1:], strict=False):
            assert before["to"] == after["from"], f"{name}: gap after {before}"


def line_of(source: str, comment: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if comment in line)


@pytest.mark.parametrize(
    "thread, call, comment, timed_out",
    [
        ("worker", "Lock.acquire()", "# wait: Lock.acquire() timeout", True),
        ("worker", "Queue.get()", "# wait: Queue.get() timeout", True),
        ("worker", "with Lock", "# wait: with Lock", False),
        ("worker", "Event.wait()", "# wait: Event.wait() timeout", True),
        ("MainThread", "Thread.join()", "# wait: Thread.join() timeout", True),
    ],
)
def test_waits_name_the_call_and_line(
    waits: tuple[dict, str, str], thread: str, call: str, comment: str, timed_out: bool
) -> None:
    data, _, source = waits
    on = f"{call} at waits.py:{line_of(source, comment)}"
    found = [s for s in lanes(data)[thread] if s.get("on") == on]
    assert len(found) == 1, [s.get("on") for s in lanes(data)[thread]]
    assert found[0]["state"] == "waiting"
    assert found[0].get("timeout", False) is timed_out
    assert found[0]["to"] > found[0]["from"]


def test_sleeps_are_sleeping(waits: tuple[dict, str, str]) -> None:
    data, _, source = waits
    line = line_of(source, "# sleep: time.sleep(0.01)")
    (sleep,) = [s for s in lanes(data)["worker"] if s["state"] == "sleeping"]
    assert sleep["on"] == f"time.sleep(0.01) at waits.py:{line}"
    assert sleep["to"] - sleep["from"] >= 9.5  # ms; sleep() may wake a little early


def test_idle_pool_worker_waits_for_a_task(waits: tuple[dict, str, str]) -> None:
    data, _, _ = waits
    worker = lanes(data)["ThreadPoolExecutor-0_0"]
    assert any(
        s.get("on") == "SimpleQueue.get() in concurrent.futures.thread._worker()"
        for s in worker
    ), worker


def test_prints_are_what_the_program_printed(waits: tuple[dict, str, str]) -> None:
    data, output, _ = waits
    names = {thread["id"]: thread["name"] for thread in data["threads"]}
    prints = [(names[p["thread"]], p["text"]) for p in data["prints"]]
    assert prints == [
        ("worker", "nothing came"),
        ("worker", "got the lock"),
        ("MainThread", "32"),
        ("MainThread", "done"),
    ]
    assert output.splitlines() == [text for _, text in prints]
    assert [p["t"] for p in data["prints"]] == sorted(p["t"] for p in data["prints"])


def test_prints_of_a_snippet_match_its_recorded_output() -> None:
    snippet = SNIPPETS_DIR / "thread_communication/producer_consumer_event.py"
    data, output = record(snippet)
    texts = [p["text"] for p in data["prints"]]
    assert texts == expected_lines(snippet.read_text()) == output.splitlines()


def test_a_failing_program_fails_the_recorder(tmp_path: Path) -> None:
    path = tmp_path / "fails.py"
    path.write_text("print('before')\nraise ValueError('broken on purpose')\n")
    result = subprocess.run(
        [sys.executable, str(RECORDER), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "ValueError: broken on purpose" in result.stderr
    # The timeline of the run up to the failure still comes out, and only it.
    data = json.loads(result.stdout)
    check_well_formed(data)
    assert [thread["name"] for thread in data["threads"]] == ["MainThread"]
    assert [(p["thread"], p["text"]) for p in data["prints"]] == [(1, "before")]


@pytest.mark.parametrize(
    "command",
    [[str(RECORDER)], ["-m", "timeline.record"]],
    ids=["as a file", "as a module"],
)
def test_the_recorder_runs_as_a_file_and_as_a_module(tmp_path: Path, command: list[str]) -> None:
    # -S: without site-packages, so without the .pth file that puts the project on the
    # path: the recorder finds its own package (as a module, run from the project's root).
    path = tmp_path / "tiny.py"
    path.write_text(TINY)
    result = subprocess.run(
        [sys.executable, "-S", *command, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_well_formed(data)
    assert [p["text"] for p in data["prints"]] == ["hi"]


# --- the hook ---------------------------------------------------------------------


def mini_site(tmp_path: Path, page: str, snippets: dict[str, str]) -> Path:
    """A site with only the timelines hook, one page and the given snippets."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page)
    for name, source in snippets.items():
        (tmp_path / "snippets" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "snippets" / name).write_text(source)
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Timelines
            hooks:
              - {HOOK}
            markdown_extensions:
              - pymdownx.snippets:
                  base_path: [snippets]
            """
        )
    )
    return tmp_path


def build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


PAGE = "# Page\n\nSome text.\n\n<!-- timeline: {} -->\n\nMore text.\n"
TINY = "import threading\nt = threading.Thread(target=print, args=('hi',))\nt.start()\nt.join()\n"


def test_hook_puts_the_recorded_timeline_on_the_page(tmp_path: Path) -> None:
    site = mini_site(tmp_path, PAGE.format("demo/tiny.py"), {"demo/tiny.py": TINY})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text()
    assert "<!-- timeline:" not in html
    payload = re.search(
        r'<div class="thread-timeline" data-snippet="demo/tiny.py"[^>]*>'
        r'<script type="application/json">(.*?)</script>',
        html,
    )
    assert payload, html
    data = json.loads(payload[1])
    assert [t["name"] for t in data["threads"]][0] == "MainThread"
    assert len(data["threads"]) == 2
    assert data["prints"][0]["text"] == "hi"
    assert re.search(r"<figcaption>.*<code>tiny\.py</code> on CPython \d+\.\d+", html)
    assert "<noscript>" in html
    cached = list((site / ".cache" / "timelines").glob("demo-tiny.*.json"))
    assert len(cached) == 1
    # A rebuild uses the cache: the same recording, byte for byte.
    assert build(site).returncode == 0
    again = (site / "site" / "index.html").read_text()
    assert payload[1] in again


def test_hook_fails_the_build_on_a_missing_snippet(tmp_path: Path) -> None:
    site = mini_site(tmp_path, PAGE.format("demo/missing.py"), {"demo/tiny.py": TINY})
    result = build(site)
    assert result.returncode != 0
    assert "docs/index.md:5: timeline of demo/missing.py: no such snippet" in result.stderr


def test_hook_fails_the_build_when_the_snippet_fails(tmp_path: Path) -> None:
    site = mini_site(
        tmp_path, PAGE.format("demo/fails.py"), {"demo/fails.py": "raise SystemExit(3)\n"}
    )
    result = build(site)
    assert result.returncode != 0
    assert "docs/index.md:5: recording fails.py failed (exit status 3)" in result.stderr


def test_hook_leaves_markers_in_fences_alone(tmp_path: Path) -> None:
    page = "# Page\n\n```markdown\n<!-- timeline: demo/missing.py -->\n```\n"
    site = mini_site(tmp_path, page, {})
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert "timeline: demo/missing.py" in (site / "site" / "index.html").read_text()
