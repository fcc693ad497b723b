import threading
import time


def measure(word, lengths, index):
    time.sleep(0.5)  # measuring takes a while
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
    for thread in threads:
        thread.join()
    print(f"lengths: {lengths}")  # after every join(): every slot is filled
