// Preemption: the "interrupt buffer" the interpreter polls between bytecodes (handed
// over by load.mjs). Reading its index 0 answers with a signal for Python when the
// running thread's time slice is over (webthreads/preemption.py switches threads) or
// when garbage is due to be collected (webthreads/collector.py). A getter costs less
// than a call into JavaScript at every switch: it only reads the scheduler's switch
// counter, a number in the interpreter's memory, to see that another thread runs now.

const SIGUSR1 = 10; // switch threads
const SIGUSR2 = 12; // collect garbage
const COLLECTION_INTERVAL_MS = 50;
const RETRY_MS = 0.5; // a signal that came at a bad moment comes again this much later

export function createTick() {
  return {
    next: Infinity, // no signal before the program starts
    interval: 5,
    nextCollection: Infinity,
    readInt32: null, // (address) => a word of the interpreter's memory, once loaded
    counter: -1, // where scheduler.switch_counter lives in it
    seen: 0,
    get 0() {
      const now = performance.now();
      if (this.counter >= 0) {
        const switches = this.readInt32(this.counter);
        if (switches !== this.seen) {
          // Another thread runs now: it gets a whole time slice.
          this.seen = switches;
          this.next = now + this.interval;
        }
      }
      if (now >= this.next) {
        this.next = now + this.interval;
        return SIGUSR1;
      }
      if (now >= this.nextCollection) {
        this.nextCollection = now + COLLECTION_INTERVAL_MS;
        return SIGUSR2;
      }
      return 0;
    },
    set 0(value) {}, // the interpreter clears what it read: nothing to clear here

    start() {
      this.next = performance.now() + this.interval;
      this.nextCollection = performance.now() + COLLECTION_INTERVAL_MS;
    },
    stop() {
      this.next = Infinity;
      this.nextCollection = Infinity;
    },
    // The thread was in the runtime's own code: ask again shortly.
    switchSoon() {
      this.next = performance.now() + RETRY_MS;
    },
    collectSoon() {
      this.nextCollection = performance.now() + RETRY_MS;
    },
    setSwitchInterval(seconds) {
      this.interval = seconds * 1000;
    },
    watchSwitches(address) {
      this.counter = address;
    },
  };
}
