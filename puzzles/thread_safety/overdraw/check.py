import re


def check(output: str, ending: str | None) -> str | None:
    found = re.search(r"balance: (-?\d+)", output)
    if ending is not None or not found:
        return "The program should finish and print the balance: step every thread to its end."
    if int(found[1]) < 0:
        return None
    return (
        f"The balance is {found[1]}: the second card was refused. Let both threads "
        "pass the check `if balance >= amount` before either of them takes the money."
    )
