import sys
import threading


def download(ready, release):
    ready.set()
    release.wait()  # stuck here until the main thread releases it


def wait_for_input(ready, release):
    ready.set()
    release.wait()


def parse(ready, release):
    wait_for_input(ready, release)


def what_each_thread_is_doing():
    frames = sys._current_frames()  # thread ident -> that thread's innermost frame
    for thread in sorted(threading.enumerate(), key=lambda t: t.name):
        frame = frames.get(thread.ident)
        calls = []
        while frame is not None:  # from the innermost frame out to the outermost
            if frame.f_globals is globals():  # keep only this program's functions
                calls.append(frame.f_code.co_name)
            frame = frame.f_back
        if calls and thread is not threading.current_thread():
            print(f"{thread.name}: {' -> '.join(reversed(calls))}")
            #> Downloader: download
            #> Parser: parse -> wait_for_input


if __name__ == "__main__":
    release = threading.Event()
    ready = [threading.Event(), threading.Event()]
    threads = [
        threading.Thread(target=download, name="Downloader", args=(ready[0], release)),
        threading.Thread(target=parse, name="Parser", args=(ready[1], release)),
    ]
    for thread in threads:
        thread.start()
    for started in ready:
        started.wait()  # both threads are inside their functions now

    what_each_thread_is_doing()
    release.set()
    for thread in threads:
        thread.join()
