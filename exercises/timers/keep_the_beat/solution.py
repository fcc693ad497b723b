import threading
import time

INTERVAL = 0.25  # seconds from the start of one beat to the start of the next
WORK = 0.2  # seconds each beat's work takes
BEATS = 4

started = []  # when each beat began, on time.monotonic()
waits = []  # how long each beat's timer was set to wait
timers = []


def beat(due):
    started.append(time.monotonic())
    time.sleep(WORK)  # stands in for the beat's work
    if len(started) < BEATS:
        # One interval after this beat was due, not after its work ended.
        start_timer(due + INTERVAL)


def start_timer(due):
    wait = max(due - time.monotonic(), 0)  # the time left until the beat is due
    waits.append(wait)
    timer = threading.Timer(wait, beat, args=(due,))
    timers.append(timer)
    timer.start()


if __name__ == "__main__":
    first_due = time.monotonic() + INTERVAL
    start_timer(first_due)
    for timer in timers:  # each beat adds the next timer before it ends: the loop gets to it
        timer.join()
    for n, (wait, when) in enumerate(zip(waits, started, strict=True)):
        late = when - (first_due + n * INTERVAL)
        print(f"beat {n + 1}: its timer waited {wait:.2f} s; it started {late:.1f} s late")
