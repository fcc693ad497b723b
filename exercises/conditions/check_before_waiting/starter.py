import threading

TIMEOUT = 1  # seconds the cook waits for an order before going home

orders = []
kitchen = threading.Condition()


def cook():
    with kitchen:
        if not kitchen.wait(timeout=TIMEOUT):
            print("cook: no order came, going home")
            return
        print(f"cook: cooking {orders.pop(0)}")


if __name__ == "__main__":
    # A customer orders before the cook has started work.
    with kitchen:
        orders.append("soup")
        kitchen.notify()
    cook_thread = threading.Thread(target=cook)
    cook_thread.start()
    cook_thread.join()
    print(f"orders left: {len(orders)}")
