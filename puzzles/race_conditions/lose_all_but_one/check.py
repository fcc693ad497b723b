import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"actual total: (\d+)", output)
    if ending is not None or not found:
        return "The program should finish and print its total: step every thread to its end."
    if found[1] == "1":
        return None
    return (
        f"The total is {found[1]}. For a total of 1, let each thread read `total` "
        "before any of them writes it back."
    )
