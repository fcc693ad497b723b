# A thread in an endless loop does not starve the others (it is a daemon: the program
# ends without it).
import threading
import time


def spin():
    while True:
        pass


threading.Thread(target=spin, daemon=True).start()
for step in range(3):
    time.sleep(0.05)
    print("main still runs:", step)
results = []
workers = [threading.Thread(target=lambda n=n: results.append(n * 2)) for n in range(3)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print("other threads still run:", sorted(results))
