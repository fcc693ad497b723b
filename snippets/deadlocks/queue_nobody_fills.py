import queue
import threading

STOP = object()  # the sentinel: "no more items"


def producer(q, lines):
    for line in lines:
        if not line.isdigit():
            return  # bug: leaves without putting STOP, the consumer waits forever
        q.put(int(line))
    q.put(STOP)


def consumer(q, producer_thread, results):
    while True:
        try:
            item = q.get(timeout=0.1)
        except queue.Empty:
            if producer_thread.is_alive() or not q.empty():
                continue  # the producer is slow, or put one last item just now
            results.append("queue empty and producer gone: giving up")
            return
        if item is STOP:
            results.append("got STOP")
            return
        results.append(f"got {item}")


if __name__ == "__main__":
    q = queue.Queue()
    results = []
    maker = threading.Thread(target=producer, args=(q, ["1", "2", "three", "4"]))
    taker = threading.Thread(target=consumer, args=(q, maker, results))
    maker.start()
    taker.start()
    maker.join()
    taker.join()
    for line in results:
        print(line)
        #> got 1
        #> got 2
        #> queue empty and producer gone: giving up
