import threading

rooms = {}  # room name -> the messages posted in it
posts = []  # every thread that posts, to join them all at the end


def post(room, message, moderate):
    is_new = room not in rooms  # check...
    moderate(message)  # takes a while: other threads run meanwhile
    if is_new:
        rooms[room] = [message]  # ...then act: a new room, with its first message
    else:
        rooms[room].append(message)


def quick_moderation(message):
    pass


def slow_moderation(message):
    # The unlucky timing, on every run: while Ann's message is being moderated, Bo
    # posts his, from start to end (or, if his post has to wait, for two seconds).
    bo = threading.Thread(target=post, args=("#general", "hi from bo", quick_moderation))
    posts.append(bo)
    bo.start()
    bo.join(timeout=2)


if __name__ == "__main__":
    ann = threading.Thread(target=post, args=("#general", "hi from ann", slow_moderation))
    posts.append(ann)
    ann.start()
    for thread in posts:
        thread.join()
    for room, messages in rooms.items():
        print(f"{room}: {sorted(messages)}")
