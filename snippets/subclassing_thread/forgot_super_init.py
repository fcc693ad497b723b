import threading


class ForgetfulThread(threading.Thread):
    def __init__(self, number):
        # Oops: no super().__init__(), so the Thread part is never set up.
        self.number = number

    def run(self):
        print(self.number * 2)


if __name__ == "__main__":
    thread = ForgetfulThread(21)
    try:
        thread.start()
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
        #> RuntimeError: thread.__init__() not called
