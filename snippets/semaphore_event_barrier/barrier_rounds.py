import itertools
import threading

WORKERS = 3
ROUNDS = 2

log = []  # (round, worker), in the order the work was done
indexes = {round_number: [] for round_number in range(1, ROUNDS + 1)}
log_lock = threading.Lock()
rounds_done = itertools.count(1)


def all_arrived():
    # The barrier's action: run once per round, by one of the threads,
    # after all WORKERS have arrived and before any of them is released.
    round_number = next(rounds_done)
    print(f"barrier: round {round_number} done, releasing {WORKERS} workers")
    #> barrier: round 1 done, releasing 3 workers
    #> barrier: round 2 done, releasing 3 workers


def worker(n, barrier):
    for round_number in range(1, ROUNDS + 1):
        with log_lock:
            log.append((round_number, n))  # do this round's work
        index = barrier.wait()  # block until all WORKERS have called wait()
        with log_lock:
            indexes[round_number].append(index)


if __name__ == "__main__":
    barrier = threading.Barrier(WORKERS, action=all_arrived)
    threads = [
        threading.Thread(target=worker, args=(n, barrier))
        for n in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for round_number, returned in indexes.items():
        print(f"round {round_number}: wait() returned {sorted(returned)}")
        #> round 1: wait() returned [0, 1, 2]
        #> round 2: wait() returned [0, 1, 2]
    rounds_in_log = [round_number for round_number, _ in log]
    in_order = rounds_in_log == sorted(rounds_in_log)
    print(f"all round-1 steps came before any round-2 step: {in_order}")
    #> all round-1 steps came before any round-2 step: True
