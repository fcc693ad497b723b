import threading
import time

LIMIT = 2  # the server accepts at most two downloads at once
FILES = 6

go = threading.Event()  # every download is asked for at the same moment
stats_lock = threading.Lock()
active = 0  # downloads running right now
peak = 0  # the most that ever ran at once
finished = []


def download(name):
    global active, peak
    go.wait()
    with stats_lock:
        active += 1
        peak = max(peak, active)
    time.sleep(0.2)  # pretend to download
    with stats_lock:
        active -= 1
        finished.append(name)


if __name__ == "__main__":
    threads = [
        threading.Thread(target=download, args=(f"file{n}.zip",)) for n in range(FILES)
    ]
    for thread in threads:
        thread.start()
    go.set()
    for thread in threads:
        thread.join()
    print(f"downloaded: {len(finished)} files")
    print(f"most at once: {peak}")
