# queue.Queue, LifoQueue, PriorityQueue, SimpleQueue: order, blocking, task_done/join.
import queue
import threading

tasks = queue.Queue()
results = []


def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        results.append(item * item)
        tasks.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for thread in workers:
    thread.start()
for number in range(10):
    tasks.put(number)
tasks.join()
print("squares:", sorted(results))
for _ in workers:
    tasks.put(None)
for thread in workers:
    thread.join()

for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    q = kind()
    for item in (3, 1, 2):
        q.put(item)
    print(kind.__name__, [q.get() for _ in range(3)], q.empty())

try:
    queue.SimpleQueue().get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue: Empty")
bounded = queue.Queue(maxsize=1)
bounded.put("first")
try:
    bounded.put("second", timeout=0.01)
except queue.Full:
    print("Queue: Full")
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Queue: Empty")


def take_later():
    print("taken:", bounded.get())


taker = threading.Thread(target=take_later)
taker.start()
bounded.put("second")  # blocks until the thread takes "first"
taker.join()
print("left:", bounded.get_nowait(), bounded.qsize())
