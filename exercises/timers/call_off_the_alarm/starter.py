import threading

ALARM_AFTER = 2  # seconds: the backup is meant to finish well before


def sound_alarm():
    print("ALARM: the backup is taking too long!")


def back_up(files):
    copied = list(files)  # a quick job: done in a moment
    print(f"backed up {len(copied)} files")


if __name__ == "__main__":
    alarm = threading.Timer(ALARM_AFTER, sound_alarm)
    alarm.start()
    back_up(["notes.txt", "photo.jpg", "thesis.tex"])
    alarm.join()
    print("done")
