import threading

calls = []


def launch():
    calls.append("launch")
    print("launching!")  # never printed: the timer is cancelled first


if __name__ == "__main__":
    timer = threading.Timer(10, launch)
    timer.start()
    print("main: countdown started, 10 s to go")
    #> main: countdown started, 10 s to go
    timer.cancel()  # stops it if it is still waiting; harmless if not
    timer.join()  # returns at once: the thread ends without calling launch()
    print(f"main: countdown cancelled, launch() was called {len(calls)} times")
    #> main: countdown cancelled, launch() was called 0 times
