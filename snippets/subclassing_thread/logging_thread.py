import logging
import threading

LOG_FILE = "threading_class.log"


class MyThread(threading.Thread):
    def __init__(self, number, logger, name=None):
        super().__init__(name=name)
        self.number = number
        self.logger = logger

    def run(self):
        self.logger.debug("Calling doubler")  # self.logger, not a global logger
        doubler(self.number, self.logger)


def get_logger():
    logger = logging.getLogger("threading_class_example")
    logger.setLevel(logging.DEBUG)
    handler = logging.FileHandler(LOG_FILE, mode="w")
    fmt = "%(threadName)s - %(levelname)s - %(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    logger.addHandler(handler)
    return logger, handler


def doubler(number, logger):
    logger.debug("doubler function executing")
    result = number * 2
    logger.debug("doubler function ended with: %s", result)


if __name__ == "__main__":
    logger, handler = get_logger()
    names = ["Mike", "George", "Wanda", "Dingbat", "Nina"]
    threads = [MyThread(number, logger, name=name) for number, name in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logger.removeHandler(handler)
    handler.close()

    with open(LOG_FILE) as log:
        for line in log:
            print(line.rstrip())
            #> Mike - DEBUG - Calling doubler
            #> Mike - DEBUG - doubler function executing
            #> Mike - DEBUG - doubler function ended with: 0
            #> George - DEBUG - Calling doubler
            #> Wanda - DEBUG - Calling doubler
            #> George - DEBUG - doubler function executing
            #> Wanda - DEBUG - doubler function executing
            #> Wanda - DEBUG - doubler function ended with: 4
            #> George - DEBUG - doubler function ended with: 2
            #> Dingbat - DEBUG - Calling doubler
            #> Dingbat - DEBUG - doubler function executing
            #> Dingbat - DEBUG - doubler function ended with: 6
            #> Nina - DEBUG - Calling doubler
            #> Nina - DEBUG - doubler function executing
            #> Nina - DEBUG - doubler function ended with: 8
