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
        seen = total  # a copy taken while no other thread can change total
    time.sleep(0)  # the lock is free: other threads may update total
    print(seen)  # the value this thread wrote, though maybe not in order
    #> 45
    #> 50
    #> 20
    #> 10
    #> 15
    #> 25
    #> 35
    #> 30
    #> 40
    #> 5


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
