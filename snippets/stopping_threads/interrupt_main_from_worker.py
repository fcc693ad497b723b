import _thread
import threading
import time


def worker():
    time.sleep(0.05)
    print("worker: the disk is full, nothing more can be done")
    #> worker: the disk is full, nothing more can be done
    # Raise KeyboardInterrupt in the main thread, as Ctrl+C would.
    _thread.interrupt_main()


if __name__ == "__main__":
    thread = threading.Thread(target=worker, name="worker")
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.1)  # a short timeout, so the interrupt is seen soon
        print("main: the worker finished")
    except KeyboardInterrupt:
        print("main: interrupted by the worker, cleaning up")
        #> main: interrupted by the worker, cleaning up
    thread.join()
