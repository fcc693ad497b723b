import threading


def greet(name):
    print(f"Hello from a thread, {name}!")
    #> Hello from a thread, Ada!


if __name__ == "__main__":
    thread = threading.Thread(target=greet, args=("Ada",))  # created, not running yet
    thread.start()  # now greet("Ada") runs in the new thread
    thread.join()  # wait here until greet() has returned
    print("The thread has finished.")
    #> The thread has finished.
