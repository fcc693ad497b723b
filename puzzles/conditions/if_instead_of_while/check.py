import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"served: \[(.*)\], orders left", output)
    if ending is not None or not found:
        return "The program should finish and print what was served: step every thread to its end."
    if found[1].count("'") < 4:
        return None
    return (
        "Both dishes were served. Let both cooks wait, then let the kitchen add one order "
        "and wake them both, and let one cook take it before the other looks again."
    )
