import threading
from collections import deque

ITEMS = 5_000


def produce(number, jobs):
    for i in range(ITEMS):
        jobs.append(number * ITEMS + i)  # append from any thread: safe


def consume(jobs, taken):
    while True:
        try:
            taken.append(jobs.popleft())  # safe: one operation
        except IndexError:  # empty: ask forgiveness, not `if jobs:` first
            return


if __name__ == "__main__":
    jobs = deque()
    producers = [threading.Thread(target=produce, args=(n, jobs)) for n in range(2)]
    for thread in producers:
        thread.start()
    for thread in producers:
        thread.join()
    print(f"in the deque: {len(jobs)}")
    #> in the deque: 10000

    taken = [[], []]
    consumers = [threading.Thread(target=consume, args=(jobs, t)) for t in taken]
    for thread in consumers:
        thread.start()
    for thread in consumers:
        thread.join()
    everything = taken[0] + taken[1]
    print(f"taken: {len(everything)}, different: {len(set(everything))}")
    #> taken: 10000, different: 10000
    print(f"left in the deque: {len(jobs)}")
    #> left in the deque: 0
