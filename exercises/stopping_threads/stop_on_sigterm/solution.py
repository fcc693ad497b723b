import signal
import threading
import time

BATCHES = 40

saved = []
stopping = threading.Event()


def save_batch(n):
    time.sleep(0.05)  # stands in for writing a batch of records
    saved.append(n)


def save_all():
    for n in range(1, BATCHES + 1):
        if stopping.is_set():
            return  # between two batches: none is left half written
        save_batch(n)


def on_sigterm(signum, frame):
    stopping.set()  # the saver stops after the batch it is on


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_sigterm)
    saver = threading.Thread(target=save_all, name="saver")
    saver.start()
    time.sleep(0.2)  # the program runs until it is told to stop...
    signal.raise_signal(signal.SIGTERM)  # ...as `kill PID` or a service manager does
    saver.join()
    print(f"saved {len(saved)} of {BATCHES} batches")
