"""Step through: what the reader sees when a stepped run stops to ask whom to run.

A stepped run is a run whose schedule the worker chooses (``policy.ChosenByTheWorker``,
``switch_points``), answering with the reader's choices so far. At the first question
it has no answer for, it answers ``PAUSE``: the run then describes where each thread
stands and what they share (``describe``), hands that to the worker and ends there
(``program``). The next step is a new run of the same program from the same memory
image, with one answer more: such a run is an exact function of its answers, so the
reader's steps, an undo, and a replay of the whole all give the same run.

Nothing here runs the program's own code (no ``repr()`` of its objects, no property):
values are described from their parts, so describing cannot change the run or block.
"""

import dis
import linecache
import sys

from . import compat, deadlock_report, scheduler, stacks
from .locks import RLock, lock

PAUSE = -1  # the worker's answer where the reader is to choose
PROGRAM = "main.py"

_MOST_ITEMS = 6  # of a list, dict or set shown; the rest is "…"
_MOST_CHARS = 80  # of one value as shown
_DEPTH = 2  # of nested containers and objects shown


def describe(runnable, granularity, running, carrier):
    """Every live thread (oldest first) and the program's shared state, as JSON-able
    data; ``runnable`` are the threads the reader may run next, in the order of the
    worker's options (the asking thread first, if it may go on). ``running`` is the
    thread that was running (None between threads), ``carrier`` the thread on whose
    stack this runs."""
    here = _program_frame(sys._getframe(1))
    able = {thread.ident for thread in runnable}
    lanes = [
        _lane(thread, here, thread.ident in able, granularity, running, carrier)
        for thread in scheduler.threads()
    ]
    main = sys.modules.get("__main__")
    shared = _shared(vars(main)) if main is not None else []
    return {"threads": lanes, "shared": shared, "options": [thread.ident for thread in runnable]}


def _program_frame(frame):
    """The innermost frame of the program's own code, from ``frame`` out."""
    while frame is not None and frame.f_code.co_filename != PROGRAM:
        frame = frame.f_back
    return frame


def _lane(thread, here, runnable, granularity, running, carrier):
    ident = thread.ident
    started = _thread_object(ident)
    name = started.name if started is not None else deadlock_report.thread_name(ident)
    lane = {"ident": ident, "name": name, "runnable": runnable}
    if thread is running:
        frame = here
        stack = stacks.snapshot(sys._getframe(), with_runtime=True) if not runnable else None
    elif thread is carrier:  # suspended, and resumed to run this: where it stopped
        stack = stacks.snapshot(thread.frame, with_runtime=True)
        frame = _program_frame(stack)
    elif thread.wakeup is None:  # started, never ran
        frame = stack = None
    else:
        stack = scheduler.visit(thread, lambda: stacks.snapshot(thread.frame, with_runtime=True))
        frame = _program_frame(stack)
    if frame is None and stack is None and thread is not running:
        lane["state"] = "new"
        _where(lane, *_first_line(started))
        return lane
    lane["state"] = (
        "running" if thread is running and runnable else ("ready" if runnable else "waiting")
    )
    if not runnable and stack is not None:
        lane["why"] = _why(thread, stack)
    if frame is None:
        lane["where"] = _library_place(stack)
        return lane
    _where(lane, frame.f_code, frame.f_lineno)
    if granularity == "bytecode" and runnable:
        lane["instruction"] = _instruction(frame.f_code, frame.f_lasti)
    if frame.f_code.co_name != "<module>":
        lane["locals"] = _values(frame.f_locals)
    return lane


def _where(lane, code, line):
    if code is None:
        return
    lane["function"] = code.co_name
    if line:
        lane["line"] = line
        lane["source"] = linecache.getline(PROGRAM, line).strip()


def _thread_object(ident):
    """The ``threading.Thread`` of ``ident``: running, or started and not yet running
    (in ``threading._limbo``, where ``threading`` keeps those)."""
    thread = compat.threading_thread(ident)
    if thread is not None:
        return thread
    threading = sys.modules.get("threading")
    for waiting in list(getattr(threading, "_limbo", {}).values()):
        handle = getattr(waiting, "_os_thread_handle", None)  # 3.14's name for it
        if handle is not None and handle.ident == ident:
            return waiting
    return None


def _first_line(thread):
    """Where a thread that never ran will start: the first line of its target's body,
    if the program wrote it."""
    if thread is None:
        return None, None
    target = getattr(thread, "_target", None)
    function = target if target is not None else type(thread).run
    code = getattr(function, "__code__", None)
    if code is None or code.co_filename != PROGRAM:
        return None, None
    for _, line in dis.findlinestarts(code):
        if line is not None and line != code.co_firstlineno:
            return code, line
    return code, code.co_firstlineno


