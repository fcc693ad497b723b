import threading

lock = threading.Lock()
TIMEOUT = 0.1


def parse_without_with(text):
    lock.acquire()
    value = int(text)  # raises ValueError for "oops": release() never runs
    lock.release()
    return value


def parse_with_with(text):
    with lock:  # released however the block is left, exceptions included
        return int(text)


def worker(parse, results):
    for text in ["7", "oops"]:  # another parse() would now wait forever
        try:
            results.append(parse(text))
        except ValueError:
            results.append("bad input")


def can_acquire():
    if lock.acquire(timeout=TIMEOUT):
        lock.release()
        return True
    return False


if __name__ == "__main__":
    for parse in [parse_without_with, parse_with_with]:
        results = []
        thread = threading.Thread(target=worker, args=(parse, results))
        thread.start()
        thread.join()
        print(f"{parse.__name__}: {results}, lock free afterwards: {can_acquire()}")
        #> parse_without_with: [7, 'bad input'], lock free afterwards: False
        #> parse_with_with: [7, 'bad input'], lock free afterwards: True
        if lock.locked():
            lock.release()  # clean up, so that the second round starts unlocked
