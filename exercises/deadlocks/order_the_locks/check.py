EXPECTED = ["alice -> bob: moved 30", "bob -> alice: moved 10", "alice: 80, bob: 120"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if any("gave up" in line for line in lines):
        return (
            "A transfer gave up: each one held its first lock and waited for the other's. "
            "Make every transfer take the two locks in the same order, such as sorted by name."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
