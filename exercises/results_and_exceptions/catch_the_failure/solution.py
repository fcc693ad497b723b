from concurrent.futures import ThreadPoolExecutor


def add_up(text):
    return sum(int(word) for word in text.split())


if __name__ == "__main__":
    files = {"a.txt": "1 2 3", "b.txt": "4 x 6", "c.txt": "7 8"}
    totals = {}
    errors = {}
    with ThreadPoolExecutor() as pool:
        futures = {name: pool.submit(add_up, text) for name, text in files.items()}
    for name, future in futures.items():
        try:
            totals[name] = future.result()  # re-raises the task's exception, here
        except ValueError as error:
            errors[name] = error
    for name in files:
        if name in errors:
            print(f"{name}: failed: {errors[name]}")
        else:
            print(f"{name}: {totals.get(name)}")
    print(f"{len(errors)} of {len(files)} files failed")
