import threading

greetings = {}  # name -> greeting; each thread writes only its own key


def greet(name):
    greetings[name] = f"{threading.current_thread().name} greets {name}"


if __name__ == "__main__":
    names = ["Ada", "Grace", "Linus"]
    threads = [
        # The function itself, not greet(name); its arguments in a tuple, comma and all.
        threading.Thread(target=greet, args=(name,), name=f"greeter-{name}")
        for name in names
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in names:
        print(greetings.get(name, f"nobody greeted {name}"))
