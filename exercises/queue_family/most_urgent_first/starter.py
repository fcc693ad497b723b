import queue
import threading

# (urgency, job) in the order they arrive; 1 is the most urgent.
JOBS = [
    (3, "rotate logs"),
    (1, "restart database"),
    (2, "renew certificate"),
    (1, "page on-call"),
    (2, "clear cache"),
    (3, "archive mail"),
]


def worker(jobs):
    while True:
        try:
            urgency, job = jobs.get_nowait()
        except queue.Empty:
            return  # no jobs left
        print(f"{urgency} {job}")


if __name__ == "__main__":
    jobs = queue.Queue()
    for urgency, job in JOBS:  # every job is queued before the worker starts
        jobs.put((urgency, job))
    thread = threading.Thread(target=worker, args=(jobs,), name="worker")
    thread.start()
    thread.join()
