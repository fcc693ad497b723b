import threading

errors = []
errors_lock = threading.Lock()  # the hook runs in each failing thread


def collect_error(args):
    with errors_lock:
        # Keep strings, not the exception object: it holds the thread's frames.
        errors.append((args.thread.name, args.exc_type.__name__, str(args.exc_value)))


def parse(text):
    return int(text)


if __name__ == "__main__":
    previous_hook = threading.excepthook
    threading.excepthook = collect_error
    try:
        texts = ["10", "x", "7", ""]
        threads = [
            threading.Thread(target=parse, args=(text,), name=f"parse-{text!r}")
            for text in texts
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        threading.excepthook = previous_hook  # put the old hook back

    print(f"{len(errors)} of {len(texts)} threads failed:")
    #> 2 of 4 threads failed:
    for name, kind, message in sorted(errors):
        print(f"  {name}: {kind}: {message}")
        #>   parse-'': ValueError: invalid literal for int() with base 10: ''
        #>   parse-'x': ValueError: invalid literal for int() with base 10: 'x'
