PAGES = ["home", "about", "blog", "contact"]


def check(output: str) -> str | None:
    lines = output.splitlines()
    expected = [f"<h1>{page}</h1>" for page in PAGES]
    if lines == expected:
        return None
    if sorted(lines) == sorted(expected):
        return (
            "Every page is there, but in the order the downloads finished: return the page "
            "from download() and let pool.map() hand the results back in input order."
        )
    return f"Expected the lines {expected}, got {lines}."
