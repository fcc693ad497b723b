EXPECTED = "word counts: [6, 2, 7]"


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == [EXPECTED]:
        return None
    if lines and "None" in lines[-1]:
        return (
            "join() returns None, not what the thread's function returned: collect the "
            "counts in a list slot or a queue.Queue, or let a ThreadPoolExecutor keep them."
        )
    return f"Expected the line {EXPECTED!r}, got {lines}."
