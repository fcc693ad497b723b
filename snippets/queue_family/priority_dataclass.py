import itertools
import queue
from dataclasses import dataclass, field

_order = itertools.count()


@dataclass(order=True)
class Job:
    priority: int  # compared first: smaller comes out first
    order: int = field(default_factory=lambda: next(_order), init=False, repr=False)
    name: str = field(compare=False)  # never compared
    data: dict = field(compare=False, default_factory=dict)


if __name__ == "__main__":
    q = queue.PriorityQueue()
    q.put(Job(2, "write report", {"pages": 3}))
    q.put(Job(1, "fix bug"))
    q.put(Job(2, "send email"))
    q.put(Job(0, "restart server"))
    while not q.empty():
        print(q.get())
        #> Job(priority=0, name='restart server', data={})
        #> Job(priority=1, name='fix bug', data={})
        #> Job(priority=2, name='write report', data={'pages': 3})
        #> Job(priority=2, name='send email', data={})
