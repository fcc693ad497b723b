import queue
import threading

JOBS = 10


def worker(jobs, results):
    while True:
        try:
            n = jobs.get()
        except queue.ShutDown:  # shut down, and nothing left for this worker
            return
        results.append(n * 2)


if __name__ == "__main__":
    jobs = queue.Queue()
    for n in range(1, JOBS + 1):
        jobs.put(n)
    jobs.shutdown()  # no more jobs: the workers stop once the queue is empty
    results = []
    workers = [threading.Thread(target=worker, args=(jobs, results)) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    print(f"doubled {len(results)} of {JOBS} jobs: {sorted(results)}")
