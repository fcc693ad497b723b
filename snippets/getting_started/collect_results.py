import threading


def doubler(number, results, index):
    results[index] = number * 2  # each thread writes only its own slot


if __name__ == "__main__":
    numbers = [0, 1, 2, 3, 4]
    results = [None] * len(numbers)
    threads = [
        threading.Thread(target=doubler, args=(number, results, index))
        for index, number in enumerate(numbers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(results)  # read only after every join(): all slots are filled
    #> [0, 2, 4, 6, 8]
