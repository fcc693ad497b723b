"""Talks to the runner's worker from a page, for the tests of schedules and of the
explorer: runs (recorded, or replayed from a token) and explorations, several workers
at a time, every message kept with the time the page got it (runner/worker/worker.mjs
describes the protocol).

`workers` is the module's fixture: one page of the site, from which every run gets a
worker of its own, as on the site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page

from .runtime_harness import WORKER_PATH

# Sessions, each in a fresh worker, at most `parallel` at a time. A session is a list of
# requests sent one after the other, each when the one before has ended ("done", or
# "explore-done"). A request whose schedule is {"from": i} gets the token of the run of
# session i (which is then started first): a replay follows its run without a trip back
# to Python. Every message gets `at`, the milliseconds since its worker was created.
_SESSIONS = """
async ([workerUrl, sessions, parallel, timeoutMs]) => {
  const results = new Array(sessions.length);
  const tokens = new Map(); // session index -> promise of the token of its first run
  const resolvers = new Map();
  sessions.forEach((session, index) => {
    tokens.set(index, new Promise((resolve) => resolvers.set(index, resolve)));
  });

  async function runSession(index) {
    const requests = sessions[index];
    const created = performance.now();
    const worker = new Worker(workerUrl, { type: "module" });
    const replies = [];
    let ready = null;
    let problem = null;
    try {
      for (const request of requests) {
        const message = { ...request };
        if (message.schedule && typeof message.schedule === "object") {
          message.schedule = await tokens.get(message.schedule.from);
        }
        const messages = [];
        const end = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve("timeout"), timeoutMs);
          worker.onerror = (event) => {
            clearTimeout(timer);
            resolve(`worker error: ${event.message}`);
          };
          worker.onmessage = (event) => {
            const data = { ...event.data, at: performance.now() - created };
            if (data.type === "ready") {
              ready = data;
              return;
            }
            messages.push(data);
            if (data.type === "done" || data.type === "explore-done") {
              clearTimeout(timer);
              resolve(data.type);
            }
          };
          worker.postMessage(message);
        });
        replies.push({ end, messages });
        if (end === "timeout" || end.startsWith("worker error")) break;
      }
    } catch (error) {
      problem = String(error?.stack || error);
    } finally {
      worker.terminate();
      const schedule = replies[0]?.messages.find((m) => m.type === "schedule");
      resolvers.get(index)(schedule ? schedule.token : null);
    }
    results[index] = { ready, replies, problem };
  }

  // Sessions that others replay go first, so that their replays never wait long.
  const replayed = new Set(
    sessions
      .flat()
      .filter((request) => request.schedule && typeof request.schedule === "object")
      .map((request) => request.schedule.from),
  );
  const order = [...sessions.keys()].sort((a, b) => replayed.has(b) - replayed.has(a));
  const queue = order.slice();
  const lanes = Array.from({ length: Math.min(parallel, queue.length) }, async () => {
    while (queue.length) await runSession(queue.shift());
  });
  await Promise.all(lanes);
  return results;
}
"""

TIMEOUT_SECONDS = 120


@dataclass
class Reply:
    """What a worker sent for one request, in order; `at` is milliseconds since the
    worker was created."""

    end: str  # "done", "explore-done", "timeout" or "worker error: ..."
    messages: list[dict]
    ready: dict | None = None  # the worker's "ready" message

    def of(self, kind: str) -> list[dict]:
        return [m for m in self.messages if m["type"] == kind]

    def text(self, stream: str) -> str:
        return "".join(m["text"] for m in self.of(stream))

    @property
    def stdout(self) -> str:
        return self.text("stdout")

    @property
    def stderr(self) -> str:
        return self.text("stderr")

    def one(self, kind: str) -> dict | None:
        found = self.of(kind)
        assert len(found) <= 1, f"{len(found)} {kind!r} messages: {self}"
        return found[0] if found else None

    @property
    def done(self) -> dict:
        done = self.one("done")
        assert done is not None, f"no 'done': {self}"
        return done

    @property
    def timeline(self) -> dict | None:
        timeline = self.one("timeline")
        return timeline and timeline["data"]

    @property
    def token(self) -> str | None:
        schedule = self.one("schedule")
        return schedule and schedule["token"]

    @property
    def diverged(self) -> str | None:
        schedule = self.one("schedule")
        assert schedule is not None, f"no 'schedule': {self}"
        return schedule.get("diverged")

    @property
    def explored(self) -> dict:
        done = self.one("explore-done")
        assert done is not None, f"no 'explore-done': {self}"
        return done

    def seconds_after(self, first: dict) -> float:
        """Seconds from the message `first` to this request's last message."""
        return (self.messages[-1]["at"] - first["at"]) / 1000

    def __str__(self) -> str:
        shown = [
            {k: (v if len(json.dumps(v)) < 300 else "...") for k, v in m.items()}
            for m in self.messages
        ]
        return f"{self.end}: {json.dumps(shown, indent=1)[:4000]}"


