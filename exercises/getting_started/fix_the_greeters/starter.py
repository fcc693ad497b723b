import threading


def greet(name):
    print(f"{threading.current_thread().name} greets {name}")


if __name__ == "__main__":
    names = ["Ada", "Grace", "Linus"]
    threads = [
        threading.Thread(target=greet(name), args=(name), name=f"greeter-{name}")
        for name in names
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("everyone greeted")
