import re

EXPECTED = 1000


def check(output: str) -> str | None:
    found = re.search(r"^votes counted: (-?\d+)$", output, re.MULTILINE)
    if not found:
        return "The program should print a line 'votes counted: N'."
    counted = int(found.group(1))
    if counted != EXPECTED:
        return (
            f"{EXPECTED} ballots were cast but you counted {counted}: two stations can read "
            "the same count before either writes it back. Give each station a count of its "
            "own and add them up after join(), or do the read and the write under one lock."
        )
    return None
