import threading


def free_slots(semaphore):
    """How many threads could acquire it right now, without waiting."""
    taken = 0
    while semaphore.acquire(blocking=False):
        taken += 1
    for _ in range(taken):
        semaphore.release()
    return taken


def release_once_too_often(semaphore):
    semaphore.acquire()
    semaphore.release()
    semaphore.release()  # a bug: nothing was acquired for this release


if __name__ == "__main__":
    plain = threading.Semaphore(2)
    release_once_too_often(plain)
    print(f"Semaphore(2): {free_slots(plain)} free slots after the bug")
    #> Semaphore(2): 3 free slots after the bug

    bounded = threading.BoundedSemaphore(2)
    try:
        release_once_too_often(bounded)
    except ValueError as error:
        print(f"BoundedSemaphore(2) raised ValueError: {error}")
        #> BoundedSemaphore(2) raised ValueError: Semaphore released too many times
    print(f"BoundedSemaphore(2): {free_slots(bounded)} free slots")
    #> BoundedSemaphore(2): 2 free slots
