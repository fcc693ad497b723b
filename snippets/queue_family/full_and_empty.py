import queue

if __name__ == "__main__":
    q = queue.Queue(maxsize=2)
    q.put("a")
    q.put("b")
    print(f"full: {q.full()}, size {q.qsize()} of {q.maxsize}")
    #> full: True, size 2 of 2
    try:
        q.put_nowait("c")  # same as put("c", block=False)
    except queue.Full:
        print("put_nowait: queue.Full")
        #> put_nowait: queue.Full
    try:
        q.put("c", timeout=0.05)  # waits up to 0.05 s for room
    except queue.Full:
        print("put with timeout: queue.Full")
        #> put with timeout: queue.Full

    print(q.get_nowait(), q.get_nowait())
    #> a b
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait: queue.Empty")
        #> get_nowait: queue.Empty
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("get with timeout: queue.Empty")
        #> get with timeout: queue.Empty
