import threading

outcomes = []


def worker(barrier):
    try:
        barrier.wait(timeout=0.2)  # give up after 0.2 s instead of hanging
        outcomes.append("passed the barrier")
    except threading.BrokenBarrierError:
        outcomes.append("BrokenBarrierError")


if __name__ == "__main__":
    barrier = threading.Barrier(3)  # expects 3 threads...
    threads = [threading.Thread(target=worker, args=(barrier,)) for _ in (1, 2)]
    for thread in threads:  # ...but only 2 ever arrive
        thread.start()
    for thread in threads:
        thread.join()
    print(f"outcomes: {sorted(outcomes)}")
    #> outcomes: ['BrokenBarrierError', 'BrokenBarrierError']
    print(f"barrier broken: {barrier.broken}")
    #> barrier broken: True
