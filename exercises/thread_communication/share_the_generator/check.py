EXPECTED = ["order 1: soup", "order 2: salad"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if any("generator already executing" in line for line in lines):
        return (
            "The second cook called next() while the first one was inside the generator. "
            "Let one next() run at a time: a lock that both cooks take around it."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
