EXPECTED = ["cook: cooking soup", "orders left: 0"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "cook: no order came, going home" in lines:
        return (
            "The soup was ordered before the cook began to wait, and a notify() with nobody "
            "waiting is lost: check the orders before waiting, with wait_for(lambda: orders)."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
