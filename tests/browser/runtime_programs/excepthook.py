# An exception in a thread goes through threading.excepthook to stderr; the program
# goes on and ends well. SystemExit in a thread is silent. A custom hook is called.
import sys
import threading


def fail():
    raise ValueError("bad value in a thread")


def leave():
    sys.exit(3)


for target in (fail, leave):
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
print("main goes on")
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, args.thread.name))
thread = threading.Thread(target=fail, name="hooked")
thread.start()
thread.join()
print("custom hook saw:", seen)
threading.excepthook = threading.__excepthook__
lock = threading.Lock()
thread = threading.Thread(target=lock.release, name="releaser")
thread.start()
thread.join()
print("end")
