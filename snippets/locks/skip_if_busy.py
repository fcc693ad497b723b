import threading

refresh_lock = threading.Lock()
refreshed = []
skipped = []


def refresh_cache(who):
    # Another refresh under way? Then this one would only repeat it: skip it.
    if not refresh_lock.acquire(blocking=False):
        skipped.append(who)
        return
    try:
        refreshed.append(who)  # the refresh itself
    finally:
        refresh_lock.release()


if __name__ == "__main__":
    with refresh_lock:  # the main thread is in the middle of a refresh
        print("locked:", refresh_lock.locked())
        #> locked: True
        worker = threading.Thread(target=refresh_cache, args=("worker",))
        worker.start()
        worker.join()
    print("locked:", refresh_lock.locked())
    #> locked: False
    refresh_cache("main")
    print("refreshed:", refreshed)
    #> refreshed: ['main']
    print("skipped:", skipped)
    #> skipped: ['worker']
