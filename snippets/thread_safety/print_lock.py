import threading
import time

print_lock = threading.Lock()


def safe_print(*args):
    with print_lock:  # one print at a time: a line is never split by another
        print(*args)
        #> ann: step 1
        #> bo: step 1
        #> cy: step 1
        #> ann: step 2
        #> bo: step 2
        #> cy: step 2


def worker(name):
    for step in range(1, 3):
        time.sleep(0.01)  # some work; meanwhile the other threads run
        safe_print(f"{name}: step {step}")


if __name__ == "__main__":
    threads = [
        threading.Thread(target=worker, args=(name,)) for name in ["ann", "bo", "cy"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
