import threading

lock = threading.Lock()
events = []  # who went in and who came out, in order


def visit(name):
    with lock:
        events.append(f"{name} in")
        events.append(f"{name} out")


if __name__ == "__main__":
    alice = threading.Thread(target=visit, args=("alice",), name="alice")
    alice.start()
    visit("MainThread")  # the main thread takes its turn too
    alice.join()
    print(f"in and out: {events}")
    #> in and out: ['alice in', 'alice out', 'MainThread in', 'MainThread out']
