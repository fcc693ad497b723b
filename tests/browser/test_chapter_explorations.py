"""What the chapters say the explorer finds, checked by exploring what each page
explores: the program its runner holds (`data-source` in the built page), with the
settings the page's Explore button sends (runner/page/config.js, explore-panel.js),
at CPython's switch points unless the page names another granularity. Where a page asks
the reader to edit the program first, its own ```diff block is applied to that program.

The explorer is seeded, so every exploration here runs the same schedules each time.
The checks are the pages' words ("one outcome", "some deadlock", "most come out
short"), not counts copied from a run.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..snippet_files import DOCS_DIR
from ..support.paths import ROOT
from .runner_pages import page_url
from .schedule_harness import Reply, Workers, explore_request, workers

__all__ = ["workers"]  # the fixture, for the tests below

pytestmark = pytest.mark.timeout(900)

PAGE_SCRIPTS = ROOT / "runner" / "page"


def _number_in(script: str, pattern: str) -> int:
    found = re.search(pattern, (PAGE_SCRIPTS / script).read_text())
    assert found, f"{pattern!r} not in runner/page/{script}"
    return int(found[1])


def page_settings() -> dict:
    """What a press of Explore sends besides the code and the granularity."""
    return {
        "budget": _number_in("config.js", r"exploreBudget:\s*(\d+)"),
        "seed": _number_in("explore-panel.js", r"const SEED = (\d+)"),
        "timeLimitSeconds": _number_in("config.js", r"timeLimitSeconds:\s*(\d+)"),
        "maxOutputChars": _number_in("config.js", r"maxOutputChars:\s*(\d+)"),
    }


# The pages speak of "two hundred schedules".
SCHEDULES = 200


class _Runners(HTMLParser):
    """The attributes of every snippet runner of a built page, by snippet."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "div" and named.get("data-runner") == "snippet":
            self.found.setdefault(str(named["data-snippet"]), named)


def runner_of(site_dir: Path, markdown: str, snippet: str) -> dict[str, str | None]:
    parser = _Runners()
    parser.feed((site_dir / page_url(DOCS_DIR / markdown) / "index.html").read_text())
    assert snippet in parser.found, f"no runner of {snippet} on {markdown}"
    return parser.found[snippet]


def page_diffs(markdown: str) -> list[tuple[list[str], list[str]]]:
    """Each ```diff block of a page: its removed lines and its added lines."""
    text = (DOCS_DIR / markdown).read_text()
    blocks = re.findall(r"^([ \t]*)```diff\n(.*?)^\1```$", text, re.MULTILINE | re.DOTALL)
    diffs = []
    for indent, body in blocks:
        lines = [line.removeprefix(indent) for line in body.splitlines()]
        diffs.append(
            (
                [line[1:] for line in lines if line.startswith("-")],
                [line[1:] for line in lines if line.startswith("+")],
            )
        )
    return diffs


def edited_as_the_page_says(markdown: str, source: str) -> str:
    """`source` with the one diff of the page that applies to it."""
    lines = source.splitlines()
    applying = [
        (removed, added)
        for removed, added in page_diffs(markdown)
        if any(lines[i : i + len(removed)] == removed for i in range(len(lines)))
    ]
    assert len(applying) == 1, f"{len(applying)} diffs of {markdown} apply to this program"
    ((removed, added),) = applying
    starts = [i for i in range(len(lines)) if lines[i : i + len(removed)] == removed]
    assert len(starts) == 1, f"the lines {removed} are in the program {len(starts)} times"
    (start,) = starts
    edited = lines[:start] + added + lines[start + len(removed) :]
    return "\n".join(edited) + "\n"


@dataclass(frozen=True)
class Exploration:
    markdown: str  # the page, under docs/
    snippet: str  # as the page includes it
    granularity: str = "switch-points"
    edited: bool = False  # with the page's diff applied first


EXPLORATIONS = {
    "lost update": Exploration("race-conditions.md", "race_conditions/lost_update.py"),
    "+= at switch points": Exploration("race-conditions.md", "race_conditions/plus_equals.py"),
    "+= at every bytecode": Exploration(
        "race-conditions.md", "race_conditions/plus_equals.py", "bytecode"
    ),
    "locked total": Exploration("locks.md", "locks/lock_acquire_release.py"),
    "fix the counter, starter": Exploration(
        "locks.md", "exercises/locks/fix_the_counter/starter.py"
    ),
    "fix the counter, solution": Exploration(
        "locks.md", "exercises/locks/fix_the_counter/solution.py"
    ),
    "check then act, no barrier": Exploration(
        "thread-safety.md", "thread_safety/check_then_act.py", edited=True
    ),
    "ordered locks": Exploration("deadlocks.md", "deadlocks/lock_ordering.py"),
    "opposite order": Exploration("deadlocks.md", "deadlocks/lock_ordering.py", edited=True),
    "two cooks, while": Exploration("conditions.md", "conditions/two_cooks.py"),
    "two cooks, if": Exploration("conditions.md", "conditions/two_cooks.py", edited=True),
}


