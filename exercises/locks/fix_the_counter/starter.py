import threading
import time

THREADS = 4
VISITS = 100  # per thread

visits = 0
visits_lock = threading.Lock()


def count_visits(times):
    global visits
    for _ in range(times):
        current = visits  # read the shared counter
        time.sleep(0)  # other threads may run now
        with visits_lock:
            visits = current + 1  # write it back, under the lock


if __name__ == "__main__":
    threads = [
        threading.Thread(target=count_visits, args=(VISITS,)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expected visits: {THREADS * VISITS}")
    print(f"counted visits: {visits}")
