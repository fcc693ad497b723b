import re

BATCHES = 40


def check(output: str) -> str | None:
    lines = output.splitlines()
    match = re.fullmatch(rf"saved (\d+) of {BATCHES} batches", "\n".join(lines))
    if not match:
        return f"Expected one line, 'saved N of {BATCHES} batches'; got {lines}."
    if int(match.group(1)) == BATCHES:
        return (
            f"All {BATCHES} batches were saved: SIGTERM stopped nothing. Install a handler "
            "that sets an Event, and let the saver check it between two batches."
        )
    return None
