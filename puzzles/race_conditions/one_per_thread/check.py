import re

THREADS = 2


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"actual total: (\d+)", output)
    if ending is not None or not found:
        return "The program should finish and print its total: step every thread to its end."
    if int(found[1]) == THREADS:
        return None
    return (
        f"The total is {found[1]}, not {THREADS}. Let alice read `total` and keep her "
        "stale copy while bob makes all his deposits but the last: her write wipes them "
        "out. Then the same the other way round."
    )
