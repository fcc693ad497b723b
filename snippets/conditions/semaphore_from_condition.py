import threading


class TinyBoundedSemaphore:
    """What threading.BoundedSemaphore does, in a few lines."""

    def __init__(self, value):
        self.value = self.initial = value
        self.changed = threading.Condition()

    def acquire(self):
        with self.changed:
            self.changed.wait_for(lambda: self.value > 0)
            self.value -= 1

    def release(self):
        with self.changed:
            if self.value >= self.initial:
                raise ValueError("released too many times")
            self.value += 1
            self.changed.notify()  # one slot is free: wake one waiter


if __name__ == "__main__":
    for semaphore in [TinyBoundedSemaphore(2), threading.BoundedSemaphore(2)]:
        name = type(semaphore).__name__
        semaphore.acquire()
        semaphore.release()
        try:
            semaphore.release()  # one release too many: a bug
        except ValueError as error:
            print(f"{name}: ValueError: {error}")
            #> TinyBoundedSemaphore: ValueError: released too many times
            #> BoundedSemaphore: ValueError: Semaphore released too many times
