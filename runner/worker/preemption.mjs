// Preemption: the "interrupt buffer" the interpreter polls, every 50 of its periodic
// checks (handed over by load.mjs). Reading its index 0 answers with a signal for
// Python when the running thread's time slice is over (webthreads/preemption.py
// switches threads) or when garbage is due to be collected (webthreads/collector.py).
// A getter costs less than a call into JavaScript at every switch: it only reads the
// scheduler's switch counter, a number in the interpreter's memory, to see that
// another thread runs now.
//
// Every answer goes through the run's inputs (run-inputs.mjs), which record it, or
// give it back in a replay: the polls come at the same points of the same run, so the
// same answers make the same preemptions. In an explored run nothing is timed: the
// program's own switch points switch threads (webthreads/switch_points.py), garbage is
// collected every COLLECTION_POLLS polls, and SIGUSR1 asks the run to end (its time
// limit or output cap: `end(reason)`).

import { realNow } from "./run-inputs.mjs";

const SIGUSR1 = 10; // switch threads (explored runs: end the run)
const SIGUSR2 = 12; // collect garbage
const COLLECTION_INTERVAL_MS = 50;
const COLLECTION_POLLS = 10000; // about as often, in polls, for explored runs
const RETRY_MS = 0.5; // a signal that came at a bad moment comes again this much later
const DEADLINE_POLLS = 256; // an explored run reads the real clock this seldom

export function createTick() {
  const tick = {
    inputs: null, // the run's (run-inputs.mjs), while a run is on
    live: () => 0, // the answer now: timed() or counted()
    next: Infinity,
    interval: 5,
    nextCollection: Infinity,
    readInt32: null, // (address) => a word of the interpreter's memory, once loaded
    counter: -1, // where scheduler.switch_counter lives in it
    seen: 0,
    polls: 0,
    deadline: Infinity, // explored runs: when the run is over its time limit (real ms)
    endReason: null, // explored runs: why the run is to end, once it is
    endSignalled: false, // and whether Python has been told
    retry: false,

    get 0() {
      return this.inputs ? this.inputs.poll(this.live) : 0;
    },
    set 0(value) {}, // the interpreter clears what it read: nothing to clear here

    // A normal run: time slices and collections on the real clock.
    timed() {
      const now = realNow();
      if (tick.counter >= 0) {
        const switches = tick.readInt32(tick.counter);
        if (switches !== tick.seen) {
          // Another thread runs now: it gets a whole time slice.
          tick.seen = switches;
          tick.next = now + tick.interval;
        }
      }
      if (now >= tick.next) {
        tick.next = now + tick.interval;
        return SIGUSR1;
      }
      if (now >= tick.nextCollection) {
        tick.nextCollection = now + COLLECTION_INTERVAL_MS;
        return SIGUSR2;
      }
      return 0;
    },

    // An explored run: counted, never timed.
    counted() {
      tick.polls++;
      if (tick.endReason === null && tick.polls % DEADLINE_POLLS === 0 && realNow() > tick.deadline) {
        tick.endReason = "time-limit";
      }
      // The run is to end: one signal, and another only if Python asks again (its
      // handler came at a moment it cannot end the run: switchSoon).
      if (tick.endReason !== null && !tick.endSignalled) {
        tick.endSignalled = true;
        return SIGUSR1;
      }
      if (tick.retry || tick.polls % COLLECTION_POLLS === 0) {
        tick.retry = false;
        return SIGUSR2;
      }
      return 0;
    },

    // inputs: the run's; timeLimitMs: for explored runs, whose limits are kept here.
    start(inputs, timeLimitMs = Infinity) {
      this.inputs = inputs;
      this.polls = 0;
      this.endReason = null;
      this.endSignalled = false;
      this.retry = false;
      if (inputs.mode === "timed") {
        this.live = this.timed;
        this.next = realNow() + this.interval;
        this.nextCollection = realNow() + COLLECTION_INTERVAL_MS;
      } else {
        this.live = this.counted;
        this.deadline = realNow() + timeLimitMs;
      }
    },
    stop() {
      this.inputs = null;
      this.next = Infinity;
      this.nextCollection = Infinity;
      this.deadline = Infinity;
    },
    end(reason) {
      this.endReason ??= reason;
    },
    // The thread was in the runtime's own code: ask again shortly.
    switchSoon() {
      this.next = realNow() + RETRY_MS;
      this.endSignalled = false;
    },
    collectSoon() {
      this.nextCollection = realNow() + RETRY_MS;
      this.retry = true;
    },
    setSwitchInterval(seconds) {
      this.interval = seconds * 1000;
    },
    watchSwitches(address) {
      this.counter = address;
    },
  };
  return tick;
}
