import threading

refresh_lock = threading.Lock()


def refresh_cache(who):
    # Another refresh under way? Then this one would only repeat it: skip it.
    if not refresh_lock.acquire(blocking=False):
        print(f"{who}: a refresh is already running, skipping")
        #> worker: a refresh is already running, skipping
        return
    try:
        print(f"{who}: refreshing the cache")
        #> main: refreshing the cache
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
