# Timer (and cancel), Barrier: indices, action, timeout, abort, BrokenBarrierError.
import threading
import time

fired = threading.Event()
timer = threading.Timer(0.05, lambda: (print("timer fired"), fired.set()))
start = time.monotonic()
timer.start()
timer.join()
print("waited at least 0.05 s:", time.monotonic() - start >= 0.05, fired.is_set())
cancelled = threading.Timer(0.05, print, args=("must not print",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print("cancelled timer finished:", cancelled.finished.is_set())

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("action"))
indices = []


def meet():
    indices.append(barrier.wait())


parties = [threading.Thread(target=meet) for _ in range(3)]
for party in parties:
    party.start()
for party in parties:
    party.join()
print("indices:", sorted(indices), "actions:", actions, "broken:", barrier.broken)

lonely = threading.Barrier(2, timeout=0.02)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("timeout breaks the barrier:", lonely.broken)

aborted = threading.Barrier(3)
outcomes = []


def wait_for_abort():
    try:
        aborted.wait()
    except threading.BrokenBarrierError:
        outcomes.append("BrokenBarrierError")


waiters = [threading.Thread(target=wait_for_abort) for _ in range(2)]
for waiter in waiters:
    waiter.start()
while aborted.n_waiting < 2:
    time.sleep(0.001)
aborted.abort()
for waiter in waiters:
    waiter.join()
print("after abort:", outcomes)
