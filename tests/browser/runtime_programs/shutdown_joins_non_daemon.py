# The main thread's last line runs before a non-daemon thread ends: the program waits
# for it, as CPython does at exit.
import threading
import time


def slow():
    threading.main_thread().join()  # returns once the main thread's code has ended
    time.sleep(0.05)
    print("worker done")


threading.Thread(target=slow).start()
print("main done")
