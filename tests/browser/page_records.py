"""What a page did while a test watched it: the requests it made, the errors it met.
`watch_*` records from the moment it is called (call it before `goto`) for the page's
whole life; `requests_during` only inside its `with` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Page, Request

from ..support.site import foreign


@dataclass
class Requests:
    """Every URL a page asked for, in order, its workers' requests included."""

    site_url: str
    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        """Those that left the site's origin."""
        return foreign(self.urls, self.site_url)


def watch_requests(page: Page, site_url: str) -> Requests:
    requests = Requests(site_url)
    page.on("request", lambda request: requests.urls.append(request.url))
    return requests


@contextmanager
def requests_during(page: Page, site_url: str) -> Iterator[Requests]:
    """What the page requests inside the `with` block."""
    requests = Requests(site_url)

    def record(request: Request) -> None:
        requests.urls.append(request.url)

    page.on("request", record)
    try:
        yield requests
    finally:
        page.remove_listener("request", record)


def watch_errors(page: Page) -> list[str]:
    """The page's uncaught errors and console errors."""
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", console)
    return errors
