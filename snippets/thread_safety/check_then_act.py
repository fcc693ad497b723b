import threading

# Only to make the bad interleaving happen on every run: both threads check before
# either of them acts. Without it, it happens now and then.
both_checked = threading.Barrier(2)
cache_lock = threading.Lock()


def load(key, computed):
    computed.append(key)  # one entry per real computation (append is safe)
    return key.upper()


def get_racy(cache, key, computed):
    if key not in cache:  # check...
        both_checked.wait()
        cache[key] = load(key, computed)  # ...then act, on what may be stale news
    return cache[key]


def get_locked(cache, key, computed):
    with cache_lock:  # the check and the act are now one step for other threads
        if key not in cache:
            cache[key] = load(key, computed)
        return cache[key]


def run(get, threads_count):
    cache, computed = {}, []
    threads = [
        threading.Thread(target=get, args=(cache, "config", computed))
        for _ in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return cache, computed


if __name__ == "__main__":
    cache, computed = run(get_racy, 2)
    print(f"racy:   cache {cache}, loads: {len(computed)}")
    #> racy:   cache {'config': 'CONFIG'}, loads: 2
    cache, computed = run(get_locked, 10)
    print(f"locked: cache {cache}, loads: {len(computed)}")
    #> locked: cache {'config': 'CONFIG'}, loads: 1
