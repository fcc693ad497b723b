import threading

balance = 100  # one account, shared by two cards


def withdraw(amount, paid):
    global balance
    if balance >= amount:  # check...
        balance -= amount  # ...then act, on what may be stale news
        paid.append(amount)


if __name__ == "__main__":
    paid = []
    threads = [
        threading.Thread(target=withdraw, args=(80, paid), name=name)
        for name in ["alice", "bob"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"paid out: {paid}")
    #> paid out: [80]
    print(f"balance: {balance}")
    #> balance: 20
