import threading


class WhereAmI(threading.Thread):
    def run(self):
        print(f"run() is executing in {threading.current_thread().name}")
        #> run() is executing in MainThread
        #> run() is executing in worker


if __name__ == "__main__":
    thread = WhereAmI(name="worker")
    thread.run()  # a plain method call: no new thread, runs right here
    thread.start()  # a new thread, which calls run()
    thread.join()
