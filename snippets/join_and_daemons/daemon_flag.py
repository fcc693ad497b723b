import threading


def nothing():
    pass


def create_a_thread(seen):
    inner = threading.Thread(target=nothing)  # no daemon= given: inherited
    seen.append(inner.daemon)


if __name__ == "__main__":
    print(f"main thread: daemon={threading.current_thread().daemon}")
    #> main thread: daemon=False

    worker = threading.Thread(target=nothing)
    print(f"thread created by main: daemon={worker.daemon}")
    #> thread created by main: daemon=False

    seen = []
    helper = threading.Thread(target=create_a_thread, args=(seen,), daemon=True)
    print(f"daemon=True given: daemon={helper.daemon}")
    #> daemon=True given: daemon=True
    helper.start()
    helper.join()
    print(f"thread created by a daemon thread: daemon={seen[0]}")
    #> thread created by a daemon thread: daemon=True

    started = threading.Thread(target=nothing)
    started.start()
    try:
        started.daemon = True  # too late: decide before start()
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
        #> RuntimeError: cannot set daemon status of active thread
    started.join()
