// What makes two runs of one program differ, all of it passing through here: the
// clocks (performance.now() and Date.now(), which the interpreter's clocks are made
// of), the random bytes (crypto.getRandomValues(), behind os.urandom; Math.random and
// crypto.randomUUID for programs that call JavaScript), the answers to
// the interpreter's polls of its interrupt buffer (preemption.mjs: when a thread is
// preempted, when garbage is collected) and the scheduler's choices in an explored
// run. A run *records* them as it goes; a *replay* answers every one from a recorded
// schedule, so the interpreter does exactly what it did, byte for byte, the same
// Python code running in both, and never waits: its clocks are the recorded ones.
//
// Three kinds of run:
//   recording(key)                 a normal Run: real clocks, recorded;
//   exploring(mode, key, origin)   one run of the explorer: virtual clocks that jump
//                                  to the next deadline, choices made by the
//                                  explorer's strategy, recorded;
//   replaying(schedule)            everything from the schedule.
//
// The worker's own timing (time slices, output batches) reads `realNow`, never the
// program's clocks.

import { createRandomStream } from "./random-stream.mjs";

const realPerformanceNow = performance.now.bind(performance);
const realGetRandomValues = crypto.getRandomValues.bind(crypto);

export const realNow = realPerformanceNow;
export const realDateNow = Date.now.bind(Date);

let current = null; // the run's inputs, while a run is on

// Once per worker, before Python loads: the interpreter reads these globals on every
// call (Emscripten's clock_gettime and getentropy), so they answer for the run.
// Math.random and crypto.randomUUID, which a program may call through the `js` module,
// draw from the run's random bytes too.
export function installRunInputs() {
  performance.now = () => (current ? current.perfNow() : realPerformanceNow());
  Date.now = () => (current ? current.dateNow() : realDateNow());
  crypto.getRandomValues = (view) => (current ? current.fill(view) : realGetRandomValues(view));
  const realRandom = Math.random;
  Math.random = () => (current ? randomFloat(current) : realRandom());
  const realRandomUUID = crypto.randomUUID?.bind(crypto);
  if (realRandomUUID) crypto.randomUUID = () => (current ? randomUUID(current) : realRandomUUID());
}

function randomFloat(inputs) {
  const words = inputs.fill(new Uint32Array(2));
  return ((words[0] >>> 5) * 67108864 + (words[1] >>> 6)) / 9007199254740992; // 53 bits
}

function randomUUID(inputs) {
  const bytes = inputs.fill(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function useRunInputs(inputs) {
  current = inputs;
}

export function newKey() {
  return realGetRandomValues(new Uint8Array(32));
}

// A poll's answer is 0 (nothing) or one of these; in the schedule, each signal is one
// number: the polls since the previous one, times 4, plus its code.
const SIGNAL_CODES = { 10: 1, 12: 2 }; // SIGUSR1, SIGUSR2
const SIGNALS = [0, 10, 12];

// A run that reads the clock in a tight loop for long would make a schedule too large
// to keep or share: past this many inputs, the run goes on unrecorded.
export const MOST_RECORDED = 2_000_000;

class RecordedInputs {
  constructor(mode, key) {
    this.mode = mode;
    this.key = key;
    this.random = createRandomStream(key);
    this.perf = [];
    this.date = [];
    this.polls = [];
    this.choices = [];
    this.pollCount = 0;
    this.lastSignal = 0;
    this.instant = false; // whether timers fire at once (virtual or recorded clocks)
    this.diverged = null; // a replay that went off its schedule: what happened
    this.recorded = 0;
    this.tooLong = false; // more than MOST_RECORDED inputs: no schedule for this run
  }

  keep(stream, value) {
    if (++this.recorded > MOST_RECORDED) this.tooLong = true;
    else stream.push(value);
  }

  fill(view) {
    return this.random.fill(view);
  }

  // live(): the answer now, when it is not replayed.
  poll(live) {
    this.pollCount++;
    const answer = live();
    if (answer) {
      this.keep(this.polls, (this.pollCount - this.lastSignal) * 4 + SIGNAL_CODES[answer]);
      this.lastSignal = this.pollCount;
    }
    return answer;
  }

  choice(options, decide) {
    const answer = decide();
    this.keep(this.choices, answer);
    return answer;
  }

  advance() {}

  // What a token is made of (schedule-token.mjs), given hashes of the code and output.
  schedule(code, printed) {
    const { mode, key, polls, perf, date, choices } = this;
    return { mode, code, printed, key, polls, perf, date, choices };
  }
}

export function recording(key) {
  const inputs = new RecordedInputs("timed", key);
  inputs.perfNow = function () {
    const now = realPerformanceNow();
    this.keep(this.perf, now);
    return now;
  };
  inputs.dateNow = function () {
    const now = realDateNow();
    this.keep(this.date, now);
    return now;
  };
  return inputs;
}

// Virtual time starts where the real clock stood when exploring began (`origin`, from
// realNow and realDateNow) and moves a microsecond per reading, so that timing loops
// end; when every thread waits, it jumps to the next deadline (advance).
export function exploring(mode, key, origin) {
  const inputs = new RecordedInputs(mode, key);
  let micros = Math.round(origin.perf * 1000);
  let dateMicros = Math.round(origin.date) * 1000;
  inputs.instant = true;
  inputs.perfNow = function () {
    micros += 1;
    dateMicros += 1;
    this.keep(this.perf, micros / 1000);
    return micros / 1000;
  };
  inputs.dateNow = function () {
    dateMicros += 1;
    const now = Math.floor(dateMicros / 1000);
    this.keep(this.date, now);
    return now;
  };
  inputs.advance = (ms) => {
    const step = Math.ceil(ms * 1000) + 1;
    micros += step;
    dateMicros += step;
  };
  return inputs;
}

export function replaying(schedule) {
  const inputs = new RecordedInputs(schedule.mode, schedule.key);
  const { perf, date, polls, choices } = schedule;
  let perfAt = 0;
  let dateAt = 0;
  let pollAt = 0;
  let choiceAt = 0;
  let nextSignal = polls.length ? Math.floor(polls[0] / 4) : Infinity;
  inputs.instant = true;
  const wentOff = (what) => {
    inputs.diverged ??= what;
  };
  inputs.perfNow = () => {
    if (perfAt < perf.length) return perf[perfAt++];
    wentOff("it read the clock more often than the recorded run");
    return perf.length ? perf.at(-1) : 0;
  };
  inputs.dateNow = () => {
    if (dateAt < date.length) return date[dateAt++];
    wentOff("it read the time of day more often than the recorded run");
    return date.length ? date.at(-1) : 0;
  };
  inputs.poll = function () {
    this.pollCount++;
    if (this.pollCount !== nextSignal) return 0;
    const signal = SIGNALS[polls[pollAt] % 4];
    pollAt++;
    nextSignal = pollAt < polls.length ? this.pollCount + Math.floor(polls[pollAt] / 4) : Infinity;
    return signal;
  };
  inputs.choice = (options) => {
    if (choiceAt < choices.length && choices[choiceAt] < options) return choices[choiceAt++];
    wentOff("it came to a choice between threads that the recorded run did not make");
    return 0;
  };
  // Whether every recorded input was used: a replay that stops short went elsewhere.
  inputs.unused = () =>
    perfAt < perf.length || dateAt < date.length || pollAt < polls.length || choiceAt < choices.length;
  inputs.schedule = () => schedule;
  return inputs;
}
