import threading

data = threading.local()  # one object; each thread sees its own attributes


def handle(user, seen):
    data.user = user  # sets the attribute for this thread only
    seen[threading.current_thread().name] = data.user


def look(seen):
    seen[threading.current_thread().name] = getattr(data, "user", "<not set>")


if __name__ == "__main__":
    data.user = "main's user"
    seen = {}
    threads = [
        threading.Thread(target=handle, args=("alice", seen), name="request-1"),
        threading.Thread(target=handle, args=("bob", seen), name="request-2"),
        threading.Thread(target=look, args=(seen,), name="onlooker"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, user in sorted(seen.items()):
        print(f"{name}: {user}")
        #> onlooker: <not set>
        #> request-1: alice
        #> request-2: bob
    print(f"MainThread: {data.user}")  # untouched by the other threads
    #> MainThread: main's user
