import queue
import threading

WORKERS = 3


def worker(q, results):
    while True:
        try:
            item = q.get()  # blocks until there is an item
        except queue.ShutDown:  # shut down, and nothing left to get
            return
        try:
            results[item] = item * 2  # each item is a different key
        finally:
            q.task_done()


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
    q.shutdown()  # no more items: the workers empty the queue, then stop
    for thread in threads:
        thread.join()
    print(f"{len(results)} of {len(data)} items doubled")
    #> 8 of 8 items doubled
    print(dict(sorted(results.items())))
    #> {-1: -2, 0: 0, 4: 8, 5: 10, 7: 14, 10: 20, 13: 26, 21: 42}

    try:
        q.put(99)
    except queue.ShutDown:
        print("put() after shutdown() raises queue.ShutDown")
        #> put() after shutdown() raises queue.ShutDown