def _why(thread, stack):
    """Why a thread cannot run, in the words of the deadlock report, without its place
    (the lane shows the line)."""
    text = deadlock_report.describe(thread, stack)
    name = deadlock_report.thread_name(thread.ident)
    if text.startswith(name + " "):
        text = text[len(name) + 1 :]
    return text.split(" at main.py:")[0]


def _library_place(stack):
    frame = stack
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith("webthreads"):
            return f"{module}.{frame.f_code.co_qualname}"
        frame = frame.f_back
    return None


def _instruction(code, offset):
    """The instruction about to run, as ``dis`` names it (``LOAD_GLOBAL total``)."""
    for instruction in dis.get_instructions(code):
        if instruction.offset == offset:
            argument = instruction.argrepr
            return f"{instruction.opname} {argument}".strip()
    return None


# --- values, described without running the program's code ---------------------------


def _shared(namespace):
    """The module's globals that the program defined: not its imports, functions or
    classes."""
    return [[name, text] for name, text in _values(namespace).items()]


def _values(namespace):
    shown = {}
    for name, value in list(namespace.items()):
        if name.startswith("__") or _is_code_or_module(value):
            continue
        shown[name] = _show(value, _DEPTH)
    return shown


def _is_code_or_module(value):
    kind = type(value)
    return kind.__name__ in {
        "module",
        "function",
        "builtin_function_or_method",
        "method",
    } or isinstance(value, type)


def _show(value, depth):
    return _clip(_text(value, depth))


def _clip(text):
    return text if len(text) <= _MOST_CHARS else text[: _MOST_CHARS - 1] + "…"


def _text(value, depth):
    if type(value) in _PLAIN:  # exactly these types: a subclass's repr is the program's
        try:
            return _clip(repr(value))
        except ValueError:  # an int too long for str()
            return f"<int of {value.bit_length()} bits>"
    primitive = _primitive(value)
    if primitive is not None:
        return primitive
    if type(value) in (list, tuple, set, frozenset, dict) or _is_deque(value):
        return _container(value, depth)
    kind = type(value)
    if kind.__module__ == "__main__":
        return _object(value, kind, depth)
    return f"<{kind.__qualname__}>"


_PLAIN = {type(None), bool, int, float, complex, str, bytes}


def _is_deque(value):
    return type(value).__name__ == "deque" and type(value).__module__ == "collections"


def _container(value, depth):
    if depth <= 0:
        return "…" if len(value) else ("{}" if type(value) is dict else "[]")
    if type(value) is dict:
        items = [
            f"{_text(k, depth - 1)}: {_text(v, depth - 1)}"
            for k, v in list(value.items())[:_MOST_ITEMS]
        ]
        opening, closing = "{", "}"
    else:
        items = [_text(item, depth - 1) for item in list(value)[:_MOST_ITEMS]]
        opening, closing = {
            list: ("[", "]"),
            tuple: ("(", ")" if len(value) != 1 else ",)"),
            set: ("{", "}"),
            frozenset: ("frozenset({", "})"),
        }.get(type(value), ("deque([", "])"))
        if type(value) is set and not value:
            return "set()"
    if len(value) > _MOST_ITEMS:
        items.append("…")
    return opening + ", ".join(items) + closing


def _object(value, kind, depth):
    try:
        attributes = object.__getattribute__(value, "__dict__")
    except AttributeError:
        return f"<{kind.__qualname__}>"
    if depth <= 0:
        return f"{kind.__qualname__}(…)"
    parts = [
        f"{name}={_text(item, depth - 1)}" for name, item in list(attributes.items())[:_MOST_ITEMS]
    ]
    if len(attributes) > _MOST_ITEMS:
        parts.append("…")
    return f"{kind.__qualname__}({', '.join(parts)})"


def _primitive(value):
    """The threading module's objects, described by their state."""
    threading = sys.modules.get("threading")
    if isinstance(value, lock):
        return (
            f"Lock (held, last acquired by {_name(value._holder)})"
            if value.locked()
            else "Lock (free)"
        )
    if isinstance(value, RLock):
        return f"RLock (held by {_name(value._owner)})" if value._count else "RLock (free)"
    if threading is None:
        return None
    if isinstance(value, threading.Thread):
        state = (
            "running"
            if value.is_alive()
            else ("finished" if value._started.is_set() else "not started")
        )
        return f"Thread {value.name} ({state})"
    if isinstance(value, threading.Event):
        return "Event (set)" if value.is_set() else "Event (not set)"
    if isinstance(value, threading.Semaphore):
        return f"{type(value).__name__} (value {value._value})"
    if isinstance(value, threading.Condition):
        return "Condition"
    if isinstance(value, threading.Barrier):
        return f"Barrier ({value.n_waiting} of {value.parties} waiting)"
    queue = sys.modules.get("queue")
    if queue is not None and isinstance(value, queue.Queue):
        return f"{type(value).__name__} ({len(value.queue)} items)"
    return None


def _name(ident):
    return deadlock_report.thread_name(ident) if ident else "nobody"
