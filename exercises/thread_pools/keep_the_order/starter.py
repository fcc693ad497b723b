import threading
from concurrent.futures import ThreadPoolExecutor

PAGES = ["home", "about", "blog", "contact"]
# A page's download may finish only after the next page's:
# they finish in reverse order.
done = {page: threading.Event() for page in PAGES}


def download(page, downloaded):
    following = PAGES.index(page) + 1
    if following < len(PAGES):
        done[PAGES[following]].wait()
    downloaded.append(f"<h1>{page}</h1>")
    done[page].set()


if __name__ == "__main__":
    downloaded = []
    with ThreadPoolExecutor(max_workers=len(PAGES)) as pool:
        for page in PAGES:
            pool.submit(download, page, downloaded)
    for html in downloaded:
        print(html)
