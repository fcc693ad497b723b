import threading

settings = None  # loaded on first use, by whichever thread asks first
loads = 0


def get_settings():
    global settings, loads
    if settings is None:  # check...
        loads += 1  # ...then act: the expensive load, meant to run once
        settings = {"colour": "blue"}
    return settings


if __name__ == "__main__":
    threads = [
        threading.Thread(target=get_settings, name=name) for name in ["alice", "bob"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"settings: {settings}, loaded {loads} time(s)")
    #> settings: {'colour': 'blue'}, loaded 1 time(s)
