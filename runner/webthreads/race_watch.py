"""The race check of a run: what the program's threads share, watched while it runs,
and the races found in it (``race_check``).

``start()`` (once, on the main thread, before the program's code runs) begins to
watch, ``watch_program(code)`` is given the program's compiled code before it runs;
``report()`` (once the program has ended) stops and returns the reports;
``watching()`` says whether a run is watched.

Watched:

- the reads and writes that the program's own code (``main.py``) makes to its module
  globals, to attributes of objects and to items of dicts and lists (``counts[word]
  += 1``), through ``sys.monitoring`` (tool 3) at the instructions that
  ``shared_access`` finds: only the program's code objects get instruction events
  (all of them, nested ones included, before the program runs: set from a callback
  of the code's own start, they would turn off the explorer's instruction events in
  it, tool 4, as CPython 3.13 and 3.14 do), and every other instruction's event is
  disabled at its first call. Not watched: names the program binds only with ``def``, ``class`` or
  ``import``; attributes of modules and of ``threading.local`` objects (each thread
  has its own); closures' variables; what methods do to their object
  (``items.append(x)``), and all that the standard library does;
- the synchronisation, from the runtime's primitives, on which every one of
  ``threading`` and ``queue`` is built: each lock's acquire and release (a
  Condition's wait and notify pass through its waiter's lock: an ordering only, never
  a lock held), a thread's start, its end and the ``join()`` that saw it, and the
  ``SimpleQueue`` hand-off. The methods are swapped in by ``start()`` (this module's
  functions wrap the originals), so a run without the check runs the runtime's own.
  The module-level locks of ``threading`` (its table of threads) are left out: every
  thread takes them as it starts and ends, which would order all it did before all
  that a thread started later does, and hide the race of threads that ran one after
  the other.

An object whose attributes or items are watched is kept until the run ends, so that
its ``id()`` is not given to a new object whose accesses would be taken for its.

A loop that keeps a global to itself (``total += 1`` a thousand times in one time
slice) is checked at its first passes only: once an access tells the check nothing
new (``race_check``: the same thread, line, locks and epoch), its instruction's event
is disabled, until the next thread switch or synchronisation, which turns the events
of that code on again (setting its local events anew does, where
``sys.monitoring.restart_events`` would instrument all code again): until then no
other thread can touch the global, and the thread's own accesses are the ones already
kept.
"""

import linecache
import sys
import types

from . import (
    compat,
    locks,
    queue_module,
    race_check,
    scheduler,
    shared_access,
    thread_local,
    thread_module,
)
from .frames import READER_CLASS_NAMES

PROGRAM = "main.py"
TOOL = 3  # a tool id that CPython leaves free; the explorer has 4 (switch_points)

_monitoring = sys.monitoring
_DISABLE = _monitoring.DISABLE
_missing = object()

_check = None  # the run's race_check.RaceCheck while watching
_plans = {}  # code -> {offset: access} (shared_access.plan)
_constants = frozenset()  # shared_access.constant_names of the program
_kept = {}  # id -> object whose attributes or items are watched, and its name
_threads = {}  # ident -> threading.Thread, kept for the reports' names
_unwatched_locks = set()  # ids of threading's own module-level locks
_swapped = []  # (owner, name, original) to put back
_waits = ()  # the code of Condition.wait and wait_for: their waiter's lock orders only
_notifies = ()  # the code of Condition.notify
_disabled = set()  # the code whose accesses were left out since the last switch


def start():
    """Watch the program's accesses and its threads' synchronisation from now on."""
    global _check, _plans, _constants, _waits, _notifies
    _check = race_check.RaceCheck(_thread_name, _lock_name, _line_source)
    _plans = {}
    _constants = None  # read from the program's source at its first event
    _kept.clear()
    _threads.clear()
    _disabled.clear()
    threading_module = sys.modules["threading"]
    condition = threading_module.Condition
    _waits = (condition.wait.__code__, condition.wait_for.__code__)
    _notifies = (condition.notify.__code__,)
    _unwatched_locks.clear()
    _unwatched_locks.update(
        id(value)
        for value in vars(threading_module).values()
        if isinstance(value, (locks.lock, locks.RLock))
    )
    _swap_in()
    _monitoring.use_tool_id(TOOL, "race check")
    _monitoring.register_callback(TOOL, _monitoring.events.INSTRUCTION, _at_instruction)


