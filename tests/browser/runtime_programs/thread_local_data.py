# threading.local: each thread sees its own attributes; subclasses re-run __init__.
import threading

data = threading.local()
data.name = "main"


def show():
    print("thread sees name:", getattr(data, "name", None))
    data.name = threading.current_thread().name
    print("thread set name:", data.name)


thread = threading.Thread(target=show, name="worker")
thread.start()
thread.join()
print("main still sees:", data.name)


class Settings(threading.local):
    def __init__(self, level):
        self.level = level
        self.initialised_in = threading.current_thread().name


settings = Settings(3)


def change():
    print("fresh in thread:", settings.level, settings.initialised_in)
    settings.level = 9


thread = threading.Thread(target=change, name="changer")
thread.start()
thread.join()
print("main keeps:", settings.level, settings.initialised_in)
try:
    threading.local(1)
except TypeError as error:
    print("TypeError:", error)
