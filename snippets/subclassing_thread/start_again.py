import threading


class Backup(threading.Thread):
    def __init__(self, folder):
        super().__init__(name=f"backup-{folder}")
        self.folder = folder
        self.copied = False

    def run(self):
        self.copied = True  # the real work: copy the folder


if __name__ == "__main__":
    backup = Backup("photos")
    backup.start()
    backup.join()
    print(f"{backup.name}, first run: copied {backup.copied}")
    #> backup-photos, first run: copied True
    try:
        backup.start()
    except RuntimeError as error:
        print(f"second start(): RuntimeError: {error}")
        #> second start(): RuntimeError: threads can only be started once

    # To run it again, make a new Thread with the same arguments.
    again = Backup(backup.folder)
    again.start()
    again.join()
    print(f"{again.name}, a new thread: copied {again.copied}")
    #> backup-photos, a new thread: copied True
