import threading


def doubler(number):
    print(f"{number} doubled is {number * 2}")
    #> 0 doubled is 0
    #> 2 doubled is 4
    #> 3 doubled is 6
    #> 1 doubled is 2
    #> 4 doubled is 8


if __name__ == "__main__":
    threads = [threading.Thread(target=doubler, args=(i,)) for i in range(5)]
    for thread in threads:
        thread.start()  # all five are running before we wait for any
    for thread in threads:
        thread.join()
