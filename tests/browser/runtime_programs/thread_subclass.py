# Subclasses of Thread: run() overridden, state kept on the object, default names.
import threading


class Counter(threading.Thread):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit
        self.total = 0

    def run(self):
        for number in range(self.limit + 1):
            self.total += number


class Named(threading.Thread):
    def run(self):
        print("running", self.name, "daemon" if self.daemon else "not daemon")


counters = [Counter(limit) for limit in (10, 100, 1000)]
for counter in counters:
    counter.start()
for counter in counters:
    counter.join()
    print(counter.name, counter.total)
worker = Named(name="custom-name", daemon=True)
worker.start()
worker.join()
plain = threading.Thread(target=print, args=("target with a name:",))
print(plain.name)
