NAMES = ["Ada", "Grace", "Linus"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    expected = [f"greeter-{name} greets {name}" for name in NAMES]
    if lines == expected:
        return None
    if any(line.startswith("MainThread ") for line in lines):
        return (
            "The greetings come from MainThread: target=greet(name) calls greet() at once, "
            "so pass the function itself, target=greet, and its argument in args=."
        )
    if any(line.startswith("nobody greeted") for line in lines):
        return (
            "Nobody was greeted: did each thread stop with a TypeError? args= needs a tuple, "
            "and a tuple of one needs its comma: args=(name,)."
        )
    return f"Expected the lines {expected}, got {lines}."
