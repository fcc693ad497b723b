JOBS = [
    (3, "rotate logs"),
    (1, "restart database"),
    (2, "renew certificate"),
    (1, "page on-call"),
    (2, "clear cache"),
    (3, "archive mail"),
]


def check(output: str) -> str | None:
    lines = output.splitlines()
    expected = [f"{urgency} {job}" for urgency, job in sorted(JOBS, key=lambda j: j[0])]
    if lines == expected:
        return None
    if lines == [f"{urgency} {job}" for urgency, job in JOBS]:
        return (
            "The jobs come out in the order they arrived: a queue.PriorityQueue hands out "
            "the smallest item first, here the most urgent job."
        )
    if lines == [f"{urgency} {job}" for urgency, job in sorted(JOBS)]:
        return (
            "Jobs of the same urgency come out in alphabetical order, not in the order they "
            "arrived: put (urgency, counter, job), so that a counter decides ties."
        )
    return f"Expected the lines {expected}, got {lines}."
