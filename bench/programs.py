"""The programs the benchmark times, the same source on CPython and in the browser.

Each is wrapped so that it times itself with Python's own clock and prints the result
last, as `elapsed <seconds>`, so that start-up costs do not count on either side.
"""

from __future__ import annotations

from tests.support.paths import ROOT

RACE_SNIPPET = ROOT / "snippets" / "race_conditions" / "lost_update.py"

# Read, compute, write back: a race that only preemption can expose, since nothing in
# the loop blocks.
READ_INT_WRITE = """\
import threading

THREADS = 4
ROUNDS = 100_000
total = 0


def deposit():
    global total
    for _ in range(ROUNDS):
        current = total
        current = int(current) + 1
        total = current


threads = [threading.Thread(target=deposit) for _ in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"total {total} of {THREADS * ROUNDS}")
"""

# Two threads hand a turn back and forth with two locks: every hand-off is a switch.
LOCK_PING_PONG = """\
import threading

ROUNDS = 20_000
a_turn, b_turn = threading.Lock(), threading.Lock()
b_turn.acquire()


def player(mine, theirs):
    for _ in range(ROUNDS):
        mine.acquire()
        theirs.release()


a = threading.Thread(target=player, args=(a_turn, b_turn))
b = threading.Thread(target=player, args=(b_turn, a_turn))
a.start()
b.start()
a.join()
b.join()
print(f"switches {2 * ROUNDS}")
"""


# The same hand-off, short enough for every wait to go into the run's timeline
# (the runtime records up to timeline.naming.MAX_RECORDS, 5,000, waits, sleeps and prints).
SHORT_LOCK_PING_PONG = LOCK_PING_PONG.replace("ROUNDS = 20_000", "ROUNDS = 2_000")

# Switches the browser runtime's timeline off: what recording costs. No-op on CPython.
WITHOUT_TIMELINE = """\
import sys
if "webthreads.timeline" in sys.modules:
    sys.modules["webthreads.timeline"].stop_recording()
"""


def timed(source: str, name: str) -> str:
    """`source` run as __main__, followed by how long it took."""
    return (
        "import time as _bench_time\n"
        "_bench_start = _bench_time.perf_counter()\n"
        f"exec(compile({source!r}, {name!r}, 'exec'), {{'__name__': '__main__'}})\n"
        "print(f'elapsed {_bench_time.perf_counter() - _bench_start:.6f}')\n"
    )


def race_demo() -> tuple[str, str]:
    """The race demo on the site if there is one, else the read/int()/write loop."""
    if RACE_SNIPPET.is_file():
        return (
            f"race demo ({RACE_SNIPPET.parent.name}/{RACE_SNIPPET.name})",
            RACE_SNIPPET.read_text(),
        )
    return "race demo (read/int()/write)", READ_INT_WRITE
