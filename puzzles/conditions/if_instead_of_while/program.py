import threading

orders = []  # shared: guarded by the condition's lock
orders_changed = threading.Condition()


def cook(served):
    with orders_changed:
        if not orders:  # checked once, before waiting, and never again
            orders_changed.wait()
        served.append(orders.pop(0))


if __name__ == "__main__":
    served = []
    cooks = [
        threading.Thread(target=cook, args=(served,), name=name)
        for name in ["alice", "bob"]
    ]
    for thread in cooks:
        thread.start()
    for dish in ["soup", "salad"]:  # one order at a time
        with orders_changed:
            orders.append(dish)
            orders_changed.notify_all()  # wakes both cooks, for one order
    for thread in cooks:
        thread.join()
    print(f"served: {sorted(served)}, orders left: {orders}")
    #> served: ['salad', 'soup'], orders left: []