@dataclass
class Session:
    """The replies of one worker, one per request sent to it."""

    replies: list[Reply]
    ready: dict | None = field(default=None)

    @property
    def made(self) -> dict:
        """What the worker runs: {python, runtime}, as its "ready" message says."""
        assert self.ready and self.ready["jspi"], f"worker not ready: {self.ready}"
        return {"python": self.ready["python"], "runtime": self.ready["runtime"]}


def run_request(code: str, schedule: str | int | None = None) -> dict:
    """A "run" request; `schedule` is a token, or the index of the session whose token
    to replay (see Workers.sessions)."""
    request: dict = {"type": "run", "code": code}
    if isinstance(schedule, int):
        request["schedule"] = {"from": schedule}
    elif schedule is not None:
        request["schedule"] = schedule
    return request


def explore_request(code: str, **options) -> dict:
    return {"type": "explore", "code": code, **options}


class Workers:
    """Starts workers from one page of the site."""

    def __init__(self, page: Page, site_url: str, parallel: int = 2) -> None:
        self.page = page
        self.site_url = site_url
        self.worker_url = site_url + WORKER_PATH
        self.parallel = parallel

    def sessions(
        self, sessions: Iterable[list[dict]], parallel: int | None = None
    ) -> list[Session]:
        """Each list of requests in a fresh worker, `parallel` workers at a time."""
        sessions = list(sessions)
        results = self.page.evaluate(
            _SESSIONS,
            [
                self.worker_url,
                sessions,
                parallel or self.parallel,
                TIMEOUT_SECONDS * 1000,
            ],
        )
        found = []
        for requests, result in zip(sessions, results, strict=True):
            assert result["problem"] is None, result["problem"]
            replies = [Reply(r["end"], r["messages"], result["ready"]) for r in result["replies"]]
            for request, reply in zip(requests, replies, strict=False):
                assert reply.end in ("done", "explore-done"), f"{request['type']}: {reply}"
            assert len(replies) == len(requests), f"{len(replies)} of {len(requests)} replies"
            found.append(Session(replies, result["ready"]))
        return found

    def run(self, code: str, schedule: str | None = None) -> Reply:
        """One run in a fresh worker: recorded, or the replay of `schedule`."""
        (session,) = self.sessions([[run_request(code, schedule)]])
        return session.replies[0]

    def run_and_replay(
        self, codes: Iterable[str], parallel: int | None = None
    ) -> list[tuple[Reply, Reply]]:
        """Each program run, then replayed from its token in another fresh worker."""
        codes = list(codes)
        runs = [[run_request(code)] for code in codes]
        replays = [[run_request(code, index)] for index, code in enumerate(codes)]
        found = self.sessions(runs + replays, parallel)
        return [
            (found[i].replies[0], found[len(codes) + i].replies[0]) for i in range(len(codes))
        ]

    def explore(self, code: str, **options) -> Reply:
        """One exploration in a fresh worker."""
        (session,) = self.sessions([[explore_request(code, **options)]])
        return session.replies[0]


@pytest.fixture(scope="module")
def workers(runtime_page: Page, site_url: str) -> Workers:
    """Workers started from one page of the site, kept for the module."""
    return Workers(runtime_page, site_url)
