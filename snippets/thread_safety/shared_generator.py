import queue
import threading
import time


def numbered(lines):
    """Numbers the lines that arrive on a queue: a generator that waits inside."""
    number = 0
    while True:
        line = lines.get()  # the generator is running while it waits here
        number += 1
        yield f"{number}: {line}"


class LockedIterator:
    """An iterator that several threads can share: one next() at a time."""

    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            return next(self._iterator)


if __name__ == "__main__":
    lines = queue.Queue()
    shared = numbered(lines)
    worker = threading.Thread(target=next, args=(shared,), name="worker")
    worker.start()
    while not shared.gi_running:  # until the worker is inside the generator
        time.sleep(0.001)
    try:
        next(shared)
    except ValueError as error:
        print(f"main: ValueError: {error}")
        #> main: ValueError: generator already executing
    lines.put("hello")
    worker.join()

    # With the lock, the second next() waits for the first instead of failing.
    lines = queue.Queue()
    shared = LockedIterator(numbered(lines))
    results = []
    readers = [threading.Thread(target=lambda: results.append(next(shared))) for _ in range(3)]
    for reader in readers:
        reader.start()
    for line in ("a", "b", "c"):
        lines.put(line)
    for reader in readers:
        reader.join()
    print(sorted(results))
    #> ['1: a', '2: b', '3: c']
