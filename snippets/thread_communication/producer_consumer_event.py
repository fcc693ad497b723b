import queue
import threading

STOP = object()  # the sentinel: a unique object that no real item can be


def log(who, message):
    # Every line goes through this one print, so the output below
    # is all of it, in the order it happened.
    print(f"{who}: {message}")
    #> producer: sending 5, then waiting for it to be doubled
    #> consumer: data found to be processed: 5
    #> consumer: doubled: 10
    #> producer: sending 10, then waiting for it to be doubled
    #> consumer: data found to be processed: 10
    #> consumer: doubled: 20
    #> producer: sending 13, then waiting for it to be doubled
    #> consumer: data found to be processed: 13
    #> consumer: doubled: 26
    #> producer: sending -1, then waiting for it to be doubled
    #> consumer: data found to be processed: -1
    #> consumer: doubled: -2
    #> producer: all data doubled, telling the consumer to stop
    #> consumer: stop signal received, exiting
    #> main: both threads joined


def producer(data, q):
    """Put each item on the queue, then wait until it has been handled."""
    for item in data:
        done = threading.Event()  # one Event per item
        log("producer", f"sending {item}, then waiting for it to be doubled")
        q.put((item, done))
        done.wait()  # the consumer sets it once the item is doubled
    log("producer", "all data doubled, telling the consumer to stop")
    q.put((STOP, None))


def consumer(q):
    """Double each item until the sentinel arrives."""
    while True:
        item, done = q.get()
        try:
            if item is STOP:
                log("consumer", "stop signal received, exiting")
                return
            log("consumer", f"data found to be processed: {item}")
            log("consumer", f"doubled: {item * 2}")
            done.set()  # wake the producer
        finally:
            q.task_done()  # once for every get(), whatever happened


if __name__ == "__main__":
    q = queue.Queue()
    data = [5, 10, 13, -1]
    producer_thread = threading.Thread(target=producer, args=(data, q))
    consumer_thread = threading.Thread(target=consumer, args=(q,))
    producer_thread.start()
    consumer_thread.start()

    producer_thread.join()  # now every item and the sentinel are queued
    q.join()  # ...and every one of them has been marked done
    consumer_thread.join()
    log("main", "both threads joined")
