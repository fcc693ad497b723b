import threading
from collections import deque

CAPACITY = 2
STOP = object()


class BoundedQueue:
    """A first-in, first-out queue that holds at most `capacity` items."""

    def __init__(self, capacity):
        self.items = deque()
        self.capacity = capacity
        lock = threading.Lock()  # one lock guards `items`...
        self.not_empty = threading.Condition(lock)  # ...for both conditions
        self.not_full = threading.Condition(lock)
        self.most = 0  # the most items it ever held

    def put(self, item):
        with self.not_full:
            self.not_full.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.most = max(self.most, len(self.items))
            self.not_empty.notify()  # wake one consumer: there is an item

    def get(self):
        with self.not_empty:
            self.not_empty.wait_for(lambda: self.items)
            item = self.items.popleft()
            self.not_full.notify()  # wake one producer: there is room
            return item


def produce(q):
    for n in range(6):
        q.put(n)  # waits while the queue is full
    q.put(STOP)


def consume(q, received):
    while (item := q.get()) is not STOP:
        received.append(item)


if __name__ == "__main__":
    q = BoundedQueue(CAPACITY)
    received = []
    threads = [
        threading.Thread(target=produce, args=(q,)),
        threading.Thread(target=consume, args=(q, received)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"received: {received}")
    #> received: [0, 1, 2, 3, 4, 5]
    print(f"never held more than {CAPACITY}: {q.most <= CAPACITY}")
    #> never held more than 2: True
