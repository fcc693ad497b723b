import threading


class DoublerThread(threading.Thread):
    def __init__(self, number, name=None):
        super().__init__(name=name)  # let Thread set itself up first
        self.number = number
        self.result = None

    def run(self):  # the code the new thread runs; start() calls it for you
        self.result = self.number * 2


if __name__ == "__main__":
    names = ["Mike", "George", "Wanda", "Dingbat", "Nina"]
    threads = [DoublerThread(number, name=name) for number, name in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for thread in threads:
        print(f"{thread.name}: {thread.number} doubled is {thread.result}")
        #> Mike: 0 doubled is 0
        #> George: 1 doubled is 2
        #> Wanda: 2 doubled is 4
        #> Dingbat: 3 doubled is 6
        #> Nina: 4 doubled is 8
