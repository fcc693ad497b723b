import threading


def add_up(name, text, totals):
    totals[name] = sum(int(word) for word in text.split())


if __name__ == "__main__":
    files = {"a.txt": "1 2 3", "b.txt": "4 x 6", "c.txt": "7 8"}
    totals = {}
    errors = {}
    threads = [
        threading.Thread(target=add_up, args=(name, text, totals))
        for name, text in files.items()
    ]
    for thread in threads:
        thread.start()
    for name, thread in zip(files, threads, strict=True):
        try:
            thread.join()
        except ValueError as error:  # catch the failure of a thread
            errors[name] = error
    for name in files:
        if name in errors:
            print(f"{name}: failed: {errors[name]}")
        else:
            print(f"{name}: {totals.get(name)}")
    print(f"{len(errors)} of {len(files)} files failed")
