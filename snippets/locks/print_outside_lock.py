import threading
import time

THREADS = 10
AMOUNT = 5

total = 0
total_lock = threading.Lock()


def update_total(amount):
    global total
    with total_lock:
        total += amount
    time.sleep(0)  # the lock is free: other threads may update total
    print(total)  # reads total now: it may include others' updates
    #> 10
    #> 20
    #> 20
    #> 20
    #> 50
    #> 50
    #> 50
    #> 35
    #> 35
    #> 25


if __name__ == "__main__":
    threads = [
        threading.Thread(target=update_total, args=(AMOUNT,))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"final total: {total}")
    #> final total: 50
