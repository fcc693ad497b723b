# time.sleep in threads: they wake in the order of their deadlines, never early.
import threading
import time

order = []


def nap(name, seconds):
    start = time.monotonic()
    time.sleep(seconds)
    order.append(name)
    print(name, "slept long enough:", time.monotonic() - start >= seconds)


naps = [("slow", 0.9), ("fast", 0.3), ("medium", 0.6)]
threads = [threading.Thread(target=nap, args=item) for item in naps]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("order:", order)
start = time.monotonic()
time.sleep(0)
print("sleep(0) returns at once:", time.monotonic() - start < 0.05)
try:
    time.sleep(-1)
except ValueError as error:
    print("ValueError:", error)
