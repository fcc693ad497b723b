"""Debian's Firefox ESR (installed by `make setup`), driven over WebDriver BiDi.

Playwright's Firefox does not speak to this Firefox, so the tests talk BiDi themselves
with `websockets`' synchronous client (no event loop to clash with Playwright's). The
API reads like Playwright's where the tests need it: `Firefox.launch()`, `new_page()`,
`page.goto(url)`, `page.evaluate(function_source, arg)`, `page.wait_for_function`,
`page.click(selector)` and `page.type(text)` with real input, `page.text(selector)`,
`page.attribute(selector, name)`, `page.errors` and `page.close()`.

`evaluate` has Playwright's meaning: a JavaScript function given one JSON-able argument
(or an expression), awaited, whose JSON-able value comes back. Values cross as JSON
text, so no BiDi remote value needs decoding.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

FIREFOX = "/usr/bin/firefox-esr"
START_TIMEOUT_S = 30
COMMAND_TIMEOUT_S = 300
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")

# A fresh profile that talks to nobody on its own: only the pages the tests open load.
PREFS = {
    "app.update.auto": False,
    "app.update.enabled": False,
    "app.normandy.enabled": False,
    "app.shield.optoutstudies.enabled": False,
    "browser.aboutwelcome.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.ping-centre.telemetry": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.search.update": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "browser.tabs.warnOnClose": False,
    "captivedetect.canonicalURL": "",
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.blocklist.enabled": False,
    "media.gmp-manager.url": "",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.http.speculative-parallel-limit": 0,
    "network.prefetch-next": False,
    "services.settings.server": "http://127.0.0.1:9/",
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.server": "",
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    # The clipboard can be read without the paste prompt a reader would click.
    "dom.events.testing.asyncClipboard": True,
}

# Runs the caller's function (or expression) and hands back JSON text: the value, or
# what was thrown, with its stack.
_EVALUATE = """async (argJson) => {
  try {
    const fn = (%s);
    const value = typeof fn === "function" ? await fn(JSON.parse(argJson)) : await fn;
    return JSON.stringify({ value: value === undefined ? null : value });
  } catch (error) {
    return JSON.stringify({
      thrown: String(error && error.message !== undefined ? error.message : error),
      name: String(error && error.name),
      stack: String((error && error.stack) || ""),
    });
  }
}"""


# WebDriver's code points for keys that are not characters.
KEYS = {
    "\n": "\ue007",
    "Enter": "\ue007",
    "Tab": "\ue004",
    "Escape": "\ue00c",
    "Backspace": "\ue003",
    "Shift": "\ue008",
    "Control": "\ue009",
    "Alt": "\ue00a",
}


class FirefoxError(RuntimeError):
    """A BiDi command that Firefox refused."""


class JavaScriptError(RuntimeError):
    """An exception thrown by the page's JavaScript, with its message and stack."""

    def __init__(self, name: str, message: str, stack: str) -> None:
        super().__init__(f"{name}: {message}\n{stack}".rstrip())
        self.name, self.message, self.stack = name, message, stack


class TimeoutError(AssertionError):
    """A condition the test waited for never came."""


