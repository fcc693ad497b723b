import logging
import threading

LOG_FILE = "threading.log"


def get_logger():
    logger = logging.getLogger("threading_example")
    logger.setLevel(logging.DEBUG)
    handler = logging.FileHandler(LOG_FILE, mode="w")  # "w": start a fresh file
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
    threads = [
        threading.Thread(target=doubler, name=name, args=(number, logger))
        for number, name in enumerate(names)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logger.removeHandler(handler)  # done logging: detach the handler, close the file
    handler.close()

    with open(LOG_FILE) as log:
        for line in log:
            print(line.rstrip())
            #> Mike - DEBUG - doubler function executing
            #> Mike - DEBUG - doubler function ended with: 0
            #> George - DEBUG - doubler function executing
            #> George - DEBUG - doubler function ended with: 2
            #> Wanda - DEBUG - doubler function executing
            #> Wanda - DEBUG - doubler function ended with: 4
            #> Dingbat - DEBUG - doubler function executing
            #> Dingbat - DEBUG - doubler function ended with: 6
            #> Nina - DEBUG - doubler function executing
            #> Nina - DEBUG - doubler function ended with: 8
