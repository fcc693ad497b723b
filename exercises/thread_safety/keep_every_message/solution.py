import threading

rooms = {}  # room name -> the messages posted in it


def post(room, message):
    # One operation: setdefault() looks for the room and creates it if it is missing,
    # with no other thread in between, and returns the list that is in the dict.
    rooms.setdefault(room, []).append(message)


if __name__ == "__main__":
    threads = [
        threading.Thread(target=post, args=("#general", "hi from ann")),
        threading.Thread(target=post, args=("#general", "hi from bo")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for room, messages in rooms.items():
        print(f"{room}: {sorted(messages)}")
