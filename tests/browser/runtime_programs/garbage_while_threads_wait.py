# Cyclic garbage made while threads wait deep inside calls that cross C code: the
# collector still frees it, and the waiting threads are unharmed.
import gc
import threading
import weakref

release = threading.Event()
parked = threading.Semaphore(0)


def wait_here(value):
    parked.release()
    release.wait()
    return value


def nested(depth):
    return wait_here(depth) if depth == 0 else list(map(nested, [depth - 1]))[0]


threads = [threading.Thread(target=nested, args=(depth,)) for depth in (5, 50, 100)]
for thread in threads:
    thread.start()
for _ in threads:
    parked.acquire()


class Node:
    pass


freed = 0


def count_freed():
    global freed
    freed += 1


for _ in range(100_000):
    node = Node()
    node.self = node  # a cycle: only the collector frees it
    weakref.finalize(node, count_freed)
del node
print("collector enabled:", gc.isenabled())
print("most cycles freed while running:", freed > 50_000)
gc.collect()
print("all freed after gc.collect():", freed == 100_000)
release.set()
for thread in threads:
    thread.join()
print("threads finished:", not any(thread.is_alive() for thread in threads))
