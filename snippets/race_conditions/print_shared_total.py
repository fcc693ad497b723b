import threading
import time

THREADS = 10
AMOUNT = 5

total = 0


def update_total(amount):
    global total
    total += amount
    time.sleep(0)  # stands in for any other work: other threads may run
    print(total)  # reads total now, which may include other threads' updates
    #> 20
    #> 10
    #> 10
    #> 15
    #> 30
    #> 40
    #> 30
    #> 35
    #> 50
    #> 50


if __name__ == "__main__":
    threads = [
        threading.Thread(target=update_total, args=(AMOUNT,)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"final total: {total}")
    #> final total: 50
