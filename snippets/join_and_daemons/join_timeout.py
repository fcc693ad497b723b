import threading


def slow_task(may_finish):
    may_finish.wait()  # stands in for work that takes a long time


if __name__ == "__main__":
    may_finish = threading.Event()
    thread = threading.Thread(target=slow_task, args=(may_finish,))
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

    may_finish.set()  # let the task finish...
    thread.join()  # ...and wait for it, with no time limit
    print(f"after join():   alive={thread.is_alive()}")
    #> after join():   alive=False
