import threading
import time

INTERVAL = 0.25  # seconds from the start of one beat to the start of the next
BEATS = 4

started = []  # when each beat began, on time.monotonic()
timers = []


def beat(due):
    started.append(time.monotonic())
    time.sleep(0.2)  # stands in for the beat's work, which takes time too
    if len(started) < BEATS:
        # One interval after this beat was due, not after its work ended.
        start_timer(due + INTERVAL)


def start_timer(due):
    timer = threading.Timer(due - time.monotonic(), beat, args=(due,))
    timers.append(timer)
    timer.start()


if __name__ == "__main__":
    first_due = time.monotonic() + INTERVAL
    start_timer(first_due)
    for timer in timers:  # each beat adds the next timer before it ends: the loop gets to it
        timer.join()
    for n, when in enumerate(started):
        late = when - (first_due + n * INTERVAL)
        print(f"beat {n + 1}: {late:.1f} s late")
