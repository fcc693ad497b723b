EXPECTED = ["#general: ['hi from ann', 'hi from bo']"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if len(lines) == 1 and lines[0].startswith("#general: [") and lines[0].count("'hi from") == 1:
        return (
            "A message was lost: both posts found no room and each created one, and the second "
            "replaced the first. Find-or-create in one operation: rooms.setdefault(room, [])."
        )
    return f"Expected the line {EXPECTED[0]!r}, got {lines}."
