import queue
import threading

MAXSIZE = 2
STOP = object()


def producer(q, sizes):
    for item in range(6):
        q.put(item)  # blocks while the queue holds MAXSIZE items
        sizes.append(q.qsize())
    q.put(STOP)


def consumer(q, received):
    while (item := q.get()) is not STOP:
        received.append(item)


if __name__ == "__main__":
    q = queue.Queue(maxsize=MAXSIZE)
    sizes, received = [], []
    threads = [
        threading.Thread(target=producer, args=(q, sizes)),
        threading.Thread(target=consumer, args=(q, received)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"received: {received}")
    #> received: [0, 1, 2, 3, 4, 5]
    print(f"never more than {MAXSIZE} waiting: {max(sizes) <= MAXSIZE}")
    #> never more than 2 waiting: True
