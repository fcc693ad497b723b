// The scheduler's clock (webthreads/scheduler.py): when every thread waits, it asks to
// be called back at the next deadline (armTimer) or at the event loop's next turn
// (wakeSoon), and then calls `onDue`, which is scheduler.on_timer. In a run whose
// clocks are virtual or replayed (`inputs().instant`, run-inputs.mjs), nothing waits:
// the virtual clock jumps to the deadline and the callback comes at the next turn.

export function createClock(onDue, inputs) {
  let timer = null;
  let turnPending = false;
  const turns = new MessageChannel(); // a turn of the event loop, without setTimeout's delay
  turns.port1.onmessage = () => {
    turnPending = false;
    onDue();
  };

  function wakeSoon() {
    if (!turnPending) {
      turnPending = true;
      turns.port2.postMessage(0);
    }
  }

  function cancelTimer() {
    clearTimeout(timer);
    timer = null;
  }

  function armTimer(ms) {
    cancelTimer();
    const run = inputs();
    if (run && run.instant) {
      run.advance(ms);
      wakeSoon();
    } else if (ms <= 3) {
      // setTimeout may fire late (and never early): wake a little before the
      // deadline, then take turns through the event loop until the scheduler finds it due.
      wakeSoon();
    } else {
      timer = setTimeout(() => {
        timer = null;
        onDue();
      }, ms - 2);
    }
  }

  return { armTimer, cancelTimer, wakeSoon };
}
