"""Work for an idle worker: makes the browser compile the interpreter's hot paths.

A worker started from a memory snapshot has run almost no Python, so its WebAssembly
still runs the browser's quick first-tier code, several times slower than the
optimized code the browser compiles in the background once a function has run for a
while. A few short rounds of ordinary Python while the worker waits for a program
start that compilation early. Nothing here touches the state a program could see.
"""

from time import perf_counter


class _Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return _Point(self.x + dx, self.y)


def _numbers(limit):
    for number in range(limit):
        yield number


def _round():
    total = 0
    table = {}
    items = []
    for number in _numbers(200):
        point = _Point(number, -number).moved(1)
        total += point.x * 2 - point.y
        table[number % 17] = table.get(number % 17, 0) + 1
        items.append(f"{number}:{total % 7}")
        try:
            if number % 50 == 0:
                raise ValueError(number)
        except ValueError:
            total -= 1
    return total + len(table) + len("".join(items))


def run(seconds):
    """Run rounds for about ``seconds`` seconds."""
    end = perf_counter() + seconds
    while perf_counter() < end:
        _round()
