"""The replacement ``_queue`` module: ``SimpleQueue`` and ``Empty`` on green threads.

``queue.py`` takes both from here, and ``concurrent.futures`` feeds its worker
threads through ``SimpleQueue``.
"""

import types
from collections import deque

from . import scheduler


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."


Empty.__module__ = "_queue"


class SimpleQueue:
    """Simple, unbounded, reentrant FIFO queue."""

    __slots__ = ("_items", "_getters", "__weakref__")

    def __init__(self):
        self._items = deque()
        self._getters = deque()  # a wait queue

    def put(self, item, block=True, timeout=None):
        self._items.append(item)
        if self._getters:
            scheduler.wake_one(self._getters)

    def put_nowait(self, item):
        self.put(item, False)

    def get(self, block=True, timeout=None):
        if self._items:
            return self._items.popleft()
        if not block:
            raise Empty
        if timeout is None:
            deadline = None
        elif timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        else:
            deadline = scheduler.deadline_after(timeout)
        while not self._items:
            if not scheduler.park(self, deadline, self._getters) and not self._items:
                raise Empty
        return self._items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)

    __class_getitem__ = classmethod(types.GenericAlias)


SimpleQueue.__module__ = "_queue"


def make_module():
    """A fresh module object to put in ``sys.modules["_queue"]``."""
    module = types.ModuleType("_queue", "C implementation of the Python queue module.")
    module.SimpleQueue = SimpleQueue
    module.Empty = Empty
    return module
