"""The runtime's only door to the worker's JavaScript.

The worker hands over one object (see ``bridge.mjs``) once Python is loaded. Until then,
for example while a memory snapshot is being built, every call is a no-op, so nothing
from one JavaScript realm is captured in the snapshot.
"""


class _Detached:
    """Stands in for the worker's object before it is attached."""

    def __getattr__(self, name):
        return _ignore


def _ignore(*args):
    return None


js = _Detached()


def attach(worker_object):
    """Connect the runtime to the worker (called once per worker)."""
    global js
    js = worker_object
