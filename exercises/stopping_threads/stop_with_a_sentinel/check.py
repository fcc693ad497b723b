EXPECTED = ["closed within 0.5 s: True", "results: [100, 200, 300]"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "closed within 0.5 s: False" in lines:
        return (
            "close() waited in vain: the worker is blocked in jobs.get() and sees the stop "
            "flag only when that times out. Put a sentinel on the queue to wake it at once."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
