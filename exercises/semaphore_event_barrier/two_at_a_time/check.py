import re

LIMIT = 2
FILES = 6


def check(output: str) -> str | None:
    downloaded = re.search(r"^downloaded: (\d+) files$", output, re.MULTILINE)
    peak = re.search(r"^most at once: (\d+)$", output, re.MULTILINE)
    if not downloaded or not peak:
        return "The program should print 'downloaded: N files' and 'most at once: N'."
    if int(downloaded.group(1)) != FILES:
        return f"All {FILES} files should be downloaded; the program says {downloaded.group(1)}."
    if int(peak.group(1)) > LIMIT:
        return (
            f"{peak.group(1)} downloads ran at once, but the server accepts {LIMIT}: "
            f"wrap the download in a semaphore, `with slots:`, where slots = "
            f"threading.BoundedSemaphore({LIMIT})."
        )
    return None
