import threading

lock = threading.RLock()


def do_something():
    with lock:  # main() holds it already: an RLock lets its owner in
        print("do_something: lock acquired")
        #> do_something: lock acquired
    print("do_something: released once, but main() still holds it")
    #> do_something: released once, but main() still holds it
    return "Done doing something"


def do_something_else():
    with lock:
        print("do_something_else: lock acquired")
        #> do_something_else: lock acquired
    print("do_something_else: released once, but main() still holds it")
    #> do_something_else: released once, but main() still holds it
    return "Finished something else"


def main():
    with lock:
        result_one = do_something()
        result_two = do_something_else()
    print("main: lock released, other threads can acquire it now")
    #> main: lock released, other threads can acquire it now
    print(result_one)
    #> Done doing something
    print(result_two)
    #> Finished something else


if __name__ == "__main__":
    thread = threading.Thread(target=main)
    thread.start()
    thread.join()
