import re

QUERIES = [f"SELECT {n}" for n in range(6)]
WORKERS = 2


def check(output: str) -> str | None:
    lines = output.splitlines()
    if any(line.startswith("refused:") for line in lines):
        return (
            "A worker used a connection that another thread opened: keep the connection in "
            "a threading.local(), so that each thread opens and reuses its own."
        )
    expected = [f"ok: {sql!r}" for sql in QUERIES]
    if lines[: len(QUERIES)] != expected:
        return f"Every query should succeed, in order: expected {expected}, got {lines}."
    found = re.fullmatch(r"connections opened and closed: (\d+)", lines[-1])
    if len(lines) != len(QUERIES) + 1 or not found:
        return "The last line should be 'connections opened and closed: N'."
    if int(found.group(1)) != WORKERS:
        return (
            f"{found.group(1)} connections for {WORKERS} worker threads: each thread should "
            "open one connection on its first query, reuse it, and add it to `opened`."
        )
    return None
