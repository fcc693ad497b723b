import threading

go = threading.Event()  # the starting signal: every worker waits for it


def measure(word, lengths, index):
    go.wait()
    lengths[index] = len(word)  # each thread writes only its own slot


if __name__ == "__main__":
    words = ["thread", "lock", "queue", "barrier"]
    lengths = [None] * len(words)
    threads = [
        threading.Thread(target=measure, args=(word, lengths, index))
        for index, word in enumerate(words)
    ]
    for thread in threads:
        thread.start()
    go.set()  # off they go
    for thread in threads:
        thread.join()
    print(f"lengths: {lengths}")  # after every join(): every slot is filled
