import threading

TIMEOUT = 0.1  # seconds: a deadlock prints a message instead of hanging


class Pantry:
    def __init__(self):
        self.lock = threading.Lock()
        self.stock = {}

    def add(self, item, count):
        if not self.lock.acquire(timeout=TIMEOUT):
            print(f"add({item!r}): gave up waiting for the lock")
            return
        try:
            self.stock[item] = self.stock.get(item, 0) + count
        finally:
            self.lock.release()

    def restock(self, delivery):
        with self.lock:  # no other thread sees half a delivery
            for item, count in delivery.items():
                self.add(item, count)


if __name__ == "__main__":
    pantry = Pantry()
    delivery = {"apples": 5, "pears": 3}
    threads = [
        threading.Thread(target=pantry.restock, args=(delivery,)) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"apples: {pantry.stock.get('apples', 0)}")
    print(f"pears: {pantry.stock.get('pears', 0)}")
