EXPECTED = [
    "[alice] viewed /inbox",
    "[anonymous] viewed /",
    "[bob] viewed /settings",
    "[anonymous] viewed /about",
]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "[alice] viewed /" in lines or "[bob] viewed /about" in lines:
        return (
            "An anonymous request was logged under the previous request's user: the worker "
            "thread keeps context.user between tasks, so set it for every request and "
            "delete it in a finally block."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
