import threading

THREADS = 4
DEPOSITS = 500

total = 0


def deposit(amount, times):
    global total
    for _ in range(times):
        total += amount  # read total, add, write total back: three steps


if __name__ == "__main__":
    threads = [
        threading.Thread(target=deposit, args=(1, DEPOSITS)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expected total: {THREADS * DEPOSITS}")
    #> expected total: 2000
    print(f"actual total: {total}")
    #> actual total: 2000
