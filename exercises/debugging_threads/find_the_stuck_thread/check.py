EXPECTED = ["Renderer is stuck in render -> load_settings"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if any("where_is" in line for line in lines):
        return (
            "That is the stack of the thread that asks, the main thread: "
            "sys._current_frames()[thread.ident] is the stuck thread's frame, and "
            "traceback.extract_stack(frame) walks the stack from there."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
