# An uncaught exception in the main thread: traceback on stderr, and non-daemon
# threads still finish before the program ends (as CPython does at exit).
import threading


def finish_later():
    threading.main_thread().join()  # returns once the main thread has ended
    print("worker finished after the main thread's error")


threading.Thread(target=finish_later).start()
print("main raises")
numbers = {"one": 1}
print(numbers["two"])
