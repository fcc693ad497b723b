import threading
import time

THREADS = 4
DEPOSITS = 100

total = 0
total_lock = threading.Lock()


def deposit(amount, times):
    global total
    for _ in range(times):
        with total_lock:  # one thread at a time from here...
            current = total
            time.sleep(0)  # others may run, but they wait at the lock
            total = current + amount
        # ...to here: the read and the write are one step to other threads


if __name__ == "__main__":
    threads = [
        threading.Thread(target=deposit, args=(1, DEPOSITS)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expected total: {THREADS * DEPOSITS}")
    #> expected total: 400
    print(f"actual total: {total}")
    #> actual total: 400
