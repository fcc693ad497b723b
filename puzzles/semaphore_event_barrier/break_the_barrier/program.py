import threading

seats = 2  # one seat per party of the barrier
barrier = threading.Barrier(2, timeout=1)  # nobody waits more than a second
outcomes = []


def player(name):
    global seats
    if seats > 0:  # check...
        seats -= 1  # ...then act: take a seat
        try:
            barrier.wait()
            outcomes.append(f"{name}: played")
        except threading.BrokenBarrierError:
            outcomes.append(f"{name}: BrokenBarrierError")
    else:
        outcomes.append(f"{name}: no seat left")


if __name__ == "__main__":
    threads = [
        threading.Thread(target=player, args=(name,), name=name)
        for name in ["alice", "bob", "carol"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"outcomes: {sorted(outcomes)}")
    #> outcomes: ['alice: played', 'bob: played', 'carol: no seat left']
    print(f"barrier broken: {barrier.broken}")
    #> barrier broken: False
