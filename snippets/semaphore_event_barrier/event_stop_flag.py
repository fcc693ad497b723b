import threading
import time

INTERVAL = 30  # seconds between two checks: long on purpose


def poller(stop, log):
    while True:
        log.append("checked the mailbox")
        # Sleep for INTERVAL, but wake up at once if `stop` is set.
        # wait() returns True if stop is set, False if the time ran out.
        if stop.wait(timeout=INTERVAL):
            log.append("stop requested, exiting")
            return


if __name__ == "__main__":
    stop = threading.Event()
    log = []
    thread = threading.Thread(target=poller, args=(stop, log))
    started = time.monotonic()
    thread.start()
    time.sleep(0.1)  # the main thread does other things for a while
    stop.set()  # ask the poller to finish
    thread.join()
    for line in log:
        print(f"poller: {line}")
        #> poller: checked the mailbox
        #> poller: stop requested, exiting
    early = time.monotonic() - started < INTERVAL
    print(f"main: poller stopped well before {INTERVAL} s: {early}")
    #> main: poller stopped well before 30 s: True
