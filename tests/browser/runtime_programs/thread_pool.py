# concurrent.futures.ThreadPoolExecutor: map, submit, as_completed, wait, shutdown.
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, as_completed, wait


def square(number):
    time.sleep(0.01 * (5 - number))
    return number * number


with ThreadPoolExecutor(max_workers=3) as executor:
    print("map:", list(executor.map(square, range(5))))
    futures = [executor.submit(square, number) for number in range(5)]
    print("as_completed:", sorted(future.result() for future in as_completed(futures)))
    done, not_done = wait(futures)
    print("wait:", len(done), len(not_done))
    slow = executor.submit(time.sleep, 0.2)
    fast = executor.submit(square, 4)
    done, not_done = wait([slow, fast], return_when=FIRST_COMPLETED)
    print("first completed is fast:", done == {fast}, slow in not_done)
    failing = executor.submit(lambda: 1 / 0)
    try:
        failing.result()
    except ZeroDivisionError as error:
        print("ZeroDivisionError:", error)
    names = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
    print("workers:", names)

executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool")
future = executor.submit(square, 3)
executor.shutdown(wait=True)
print("after shutdown:", future.result(), future.done(), threading.active_count())
try:
    executor.submit(square, 1)
except RuntimeError as error:
    print("RuntimeError:", error)
