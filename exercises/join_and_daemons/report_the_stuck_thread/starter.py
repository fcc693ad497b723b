import threading

TIMEOUT = 1  # seconds to wait for each thread


def fetch(reply):
    reply.wait()  # wait for the server's reply


if __name__ == "__main__":
    answered = threading.Event()
    answered.set()  # these servers have answered already
    hung = threading.Event()  # this one will not answer until we give up on it
    threads = [
        threading.Thread(target=fetch, args=(answered,), name="mirror-1"),
        threading.Thread(target=fetch, args=(hung,), name="mirror-2"),
        threading.Thread(target=fetch, args=(answered,), name="mirror-3"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        finished = thread.join(timeout=TIMEOUT)
        print(f"{thread.name}: {'finished' if finished else 'still running'}")
    hung.set()  # let the stuck one go, so that the program can end
    for thread in threads:
        thread.join()
    print("all threads finished")
