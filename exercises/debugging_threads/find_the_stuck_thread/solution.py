import sys
import threading
import traceback

TIMEOUT = 1  # seconds to wait for each thread

settings_loaded = threading.Event()  # nothing sets it until the very end


def load_settings():
    settings_loaded.wait()


def render(page):
    load_settings()
    return f"<h1>{page}</h1>"


def download(url):
    return f"{url}: 200 OK"


def where_is(thread):
    """The functions of this program that `thread` is in, outermost first."""
    frame = sys._current_frames()[thread.ident]  # that thread's innermost frame
    stack = traceback.extract_stack(frame)  # the stack from there, not from here
    here = where_is.__code__.co_filename  # keep only this program's functions
    return " -> ".join(call.name for call in stack if call.filename == here)


if __name__ == "__main__":
    threads = [
        threading.Thread(target=render, args=("home",), name="Renderer"),
        threading.Thread(target=download, args=("/users",), name="Downloader"),
        threading.Thread(target=download, args=("/stock",), name="Stock"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT)
    for thread in threads:
        if thread.is_alive():
            print(f"{thread.name} is stuck in {where_is(thread)}")
    settings_loaded.set()  # let it go, so that the program can end
    for thread in threads:
        thread.join()
