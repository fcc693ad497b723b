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


# The worker's functions, looked up once and kept. Pyodide gives one JavaScript value
# one reference as long as Python holds it; kept from the start, the references the
# runtime uses are the same in every run, which lets the explorer put the interpreter's
# memory back between runs (worker/load.mjs) without them going stale.
_functions = []


def attach(worker_object):
    """Connect the runtime to the worker (called once per worker)."""
    global js
    js = worker_object
    # The names as a Python list (to_py), never by iterating the JavaScript array: its
    # iterator's proxy type has methods that differ by engine (Iterator.prototype's), so
    # the interpreter's memory, and with it every id() and set order, would too, and a
    # run recorded in one browser would not replay in another.
    names = worker_object.object_keys().to_py()
    _functions[:] = [getattr(worker_object, name) for name in names]
