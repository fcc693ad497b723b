import threading
from concurrent.futures import ThreadPoolExecutor


def whoami(both_running):
    both_running.wait(timeout=5)  # hold this worker until the other one runs
    return threading.current_thread().name


if __name__ == "__main__":
    both_running = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fetch") as pool:
        futures = [pool.submit(whoami, both_running) for _ in range(2)]
    print(sorted(f.result() for f in futures))
    #> ['fetch_0', 'fetch_1']
