EXPECTED = ["backed up 3 files", "done"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if any(line.startswith("ALARM") for line in lines):
        return (
            "The alarm went off although the backup finished in time: call alarm.cancel() "
            "as soon as the backup is done (a finally block is a good place), then join it."
        )
    if lines != EXPECTED:
        return f"Expected the lines {EXPECTED}, got {lines}."
    return None
