import threading
import time

STATIONS = 4
BALLOTS = 250  # per polling station

votes = 0


def count(ballots):
    global votes
    for _ in range(ballots):
        current = votes  # read the shared count
        time.sleep(0)  # look at the next ballot; other threads may run now
        votes = current + 1  # write it back


if __name__ == "__main__":
    threads = [threading.Thread(target=count, args=(BALLOTS,)) for _ in range(STATIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"ballots cast: {STATIONS * BALLOTS}")
    print(f"votes counted: {votes}")
