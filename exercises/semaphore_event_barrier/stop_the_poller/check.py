EXPECTED = ["stopped within 1 s: True", "checks: 1"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if "stopped within 1 s: False" in lines:
        return (
            "The poller was still asleep a second after stop.set(): nothing can cut "
            "time.sleep() short, but stop.wait(INTERVAL) returns as soon as stop is set."
        )
    if lines != EXPECTED:
        return f"Expected the lines {EXPECTED}, got {lines}."
    return None
