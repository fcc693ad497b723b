import threading


def serve(stop):
    while not stop.wait(timeout=0.05):  # one round every 0.05 s, until asked to stop
        pass  # handle whatever came in since the last round


if __name__ == "__main__":
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(stop,))
    print(f"before start(): alive={thread.is_alive()}")
    #> before start(): alive=False
    thread.start()
    print(f"after start():  alive={thread.is_alive()}")
    #> after start():  alive=True

    returned = thread.join(timeout=0.1)  # wait at most 0.1 s
    print(f"join(timeout=0.1) returned {returned}")
    #> join(timeout=0.1) returned None
    if thread.is_alive():  # the only way to know whether the timeout ran out
        print("the timeout ran out: the thread is still running")
        #> the timeout ran out: the thread is still running

    stop.set()  # ask the server to stop...
    thread.join()  # ...and wait for it, with no time limit
    print(f"after join():   alive={thread.is_alive()}")
    #> after join():   alive=False
