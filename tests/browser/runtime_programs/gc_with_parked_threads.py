# Threads parked deep inside calls that cross C code (sorted's key, map, a generator
# driven by next(), a context), with garbage collections and frame inspection while
# they wait; then they all finish.
import contextvars
import gc
import sys
import threading

release = threading.Event()
parked = threading.Semaphore(0)
results = []


def wait_here(value):
    parked.release()
    release.wait()
    return value


def in_sorted():
    results.append(sorted([3, 1, 2], key=lambda n: n if n != 2 else wait_here(2)))


def in_map():
    results.append(list(map(wait_here, ["map"])))


def in_generator():
    def numbers():
        yield wait_here("generator")

    results.append(next(numbers()))


def in_context():
    results.append(contextvars.copy_context().run(wait_here, "context"))


def deep(n):
    return wait_here("deep") if n == 0 else deep(n - 1)


targets = [in_sorted, in_map, in_generator, in_context, lambda: results.append(deep(300))]
threads = [threading.Thread(target=target) for target in targets * 4]
for thread in threads:
    thread.start()
for _ in threads:
    parked.acquire()
garbage = [[n] for n in range(1000)]
for item in garbage:
    item.append(item)  # reference cycles for the collector
del garbage
print("collected some:", gc.collect() > 0)
frames = sys._current_frames()
print("frames for every thread:", all(t.ident in frames for t in threads))
depths = []
for thread in threads:
    depth, frame = 0, frames[thread.ident]
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    depths.append(depth)
print("deepest stack over 300 frames:", max(depths) > 300)
gc.collect()
release.set()
for thread in threads:
    thread.join()
gc.collect()
print(sorted(map(str, results)))
