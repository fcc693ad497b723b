import threading

THREADS = 4
ITEMS = 10_000


def fill(number, items, index):
    for i in range(ITEMS):
        value = number * ITEMS + i
        items.append(value)  # one operation on the list: safe
        index[value] = number  # one operation on the dict: safe


if __name__ == "__main__":
    items, index = [], {}
    threads = [
        threading.Thread(target=fill, args=(number, items, index))
        for number in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"list: {len(items)} items, {len(set(items))} different")
    #> list: 40000 items, 40000 different
    print(f"dict: {len(index)} keys")
    #> dict: 40000 keys
