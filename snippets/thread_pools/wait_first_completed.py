import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

SLOW = 30  # seconds the slow mirror would take to answer: long on purpose


def ask(mirror, seconds, abandon):
    # The request, as a wait that can be cut short: wait() returns True once `abandon`
    # is set, False when the time is up and the answer is in.
    if abandon.wait(timeout=seconds):
        return f"{mirror}: request abandoned"
    return f"answer from {mirror}"


if __name__ == "__main__":
    abandon = threading.Event()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            pool.submit(ask, "mirror-a", SLOW, abandon): "mirror-a",
            pool.submit(ask, "mirror-b", 0, abandon): "mirror-b",  # answers at once
        }
        done, not_done = wait(futures, return_when=FIRST_COMPLETED)
        print(f"done: {[futures[f] for f in done]}")
        #> done: ['mirror-b']
        print(f"not done: {[futures[f] for f in not_done]}")
        #> not done: ['mirror-a']
        print(next(iter(done)).result())
        #> answer from mirror-b

        abandon.set()  # the answer is in: stop waiting for the slow mirror
        done, not_done = wait(futures)  # default: return_when=ALL_COMPLETED
        print(f"after wait(): {len(done)} done, {len(not_done)} not done")
        #> after wait(): 2 done, 0 not done
