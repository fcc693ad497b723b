def check(output: str) -> str | None:
    lines = output.splitlines()
    if "b.txt: None" in lines or "0 of 3 files failed" in lines:
        return (
            "b.txt failed, but the report missed it: join() never re-raises a thread's "
            "exception. Catch it inside the thread and keep it, or use futures, whose "
            "result() raises it again."
        )
    if len(lines) != 4 or lines[0] != "a.txt: 6" or lines[2] != "c.txt: 15":
        return f"Expected a.txt: 6, then b.txt's error, then c.txt: 15; got {lines}."
    if not lines[1].startswith("b.txt: failed: ") or "'x'" not in lines[1]:
        return f"The second line should say b.txt failed on 'x'; it is {lines[1]!r}."
    if lines[3] != "1 of 3 files failed":
        return f"The last line should be '1 of 3 files failed'; it is {lines[3]!r}."
    return None
