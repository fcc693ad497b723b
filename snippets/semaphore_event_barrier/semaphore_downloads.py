import threading
import time

LIMIT = 3  # at most this many downloads at once
FILES = 10

slots = threading.Semaphore(LIMIT)
stats_lock = threading.Lock()
active = 0  # downloads running right now
peak = 0  # the most that ever ran at once
finished = []


def download(name):
    global active, peak
    with slots:  # take one of the LIMIT slots, waiting until one is free
        with stats_lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)  # pretend to download
        with stats_lock:
            active -= 1
            finished.append(name)
    # leaving the block gives the slot back; a waiting thread goes in


if __name__ == "__main__":
    threads = [
        threading.Thread(target=download, args=(f"file{n}.zip",))
        for n in range(FILES)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"downloaded: {len(finished)} files")
    #> downloaded: 10 files
    print(f"limit: {LIMIT}")
    #> limit: 3
    print(f"most at once: {peak}")
    #> most at once: 3
