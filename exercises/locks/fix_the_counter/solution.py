import threading
import time

THREADS = 4
VISITS = 100  # per thread

visits = 0
visits_lock = threading.Lock()


def count_visits(times):
    global visits
    for _ in range(times):
        with visits_lock:  # the read and the write: one step to every other thread
            current = visits
            time.sleep(0)  # other threads may run now, but they wait at the lock
            visits = current + 1


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
