EXPECTED = ["apples: 10", "pears: 6"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if any("gave up waiting for the lock" in line for line in lines):
        return (
            "add() gave up on the lock that restock() already holds in the same thread: "
            "a plain Lock cannot be acquired again by its holder, but an RLock can."
        )
    if lines != EXPECTED:
        return f"Two deliveries should leave {', '.join(EXPECTED)}; the program printed {lines}."
    return None
