import threading


def parse(text):
    return int(text)  # int("x") raises ValueError


def report(args):
    # The default hook prints a traceback to stderr; this one prints one line.
    print(f"excepthook: {args.exc_type.__name__} in thread {args.thread.name!r}")
    #> excepthook: ValueError in thread 'parser'


if __name__ == "__main__":
    previous_hook = threading.excepthook
    threading.excepthook = report

    thread = threading.Thread(target=parse, args=("x",), name="parser")
    thread.start()
    try:
        thread.join()
        print("join() returned normally: there was nothing to catch")
        #> join() returned normally: there was nothing to catch
    except ValueError:
        print("caught the ValueError")  # never runs

    threading.excepthook = previous_hook  # put the old hook back
