import threading

rooms = {}  # room name -> the messages posted in it
# Only to make the bad timing certain (in real programs it comes now and then): both
# posts find that the room does not exist yet before either of them creates it.
both_checked = threading.Barrier(2)


def wait_for_the_other_post():
    try:
        both_checked.wait(timeout=2)
    except threading.BrokenBarrierError:
        pass  # the other post cannot get here (a lock?): go on without it


def post(room, message):
    if room not in rooms:  # check...
        wait_for_the_other_post()
        rooms[room] = [message]  # ...then act: a new room, with its first message
    else:
        rooms[room].append(message)


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
