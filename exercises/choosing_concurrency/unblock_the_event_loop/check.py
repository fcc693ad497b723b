EXPECTED = ["server: replied", "client: 200 OK"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "client: timed out" in lines:
        return (
            "The client timed out: while blocking_fetch() waits in the event loop's thread, "
            "no coroutine can run, server() included. Run it in a thread: "
            "await asyncio.to_thread(...)."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
