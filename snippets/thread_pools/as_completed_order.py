import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

SIZES = {"small.txt": 1, "medium.txt": 20, "large.txt": 300}


def download(name, may_finish):
    may_finish.wait()  # the main thread decides when each download ends
    return SIZES[name]


if __name__ == "__main__":
    # To make the output repeatable, the downloads are let finish one at a
    # time, in this order. In real code, the fastest one finishes first.
    finish_order = ["medium.txt", "small.txt", "large.txt"]
    may_finish = {name: threading.Event() for name in SIZES}

    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {
            pool.submit(download, name, may_finish[name]): name for name in SIZES
        }
        may_finish[finish_order[0]].set()
        for count, future in enumerate(as_completed(futures), start=1):
            print(f"{futures[future]}: {future.result()} kB")
            #> medium.txt: 20 kB
            #> small.txt: 1 kB
            #> large.txt: 300 kB
            if count < len(finish_order):
                may_finish[finish_order[count]].set()
