import queue

ITEMS = [3, 1, 4, 1, 5]


def drain(q):
    out = []
    while not q.empty():  # fine here: no other thread uses these queues
        out.append(q.get())
    return out


if __name__ == "__main__":
    for kind in [queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue]:
        q = kind()
        for item in ITEMS:
            q.put(item)
        print(f"{kind.__name__:<13} {drain(q)}")
        #> Queue         [3, 1, 4, 1, 5]
        #> LifoQueue     [5, 1, 4, 1, 3]
        #> PriorityQueue [1, 1, 3, 4, 5]
        #> SimpleQueue   [3, 1, 4, 1, 5]
