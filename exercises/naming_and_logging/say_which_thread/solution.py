import logging
import sys
import threading


def get_logger():
    logger = logging.getLogger("downloads")
    logger.setLevel(logging.INFO)
    handler = logging.StreamHandler(
        sys.stdout
    )  # to the output, so that Check can see it
    formatter = logging.Formatter("%(threadName)s - %(levelname)s - %(message)s")
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    return logger


def download(site, logger):
    logger.info("downloading %s", site)


if __name__ == "__main__":
    logger = get_logger()
    sites = ["python.org", "pypi.org", "docs.python.org"]
    threads = [
        threading.Thread(target=download, args=(site, logger), name=f"worker-{number}")
        for number, site in enumerate(sites, start=1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logger.info("all downloads finished")
