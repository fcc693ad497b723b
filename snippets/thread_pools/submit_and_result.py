import time
from concurrent.futures import ThreadPoolExecutor


def fetch(page):
    time.sleep(0.05)  # stands in for a download
    return f"contents of {page}"


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=3) as pool:
        future = pool.submit(fetch, "index.html")  # returns a Future at once
        print(future.result())  # waits for the task, then gives its result
        #> contents of index.html

        futures = [pool.submit(fetch, page) for page in ["a.html", "b.html"]]
    # Leaving the `with` block waited for every task: all are done here.
    print([f.done() for f in futures])
    #> [True, True]
    print([f.result() for f in futures])
    #> ['contents of a.html', 'contents of b.html']
