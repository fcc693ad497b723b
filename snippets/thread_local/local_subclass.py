import threading

inits = []  # which threads ran __init__
inits_lock = threading.Lock()


class Counter(threading.local):
    def __init__(self, start):
        # Runs again in every thread, on its first use of the object,
        # with the arguments given when the object was created.
        with inits_lock:
            inits.append(threading.current_thread().name)
        self.calls = start


counter = Counter(start=0)  # runs __init__ for the main thread


def work(times, totals):
    for _ in range(times):
        counter.calls += 1  # no lock needed: no other thread sees it
    totals[threading.current_thread().name] = counter.calls


if __name__ == "__main__":
    totals = {}
    threads = [
        threading.Thread(target=work, args=(times, totals), name=f"worker-{times}")
        for times in (2, 3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"__init__ ran in: {sorted(inits)}")
    #> __init__ ran in: ['MainThread', 'worker-2', 'worker-3']
    print(f"calls per thread: {dict(sorted(totals.items()))}")
    #> calls per thread: {'worker-2': 2, 'worker-3': 3}
    print(f"calls in the main thread: {counter.calls}")
    #> calls in the main thread: 0
