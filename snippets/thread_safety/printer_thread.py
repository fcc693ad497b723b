import queue
import threading
import time

STOP = object()


def printer(lines):
    while (line := lines.get()) is not STOP:
        print(line)  # the only thread that prints
        #> bo: step 1
        #> ann: step 1
        #> cy: step 1
        #> bo: step 2
        #> ann: step 2
        #> cy: step 2


def worker(name, lines):
    for step in range(1, 3):
        time.sleep(0.01)  # some work; meanwhile the other threads run
        lines.put(f"{name}: step {step}")  # hand the line over; never print


if __name__ == "__main__":
    lines = queue.Queue()
    printing = threading.Thread(target=printer, args=(lines,))
    printing.start()
    workers = [
        threading.Thread(target=worker, args=(name, lines))
        for name in ["ann", "bo", "cy"]
    ]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    lines.put(STOP)  # after every worker has put its last line
    printing.join()
