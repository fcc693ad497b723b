import itertools
import queue

if __name__ == "__main__":
    q = queue.PriorityQueue()
    q.put((2, {"job": "write report"}))
    try:
        q.put((2, {"job": "send email"}))  # same priority: compares the dicts
    except TypeError as error:
        print(f"TypeError: {error}")
        #> TypeError: '<' not supported between instances of 'dict' and 'dict'

    q = queue.PriorityQueue()
    counter = itertools.count()  # 0, 1, 2...: breaks ties, first in first out
    for priority, job in [(2, "write report"), (1, "fix bug"), (2, "send email")]:
        q.put((priority, next(counter), {"job": job}))
    while not q.empty():
        priority, _, task = q.get()
        print(priority, task["job"])
        #> 1 fix bug
        #> 2 write report
        #> 2 send email
