"""WebKitGTK (Debian's `webkit2gtk-driver`, installed by `make setup`), driven by
Selenium: an engine without JSPI, as Safari before 27. Its MiniBrowser has no headless
mode, so it gets an X display of its own from Xvfb, started here and stopped with it.

Selenium is given the driver's path, so Selenium Manager is never asked for one (it
would try to download a driver)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from selenium.webdriver import WebKitGTK
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
XVFB = "/usr/bin/Xvfb"
# Where Debian puts the MiniBrowser, for any architecture.
MINIBROWSER_PATTERNS = (
    "/usr/lib/*/webkit2gtk-4.1/MiniBrowser",
    "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
)
SCREEN = "1280x720x24"
DISPLAY_TIMEOUT_S = 30


def minibrowser() -> str | None:
    for pattern in MINIBROWSER_PATTERNS:
        if found := sorted(glob.glob(pattern)):
            return found[0]
    return None


def missing() -> list[str]:
    """What `launch` needs and cannot find."""
    needed = {
        WEBKIT_DRIVER: shutil.which(WEBKIT_DRIVER),
        XVFB: shutil.which(XVFB),
        "WebKitGTK's MiniBrowser": minibrowser(),
    }
    return [name for name, found in needed.items() if not found]


@contextmanager
def display() -> Iterator[str]:
    """A virtual X display (":N"), on a number Xvfb picks among the free ones."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()  # written once the display accepts clients
        if not number:
            raise RuntimeError(f"Xvfb gave no display (exit status {server.poll()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=DISPLAY_TIMEOUT_S)


@contextmanager
def launch() -> Iterator[WebKitGTK]:
    """MiniBrowser under WebKitWebDriver, on a display of its own."""
    if absent := missing():
        raise FileNotFoundError(f"{', '.join(absent)} missing: run `make setup`")
    options = Options()
    options.binary_location = minibrowser()
    options.add_argument("--automation")
    with display() as screen:
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": screen})
        with warnings.catch_warnings():
            # Selenium's own WebKitGTK class still sets the server's address the old way.
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            driver = WebKitGTK(options=options, service=service)
        try:
            yield driver
        finally:
            driver.quit()
