import re

BEATS = 4
LATEST = 0.3  # seconds: a beat on time is a few milliseconds late, one that drifted 0.6 s
EARLIEST = -0.05

LINE = re.compile(r"beat (\d+): (-?\d+\.\d) s late")


def check(output: str) -> str | None:
    lines = output.splitlines()
    found = [LINE.fullmatch(line) for line in lines]
    if len(lines) != BEATS or not all(found):
        return f"Expected {BEATS} lines such as 'beat 1: 0.0 s late', got {lines}."
    lateness = [float(match.group(2)) for match in found]
    if min(lateness) < EARLIEST:
        return (
            "A beat started before it was due: each timer should wait until its beat's "
            "time comes, due - time.monotonic(), not less."
        )
    if lateness[-1] > LATEST:
        return (
            f"Each beat starts later than the one before (the last {lateness[-1]} s late): "
            "a timer started after the work waits a whole INTERVAL more, so the work's "
            "0.2 s adds up. Give each timer the time left until its beat is due."
        )
    return None
