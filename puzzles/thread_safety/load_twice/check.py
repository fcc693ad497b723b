import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"loaded (\d+) time", output)
    if ending is not None or not found:
        return "The program should finish and say how often it loaded."
    if int(found[1]) >= 2:
        return None
    return (
        "The settings were loaded once. Let the second thread check "
        "`settings is None` before the first one has stored them."
    )
