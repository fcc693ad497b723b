import threading


def wait_for_myself():
    try:
        threading.current_thread().join()  # would wait for its own end: forever
    except RuntimeError as error:
        print(f"join() refused: {error}")
        #> join() refused: cannot join current thread


if __name__ == "__main__":
    worker = threading.Thread(target=wait_for_myself)
    worker.start()
    worker.join()

    not_started = threading.Thread(target=print)
    try:
        not_started.join()
    except RuntimeError as error:
        print(f"join() refused: {error}")
        #> join() refused: cannot join thread before it is started
