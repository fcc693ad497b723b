"""The deadlock report: what each stuck thread waits for, in the reader's terms.

For each parked thread, its frames (copied on its own stack, see ``stacks``) are walked
outwards from where it parked to the first frame of the reader's code; the frame just
inside it is the API call the reader made (``Queue.get``, ``Thread.join``,
``Lock.acquire``…), and the reader's frame gives the line.

The same report, under a header of its own, is made when every thread waits and the
first to wake would wake later than any run can last (``scheduler.FAR_AWAY``).
"""

import sys

from . import compat, locks, scheduler, stacks
from .frames import READER_CLASS_NAMES, READER_MODULE_NAMES, is_runtime, is_user
from .locks import RLock, lock
from .queue_module import SimpleQueue
from .thread_module import _ThreadHandle

HEADER = "Deadlock: every thread is waiting and none can wake the others."

# Names the reader knows for context-manager methods.
_METHOD_NAMES = {"__enter__": "acquire"}


def report(reporter, parked, wakes_in=None):
    """The report, made on the stack of ``reporter``, one of the ``parked`` threads;
    ``wakes_in`` (seconds) when the first of them would wake, too late for a run."""
    lines = [HEADER if wakes_in is None else far_away_header(wakes_in)]
    for thread in sorted(parked, key=_ident):
        lines.append("  " + describe(thread, stacks.of_parked(thread, reporter)))
    return "\n".join(lines) + "\n"


def far_away_header(wakes_in):
    return (
        f"Every thread is waiting, and the first to wake would wake in {in_words(wakes_in)}: "
        "much longer than a run can last here."
    )


def far_away_summary(wakes_in):
    return f"every thread is waiting and the first wakes in {in_words(wakes_in)}"


def in_words(seconds):
    """A long wait as a reader would say it: "about 32 years"."""
    days = seconds / 86400
    if days < 61:
        return _about(days, "day")
    if days < 731:
        return _about(days / 30.44, "month")
    return _about(days / 365.25, "year")


def _about(count, unit):
    count = round(count)
    return f"about {count:,} {unit}" + ("" if count == 1 else "s")


def _ident(thread):
    return thread.ident


def thread_name(ident):
    thread = compat.threading_thread(ident)
    return thread.name if thread is not None else f"Thread {ident}"


def describe(thread, frame):
    """One line for ``thread``, whose stack from where it parked is ``frame``."""
    name = thread_name(thread.ident)
    api, caller = _api_and_caller(frame, is_user)
    if api is not None:
        where = f"{caller.f_code.co_filename}:{caller.f_lineno}"
        return f"{name} waits in {_operation(api, thread.waiting)} at {where}"
    if thread.ident == scheduler.MAIN_IDENT and isinstance(thread.waiting, _ThreadHandle):
        return (
            f"{name} has finished the program and waits, as Python does at exit, "
            f"for the non-daemon thread {thread_name(thread.waiting.ident)}"
        )
    # No frame of the reader's: name the call the standard library made.
    api, caller = _api_and_caller(frame, _is_library)
    if api is not None:
        module = caller.f_globals.get("__name__", "?")
        where = f"{module}.{caller.f_code.co_qualname}"
        return f"{name} waits in {_operation(api, thread.waiting)}, called by {where}"
    return f"{name} waits on {thread.waiting!r}"


def _is_library(code):
    return not is_runtime(code)


def _api_and_caller(frame, is_caller):
    """The outermost frame of the call that parked, and the frame that made it."""
    inner = None
    while frame is not None:
        if is_caller(frame.f_code):
            return (inner, frame) if inner is not None else (None, None)
        inner, frame = frame, frame.f_back
    return None, None


def _operation(api, waiting):
    code = api.f_code
    if code is scheduler.sleep.__code__:
        return "time.sleep()"
    method = code.co_name
    target = api.f_locals.get("self") if code.co_argcount else None
    if target is None:
        module = api.f_globals.get("__name__", "")
        module = READER_MODULE_NAMES.get(module, module)
        public = ".".join(part for part in module.split(".") if not part.startswith("_"))
        return f"{public}.{method}()" if public else f"{method}()"
    cls = type(target).__name__
    cls = READER_CLASS_NAMES.get(cls, cls)
    if method == "__exit__":
        return f"{cls}.shutdown(), at the end of its with block"
    operation = f"{cls}.{_METHOD_NAMES.get(method, method)}()"
    return operation + _detail(target, method, waiting)


def _detail(target, method, waiting):
    threading = sys.modules["threading"]
    if isinstance(target, threading.Thread) and method == "join":
        return f" for {target.name}"
    if type(target).__module__ == "queue" or isinstance(target, SimpleQueue):
        return f" on queue {target!r}"
    if target is waiting and isinstance(waiting, lock):
        return f" for a lock last acquired by {thread_name(locks.holder(waiting))}"
    if target is waiting and isinstance(waiting, RLock):
        return f" for a lock held by {thread_name(locks.holder(waiting))}"
    return ""
