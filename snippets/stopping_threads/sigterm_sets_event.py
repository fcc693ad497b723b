import signal
import threading
import time

stopping = threading.Event()


def on_sigterm(signum, frame):
    # Python runs a signal handler in the main thread, whichever thread was running.
    print(f"{threading.current_thread().name}: got {signal.Signals(signum).name}")
    #> MainThread: got SIGTERM
    stopping.set()
    # A second SIGTERM ends the program at once, as if there were no handler.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def do_one_batch():
    time.sleep(0.01)  # stands in for the real work


def worker():
    while not stopping.is_set():
        do_one_batch()  # a whole batch before the flag is checked again
    print("worker: no batch left half done, stopping")
    #> worker: no batch left half done, stopping


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_sigterm)
    thread = threading.Thread(target=worker, name="worker")
    thread.start()

    # What `kill PID` or a service manager sends when it stops the program.
    signal.raise_signal(signal.SIGTERM)

    thread.join()
    print("main: clean exit")
    #> main: clean exit
