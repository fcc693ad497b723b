"""The race check in the browser: no race on any snippet or exercise program meant to
be correct, a race on each meant to race, and the replay of a watched run the same run
with the same races (through the worker, as the runner sends them); and the race report
as the page shows it (runner/page/race-report.js): each race in words, with
`data-races` and the link to the run's Replay; the sentence for none; axe-core in
light and dark."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Page

from ..support.axe import serious_violations
from ..support.paths import ROOT
from .runner_pages import runnable_snippets
from .schedule_harness import Reply, Workers, workers

__all__ = ["workers"]  # the fixture, for the tests below

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

# The programs meant to race, and the variable each race is on.
MEANT_TO_RACE = {
    "snippets/race_conditions/lost_update.py": {"total"},
    "snippets/race_conditions/plus_equals.py": {"total"},
    "snippets/race_conditions/print_shared_total.py": {"total"},
    "snippets/locks/print_outside_lock.py": {"total"},
    "snippets/thread_safety/check_then_act.py": {"cache['config']"},
    "exercises/locks/fix_the_counter/starter.py": {"visits"},
    "exercises/race_conditions/count_the_votes/starter.py": {"votes"},
    "exercises/thread_safety/keep_every_message/starter.py": {"rooms['#general']"},
    # The Break it puzzles whose goal is a race.
    "puzzles/race_conditions/lose_all_but_one/program.py": {"total"},
    "puzzles/race_conditions/one_per_thread/program.py": {"total"},
    "puzzles/semaphore_event_barrier/break_the_barrier/program.py": {"seats"},
    "puzzles/thread_communication/one_sentinel_short/program.py": {"started"},
    "puzzles/thread_safety/load_twice/program.py": {"settings"},
    "puzzles/thread_safety/overdraw/program.py": {"balance"},
}


def watched_request(code: str, schedule: int | None = None) -> dict:
    request: dict = {"type": "run", "code": code, "raceCheck": True}
    if schedule is not None:
        request["schedule"] = {"from": schedule}
    return request


def races_of(reply: Reply) -> list[dict]:
    found = reply.one("races")
    assert found is not None, f"no 'races' message: {reply}"
    return found["races"]


@pytest.fixture(scope="module")
def corpus(workers: Workers) -> dict[str, Reply]:
    """Every program the site runs, run once with the race check on."""
    paths = sorted({str(s.path.relative_to(ROOT)) for s in runnable_snippets()})
    start = time.monotonic()
    sessions = workers.sessions(
        [[watched_request((ROOT / path).read_text())] for path in paths], parallel=3
    )
    print(f"\n{len(paths)} programs watched in {time.monotonic() - start:.1f} s")
    return {path: session.replies[0] for path, session in zip(paths, sessions, strict=True)}


def test_every_program_meant_to_race_is_in_the_corpus(corpus: dict[str, Reply]) -> None:
    assert set(MEANT_TO_RACE) <= set(corpus)


def test_no_race_is_seen_in_a_program_meant_to_be_correct(corpus: dict[str, Reply]) -> None:
    seen = {
        path: [race["variable"] for race in races_of(reply)]
        for path, reply in corpus.items()
        if path not in MEANT_TO_RACE
    }
    assert {path: variables for path, variables in seen.items() if variables} == {}


def test_every_program_meant_to_race_gets_its_race(corpus: dict[str, Reply]) -> None:
    seen = {path: {race["variable"] for race in races_of(corpus[path])} for path in MEANT_TO_RACE}
    assert seen == MEANT_TO_RACE


def test_a_watched_run_replays_with_the_same_races(workers: Workers) -> None:
    code = (ROOT / "snippets/race_conditions/lost_update.py").read_text()
    run, replay = workers.sessions([[watched_request(code)], [watched_request(code, 0)]])
    run, replay = run.replies[0], replay.replies[0]
    assert replay.diverged is None
    assert replay.stdout == run.stdout
    assert races_of(replay) == races_of(run) != []
    # A replay asked without the check still watches: the token says the run was.
    (unasked,) = workers.sessions([[{"type": "run", "code": code, "schedule": run.token}]])
    assert races_of(unasked.replies[0]) == races_of(run)


def test_an_exploration_keeps_each_race_once_with_the_run_that_showed_it(
    workers: Workers,
) -> None:
    code = (ROOT / "snippets/race_conditions/plus_equals.py").read_text()
    code = code.replace("DEPOSITS = 500", "DEPOSITS = 2")
    explore = {"type": "explore", "code": code, "granularity": "bytecode", "budget": 12}
    (session,) = workers.sessions([[{**explore, "raceCheck": True}]])
    explored = session.replies[0].explored
    assert explored["runs"] == 12
    races = explored["races"]
    assert [(r["variable"], sorted(a["line"] for a in r["accesses"])) for r in races] == [
        ("total", [12, 12])
    ]
    # Its run, replayed, is watched again and shows it again.
    (replay,) = workers.sessions(
        [[{"type": "run", "code": code, "schedule": races[0]["schedule"]}]]
    )
    assert replay.replies[0].diverged is None
    assert races_of(replay.replies[0])[0]["variable"] == "total"
    (unwatched,) = workers.sessions([[explore]])
    assert "races" not in unwatched.replies[0].explored


RACES = [
    {
        "variable": "total",
        "accesses": [
            {
                "thread": "Thread-1 (deposit)",
                "line": 15,
                "kind": "write",
                "locks": [],
                "source": "total = current + amount  # 3. write back, based on what we read",
            },
            {
                "thread": "Thread-2 (deposit)",
                "line": 13,
                "kind": "read",
                "locks": ["total_lock"],
                "source": "current = total  # 1. read the shared total",
            },
        ],
        "fix": "no single lock protects `total`: hold one `Lock` around the read and the write",
    },
    {
        "variable": "cache['<b>config</b>']",
        "accesses": [
            {
                "thread": "Thread-1",
                "line": 7,
                "kind": "read",
                "locks": [],
                "source": "if key not in cache:  # <i>check</i>",
            },
            {
                "thread": "Thread-2",
                "line": 8,
                "kind": "write",
                "locks": [],
                "source": "cache[key] = load(key)",
            },
        ],
        "fix": "hold one `Lock` from the read to the write",
    },
]

# Shows `races` with a RaceReport placed in the page's article, as a runner places it.
SHOW = """
async ([races, replayHref, site]) => {
  const { RaceReport } = await import(`${site}assets/runner/race-report.js`);
  const report = new RaceReport();
  report.element.id = "report";
  document.querySelector("article.md-typeset").append(report.element);
  window.raceReport = report;
  const hiddenBefore = report.element.hidden;
  report.show(races, { replayHref });
  return hiddenBefore;
}
"""


def shown(page: Page, site_url: str, races: list[dict], replay_href: str | None) -> bool:
    page.goto(site_url + "race-conditions/")
    page.add_style_tag(url=site_url + "assets/runner/race-report.css")
    return page.evaluate(SHOW, [races, replay_href, site_url])


def test_each_race_is_shown_in_words_with_its_replay_link(page: Page, site_url: str) -> None:
    href = site_url + "playground/#code=cHJpbnQoMSk&schedule=s1.x"
    assert shown(page, site_url, RACES, href) is True  # hidden until it had something
    report = page.locator("#report")
    assert report.get_attribute("class") == "runner-races"
    assert report.is_visible()
    assert json.loads(report.get_attribute("data-races") or "") == [
        {
            "variable": race["variable"],
            "accesses": [
                {key: access[key] for key in ("thread", "line", "kind", "locks")}
                for access in race["accesses"]
            ],
        }
        for race in RACES
    ]
    assert report.locator(".runner-races__summary").inner_text() == "2 races seen in this run:"
    first = report.locator(".runner-race").first
    assert first.locator(".runner-race__variable").inner_text() == "A race on total"
    assert first.locator(".runner-race__variable code").inner_text() == "total"
    assert first.locator(".runner-race__where").all_inner_texts() == [
        "Thread-1 (deposit) writes total on line 15, holding no lock:",
        "Thread-2 (deposit) reads total on line 13, holding total_lock:",
    ]
    assert first.locator(".runner-race__source").all_inner_texts() == [
        RACES[0]["accesses"][0]["source"],
        RACES[0]["accesses"][1]["source"],
    ]
    assert first.locator(".runner-race__fix").inner_text() == (
        "Fix: no single lock protects total: hold one Lock around the read and the write."
    )
    link = first.get_by_role("link", name="Replay the run where it was seen")
    assert link.get_attribute("href") == href


def test_markup_in_a_race_is_shown_as_text(page: Page, site_url: str) -> None:
    shown(page, site_url, RACES, None)
    second = page.locator("#report .runner-race").nth(1)
    assert second.locator("b, i").count() == 0
    assert "cache['<b>config</b>']" in second.locator(".runner-race__variable").inner_text()
    assert "# <i>check</i>" in second.locator(".runner-race__source").first.inner_text()
    assert page.locator("#report .runner-race__replay").count() == 0  # no token, no link


def test_no_races_is_said_in_a_sentence_and_a_new_run_hides_the_report(
    page: Page, site_url: str
) -> None:
    shown(page, site_url, [], None)
    report = page.locator("#report")
    assert report.get_attribute("data-races") == "[]"
    assert report.inner_text() == "No races seen in this run."
    page.evaluate("() => window.raceReport.reset()")
    assert report.is_hidden()
    assert report.get_attribute("data-races") is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_report_passes_axe(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    shown(page, site_url, RACES, site_url + "playground/")
    assert serious_violations(page, "#report") == []
