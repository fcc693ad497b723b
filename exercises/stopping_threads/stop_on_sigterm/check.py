import re

BATCHES = 10
LAST_LINE = "main: stopped cleanly"


def check(output: str) -> str | None:
    lines = output.splitlines()
    saved = [int(m.group(1)) for line in lines if (m := re.fullmatch(r"batch (\d+) saved", line))]
    if saved != list(range(1, len(saved) + 1)) or lines != [*lines[: len(saved)], LAST_LINE]:
        return (
            f"Expected 'batch 1 saved', 'batch 2 saved' and so on, then '{LAST_LINE}' once "
            f"the saver has ended; got {lines}."
        )
    if len(saved) == BATCHES:
        return (
            f"All {BATCHES} batches were saved: SIGTERM stopped nothing. Install a handler "
            "that sets an Event, and let the saver check it between two batches."
        )
    return None
