EXPECTED = ["ann: 12", "bo: 9", "cy: 15", "players now: 4"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if any(line.startswith("report failed") for line in lines):
        return (
            "The dict changed while the report was looping over it: the GIL keeps the dict "
            "whole, not your loop. Loop over a copy, taken in one operation: scores.copy()."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
