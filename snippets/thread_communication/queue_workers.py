import queue
import threading

WORKERS = 3
STOP = object()  # the sentinel: a unique object that no real item can be


def worker(q, results):
    while True:
        item = q.get()  # blocks until there is an item
        try:
            if item is STOP:
                return
            results[item] = item * 2  # each item is a different key
        finally:
            q.task_done()  # once for every get(), whatever happened


if __name__ == "__main__":
    q = queue.Queue()
    results = {}
    threads = [
        threading.Thread(target=worker, args=(q, results))
        for _ in range(WORKERS)
    ]
    for thread in threads:
        thread.start()

    data = [5, 10, 13, -1, 7, 0, 21, 4]
    for item in data:
        q.put(item)
    q.join()  # wait until task_done() was called for every item put so far
    print(f"{len(results)} of {len(data)} items doubled")
    #> 8 of 8 items doubled
    print(dict(sorted(results.items())))
    #> {-1: -2, 0: 0, 4: 8, 5: 10, 7: 14, 10: 20, 13: 26, 21: 42}

    for _ in threads:
        q.put(STOP)  # one sentinel per worker: each takes one and exits
    for thread in threads:
        thread.join()
    alive = sum(thread.is_alive() for thread in threads)
    print(f"workers still alive: {alive}")
    #> workers still alive: 0
