import threading
import time

STATIONS = 4
BALLOTS = 250  # per polling station


def count(ballots, counts, index):
    counted = 0  # this station's own count: no other thread ever sees it
    for _ in range(ballots):
        current = counted
        time.sleep(0)  # other threads may run now, but they cannot touch `counted`
        counted = current + 1
    counts[index] = counted  # one write, to this station's own slot


if __name__ == "__main__":
    counts = [0] * STATIONS
    threads = [
        threading.Thread(target=count, args=(BALLOTS, counts, index))
        for index in range(STATIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    votes = sum(counts)  # added up after every join()
    print(f"ballots cast: {STATIONS * BALLOTS}")
    print(f"votes counted: {votes}")
