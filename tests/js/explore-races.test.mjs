// The races an exploration found (runner/worker/explore-races.mjs): each once, with the
// token of the first run that showed it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { RacesSeen, raceKey } from "../../runner/worker/explore-races.mjs";

const access = (thread, line, kind) => ({ thread, line, kind, locks: [], source: "" });
const race = (variable, a, b, fix = "hold one `Lock`") => ({
  variable,
  accesses: [access("Thread-1", a, "write"), access("Thread-2", b, "read")],
  fix,
});

test("a race is the same race whatever the order of its lines", () => {
  assert.equal(raceKey(race("total", 15, 13)), raceKey(race("total", 13, 15)));
  assert.notEqual(raceKey(race("total", 15, 13)), raceKey(race("total", 15, 15)));
  assert.notEqual(raceKey(race("total", 15, 13)), raceKey(race("count", 15, 13)));
});

test("each race is kept once, with the first run's token, in the order found", async () => {
  const seen = new RacesSeen();
  const asked = [];
  const token = (name) => async () => {
    asked.push(name);
    return name;
  };
  await seen.add([race("total", 15, 13)], token("first"));
  await seen.add([race("total", 13, 15), race("total", 15, 15)], token("second"));
  await seen.add([race("total", 15, 15)], token("third"));
  await seen.add([], token("fourth"));
  assert.deepEqual(
    seen.list().map((r) => [r.variable, r.accesses.map((a) => a.line), r.schedule]),
    [
      ["total", [15, 13], "first"],
      ["total", [15, 15], "second"],
    ],
  );
  assert.deepEqual(asked, ["first", "second"]); // a run with nothing new is not encoded
});
