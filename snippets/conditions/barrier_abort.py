import threading

PARTIES = 3
outcomes = []
outcomes_lock = threading.Lock()


def worker(name, barrier, fails=False):
    try:
        if fails:
            raise OSError("could not load the data")  # before the barrier
        barrier.wait()
        outcome = "passed the barrier"
    except OSError as error:
        barrier.abort()  # tell the others not to wait for us
        outcome = f"failed ({error}), aborted the barrier"
    except threading.BrokenBarrierError:
        outcome = "BrokenBarrierError"
    with outcomes_lock:
        outcomes.append(f"{name}: {outcome}")


def run_round(barrier, failing=None):
    threads = [
        threading.Thread(target=worker, args=(name, barrier, name == failing))
        for name in ["a", "b", "c"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = sorted(outcomes)
    outcomes.clear()
    return lines


if __name__ == "__main__":
    # The timeout is a safety net: no wait() lasts longer than 5 s.
    barrier = threading.Barrier(PARTIES, timeout=5)
    for line in run_round(barrier, failing="b"):
        print(line)
        #> a: BrokenBarrierError
        #> b: failed (could not load the data), aborted the barrier
        #> c: BrokenBarrierError
    print(f"broken: {barrier.broken}")
    #> broken: True

    barrier.reset()  # usable again
    print(f"after reset(), broken: {barrier.broken}")
    #> after reset(), broken: False
    for line in run_round(barrier):
        print(line)
        #> a: passed the barrier
        #> b: passed the barrier
        #> c: passed the barrier
