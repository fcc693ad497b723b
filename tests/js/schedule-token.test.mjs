// A run's schedule as a token (runner/worker/schedule-token.mjs): every field comes back
// exactly, and a token that cannot be replayed here is refused with the sentence the
// reader sees, never read as something else.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  FORMAT,
  MODES,
  ScheduleError,
  decodeSchedule,
  encodeSchedule,
  hashText,
} from "../../runner/worker/schedule-token.mjs";

const MADE = { python: "3.14.2", runtime: "0a1b2c3d" };

function key(seed = 1) {
  return Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) % 256);
}

function schedule(fields = {}) {
  return {
    mode: "timed",
    raceCheck: false,
    code: hashText("print('hello')\n"),
    printed: hashText("ohello\n"),
    key: key(),
    polls: [4 * 17 + 1, 4 * 3 + 2, 4 * 250000 + 1],
    perf: [1523.4, 1523.401, 1530, 2048.125],
    date: [1767225600000, 1767225600000, 1767225600003],
    choices: [0, 1, 0, 2, 1],
    ...fields,
  };
}

async function roundTrip(original, made = MADE) {
  return decodeSchedule(await encodeSchedule(original, made), made);
}

// The sentence a refused token gets.
async function refusal(token, made = MADE) {
  try {
    await decodeSchedule(token, made);
  } catch (error) {
    assert.ok(error instanceof ScheduleError, `${error} is not a ScheduleError`);
    return error.message;
  }
  assert.fail(`${JSON.stringify(token)} was read`);
}

const DAMAGED = "This schedule token is damaged: it cannot be read. Run the program to record a new one.";
const OTHER_FORMAT =
  "This schedule was recorded in another format, by another version of the runner. " +
  "Run the program to record a new one.";

function otherMade(where, made = MADE) {
  return (
    `This schedule was recorded on ${where}, and this page runs Python ${made.python} ` +
    `(runtime ${made.runtime}): a schedule replays only on the runtime that recorded it. ` +
    "Run the program to record a new one."
  );
}

// base64url of raw bytes, and the token's parts put back together around a payload.
const base64url = (bytes) => Buffer.from(bytes).toString("base64url");
const withPayload = (token, payload) => [...token.split(".").slice(0, 3), payload].join(".");

test("a token names its format, the Python version and the runtime, and is URL-safe", async () => {
  const token = await encodeSchedule(schedule(), MADE);
  const [format, python, runtime, payload] = token.split(".");
  assert.deepEqual([format, python, runtime], [FORMAT, "3-14-2", "0a1b2c3d"]);
  assert.match(payload, /^[A-Za-z0-9_-]+$/);
  assert.equal(encodeURIComponent(token), token);
});

test("every field comes back exactly", async () => {
  const original = schedule();
  assert.deepEqual(await roundTrip(original), original);
});

test("every mode comes back", async () => {
  for (const mode of MODES) {
    assert.equal((await roundTrip(schedule({ mode }))).mode, mode);
  }
});

test("whether the race check watched the run comes back, with every mode", async () => {
  for (const mode of MODES) {
    for (const raceCheck of [false, true]) {
      const back = await roundTrip(schedule({ mode, raceCheck }));
      assert.deepEqual([back.mode, back.raceCheck], [mode, raceCheck]);
    }
  }
});

test("a token made before the race check existed reads as a run without it", async () => {
  // Its payload, as it was made then: the mode's number alone.
  const old = { ...schedule() };
  delete old.raceCheck;
  assert.equal((await roundTrip(old)).raceCheck, false);
});

test("the key comes back byte for byte", async () => {
  const all = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 255) % 256);
  const back = await roundTrip(schedule({ key: all }));
  assert.ok(back.key instanceof Uint8Array);
  assert.deepEqual([...back.key], [...all]);
});

test("clock readings that are not whole microseconds come back as the same numbers", async () => {
  const perf = [0.1, 1523.4567891, 1e-7, 1523.4567891, 2 ** 60, 0.30000000000000004, 7, 6.999];
  const date = [1767225600000.5, 1767225600001, Math.PI, 0];
  const back = await roundTrip(schedule({ perf, date }));
  assert.deepEqual(back.perf, perf);
  assert.deepEqual(back.date, date);
});

test("clocks that go back, and readings of zero and below, come back", async () => {
  const perf = [100, 50, 50, 0, -3.5, -3.25, 12.001];
  const back = await roundTrip(schedule({ perf }));
  assert.deepEqual(back.perf, perf);
});

// Whole milliseconds far from the one before: the step in microseconds is large.
test("times of day decades from now come back", async () => {
  const date = [Date.UTC(2041, 5, 1), Date.UTC(2100, 0, 1), Date.UTC(2100, 0, 1) + 1, 0];
  const perf = [2 ** 52, 1, 2 ** 52 + 0.5];
  const back = await roundTrip(schedule({ date, perf }));
  assert.deepEqual(back.date, date);
  assert.deepEqual(back.perf, perf);
});

test("empty streams come back empty", async () => {
  const original = schedule({ polls: [], perf: [], date: [], choices: [] });
  assert.deepEqual(await roundTrip(original), original);
});

