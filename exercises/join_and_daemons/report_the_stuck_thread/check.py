EXPECTED = [
    "mirror-1: finished",
    "mirror-2: still running",
    "mirror-3: finished",
    "all threads finished",
]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "mirror-1: still running" in lines:
        return (
            "mirror-1 finished at once, but the report says it is still running: join() "
            "returns None whatever happened, so ask thread.is_alive() after it."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