def watch_program(code):
    """Watch ``code``, the program's compiled module, and every code object in it."""
    if _check is None:
        return
    pending = [code]
    while pending:
        code = pending.pop()
        if code.co_filename != PROGRAM or code in _plans:
            continue
        _plans[code] = shared_access.plan(code, _program_constants())
        _monitoring.set_local_events(TOOL, code, _monitoring.events.INSTRUCTION)
        pending += [constant for constant in code.co_consts if isinstance(constant, types.CodeType)]


def watching():
    """Whether ``start()`` was called and ``report()`` not yet."""
    return _check is not None


def report():
    """Stop watching; the races seen, as JSON-able dicts (``race_check``)."""
    global _check
    if _check is None:
        return []
    _monitoring.set_events(TOOL, 0)
    for code in _plans:
        _monitoring.set_local_events(TOOL, code, 0)
    _monitoring.register_callback(TOOL, _monitoring.events.INSTRUCTION, None)
    _monitoring.free_tool_id(TOOL)
    _swap_out()
    reports = _check.reports()
    _check = None
    _kept.clear()
    return reports


# --- accesses -------------------------------------------------------------------------


def _at_instruction(code, offset):
    access = _plans[code].get(offset)
    if access is None:
        return _DISABLE
    frame = sys._getframe(1)
    what = access[0]
    if what == "global":
        if _global(access, frame):
            _disabled.add(code)
            return _DISABLE  # nothing new until a switch or a synchronisation
    elif what == "attr":
        _attribute(access, frame)
    else:
        _item(access, frame)
    return None


def _program_constants():
    global _constants
    if _constants is None:
        _constants = shared_access.constant_names("".join(linecache.getlines(PROGRAM)))
    return _constants


def _global(access, frame):
    _, kind, name = access
    if kind == "read" and name not in frame.f_globals:
        return False  # a builtin, or a name not bound yet (the program's NameError)
    return _record(kind, ("global", name), frame, name)


def _attribute(access, frame):
    _, kind, attribute, operand = access
    target = _value(operand, frame)
    if target is _missing or isinstance(target, (types.ModuleType, thread_local._local)):
        return
    name = f"{operand[1]}.{attribute}"
    _keep(target, operand)
    _record(kind, ("attr", id(target), attribute), frame, name)


def _item(access, frame):
    what, kind, container_operand, key_operand = access
    container = _value(container_operand, frame)
    if not isinstance(container, dict if what == "key" else (dict, list)):
        return
    key = _value(key_operand, frame)
    if isinstance(container, list):
        if type(key) is not int:
            return  # a slice, or an error of the program's
        if key < 0:
            key += len(container)
    else:
        try:
            hash(key)
        except TypeError:
            return  # the program's TypeError
    _keep(container, container_operand)
    _record(kind, ("item", id(container), key), frame, f"{container_operand[1]}[{key!r}]")


def _value(operand, frame):
    where, name = operand
    if where == "const":
        return name
    if where == "fast":
        return frame.f_locals.get(name, _missing)
    if where == "name":
        value = frame.f_locals.get(name, _missing)
        if value is not _missing:
            return value
    value = frame.f_globals.get(name, _missing)
    if value is _missing:
        value = frame.f_builtins.get(name, _missing)
    return value


def _keep(target, operand):
    if id(target) not in _kept:
        _kept[id(target)] = (target, operand[1])


def _record(kind, variable, frame, name):
    ident = scheduler.current_ident
    if ident not in _threads:
        _threads[ident] = compat.threading_thread(ident)
    line = frame.f_lineno
    call = (id(frame), frame.f_code)  # for a check then act, within one call
    if kind == "read":
        return _check.read(ident, variable, line, None, name, call)
    return _check.write(ident, variable, line, None, name, call)


# --- names in the reports -----------------------------------------------------------


def _line_source(line):
    return linecache.getline(PROGRAM, line).strip()


def _thread_name(ident):
    thread = _threads.get(ident) or compat.threading_thread(ident)
    return thread.name if thread is not None else f"Thread {ident}"


def _lock_name(primitive):
    """The program's name for a lock: a global, or an attribute of a global or of an
    object whose attributes were watched; or a Condition's, Semaphore's or Event's
    that holds it. Else what it is ("a Lock")."""
    main = sys.modules.get("__main__")
    places = [("", vars(main))] if main is not None else []
    places += [(f"{name}.", vars(target)) for target, name in _kept.values() if _has_dict(target)]
    for prefix, namespace in places:
        for name, value in list(namespace.items()):
            if value is primitive or _inner_lock(value) is primitive:
                return prefix + name
    for name, value in list(places[0][1].items()) if places else ():
        if _has_dict(value) and not isinstance(value, (type, types.ModuleType)):
            for attribute, inner in list(vars(value).items()):
                if inner is primitive or _inner_lock(inner) is primitive:
                    return f"{name}.{attribute}"
    kind = READER_CLASS_NAMES.get(type(primitive).__name__, type(primitive).__name__)
    return f"a {kind}" if kind[0] not in "AEIOU" else f"an {kind}"


