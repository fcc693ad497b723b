import threading
import time

INTERVAL = 3  # seconds between two checks of the mailbox


def poller(stop, checks, first_check_done):
    while not stop.is_set():
        checks.append("checked the mailbox")
        first_check_done.set()
        time.sleep(INTERVAL)


if __name__ == "__main__":
    stop = threading.Event()
    first_check_done = threading.Event()
    checks = []
    thread = threading.Thread(target=poller, args=(stop, checks, first_check_done))
    thread.start()
    first_check_done.wait()
    stop.set()  # ask the poller to finish
    thread.join(timeout=1)
    print(f"stopped within 1 s: {not thread.is_alive()}")
    thread.join()
    print(f"checks: {len(checks)}")
