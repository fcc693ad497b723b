# A read / sleep(0) / write race: sleep(0) lets the other threads run in between.
import threading
import time

counter = 0
start = threading.Barrier(4)  # all four begin together, so that they overlap


def increment(times):
    global counter
    start.wait()
    for _ in range(times):
        value = counter
        time.sleep(0)
        counter = value + 1


threads = [threading.Thread(target=increment, args=(2_000,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("lost updates:", counter < 8_000)
