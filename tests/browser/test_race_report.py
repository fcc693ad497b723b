"""The race report as the page shows it (runner/page/race-report.js): the races a run's
race check sent, in words, with `data-races` and the link to the run's Replay; the
sentence for none; axe-core in light and dark."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from ..support.axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

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
