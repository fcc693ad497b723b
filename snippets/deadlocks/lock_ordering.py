import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


def transfer(source, target, amount):
    # Every thread takes the two locks in the same order, whichever way the money
    # goes: alphabetical by account name. No thread can then hold the second lock
    # while waiting for the first.
    first, second = sorted([source, target], key=lambda account: account.name)
    with first.lock, second.lock:
        source.balance -= amount
        target.balance += amount


def pay(source, target, amount, times):
    for _ in range(times):
        transfer(source, target, amount)


if __name__ == "__main__":
    alice = Account("alice", 10_000)
    bob = Account("bob", 10_000)
    threads = [
        threading.Thread(target=pay, args=(alice, bob, 5, 1_000)),  # alice -> bob
        threading.Thread(target=pay, args=(bob, alice, 3, 1_000)),  # bob -> alice
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"alice: {alice.balance}, bob: {bob.balance}")
    #> alice: 8000, bob: 12000
    print(f"total: {alice.balance + bob.balance}")
    #> total: 20000
