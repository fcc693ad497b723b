from concurrent.futures import ThreadPoolExecutor


def inner():
    return "inner result"


def outer(pool, timeout):
    future = pool.submit(inner)  # queued until a worker is free
    try:
        return future.result(timeout=timeout)  # None: no limit, wait forever
    except TimeoutError:
        return "outer gave up: inner never started"


if __name__ == "__main__":
    # One worker, and outer() occupies it while it waits for inner().
    with ThreadPoolExecutor(max_workers=1) as pool:
        print(pool.submit(outer, pool, 0.2).result())
        #> outer gave up: inner never started

    # Two workers: inner() gets the second one, no timeout is needed.
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(pool.submit(outer, pool, None).result())
        #> inner result
