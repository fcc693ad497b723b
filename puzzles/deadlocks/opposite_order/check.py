def check(output: str, ending: str | None) -> str | None:
    if ending == "deadlock":
        return None
    return (
        "Both threads got both locks. Let alice take `lock_a`, then bob take `lock_b`, "
        "before either takes its second lock."
    )