@dataclass
class Explored:
    code: str  # what was explored
    recorded: str  # what the page shows from CPython, as a run's stdout
    reply: Reply

    @property
    def runs(self) -> int:
        return self.reply.explored["runs"]

    @property
    def outcomes(self) -> list[dict]:
        return self.reply.explored["outcomes"]

    def schedules(self, test: Callable[[dict], bool]) -> int:
        """How many schedules gave an outcome that passes `test`."""
        return sum(outcome["count"] for outcome in self.outcomes if test(outcome))

    def __str__(self) -> str:
        return json.dumps(
            [{k: v for k, v in o.items() if k != "schedule"} for o in self.outcomes[:20]],
            indent=1,
        )


@pytest.fixture(scope="module")
def explored(workers: Workers, site_dir: Path) -> dict[str, Explored]:
    """Every exploration the chapters invite, two workers at a time."""
    settings = page_settings()
    programs = {}
    for name, exploration in EXPLORATIONS.items():
        runner = runner_of(site_dir, exploration.markdown, exploration.snippet)
        # The page's runner has an Explore button (runner/page/runner.js).
        assert "data-starts-threads" in runner, f"{exploration.snippet}: no Explore button"
        source = html.unescape(str(runner["data-source"]))
        code = source
        if exploration.edited:
            code = edited_as_the_page_says(exploration.markdown, source)
        recorded = "".join(f"{line}\n" for line in json.loads(str(runner["data-expected"])))
        programs[name] = (code, recorded, exploration.granularity)
    start = time.monotonic()
    sessions = workers.sessions(
        [explore_request(code, granularity=granularity, **settings)]
        for code, _, granularity in programs.values()
    )
    print(f"\n{len(programs)} explorations in {time.monotonic() - start:.1f} s")
    for name, session in zip(programs, sessions, strict=True):
        reply = session.replies[0]
        print(f"  {name}: {reply.seconds_after(reply.ready):.1f} s after the worker was ready")
    return {
        name: Explored(code, recorded, session.replies[0])
        for (name, (code, recorded, _)), session in zip(programs.items(), sessions, strict=True)
    }


def test_the_pages_settings_are_the_ones_they_describe() -> None:
    assert page_settings()["budget"] == SCHEDULES
    # The granularities the pages name, in bold, are the runner's own labels.
    labels = re.findall(r'label: "([^"]+)"', (PAGE_SCRIPTS / "explore-report.js").read_text())
    bold = re.compile(r"\*\*(CPython's switch points|Every \w+)\*\*")
    pages = {exploration.markdown for exploration in EXPLORATIONS.values()}
    named = {name for page in pages for name in bold.findall((DOCS_DIR / page).read_text())}
    assert named, "no page names a granularity"
    assert named <= set(labels), f"{named - set(labels)} are not labels of {labels}"


def numbers_after(label: str, stdout: str) -> list[int]:
    return [int(n) for n in re.findall(rf"^{re.escape(label)}(-?\d+)$", stdout, re.MULTILINE)]


def total_of(outcome: dict, label: str = "actual total: ") -> int:
    (total,) = numbers_after(label, outcome["stdout"])
    return total


def all_finished(explored: Explored) -> None:
    assert all(o["state"] == "done" and not o["stderr"] for o in explored.outcomes), explored


def one_outcome_as_on_the_page(explored: Explored) -> None:
    """Every schedule gave the output the page shows from CPython."""
    assert explored.runs == SCHEDULES
    assert [(o["state"], o["stdout"], o["stderr"]) for o in explored.outcomes] == [
        ("done", explored.recorded, "")
    ], explored


# Race conditions


def test_lost_update_gives_many_totals_400_among_them(
    explored: dict[str, Explored], workers: Workers
) -> None:
    lost = explored["lost update"]
    assert lost.runs == SCHEDULES
    all_finished(lost)
    totals = {total_of(outcome) for outcome in lost.outcomes}
    assert len(totals) > 1, lost
    assert max(totals) == 400, totals
    # The explorer marks the output the page shows from CPython: it is among them.
    assert lost.recorded == "expected total: 400\nactual total: 100\n"
    assert any(o["stdout"] == lost.recorded for o in lost.outcomes), lost
    # An outcome's Replay is that run again.
    short = next(o for o in lost.outcomes if total_of(o) < 400)
    replay = workers.run(lost.code, short["schedule"])
    assert replay.diverged is None
    assert (replay.stdout, replay.stderr) == (short["stdout"], short["stderr"])


def test_plus_equals_loses_nothing_at_cpythons_switch_points(
    explored: dict[str, Explored],
) -> None:
    plus_equals = explored["+= at switch points"]
    assert plus_equals.recorded == "expected total: 2000\nactual total: 2000\n"
    one_outcome_as_on_the_page(plus_equals)


