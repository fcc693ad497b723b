import re

INTERVAL = 0.25
WORK = 0.2
BEATS = 4
# A beat starts no sooner than it is due, and its work takes WORK: a timer set after the
# work, for the time left until the next beat, waits INTERVAL - WORK at most.
LONGEST_WAIT = INTERVAL - WORK + 0.005  # and a hair, for the rounding to 0.01 s

LINE = re.compile(r"beat (\d+): its timer waited (-?\d+\.\d\d) s; it started (-?\d+\.\d) s late")


def check(output: str) -> str | None:
    lines = output.splitlines()
    found = [LINE.fullmatch(line) for line in lines]
    if len(lines) != BEATS or not all(found):
        return f"Expected {BEATS} lines, one for each beat, got {lines}."
    waits = [float(match.group(2)) for match in found]
    late = [float(match.group(3)) for match in found]
    if min(late) < -0.05:
        return (
            "A beat started before it was due: each timer should wait for the time left "
            "until its beat's time, not less."
        )
    too_long = [n for n, wait in enumerate(waits[1:], start=2) if wait > LONGEST_WAIT]
    if too_long:
        return (
            f"Beat {too_long[0]}'s timer waited {waits[too_long[0] - 1]} s after the work, so "
            f"each beat comes {WORK} s later than the one before ({late[-1]} s for the last). "
            "Give each timer only the time left until its beat is due."
        )
    return None
