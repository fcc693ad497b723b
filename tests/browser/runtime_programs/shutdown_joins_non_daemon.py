# The main thread's last line runs before a non-daemon thread ends: the program waits
# for it, as CPython does at exit.
import threading
import time


def slow():
    time.sleep(0.1)
    print("worker done")


threading.Thread(target=slow).start()
print("main done")
