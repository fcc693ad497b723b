import re

ROOMS = 50


def check(output: str) -> str | None:
    found = re.search(r"^rooms: (\d+), messages kept: (\d+) of (\d+)$", output, re.MULTILINE)
    if not found:
        return "The program should print a line 'rooms: R, messages kept: K of N'."
    rooms, kept, posted = map(int, found.groups())
    if (rooms, posted) != (ROOMS, 2 * ROOMS):
        return f"Both people should post in all {ROOMS} rooms; got {rooms} rooms, {posted} posts."
    if kept != posted:
        return (
            f"{posted - kept} of {posted} messages were lost: both posts found no room, each "
            "created one, and the second replaced the first. Find or create in one operation."
        )
    return None
