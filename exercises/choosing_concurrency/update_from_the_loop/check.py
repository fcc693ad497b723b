STEPS = 3
EXPECTED = ["working...", *(f"step {n} of {STEPS} done" for n in range(1, STEPS + 1)), "finished"]
OWNER = "MainThread"  # the thread that runs the event loop


def check(output: str) -> str | None:
    lines = output.splitlines()
    if [line.partition(": ")[2] for line in lines] != EXPECTED:
        return f"Expected the display to show {EXPECTED} in that order, got {lines}."
    strangers = [line for line in lines if line.partition(": ")[0] != OWNER]
    if strangers:
        return (
            f"Another thread changed the display ({strangers[0]!r}): only the loop's "
            f"thread, {OWNER}, may. Let the worker ask the loop to call show(), with "
            "loop.call_soon_threadsafe()."
        )
    return None
