import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"barrier broken: (True|False)", output)
    if ending is not None or not found:
        return "The program should finish and say if the barrier broke."
    if found[1] == "True":
        return None
    return (
        "The barrier held: two players took the two seats. Let all three pass the check "
        "`seats > 0` before any of them takes a seat."
    )