class Firefox:
    """One headless Firefox with a fresh profile, and its BiDi session."""

    def __init__(
        self,
        process: subprocess.Popen,
        profile: tempfile.TemporaryDirectory,
        connection: ExitStack,
        socket: ClientConnection,
    ) -> None:
        self._process, self._profile, self._socket = process, profile, socket
        self._connection = connection
        self._next_id = 0
        self._replies: dict[int, dict] = {}
        self._replied = threading.Condition()
        self._listeners: list[Callable[[dict], None]] = []
        self._reader = threading.Thread(target=self._read, name="firefox-bidi", daemon=True)
        self._reader.start()
        self.send("session.new", {"capabilities": {}})
        self.send("session.subscribe", {"events": ["log.entryAdded"]})

    @classmethod
    def launch(cls) -> Firefox:
        if not shutil.which(FIREFOX):
            raise FileNotFoundError(f"{FIREFOX} is missing: run `make setup`")
        profile = tempfile.TemporaryDirectory(prefix="firefox-profile-")
        Path(profile.name, "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFS.items())
        )
        process = subprocess.Popen(
            [
                FIREFOX,
                "--headless",
                "--no-remote",
                "--remote-debugging-port=0",
                "--profile",
                profile.name,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        connection = ExitStack()
        try:
            url = _listening_url(process)
            socket = connection.enter_context(
                connect(f"{url}/session", proxy=None, max_size=None, open_timeout=START_TIMEOUT_S)
            )
        except BaseException:
            connection.close()
            process.kill()
            process.wait()
            profile.cleanup()
            raise
        return cls(process, profile, connection, socket)

    def send(self, method: str, params: dict, timeout: float = COMMAND_TIMEOUT_S) -> dict:
        """Send one command and wait for its reply; a refusal raises FirefoxError."""
        with self._replied:
            self._next_id += 1
            command_id = self._next_id
        self._socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        with self._replied:
            if not self._replied.wait_for(
                lambda: command_id in self._replies or self._socket_closed, timeout
            ):
                raise TimeoutError(f"Firefox did not answer {method} in {timeout} s")
            if command_id not in self._replies:
                raise FirefoxError(f"Firefox closed the connection during {method}")
            reply = self._replies.pop(command_id)
        if reply.get("type") == "error":
            raise FirefoxError(f"{method}: {reply.get('error')}: {reply.get('message')}")
        return reply["result"]

    _socket_closed = False

    def _read(self) -> None:
        try:
            for text in self._socket:
                message = json.loads(text)
                if "id" in message and message.get("type") in ("success", "error"):
                    with self._replied:
                        self._replies[message["id"]] = message
                        self._replied.notify_all()
                else:
                    for listener in list(self._listeners):
                        listener(message)
        except Exception:  # the connection ended: the waiters are told below
            pass
        with self._replied:
            self._socket_closed = True
            self._replied.notify_all()

    def new_page(self) -> Page:
        """A new tab, with its own record of errors."""
        context = self.send("browsingContext.create", {"type": "tab"})["context"]
        return Page(self, context)

    def close(self) -> None:
        try:
            self.send("browser.close", {}, timeout=10)
        except (FirefoxError, TimeoutError, OSError):
            pass
        self._connection.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._profile.cleanup()


class Page:
    """One tab. `errors` collects console errors and uncaught errors, from its start."""

    def __init__(self, browser: Firefox, context: str) -> None:
        self._browser, self.context = browser, context
        self.errors: list[str] = []
        browser._listeners.append(self._on_event)

    def _on_event(self, message: dict) -> None:
        params = message.get("params", {})
        if message.get("method") != "log.entryAdded":
            return
        if params.get("source", {}).get("context") != self.context:
            return
        if params.get("level") == "error":
            self.errors.append(params.get("text") or "")

    @property
    def url(self) -> str:
        return self.evaluate("location.href")

    def goto(self, url: str) -> None:
        """Open `url` and wait for its load event."""
        self._browser.send(
            "browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"}
        )

    def evaluate(self, function_source: str, arg: Any = None) -> Any:
        """Playwright's `page.evaluate`: call the function with `arg`, await it, return
        its value (JSON-able); a JavaScript exception raises JavaScriptError."""
        result = self._browser.send(
            "script.callFunction",
            {
                "functionDeclaration": _EVALUATE % function_source,
                "arguments": [{"type": "string", "value": json.dumps(arg)}],
                "target": {"context": self.context},
                "awaitPromise": True,
            },
        )
        if result.get("type") == "exception":  # the function's source does not parse
            details = result["exceptionDetails"]
            raise JavaScriptError("SyntaxError", details.get("text", ""), function_source)
        answer = json.loads(result["result"]["value"])
        if "thrown" in answer:
            raise JavaScriptError(answer["name"], answer["thrown"], answer["stack"])
        return answer["value"]

    def wait_for_function(
        self, function_source: str, arg: Any = None, timeout: float = 60, poll: float = 0.05
    ) -> Any:
        """Call the function until it returns something truthy, and return that."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function_source, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"not true within {timeout} s: {function_source}")
            time.sleep(poll)

    def element(self, selector: str, role: str | None = None, name: str | None = None) -> dict:
        """The first element matching the CSS selector, as BiDi's shared reference; with
        `role` and `name`, the first inside it with that role and accessible name."""
        found = self._locate({"type": "css", "value": selector})
        if found and (role or name):
            wanted = {k: v for k, v in (("role", role), ("name", name)) if v}
            found = self._locate({"type": "accessibility", "value": wanted}, start=found)
        if not found:
            described = f"{selector!r}" + (f" {role or 'element'} named {name!r}" if name else "")
            raise LookupError(f"no element matches {described}")
        return found

    def _locate(self, locator: dict, start: dict | None = None) -> dict | None:
        params = {"context": self.context, "locator": locator, "maxNodeCount": 1}
        if start:
            params["startNodes"] = [start]
        nodes = self._browser.send("browsingContext.locateNodes", params)["nodes"]
        return {"sharedId": nodes[0]["sharedId"]} if nodes else None

    def click(self, selector: str, role: str | None = None, name: str | None = None) -> None:
        """Scroll the element into view and click its middle with the mouse (see
        `element` for `role` and `name`)."""
        element = self.element(selector, role, name)
        self._browser.send(
            "script.callFunction",
            {
                "functionDeclaration": "(e) => e.scrollIntoView({block: 'center'})",
                "arguments": [element],
                "target": {"context": self.context},
                "awaitPromise": False,
            },
        )
        self._perform(
            [
                {
                    "type": "pointer",
                    "id": "mouse",
                    "parameters": {"pointerType": "mouse"},
                    "actions": [
                        {
                            "type": "pointerMove",
                            "x": 0,
                            "y": 0,
                            "origin": {"type": "element", "element": element},
                        },
                        {"type": "pointerDown", "button": 0},
                        {"type": "pointerUp", "button": 0},
                    ],
                }
            ]
        )

    def type(self, text: str) -> None:
        """Type text with the keyboard into whatever has focus; a newline is Enter."""
        keys = []
        for char in text:
            value = KEYS.get(char, char)
            keys += [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]
        self._perform([{"type": "key", "id": "keyboard", "actions": keys}])

    def press(self, key: str, modifier: str | None = None) -> None:
        """Press one key (a character, or a name in KEYS), holding `modifier` ("Control",
        "Shift", "Alt") if given: `press("a", "Control")` selects all."""
        value = KEYS.get(key, key)
        keys = [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]
        if modifier:
            held = KEYS[modifier]
            keys = [{"type": "keyDown", "value": held}, *keys, {"type": "keyUp", "value": held}]
        self._perform([{"type": "key", "id": "keyboard", "actions": keys}])

    def _perform(self, actions: list[dict]) -> None:
        self._browser.send("input.performActions", {"context": self.context, "actions": actions})
        self._browser.send("input.releaseActions", {"context": self.context})

    def text(self, selector: str) -> str:
        return self.evaluate("s => document.querySelector(s).textContent", selector)

    def attribute(self, selector: str, name: str) -> str | None:
        return self.evaluate(
            "([s, name]) => document.querySelector(s).getAttribute(name)", [selector, name]
        )

    def close(self) -> None:
        self._browser._listeners.remove(self._on_event)
        self._browser.send("browsingContext.close", {"context": self.context})


def _listening_url(process: subprocess.Popen) -> str:
    """The WebDriver BiDi address Firefox prints on stderr as it starts."""
    found: list[str] = []
    seen: list[str] = []

    def read() -> None:
        for line in process.stderr:
            if not found:
                seen.append(line)
                match = LISTENING.search(line)
                if match:
                    found.append(match[1])
        # Drain the rest so that Firefox never blocks on a full pipe.

    reader = threading.Thread(target=read, name="firefox-stderr", daemon=True)
    reader.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not found:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("Firefox did not start WebDriver BiDi:\n" + "".join(seen[-20:]))
        time.sleep(0.05)
    return found[0]
