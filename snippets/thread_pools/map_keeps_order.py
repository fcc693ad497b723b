import threading
from concurrent.futures import ThreadPoolExecutor

COUNT = 4
finished = []  # the order in which the tasks finished
# Task n may finish only after task n + 1 has: they finish in reverse order.
done = [threading.Event() for _ in range(COUNT)]


def square(n):
    if n + 1 < COUNT:
        done[n + 1].wait()
    finished.append(n)
    done[n].set()
    return n * n


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=COUNT) as pool:
        results = list(pool.map(square, range(COUNT)))
    print(f"tasks finished in the order {finished}")
    #> tasks finished in the order [3, 2, 1, 0]
    print(f"map() gave results in input order: {results}")
    #> map() gave results in input order: [0, 1, 4, 9]
