# Deep recursion inside threads: up to the limit, and past it (RecursionError).
import threading


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


results = []


def near_limit():
    results.append(depth(900))


def past_limit():
    try:
        depth(100_000)
    except RecursionError:
        results.append("RecursionError")


for target in (near_limit, past_limit, near_limit):
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
print(results)
