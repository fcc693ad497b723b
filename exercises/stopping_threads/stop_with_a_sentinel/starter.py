import queue
import threading

POLL = (
    2  # seconds: how long the worker waits for a job before it looks at the stop flag
)


class Worker(threading.Thread):
    """Runs the jobs it is given, one at a time, until close() is called."""

    def __init__(self):
        super().__init__(name="worker")
        self.jobs = queue.Queue()
        self.stopping = threading.Event()
        self.results = []

    def submit(self, job):
        self.jobs.put(job)

    def run(self):
        while True:
            try:
                job = self.jobs.get(timeout=POLL)
            except queue.Empty:
                if self.stopping.is_set():
                    return
                continue
            try:
                self.results.append(job())
            finally:
                self.jobs.task_done()

    def close(self, timeout):
        """Stop after the jobs already submitted; True if the thread ended in time."""
        self.stopping.set()
        self.join(timeout)
        return not self.is_alive()


if __name__ == "__main__":
    worker = Worker()
    worker.start()
    for n in range(1, 4):
        worker.submit(lambda n=n: n * 100)
    worker.jobs.join()  # every job submitted so far is done
    print(f"closed within 0.5 s: {worker.close(timeout=0.5)}")
    worker.join()
    print(f"results: {worker.results}")
