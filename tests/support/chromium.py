"""Debian's Chromium (installed by `make setup`), started by Playwright the same way for
the tests and for the benchmarks."""

from __future__ import annotations

import shutil

from playwright.sync_api import Browser, Playwright

CHROMIUM = "/usr/bin/chromium"
# Headless, and nothing that talks to the network on its own: only the page loads.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright: Playwright) -> Browser:
    if not shutil.which(CHROMIUM):
        raise FileNotFoundError(f"{CHROMIUM} is missing: run `make setup`")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
