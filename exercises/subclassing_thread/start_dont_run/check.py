NUMBERS = (2, 3, 4)


def check(output: str) -> str | None:
    lines = output.splitlines()
    expected = [f"{n} -> {n * n}, in squarer-{n}" for n in NUMBERS]
    if lines == expected:
        return None
    if not lines:
        return (
            "Nothing was printed: did start() raise 'thread.__init__() not called'? "
            "Call super().__init__() first thing in __init__()."
        )
    if any(line.endswith("in MainThread") for line in lines):
        return (
            "The squares were computed in MainThread: calling run() yourself creates no "
            "thread. Call start(), and join() the threads before printing."
        )
    if any("in Thread-" in line for line in lines):
        return (
            "The threads have their default names: pass name=f'squarer-{number}' "
            "to super().__init__()."
        )
    if any("None" in line for line in lines):
        return "Some results are missing: join() every thread before printing the results."
    return f"Expected the lines {expected}, got {lines}."
