import threading
import time

ROOMS = [f"#room{number}" for number in range(50)]

rooms = {}  # room name -> the messages posted in it


def post(room, message):
    time.sleep(0)  # other threads may run now (it stands for checking the message)
    # One operation: setdefault() looks for the room and creates it if it is missing,
    # with no other thread in between, and returns the list that is in the dict.
    rooms.setdefault(room, []).append(message)


def greet_everyone(name):
    for room in ROOMS:  # the first message of every new room
        post(room, f"hi from {name}")


if __name__ == "__main__":
    threads = [threading.Thread(target=greet_everyone, args=(name,)) for name in ("ann", "bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    kept = sum(len(messages) for messages in rooms.values())
    print(f"rooms: {len(rooms)}, messages kept: {kept} of {2 * len(ROOMS)}")
