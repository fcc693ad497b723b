"""``_thread._local``: attributes that each green thread sees separately.

``threading.local`` is this class. As with CPython's C version, a subclass's
``__init__`` runs again, with the original arguments, the first time each thread
touches the object, and a thread's values are dropped when the thread ends.
"""

import weakref

from . import scheduler
from .frames import calls_program_code

_all_locals = weakref.WeakSet()

_get = object.__getattribute__
_set = object.__setattr__
_del = object.__delattr__


class _local:
    __slots__ = ("_local__dicts", "_local__args", "__dict__", "__weakref__")

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        own = {}
        _set(self, "_local__args", (args, kwargs))
        _set(self, "_local__dicts", {scheduler.current_ident: own})
        _set(self, "__dict__", own)
        _all_locals.add(self)
        return self

    @calls_program_code  # a subclass's __init__, on first use in a thread
    def __getattribute__(self, name):
        _select(self)
        return _get(self, name)

    @calls_program_code
    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only"
            )
        _select(self)
        _set(self, name, value)

    @calls_program_code
    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError(
                f"{type(self).__name__!r} object attribute '__dict__' is read-only"
            )
        _select(self)
        _del(self, name)


_local.__module__ = "_thread"


@calls_program_code
def _select(local):
    """Point ``local.__dict__`` at the current thread's values, creating them once."""
    dicts = _get(local, "_local__dicts")
    ident = scheduler.current_ident
    own = dicts.get(ident)
    if own is not None:
        _set(local, "__dict__", own)
        return
    own = dicts[ident] = {}
    _set(local, "__dict__", own)
    init = type(local).__init__
    if init is not object.__init__:
        args, kwargs = _get(local, "_local__args")
        init(local, *args, **kwargs)
        _set(local, "__dict__", own)  # __init__ may have let another thread run


def forget_thread(ident):
    """Drop an ended thread's values from every ``local``."""
    for local in list(_all_locals):
        _get(local, "_local__dicts").pop(ident, None)