def test_plus_equals_loses_updates_at_every_bytecode(explored: dict[str, Explored]) -> None:
    plus_equals = explored["+= at every bytecode"]
    assert plus_equals.runs == SCHEDULES
    all_finished(plus_equals)
    totals = {total_of(outcome) for outcome in plus_equals.outcomes}
    assert len(totals) > 1 and max(totals) <= 2000, totals
    short = plus_equals.schedules(lambda outcome: total_of(outcome) < 2000)
    assert short > plus_equals.runs / 2, f"{short} of {plus_equals.runs} short: most"


# Locks


def test_the_locked_total_has_one_outcome(explored: dict[str, Explored]) -> None:
    locked = explored["locked total"]
    assert locked.recorded.endswith("actual total: 400\n")
    one_outcome_as_on_the_page(locked)


def test_fix_the_counter_starter_spreads_and_a_solution_gives_400_in_every_schedule(
    explored: dict[str, Explored],
) -> None:
    starter = explored["fix the counter, starter"]
    assert starter.runs == SCHEDULES
    all_finished(starter)
    counts = {total_of(outcome, "counted visits: ") for outcome in starter.outcomes}
    assert len(counts) > 1 and max(counts) <= 400, counts
    short = starter.schedules(lambda outcome: total_of(outcome, "counted visits: ") < 400)
    assert short > starter.runs / 2, f"{short} of {starter.runs} short: most"

    solution = explored["fix the counter, solution"]
    assert solution.runs == SCHEDULES
    assert [(o["state"], o["stdout"], o["stderr"]) for o in solution.outcomes] == [
        ("done", "expected visits: 400\ncounted visits: 400\n", "")
    ], solution


# Thread safety


def test_check_then_act_without_its_barrier_loads_twice_now_and_then(
    explored: dict[str, Explored],
) -> None:
    cache = explored["check then act, no barrier"]
    assert "both_checked.wait()" not in cache.code
    assert cache.runs == SCHEDULES
    all_finished(cache)
    # The locked version loads once in every schedule.
    assert all(
        numbers_after("locked: cache {'config': 'CONFIG'}, loads: ", o["stdout"]) == [1]
        for o in cache.outcomes
    ), cache
    racy = "racy:   cache {'config': 'CONFIG'}, loads: "
    once = cache.schedules(lambda outcome: numbers_after(racy, outcome["stdout"]) == [1])
    twice = cache.schedules(lambda outcome: numbers_after(racy, outcome["stdout"]) == [2])
    assert once + twice == cache.runs, cache
    assert once > cache.runs / 2 and twice > 0, f"once {once}, twice {twice}"


# Deadlocks


def test_ordered_locks_never_deadlock(explored: dict[str, Explored]) -> None:
    one_outcome_as_on_the_page(explored["ordered locks"])


def test_opposite_order_deadlocks_in_some_schedules(
    explored: dict[str, Explored], workers: Workers
) -> None:
    opposite = explored["opposite order"]
    assert "sorted(" not in opposite.code
    assert opposite.runs == SCHEDULES
    finished = opposite.schedules(
        lambda o: (o["state"], o["stdout"], o["stderr"]) == ("done", opposite.recorded, "")
    )
    deadlocked = [o for o in opposite.outcomes if o["reason"] == "deadlock"]
    assert finished + sum(o["count"] for o in deadlocked) == opposite.runs, opposite
    assert finished > opposite.runs / 2 and deadlocked, opposite
    # Each report: both threads wait at the line that takes both locks, for the other's.
    line = 1 + opposite.code.splitlines().index("    with first.lock, second.lock:")
    for outcome in deadlocked:
        waits = re.findall(
            r"^  (Thread-\d) \(pay\) waits in Lock.acquire\(\) for a lock last acquired by "
            rf"(Thread-\d) \(pay\) at main.py:{line}$",
            outcome["stderr"],
            re.MULTILINE,
        )
        assert sorted(waits) == [("Thread-1", "Thread-2"), ("Thread-2", "Thread-1")], outcome
    # Its Replay runs to the same deadlock.
    replay = workers.run(opposite.code, deadlocked[0]["schedule"])
    assert replay.diverged is None
    assert replay.done.get("reason") == "deadlock"
    assert replay.stderr == deadlocked[0]["stderr"]


# Conditions


def test_two_cooks_with_while_serve_both_dishes_in_every_schedule(
    explored: dict[str, Explored],
) -> None:
    one_outcome_as_on_the_page(explored["two cooks, while"])


def test_two_cooks_with_if_pop_an_empty_list_in_some_schedules(
    explored: dict[str, Explored],
) -> None:
    cooks = explored["two cooks, if"]
    assert "        if not orders:" in cooks.code
    assert cooks.runs == SCHEDULES
    served = cooks.schedules(
        lambda o: (o["state"], o["stdout"], o["stderr"]) == ("done", cooks.recorded, "")
    )
    failed = [o for o in cooks.outcomes if o["stdout"] != cooks.recorded]
    assert served > cooks.runs / 2 and failed, cooks
    for outcome in failed:
        assert outcome["stdout"] == "served: ['soup'], orders left: ['salad']\n", outcome
        assert outcome["stderr"].endswith("IndexError: pop from empty list\n"), outcome
