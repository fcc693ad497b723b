EXPECTED = [
    "21.5 °C",
    "22.0 °C",
    "sensor offline",
    "22.5 °C",
    "sensor offline",
    "23.0 °C",
    "readings handled: 6 of 6",
]


def check(output: str) -> str | None:
    lines = output.splitlines()
    if lines == EXPECTED:
        return None
    if "sensor offline" not in lines:
        return (
            "The consumer stopped at the first offline reading: None is real data here, "
            "so the sentinel must be something no reading can be, such as STOP = object()."
        )
    return f"Expected the lines {EXPECTED}, got {lines}."
