# Lock and RLock: return values, blocking=False, timeouts, errors, mutual exclusion.
import threading

lock = threading.Lock()
print(lock.acquire(), lock.acquire(blocking=False), lock.acquire(timeout=0.02), lock.locked())
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    lock.acquire(False, 1)
except ValueError as error:
    print("ValueError:", error)
with lock:
    print("inside with:", lock.locked())

rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False), rlock.acquire(timeout=1))
for _ in range(4):
    rlock.release()
try:
    rlock.release()
except RuntimeError as error:
    print("RuntimeError:", error)


def try_from_another_thread():
    print("other thread gets it:", rlock.acquire(timeout=0.05))


with rlock:
    thread = threading.Thread(target=try_from_another_thread)
    thread.start()
    thread.join()

counter = 0
counter_lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with counter_lock:
            value = counter
            counter = value + 1


threads = [threading.Thread(target=add, args=(20_000,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("counter with a lock:", counter)
