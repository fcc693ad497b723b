import threading


def doubler(number, report):
    me = threading.current_thread()  # the Thread object running this code
    report[number] = f"{me.name} doubled {number} to {number * 2}"


if __name__ == "__main__":
    print(threading.current_thread().name)  # the thread every program starts in
    #> MainThread

    names = ["Mike", "George", "Wanda", "Dingbat", "Nina"]
    report = [""] * len(names)
    threads = [
        threading.Thread(target=doubler, name=name, args=(number, report))
        for number, name in enumerate(names)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for line in report:
        print(line)
        #> Mike doubled 0 to 0
        #> George doubled 1 to 2
        #> Wanda doubled 2 to 4
        #> Dingbat doubled 3 to 6
        #> Nina doubled 4 to 8
