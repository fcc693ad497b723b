// What Python calls: the one object the runtime gets from the worker
// (webthreads/bridge.py, `bridge.js`), made of the worker's parts.
//
//   write       (stream, text): the program's output
//   clock       createClock() (clock.mjs)
//   tick        createTick() (preemption.mjs)
//   finish      (status, reason, message): the run is over; returns whether its
//               timeline is wanted, which then comes with `timeline(json)`
//   startStack  (ident): enter a new thread's stack from JavaScript
//   pick, choose, endReason: the choices of a run whose schedule the worker chooses
//   paused      (json): where a stepped run stopped to ask (stepper.mjs)
//   races       (json): the race check's report, just before `finish`

export function createBridge({ write, clock, tick, finish, timeline, startStack, pick, choose, endReason, paused, races }) {
  return {
    output: write,
    finish,
    timeline,
    armTimer: clock.armTimer,
    cancelTimer: clock.cancelTimer,
    wakeSoon: clock.wakeSoon,
    startStack,
    pick,
    choose,
    endReason,
    paused,
    races,
    tickSoon: () => tick.switchSoon(),
    collectSoon: () => tick.collectSoon(),
    setSwitchInterval: (seconds) => tick.setSwitchInterval(seconds),
    watchSwitches: (address) => tick.watchSwitches(address),
  };
}
