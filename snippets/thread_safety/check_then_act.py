import threading

cache_lock = threading.Lock()


def get_racy(cache, key, load):
    if key not in cache:  # check...
        cache[key] = load(key)  # ...then act, on what may be stale news
    return cache[key]


def get_locked(cache, key, load):
    with cache_lock:  # the check and the act are now one step for other threads
        if key not in cache:
            cache[key] = load(key)
        return cache[key]


def run(get, threads_count, slow=False):
    cache, loads = {}, []

    def load(key):
        loads.append(key)  # one entry per real load (append is safe)
        return key.upper()

    def slow_load(key):
        # The unlucky timing, on every run: this load takes so long that a second
        # request for the same key comes in, checks, loads and stores meanwhile.
        second = threading.Thread(target=get, args=(cache, key, load))
        second.start()
        second.join()
        return load(key)

    threads = [
        threading.Thread(target=get, args=(cache, "config", slow_load if slow else load))
        for _ in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return cache, loads


if __name__ == "__main__":
    cache, loads = run(get_racy, 1, slow=True)
    print(f"racy:   cache {cache}, loads: {len(loads)}")
    #> racy:   cache {'config': 'CONFIG'}, loads: 2
    cache, loads = run(get_locked, 10)
    print(f"locked: cache {cache}, loads: {len(loads)}")
    #> locked: cache {'config': 'CONFIG'}, loads: 1
