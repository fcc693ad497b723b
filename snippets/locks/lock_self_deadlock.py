import threading

lock = threading.Lock()  # a plain Lock this time
TIMEOUT = 0.1  # seconds; `with lock:` has no timeout and would wait forever


def do_something():
    if not lock.acquire(timeout=TIMEOUT):  # False: still locked
        print(f"do_something: no lock after {TIMEOUT} s, this thread holds it")
        #> do_something: no lock after 0.1 s, this thread holds it
        return "Gave up on something"
    try:
        print("do_something: lock acquired")
        return "Done doing something"
    finally:
        lock.release()


def do_something_else():
    if not lock.acquire(timeout=TIMEOUT):
        print(f"do_something_else: no lock after {TIMEOUT} s, same reason")
        #> do_something_else: no lock after 0.1 s, same reason
        return "Gave up on something else"
    try:
        print("do_something_else: lock acquired")
        return "Finished something else"
    finally:
        lock.release()


def main():
    with lock:
        result_one = do_something()
        result_two = do_something_else()
    print("main: lock released, other threads can acquire it now")
    #> main: lock released, other threads can acquire it now
    print(result_one)
    #> Gave up on something
    print(result_two)
    #> Gave up on something else


if __name__ == "__main__":
    thread = threading.Thread(target=main)
    thread.start()
    thread.join()
