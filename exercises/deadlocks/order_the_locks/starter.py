import threading

TIMEOUT = 0.2  # seconds a transfer waits for its second lock before giving up

# Only to make the bad timing certain (in real programs it comes now and then, under
# load): each transfer tries for its first lock, then waits until the other has tried.
both_tried = threading.Barrier(2)


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def take_first_lock(lock):
    got_it = lock.acquire(blocking=False)
    both_tried.wait()
    if not got_it:
        lock.acquire()  # the other transfer holds it: wait until it has finished


def transfer(source, target, amount):
    first, second = source, target  # the order in which the two locks are taken
    take_first_lock(first.lock)
    try:
        if not second.lock.acquire(timeout=TIMEOUT):
            return f"gave up waiting for {second.name}'s lock"
        try:
            source.balance -= amount
            target.balance += amount
        finally:
            second.lock.release()
    finally:
        first.lock.release()
    return f"moved {amount}"


def run(source, target, amount, results):
    results[f"{source.name} -> {target.name}"] = transfer(source, target, amount)


if __name__ == "__main__":
    alice = Account("alice", 100)
    bob = Account("bob", 100)
    results = {}
    threads = [
        threading.Thread(target=run, args=(alice, bob, 30, results)),
        threading.Thread(target=run, args=(bob, alice, 10, results)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in ("alice -> bob", "bob -> alice"):
        print(f"{name}: {results[name]}")
    print(f"alice: {alice.balance}, bob: {bob.balance}")
