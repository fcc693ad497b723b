# Timed waits last at least as long as asked: time.sleep, Lock.acquire, Event.wait,
# Queue.get and Thread.join, each measured with time.monotonic().
import queue
import threading
import time

lock = threading.Lock()
lock.acquire()
event = threading.Event()
items = queue.Queue()
blocked = threading.Thread(target=event.wait, daemon=True)
blocked.start()


def get_from_empty_queue(seconds):
    try:
        items.get(timeout=seconds)
    except queue.Empty:
        pass


waits = {
    "sleep": time.sleep,
    "Lock.acquire": lambda seconds: lock.acquire(timeout=seconds),
    "Event.wait": event.wait,
    "Queue.get": get_from_empty_queue,
    "Thread.join": blocked.join,
}
for name, wait in waits.items():
    short = 0
    for step in range(60):
        seconds = 0.001 * (step % 4 + 1)
        start = time.monotonic()
        wait(seconds)
        if time.monotonic() - start < seconds:
            short += 1
    print(f"{name}: never shorter than asked: {short == 0}")
event.set()
