import re

EXPECTED = 400


def check(output: str) -> str | None:
    found = re.search(r"^counted visits: (-?\d+)$", output, re.MULTILINE)
    if not found:
        return "The program should print a line 'counted visits: N'."
    counted = int(found.group(1))
    if counted != EXPECTED:
        return (
            f"The count should be {EXPECTED} every time; you got {counted}. "
            "Is every read-modify-write inside the lock, the read included?"
        )
    return None
