import threading


class Squarer(threading.Thread):
    """Squares one number in a thread of its own, named after it: squarer-3 for 3."""

    def __init__(self, number):
        super().__init__(name=f"squarer-{number}")  # first, and with the name
        self.number = number
        self.result = None
        self.computed_in = None

    def run(self):
        self.result = self.number * self.number
        self.computed_in = threading.current_thread().name


if __name__ == "__main__":
    squarers = [Squarer(number) for number in (2, 3, 4)]
    for squarer in squarers:
        squarer.start()  # a new thread calls run()
    for squarer in squarers:
        squarer.join()
    for squarer in squarers:
        print(f"{squarer.number} -> {squarer.result}, in {squarer.computed_in}")
