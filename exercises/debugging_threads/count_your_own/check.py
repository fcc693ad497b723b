DOWNLOADS = 5
EXPECTED = [f"downloads running: {DOWNLOADS}", "downloads running after the joins: 0"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if len(lines) == 2 and lines[1] != EXPECTED[1]:
        return (
            f"{lines[1]!r}, yet every download was joined: active_count() counts every "
            "thread alive, the main thread included (and any that a library or a notebook "
            "started). Count the downloads from the program's own list."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
