import threading


def count_words(text):
    return len(text.split())


if __name__ == "__main__":
    texts = ["to be or not to be", "hello threads", "one two three four five six seven"]
    threads = [threading.Thread(target=count_words, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    counts = [thread.join() for thread in threads]
    print(f"word counts: {counts}")
