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
        time.sleep(0)  # others may run now, but none can change total
        print(total)  # the value this thread wrote, and no other
        #> 5
        #> 10
        #> 15
        #> 20
        #> 25
        #> 30
        #> 35
        #> 40
        #> 45
        #> 50


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
