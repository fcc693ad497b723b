import threading

calls = []  # (thread name, function name); append is safe from any thread


def tracer(frame, event, arg):
    if event == "call" and frame.f_globals is globals():  # this program's functions
        calls.append((threading.current_thread().name, frame.f_code.co_name))
    return None  # no line-by-line tracing inside the function


def parse(text):
    return text.upper()


def fetch(text):
    return parse(text) + "!"


if __name__ == "__main__":
    threading.settrace(tracer)  # for every thread started from now on
    try:
        threads = [
            threading.Thread(target=fetch, args=(text,), name=f"fetch-{text}")
            for text in ["a", "b"]
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        threading.settrace(None)
    for name, function in sorted(calls):
        print(f"{name}: called {function}()")
        #> fetch-a: called fetch()
        #> fetch-a: called parse()
        #> fetch-b: called fetch()
        #> fetch-b: called parse()
