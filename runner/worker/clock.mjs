// The scheduler's clock (webthreads/scheduler.py): when every thread waits, it asks to
// be called back at the next deadline (armTimer) or at the event loop's next turn
// (wakeSoon), and then calls `onDue`, which is scheduler.on_timer.

export function createClock(onDue) {
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
    // setTimeout may fire late (and never early): wake a little before the deadline,
    // then take turns through the event loop until the scheduler finds it due.
    if (ms <= 3) wakeSoon();
    else {
      timer = setTimeout(() => {
        timer = null;
        onDue();
      }, ms - 2);
    }
  }

  return { armTimer, cancelTimer, wakeSoon };
}
