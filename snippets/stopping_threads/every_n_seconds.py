import threading
import time

INTERVAL = 0.1  # seconds from the start of one run to the start of the next


def every(interval, task, stopping):
    """Runs task() every interval seconds, on a fixed schedule, until stopping is set."""
    next_run = time.monotonic() + interval
    while not stopping.wait(next_run - time.monotonic()):
        task()
        # The next run is due one interval after this one was due, not after it ended:
        # the time task() took does not push the schedule back.
        next_run += interval


reports = 0


def make_report():
    global reports
    reports += 1
    time.sleep(0.03)  # stands in for the work, which takes time too
    print(f"report {reports}")
    #> report 1
    #> report 2
    #> report 3
    if reports == 3:
        stopping.set()  # here after three reports; in a real program, at shutdown


if __name__ == "__main__":
    stopping = threading.Event()
    reporter = threading.Thread(target=every, args=(INTERVAL, make_report, stopping))
    reporter.start()
    reporter.join()
    print("stopped")
    #> stopped
