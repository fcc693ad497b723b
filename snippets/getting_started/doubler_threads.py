import threading


def doubler(number):
    print(number * 2)
    #> 4
    #> 8
    #> 0
    #> 6
    #> 2


if __name__ == "__main__":
    threads = [threading.Thread(target=doubler, args=(i,)) for i in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
