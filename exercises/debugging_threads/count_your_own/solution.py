import threading

DOWNLOADS = 5
finish = threading.Event()


def download():
    finish.wait()  # stands in for a download that goes on until the main thread says


def running(downloads):
    """How many of the downloads are still running."""
    return sum(thread.is_alive() for thread in downloads)  # ours only, from our own list


if __name__ == "__main__":
    downloads = [threading.Thread(target=download, name=f"file-{n}") for n in range(DOWNLOADS)]
    for thread in downloads:
        thread.start()
    print(f"downloads running: {running(downloads)}")
    finish.set()
    for thread in downloads:
        thread.join()
    print(f"downloads running after the joins: {running(downloads)}")
