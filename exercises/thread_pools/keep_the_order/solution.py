import threading
from concurrent.futures import ThreadPoolExecutor

PAGES = ["home", "about", "blog", "contact"]
# A page's download may finish only after the next page's:
# they finish in reverse order.
done = {page: threading.Event() for page in PAGES}


def download(page):
    following = PAGES.index(page) + 1
    if following < len(PAGES):
        done[PAGES[following]].wait()
    done[page].set()
    return f"<h1>{page}</h1>"  # returned: the pool keeps it in the task's future


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=len(PAGES)) as pool:
        downloaded = list(
            pool.map(download, PAGES)
        )  # results in the order of the inputs
    for html in downloaded:
        print(html)
