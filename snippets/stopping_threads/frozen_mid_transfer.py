import threading

accounts = {"alice": 100, "bob": 100}
accounts_lock = threading.Lock()


def transfer(amount, halfway, resume):
    with accounts_lock:
        accounts["alice"] -= amount
        halfway.set()
        resume.wait()  # what a killed thread would do here: never go on
        accounts["bob"] += amount


if __name__ == "__main__":
    halfway, resume = threading.Event(), threading.Event()
    thread = threading.Thread(target=transfer, args=(50, halfway, resume))
    thread.start()
    halfway.wait()

    # The state a kill at this moment would leave behind, for good:
    print(f"total money: {sum(accounts.values())} (was 200)")
    #> total money: 150 (was 200)
    print(f"lock still held: {accounts_lock.locked()}")
    #> lock still held: True
    got_it = accounts_lock.acquire(timeout=0.1)
    print(f"another thread can take the lock: {got_it}")
    #> another thread can take the lock: False

    resume.set()  # this thread was not killed: let it finish
    thread.join()
    print(f"after the transfer finished: {sum(accounts.values())}")
    #> after the transfer finished: 200
