import threading
from concurrent.futures import ThreadPoolExecutor


def job(name, started=None, may_finish=None):
    if started is not None:
        started.set()
        may_finish.wait()
    return f"{name} done"


if __name__ == "__main__":
    started, may_finish = threading.Event(), threading.Event()
    pool = ThreadPoolExecutor(max_workers=1)  # one worker: the rest queue up
    running = pool.submit(job, "job 0", started, may_finish)
    started.wait()  # job 0 is now running in the only worker
    pending = [pool.submit(job, f"job {n}") for n in (1, 2, 3)]

    print(f"cancel() job 0 (running): {running.cancel()}")
    #> cancel() job 0 (running): False
    print(f"cancel() job 1 (pending): {pending[0].cancel()}")
    #> cancel() job 1 (pending): True
    pool.shutdown(wait=False, cancel_futures=True)  # cancel all still pending
    may_finish.set()
    pool.shutdown()  # wait=True: wait for the running job to end

    print(running.result())
    #> job 0 done
    for n, future in enumerate(pending, start=1):
        print(f"job {n}: cancelled={future.cancelled()}")
        #> job 1: cancelled=True
        #> job 2: cancelled=True
        #> job 3: cancelled=True
