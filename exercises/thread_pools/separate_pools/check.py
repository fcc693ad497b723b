EXPECTED = ["published cat.jpg (small)", "published dog.jpg (small)"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if any(line.startswith("gave up") for line in lines):
        return (
            "publish() holds the pool's only worker while it waits for thumbnail(), which is "
            "queued behind it in the same pool: give the thumbnails a pool of their own."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
