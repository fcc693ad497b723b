import threading

TIMEOUT = 0.1  # seconds to wait for the second lock before backing off

lock_a = threading.Lock()
lock_b = threading.Lock()
# Only to make this demo deadlock on every run: each thread waits at the first barrier
# until both hold their first lock, and at the second until both have tried for the
# other one. Real programs fall into this interleaving now and then, under load.
both_hold_one = threading.Barrier(2)
both_tried = threading.Barrier(2)


def transfer(name, first, second, report):
    with first:
        both_hold_one.wait()
        got_second = second.acquire(timeout=TIMEOUT)  # False once TIMEOUT has passed
        both_tried.wait()
        if not got_second:
            report[name] = "gave up after the timeout, backed off"
            return  # leaving the `with` block releases `first`
        try:
            report[name] = "got both locks"
        finally:
            second.release()


if __name__ == "__main__":
    report = {}
    threads = [
        threading.Thread(target=transfer, args=("A", lock_a, lock_b, report)),
        threading.Thread(target=transfer, args=("B", lock_b, lock_a, report)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("A, holding lock_a, wanted lock_b:", report["A"])
    #> A, holding lock_a, wanted lock_b: gave up after the timeout, backed off
    print("B, holding lock_b, wanted lock_a:", report["B"])
    #> B, holding lock_b, wanted lock_a: gave up after the timeout, backed off
    print("both locks free again:", not lock_a.locked() and not lock_b.locked())
    #> both locks free again: True
