import queue
import threading

STOP = object()  # the sentinel: no job can be this object


class Worker(threading.Thread):
    """Runs the jobs it is given, one at a time, until close() is called."""

    def __init__(self):
        super().__init__(name="worker")
        self.jobs = queue.Queue()
        self.results = []

    def submit(self, job):
        self.jobs.put(job)

    def run(self):
        while True:
            job = self.jobs.get()  # no timeout: the sentinel wakes it up
            try:
                if job is STOP:
                    return
                self.results.append(job())
            finally:
                self.jobs.task_done()

    def close(self, timeout):
        """Stop after the jobs already submitted; True if the thread ended in time."""
        self.jobs.put(STOP)  # at the back of the queue: queued jobs run first
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
