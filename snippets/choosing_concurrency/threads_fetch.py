import time
from concurrent.futures import ThreadPoolExecutor

DELAY = 0.1  # seconds: stands in for a network round trip


def fetch(name):
    time.sleep(DELAY)  # a blocking call: this thread waits, the others run
    return f"{name}: 200 OK"


if __name__ == "__main__":
    names = ["users", "orders", "stock", "prices", "news"]
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        for result in pool.map(fetch, names):  # results in the order of `names`
            print(result)
            #> users: 200 OK
            #> orders: 200 OK
            #> stock: 200 OK
            #> prices: 200 OK
            #> news: 200 OK
