import threading
import time

THREADS = 4
DEPOSITS = 100

total = 0


def deposit(amount, times):
    global total
    for _ in range(times):
        current = total  # 1. read the shared total
        time.sleep(0)  # 2. give up the GIL: another thread may run now
        total = current + amount  # 3. write back, based on what we read


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
    #> actual total: 100
