import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"still waiting for a sentinel: \[(.*)\]", output)
    if ending is not None or not found:
        return "The program should finish and say who still waits: step every thread to its end."
    waiting = found[1].count("'") // 2
    if waiting == 1:
        return None
    if waiting == 2:
        return (
            "No sentinel reached either consumer: let them sign in before the main "
            "thread counts them."
        )
    return (
        "Both consumers got their sentinel. Let both read `started` before either writes "
        "it back: the count is one short, and so are the sentinels."
    )
