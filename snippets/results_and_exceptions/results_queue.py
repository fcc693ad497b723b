import queue
import threading


def square(number, results):
    results.put((number, number * number))  # put() is safe from any thread


if __name__ == "__main__":
    numbers = [2, 3, 5, 7]
    results = queue.Queue()
    threads = [
        threading.Thread(target=square, args=(number, results)) for number in numbers
    ]
    for thread in threads:
        thread.start()

    # get() waits for the next result, so the main thread can use each
    # result as soon as it arrives, in whatever order the threads finish.
    squares = {}
    for _ in numbers:
        number, squared = results.get()
        squares[number] = squared

    for thread in threads:
        thread.join()
    print(dict(sorted(squares.items())))  # sorted: arrival order varies
    #> {2: 4, 3: 9, 5: 25, 7: 49}
