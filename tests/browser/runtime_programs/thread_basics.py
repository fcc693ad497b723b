# Thread(target, args, kwargs), default and given names, join with a timeout, daemon.
import threading
import time


def greet(greeting, name, punctuation="!"):
    print(f"{threading.current_thread().name}: {greeting}, {name}{punctuation}")


def nap(seconds):
    time.sleep(seconds)


def wait_for(event):
    event.wait()


first = threading.Thread(target=greet, args=("Hello", "Ada"))
second = threading.Thread(target=greet, args=("Hi",), kwargs={"name": "Bob", "punctuation": "?"})
named = threading.Thread(target=greet, args=("Hey", "Cy"), name="greeter")
print(first.name, "|", second.name, "|", named.name)
print("alive before start:", first.is_alive(), "ident:", first.ident)
for thread in (first, second, named):
    thread.start()
    thread.join()
print("alive after join:", first.is_alive(), "has ident:", first.ident is not None)

release = threading.Event()
sleeper = threading.Thread(target=wait_for, args=(release,))
sleeper.start()
sleeper.join(timeout=0.05)
print("after join(0.05):", sleeper.is_alive())
release.set()
sleeper.join()
print("after join():", sleeper.is_alive())

print("main is daemon:", threading.current_thread().daemon)
background = threading.Thread(target=nap, args=(0.01,), daemon=True)
print("daemon:", background.daemon, "| inherited:", threading.Thread(target=nap).daemon)
background.start()
background.join()
try:
    background.start()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    threading.current_thread().join()
except RuntimeError as error:
    print("RuntimeError:", error)
