import threading

DEPOSITS = 1  # lost_update.py makes 100 deposits per thread; one is enough here

total = 0


def deposit(amount, times):
    global total
    for _ in range(times):
        current = total  # 1. read the shared total
        total = current + amount  # 2. write back, based on what we read


if __name__ == "__main__":
    names = ["alice", "bob", "carol"]
    threads = [
        threading.Thread(target=deposit, args=(1, DEPOSITS), name=name)
        for name in names
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"expected total: {len(threads) * DEPOSITS}")
    #> expected total: 3
    print(f"actual total: {total}")
    #> actual total: 3
