import ast


def check(output: str, ending: str | None) -> str | None:
    prefix = "in and out: "
    lines = [line for line in output.splitlines() if line.startswith(prefix)]
    if ending is not None or not lines:
        return "The program should finish and print who went in and out."
    events = ast.literal_eval(lines[0][len(prefix) :])
    pairs = zip(events, events[1:], strict=False)
    if any(first.endswith(" in") and then.endswith(" in") for first, then in pairs):
        return None
    return (
        "Each thread came out before the other went in: a thread that steps into "
        "`with lock:` while the other holds the lock waits there until it comes out."
    )
