import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
done = []


def a_then_b():
    with lock_a:
        with lock_b:
            done.append("alice")


def b_then_a():
    with lock_b:  # the opposite order
        with lock_a:
            done.append("bob")


if __name__ == "__main__":
    alice = threading.Thread(target=a_then_b, name="alice")
    bob = threading.Thread(target=b_then_a, name="bob")
    alice.start()
    bob.start()
    alice.join()
    bob.join()
    print(f"done: {sorted(done)}")
    #> done: ['alice', 'bob']
