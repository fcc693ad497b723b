# A read / int() / write race with no lock: preemption between the read and the write
# loses updates, as on CPython with its switch interval.
import sys
import threading

print("switch interval:", sys.getswitchinterval())
counter = 0
start = threading.Barrier(3)  # all three begin together, so that they overlap


def increment(times):
    global counter
    start.wait()
    for _ in range(times):
        value = counter
        value = int(value)
        counter = value + 1


threads = [threading.Thread(target=increment, args=(300_000,)) for _ in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("lost updates:", counter < 900_000, "| at most the total:", counter <= 900_000)
