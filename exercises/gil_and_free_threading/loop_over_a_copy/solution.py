import threading

scores = {"ann": 12, "bo": 9, "cy": 15}
# Only to make the bad timing certain (in real programs it comes now and then): the
# report waits after its first line until a new player has joined the game.
first_line_done = threading.Event()
player_joined = threading.Event()


def report(lines):
    try:
        # copy() is one operation: the loop then walks a dict that no other thread
        # can change, whatever happens to `scores` meanwhile.
        for name, points in scores.copy().items():
            lines.append(f"{name}: {points}")
            first_line_done.set()
            player_joined.wait()  # it blocks, as on a slow file: it lets go of the GIL
    except RuntimeError as error:
        lines.append(f"report failed: {error}")


def join_game(name, points):
    first_line_done.wait()
    scores[name] = points  # one operation on the dict: safe
    player_joined.set()


if __name__ == "__main__":
    lines = []
    threads = [
        threading.Thread(target=report, args=(lines,)),
        threading.Thread(target=join_game, args=("dee", 7)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for line in lines:
        print(line)
    print(f"players now: {len(scores)}")
