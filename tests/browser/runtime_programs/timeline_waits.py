# One thread meets each kind of wait, made certain by the main thread holding what it
# waits for while sleeping: the browser's timeline must name each wait.
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ready = threading.Event()
jobs = queue.Queue()
lock = threading.Lock()
condition = threading.Condition()
results = []


def consumer():
    ready.wait()
    item = jobs.get()
    with lock:
        results.append(item)
    with condition:
        condition.wait_for(lambda: len(results) > 1)
    print("consumer got", results)


worker = threading.Thread(target=consumer, name="consumer")
worker.start()
time.sleep(0.1)
ready.set()
time.sleep(0.1)
with lock:
    jobs.put("first")
    time.sleep(0.1)
worker.join(timeout=0.1)
with condition:
    results.append("second")
    condition.notify()
worker.join()
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as pool:
    print("pool says", pool.submit(str.upper, "done").result())
    time.sleep(0.1)  # the pool's thread waits for its next job meanwhile
print("main saw", results)
