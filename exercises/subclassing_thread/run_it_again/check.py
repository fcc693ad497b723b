RUNS = 3
THREAD = "backup-photos"
EXPECTED = [f"run {number}: in {THREAD}" for number in range(1, RUNS + 1)]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    in_main = [line for line in lines if line.endswith("in MainThread")]
    if in_main:
        return (
            f"{in_main[0]!r}: run() does the work in the thread that calls it, here the "
            "main thread. A Thread runs once; make a new Backup for each run and start() it."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
