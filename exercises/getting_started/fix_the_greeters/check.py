NAMES = ["Ada", "Grace", "Linus"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    greetings = [line for line in lines if " greets " in line]
    if any(line.startswith("MainThread ") for line in greetings):
        return (
            "The greetings come from MainThread: target=greet(name) calls greet() at once, "
            "so pass the function itself, target=greet, and its argument in args=."
        )
    if not greetings:
        return (
            "Nobody was greeted: did each thread stop with a TypeError? args= needs a tuple, "
            "and a tuple of one needs its comma: args=(name,)."
        )
    expected = sorted(f"greeter-{name} greets {name}" for name in NAMES)
    if sorted(greetings) != expected:
        return f"Each greeter should greet its own name once; the greetings were {greetings}."
    if lines[-1] != "everyone greeted":
        return "The last line should be 'everyone greeted', printed after every join()."
    return None