test("large counts and hashes come back", async () => {
  const large = [0, 1, 127, 128, 16383, 16384, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER];
  const original = schedule({
    code: 0xffffffff,
    printed: 0,
    polls: large,
    choices: large,
  });
  assert.deepEqual(await roundTrip(original), original);
});

test("long streams come back, and repetitive ones stay short", async () => {
  const choices = Array.from({ length: 100000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const perf = Array.from({ length: 20000 }, (_, i) => 1000 + i * 0.001);
  const original = schedule({ choices, perf });
  const token = await encodeSchedule(original, MADE);
  assert.deepEqual(await decodeSchedule(token, MADE), original);
  assert.ok(token.length < 10000, `${token.length} characters`);
});

test("a count that is not a whole number of zero or more is not written", async () => {
  for (const choices of [[-1], [1.5], [Number.NaN], [2 ** 53]]) {
    await assert.rejects(encodeSchedule(schedule({ choices }), MADE), RangeError);
  }
});

test("surrounding whitespace is ignored", async () => {
  const original = schedule();
  const token = await encodeSchedule(original, MADE);
  assert.deepEqual(await decodeSchedule(`  ${token}\n`, MADE), original);
});

test("a damaged payload is refused", async () => {
  const token = await encodeSchedule(schedule(), MADE);
  const payload = token.split(".")[3];
  const damaged = [
    withPayload(token, payload.slice(0, Math.floor(payload.length / 2))), // cut short
    withPayload(token, ""),
    withPayload(token, base64url(new TextEncoder().encode("not deflated at all, no"))),
    withPayload(token, base64url([0x03, 0x00])), // deflate of nothing: no fields at all
  ];
  for (const each of damaged) assert.equal(await refusal(each), DAMAGED, each);
});

test("a payload that inflates to fields that do not add up is refused", async () => {
  const deflate = async (bytes) =>
    new Uint8Array(
      await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer(),
    );
  const token = await encodeSchedule(schedule(), MADE);
  const inflated = [
    [MODES.length, 0, 0], // a mode that does not exist
    [64 + MODES.length, 0, 0], // nor with the race check
    [0x80, 0x01, 0, 0], // 128: a flag that does not exist
    [0, 1, 2, ...key()], // ends before its streams
    [0, 1, 2, ...key(), 0x7f], // a stream longer than the payload
    [0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80], // a number that never ends
  ];
  for (const bytes of inflated) {
    assert.equal(await refusal(withPayload(token, base64url(await deflate(Uint8Array.from(bytes))))), DAMAGED);
  }
});

test("a payload that is not base64url is refused", async () => {
  const token = await encodeSchedule(schedule(), MADE);
  const payload = token.split(".")[3];
  for (const bad of [`${payload}=`, `+${payload.slice(1)}`, `/${payload.slice(1)}`, `${payload}!`, "a b", "A"]) {
    assert.equal(await refusal(withPayload(token, bad)), DAMAGED, bad);
  }
});

test("what is not a token at all is refused as damaged", async () => {
  const token = await encodeSchedule(schedule(), MADE);
  const parts = token.split(".");
  for (const bad of [
    "",
    "hello",
    parts.slice(0, 3).join("."),
    `${token}.more`,
    ["x1", ...parts.slice(1)].join("."),
    undefined,
    null,
    42,
  ]) {
    assert.equal(await refusal(bad), DAMAGED, String(bad));
  }
});

test("a token in another format is refused", async () => {
  const token = await encodeSchedule(schedule(), MADE);
  for (const format of ["s2", "s0", "s", "s10"]) {
    assert.equal(await refusal(token.replace(/^s1\./, `${format}.`)), OTHER_FORMAT, format);
  }
});

test("a token from another Python is refused, naming both versions", async () => {
  const token = await encodeSchedule(schedule(), { ...MADE, python: "3.13.1" });
  assert.equal(await refusal(token), otherMade("Python 3.13.1"));
  const elsewhere = await encodeSchedule(schedule(), { python: "3.12.0", runtime: "ffffffff" });
  assert.equal(await refusal(elsewhere), otherMade("Python 3.12.0"));
});

test("a token from another build of the runtime is refused, naming it", async () => {
  const token = await encodeSchedule(schedule(), { ...MADE, runtime: "deadbeef" });
  assert.equal(await refusal(token), otherMade("another build of the runtime (deadbeef)"));
});

test("the version is checked before the payload is read", async () => {
  const token = await encodeSchedule(schedule(), { ...MADE, runtime: "deadbeef" });
  const damaged = withPayload(token, "!!");
  assert.equal(await refusal(damaged), otherMade("another build of the runtime (deadbeef)"));
});

test("hashText is FNV-1a over UTF-16 code units and goes on from a hash", () => {
  assert.equal(hashText(""), 0x811c9dc5);
  assert.equal(hashText("a"), 0xe40c292c); // FNV-1a 32 of "a"
  assert.equal(hashText("foobar"), 0xbf9cf968); // FNV-1a 32 of "foobar"
  assert.equal(hashText("bar", hashText("foo")), hashText("foobar"));
  assert.notEqual(hashText("ab"), hashText("ba"));
});
