import queue
import threading

STOP = object()  # the sentinel: one per consumer, as queue_workers.py sends
started = 0  # consumers that have started, counted by themselves


def consumer(q, eaten):
    global started
    count = started  # sign in: read the count...
    started = count + 1  # ...and write it back, one more
    while True:
        item = q.get()
        if item is STOP:
            return
        eaten.append(item)


if __name__ == "__main__":
    q = queue.Queue()
    eaten = []
    threads = [
        threading.Thread(target=consumer, args=(q, eaten), name=name, daemon=True)
        for name in ["alice", "bob"]
    ]
    for thread in threads:
        thread.start()
    q.put("soup")
    for _ in range(started):
        q.put(STOP)  # one sentinel per consumer that signed in
    for thread in threads:
        thread.join(timeout=1)  # a consumer without a sentinel would wait forever
    waiting = [thread.name for thread in threads if thread.is_alive()]
    print(f"eaten: {eaten}, sentinels sent: {started}")
    #> eaten: ['soup'], sentinels sent: 2
    print(f"still waiting for a sentinel: {waiting}")
    #> still waiting for a sentinel: []
