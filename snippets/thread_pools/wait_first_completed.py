import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait


def ask(mirror, may_answer):
    may_answer.wait()  # the network: how long this takes is up to the mirror
    return f"answer from {mirror}"


if __name__ == "__main__":
    fast, slow = threading.Event(), threading.Event()
    fast.set()  # this mirror answers at once; the slow one not yet
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            pool.submit(ask, "mirror-a", slow): "mirror-a",
            pool.submit(ask, "mirror-b", fast): "mirror-b",
        }
        done, not_done = wait(futures, return_when=FIRST_COMPLETED)
        print(f"done: {[futures[f] for f in done]}")
        #> done: ['mirror-b']
        print(f"not done: {[futures[f] for f in not_done]}")
        #> not done: ['mirror-a']
        print(next(iter(done)).result())
        #> answer from mirror-b

        slow.set()  # the slow mirror answers too, eventually
        done, not_done = wait(futures)  # default: return_when=ALL_COMPLETED
        print(f"after wait(): {len(done)} done, {len(not_done)} not done")
        #> after wait(): 2 done, 0 not done
