import threading


def remind(message):
    thread = threading.current_thread()
    print(f"{thread.name}: {message}")
    #> reminder: time to stretch


if __name__ == "__main__":
    # Timer(interval in seconds, function, args=..., kwargs=...)
    timer = threading.Timer(0.2, remind, args=["time to stretch"])
    timer.name = "reminder"  # a Timer is a Thread: it has a name too
    timer.start()  # returns at once: remind() will run in the timer's thread
    timer.join()  # a real program would do other work first
    print(f"{threading.current_thread().name}: the timer has fired")
    #> MainThread: the timer has fired
