EXPECTED = "lengths: [6, 4, 5, 7]"


def check(output: str) -> str | None:
    lines = [line for line in output.splitlines() if line.startswith("lengths:")]
    if len(lines) != 1:
        return "The program should print one line that starts with 'lengths:'."
    if "None" in lines[0]:
        return (
            f"You printed {lines[0]!r}: some threads had not done their work yet. "
            "Print the lengths only after join() has returned for every thread."
        )
    if lines[0] != EXPECTED:
        return f"Expected {EXPECTED!r}, got {lines[0]!r}."
    return None
