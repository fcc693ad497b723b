// What Python calls: the one object the runtime gets from the worker
// (webthreads/bridge.py, `bridge.js`), made of the worker's parts.
//
//   output      createOutput() (output.mjs)
//   clock       createClock() (clock.mjs)
//   tick        createTick() (preemption.mjs)
//   finish      (status, reason, message, timelineJson): the run is over
//   startStack  (ident): enter a new thread's stack from JavaScript

export function createBridge({ output, clock, tick, finish, startStack }) {
  return {
    output: output.write,
    finish,
    armTimer: clock.armTimer,
    cancelTimer: clock.cancelTimer,
    wakeSoon: clock.wakeSoon,
    startStack,
    tickSoon: () => tick.switchSoon(),
    collectSoon: () => tick.collectSoon(),
    setSwitchInterval: (seconds) => tick.setSwitchInterval(seconds),
    watchSwitches: (address) => tick.watchSwitches(address),
  };
}
