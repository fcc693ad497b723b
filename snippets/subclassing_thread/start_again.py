import threading


class Backup(threading.Thread):
    def __init__(self, folder):
        super().__init__(name=f"backup-{folder}")
        self.folder = folder

    def run(self):
        print(f"{self.name}: copying {self.folder}")
        #> backup-photos: copying photos
        #> backup-photos: copying photos


if __name__ == "__main__":
    backup = Backup("photos")
    backup.start()
    backup.join()
    try:
        backup.start()
    except RuntimeError as error:
        print(f"second start(): RuntimeError: {error}")
        #> second start(): RuntimeError: threads can only be started once

    # To run it again, make a new Thread with the same arguments.
    again = Backup(backup.folder)
    again.start()
    again.join()
