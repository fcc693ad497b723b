import threading


class ResultThread(threading.Thread):
    """A thread that keeps what its function returns, or what it raises."""

    def __init__(self, function, *args):
        super().__init__()
        self.function = function
        self.function_args = args
        self.value = None
        self.error = None

    def run(self):
        try:
            self.value = self.function(*self.function_args)
        except Exception as error:  # keep it for result() to re-raise
            self.error = error

    def result(self):
        self.join()
        if self.error is not None:
            raise self.error  # re-raised here, in the thread that asks
        return self.value


def parse(text):
    return int(text)


if __name__ == "__main__":
    threads = [ResultThread(parse, text) for text in ["12", "x", "7"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        try:
            outcome = f"result: {thread.result()}"
        except ValueError as error:
            outcome = f"failed: {error}"
        print(outcome)
        #> result: 12
        #> failed: invalid literal for int() with base 10: 'x'
        #> result: 7
