import queue
import threading

STOP = object()  # the sentinel: "no more jobs"


class Worker(threading.Thread):
    """Runs jobs from its queue, one at a time, until it gets STOP."""

    def __init__(self):
        super().__init__(name="worker")
        self.jobs = queue.Queue()
        self.results = []
        self.errors = []

    def run(self):
        while (job := self.jobs.get()) is not STOP:
            try:
                self.results.append(job())
            except Exception as error:  # one bad job must not end the loop
                self.errors.append(f"{type(error).__name__}: {error}")

    def submit(self, job, *args):
        self.jobs.put(lambda: job(*args))

    def close(self):
        self.jobs.put(STOP)  # behind every job already queued
        self.join()


if __name__ == "__main__":
    worker = Worker()
    worker.start()
    for text in ["7", "x", "8"]:
        worker.submit(int, text)
    worker.close()  # returns once all three jobs are done
    print(f"results: {worker.results}")
    #> results: [7, 8]
    print(f"errors: {worker.errors}")
    #> errors: ["ValueError: invalid literal for int() with base 10: 'x'"]
    print(f"alive: {worker.is_alive()}")
    #> alive: False
