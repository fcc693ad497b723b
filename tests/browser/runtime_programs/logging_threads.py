# logging from threads with %(threadName)s.
import logging
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="%(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("demo")


def work(number):
    log.info("starting %d", number)
    time.sleep(0.1 * number)
    log.debug("finished %d", number)


threads = [threading.Thread(target=work, args=(n,), name=f"worker-{n}") for n in (1, 2, 3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
log.warning("all %d done", len(threads))
