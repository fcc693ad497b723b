import queue
import threading
import time

STOP = object()
next_lock = threading.Lock()  # one next() at a time on the shared generator


def numbered(orders):
    """Numbers the orders as they arrive on a queue: a generator that waits inside."""
    number = 0
    while (order := orders.get()) is not STOP:
        number += 1
        yield f"order {number}: {order}"


def take_one(tickets, taken):
    with next_lock:  # a second cook waits here instead of failing
        taken.append(next(tickets))


if __name__ == "__main__":
    orders = queue.Queue()
    tickets = numbered(orders)  # one generator, shared by two cooks
    taken = []
    first = threading.Thread(target=take_one, args=(tickets, taken))
    first.start()
    while not tickets.gi_running:  # until the first cook waits inside the generator
        time.sleep(0.001)
    second = threading.Thread(target=take_one, args=(tickets, taken))
    second.start()
    second.join(timeout=2)  # the second cook asks while the first one waits inside
    for order in ("soup", "salad", STOP):
        orders.put(order)
    first.join()
    second.join()
    for line in sorted(taken):
        print(line)
