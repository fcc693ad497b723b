import threading

WORKERS = 3

config = {}
config_ready = threading.Event()


def worker(n, results):
    config_ready.wait()  # block until the main thread sets the event
    results[n] = f"worker {n}: the greeting is {config['greeting']!r}"


if __name__ == "__main__":
    results = {}
    threads = [
        threading.Thread(target=worker, args=(n, results))
        for n in range(WORKERS)
    ]
    for thread in threads:
        thread.start()

    waiting = sum(thread.is_alive() for thread in threads)
    print(f"main: {waiting} workers started, all waiting for the config")
    #> main: 3 workers started, all waiting for the config
    config["greeting"] = "hello"  # the set-up the workers depend on
    config_ready.set()  # wake every waiting thread

    for thread in threads:
        thread.join()
    for n in sorted(results):
        print(results[n])
        #> worker 0: the greeting is 'hello'
        #> worker 1: the greeting is 'hello'
        #> worker 2: the greeting is 'hello'
