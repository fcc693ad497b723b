from concurrent.futures import ThreadPoolExecutor


def count_words(text):
    return len(text.split())


if __name__ == "__main__":
    texts = ["to be or not to be", "hello threads", "one two three four five six seven"]
    # The pool keeps what count_words() returns, and map() gives it back in input order.
    with ThreadPoolExecutor() as pool:
        counts = list(pool.map(count_words, texts))
    print(f"word counts: {counts}")