def _has_dict(value):
    try:
        vars(value)
    except TypeError:
        return False
    return True


def _inner_lock(value):
    """The lock inside a Condition, a Semaphore or an Event (else None)."""
    condition = getattr(value, "_cond", value)
    try:
        return object.__getattribute__(condition, "_lock")
    except (AttributeError, TypeError):
        return None


# --- synchronisation ----------------------------------------------------------------


def _restart():
    """A thread switch or a synchronisation: the accesses left out count again."""
    if _disabled:
        instruction = _monitoring.events.INSTRUCTION
        for code in _disabled:
            _monitoring.set_local_events(TOOL, code, 0)
            _monitoring.set_local_events(TOOL, code, instruction)
        _disabled.clear()


def _swap_in():
    lock, rlock = locks.lock, locks.RLock
    _swap(lock, "acquire", _watched_acquire)
    _swap(lock, "acquire_lock", _watched_acquire)
    _swap(lock, "release", _watched_release)
    _swap(lock, "release_lock", _watched_release)
    _swap(rlock, "acquire", _watched_acquire)
    _swap(rlock, "release", _watched_release)
    _swap(rlock, "_release_save", _watched_release_save)
    _swap(rlock, "_acquire_restore", _watched_acquire_restore)
    _swap(thread_module._ThreadHandle, "join", _watched_join)
    _swap(thread_module._ThreadHandle, "_set_done", _watched_set_done)
    _swap(queue_module.SimpleQueue, "put", _watched_put)
    _swap(queue_module.SimpleQueue, "get", _watched_get)
    _swap(scheduler, "spawn", _watched_spawn)
    _swap(scheduler, "_resume", _watched_resume)


def _swap(owner, name, make):
    original = vars(owner)[name]
    _swapped.append((owner, name, original))
    setattr(owner, name, make(original))


def _swap_out():
    while _swapped:
        owner, name, original = _swapped.pop()
        setattr(owner, name, original)


def _caller(frame):
    """The code that called a lock's method, past its ``with`` statement's."""
    code = frame.f_code
    if code.co_name in ("__enter__", "__exit__") and code.co_filename == locks.__file__:
        frame = frame.f_back
    return frame.f_code if frame is not None else None


def _watched_acquire(original):
    def acquire(self, blocking=True, timeout=-1):
        got = original(self, blocking, timeout)
        if got and id(self) not in _unwatched_locks and _check is not None:
            _restart()
            if _caller(sys._getframe(1)) in _waits:
                _check.wait(scheduler.current_ident, self)
            else:
                _check.acquire(scheduler.current_ident, self)
        return got

    return acquire


def _watched_release(original):
    def release(self):
        if id(self) not in _unwatched_locks and _check is not None:
            _restart()
            if _caller(sys._getframe(1)) in _notifies:
                _check.signal(scheduler.current_ident, self)
            else:
                _check.release(scheduler.current_ident, self)
        original(self)

    return release


def _watched_release_save(original):
    def _release_save(self):
        state = original(self)
        _restart()
        for _ in range(state[0]):
            _check.release(scheduler.current_ident, self)
        return state

    return _release_save


def _watched_acquire_restore(original):
    def _acquire_restore(self, state):
        original(self, state)  # acquires once, through the watched acquire (restarts)
        for _ in range(state[0] - 1):
            _check.acquire(scheduler.current_ident, self)

    return _acquire_restore


def _watched_join(original):
    def join(self, timeout=None):
        original(self, timeout)
        if self._done:
            _restart()
            _check.join(scheduler.current_ident, self._ident)

    return join


def _watched_set_done(original):
    def _set_done(self):
        _restart()
        _check.end(self._ident)
        original(self)

    return _set_done


def _watched_put(original):
    def put(self, item, block=True, timeout=None):
        original(self, item, block, timeout)
        _restart()
        _check.put(scheduler.current_ident, self)

    return put


def _watched_get(original):
    def get(self, block=True, timeout=None):
        item = original(self, block, timeout)
        _restart()
        _check.get(scheduler.current_ident, self)
        return item

    return get


def _watched_resume(original):
    def _resume(thread):
        _restart()
        original(thread)

    return _resume


def _watched_spawn(original):
    def spawn(body, daemon):
        thread = original(body, daemon)
        _restart()
        _check.start(scheduler.current_ident, thread.ident)
        return thread

    return spawn
