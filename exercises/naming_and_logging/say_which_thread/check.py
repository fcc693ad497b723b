SITES = ["python.org", "pypi.org", "docs.python.org"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if len(lines) != len(SITES) + 1:
        return f"Expected {len(SITES) + 1} log lines, one per download and one at the end."
    for number, site in enumerate(SITES, start=1):
        found = [line for line in lines if line.endswith(f"downloading {site}")]
        if len(found) != 1:
            return f"Expected one line ending in 'downloading {site}', found {len(found)}."
        if not found[0].startswith("worker-"):
            if found[0].startswith("Thread-"):
                return (
                    f"{found[0]!r} names the thread, but with its default name: "
                    "give each thread name=f'worker-{number}' when you create it."
                )
            return (
                f"{found[0]!r} does not say which thread wrote it: "
                "put %(threadName)s at the start of the handler's format."
            )
        if not found[0].startswith(f"worker-{number} "):
            return f"The download of {site} should be logged by worker-{number}: {found[0]!r}."
    if not (lines[-1].startswith("MainThread ") and lines[-1].endswith("all downloads finished")):
        return f"The last line should come from MainThread, after every join(): {lines[-1]!r}."
    return None
