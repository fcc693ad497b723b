JOBS = 10
EXPECTED = f"doubled {JOBS} of {JOBS} jobs: {[n * 2 for n in range(1, JOBS + 1)]}"


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == [EXPECTED]:
        return None
    if lines and lines[0].startswith(f"doubled 0 of {JOBS}"):
        return (
            "No job was done: shutdown(immediate=True) throws away the jobs still in the "
            "queue. The plain shutdown() lets the workers take every job first."
        )
    return f"Expected the line {EXPECTED!r}, got {lines}."
