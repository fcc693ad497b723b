// The race report's words (runner/page/race-report.js): what `data-races` holds, the
// heading, and each access in a sentence. The rendering needs a page: the browser
// tests check it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { NO_RACES, accessWords, heading, racesData } from "../../runner/page/race-report.js";

const race = {
  variable: "total",
  accesses: [
    { thread: "Thread-1 (deposit)", line: 15, kind: "write", locks: [], source: "total = current + amount" },
    { thread: "Thread-2 (deposit)", line: 13, kind: "read", locks: ["total_lock"], source: "current = total" },
  ],
  fix: "no single lock protects `total`: hold one `Lock` around the read and the write",
};

test("data-races holds the interface's fields only, in its order", () => {
  assert.equal(
    JSON.stringify(racesData([race])),
    JSON.stringify([
      {
        variable: "total",
        accesses: [
          { thread: "Thread-1 (deposit)", line: 15, kind: "write", locks: [] },
          { thread: "Thread-2 (deposit)", line: 13, kind: "read", locks: ["total_lock"] },
        ],
      },
    ]),
  );
});

test("the heading counts the races, or says there were none", () => {
  assert.equal(heading([]), NO_RACES);
  assert.equal(NO_RACES, "No races seen in this run.");
  assert.equal(heading([race]), "1 race seen in this run:");
  assert.equal(heading([race, race]), "2 races seen in this run:");
});

test("an access says who, read or write, where, and the locks held", () => {
  assert.equal(
    accessWords("total", race.accesses[0]),
    "Thread-1 (deposit) writes `total` on line 15, holding no lock:",
  );
  assert.equal(
    accessWords("total", { ...race.accesses[1], locks: ["a", "b"] }),
    "Thread-2 (deposit) reads `total` on line 13, holding `a` and `b`:",
  );
});
