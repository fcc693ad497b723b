import logging
import sys
import threading


def get_logger():
    logger = logging.getLogger("downloads")
    logger.setLevel(logging.INFO)
    handler = logging.StreamHandler(
        sys.stdout
    )  # to the output, so that Check can see it
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger.addHandler(handler)
    return logger


def download(site, logger):
    logger.info("downloading %s", site)


if __name__ == "__main__":
    logger = get_logger()
    sites = ["python.org", "pypi.org", "docs.python.org"]
    threads = [threading.Thread(target=download, args=(site, logger)) for site in sites]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logger.info("all downloads finished")
