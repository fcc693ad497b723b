# logging from threads with %(threadName)s.
import logging
import threading

logging.basicConfig(level=logging.DEBUG, format="%(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("demo")


def work(number, logged, go):
    log.info("starting %d", number)
    logged.set()
    go.wait()
    log.debug("finished %d", number)


threads = []
for number in (1, 2, 3):
    logged, go = threading.Event(), threading.Event()
    thread = threading.Thread(target=work, args=(number, logged, go), name=f"worker-{number}")
    thread.start()
    logged.wait()  # one line at a time, so the order is the same on every run
    threads.append((thread, go))
for thread, go in threads:
    go.set()
    thread.join()
log.warning("all %d done", len(threads))
