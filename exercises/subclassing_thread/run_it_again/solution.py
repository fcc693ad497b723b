import threading

RUNS = 3


class Backup(threading.Thread):
    """Copies a folder in a thread of its own, and notes which thread did it."""

    def __init__(self, folder, done_in):
        super().__init__(name=f"backup-{folder}")
        self.folder = folder
        self.done_in = done_in

    def run(self):
        # The real work would copy the folder here.
        self.done_in.append(threading.current_thread().name)


if __name__ == "__main__":
    done_in = []
    for _ in range(RUNS):
        backup = Backup("photos", done_in)  # a new thread for each run
        backup.start()
        backup.join()
    for number, thread in enumerate(done_in, start=1):
        print(f"run {number}: in {thread}")
