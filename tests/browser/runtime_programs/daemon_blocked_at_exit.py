# Daemon threads left blocked when the program ends: on a lock, an event, a queue, a
# condition and a sleep. The program ends normally without them.
import gc
import queue
import threading
import time

lock = threading.Lock()
lock.acquire()
event = threading.Event()
items = queue.Queue()
condition = threading.Condition()


def wait_on_condition():
    with condition:
        condition.wait()


waits = [lock.acquire, event.wait, items.get, wait_on_condition, lambda: time.sleep(60)]
for wait in waits:
    threading.Thread(target=wait, daemon=True).start()
time.sleep(0.05)
gc.collect()
print("alive at exit:", threading.active_count())
