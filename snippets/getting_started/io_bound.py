import threading
import time


def download(page):
    time.sleep(0.1)  # stands in for waiting on the network


def one_after_another(pages):
    for page in pages:
        download(page)


def all_at_once(pages):
    threads = [threading.Thread(target=download, args=(page,)) for page in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    pages = range(5)

    start = time.perf_counter()
    one_after_another(pages)
    sequential = time.perf_counter() - start

    start = time.perf_counter()
    all_at_once(pages)
    threaded = time.perf_counter() - start

    print("five threads were faster:", threaded < sequential)
    #> five threads were faster: True
