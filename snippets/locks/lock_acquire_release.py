import threading
import time

THREADS = 4
DEPOSITS = 100

total = 0
total_lock = threading.Lock()


def deposit(amount, times):
    global total
    for _ in range(times):
        # --8<-- [start:deposit]
        total_lock.acquire()  # wait until no other thread holds it
        try:
            current = total  # 1. read the shared total
            time.sleep(0)  # 2. others may run now, but wait at the lock
            total = current + amount  # 3. write back, based on what we read
        finally:
            total_lock.release()  # runs even if the lines above raise
        # --8<-- [end:deposit]


if __name__ == "__main__":
    threads = [
        threading.Thread(target=deposit, args=(1, DEPOSITS))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expected total: {THREADS * DEPOSITS}")
    #> expected total: 400
    print(f"actual total: {total}")
    #> actual total: 400
