# An uncaught exception in the main thread: traceback on stderr, and non-daemon
# threads still finish before the program ends (as CPython does at exit).
import threading
import time


def finish_later():
    time.sleep(0.1)
    print("worker finished after the main thread's error")


threading.Thread(target=finish_later).start()
print("main raises")
numbers = {"one": 1}
print(numbers["two"])
