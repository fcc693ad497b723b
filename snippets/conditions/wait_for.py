import threading

orders = []  # shared: guarded by the condition's lock
orders_changed = threading.Condition()


def cook(served):
    with orders_changed:
        orders_changed.wait_for(lambda: orders)  # the same loop, built in
        served.append(orders.pop(0))


if __name__ == "__main__":
    served = []
    thread = threading.Thread(target=cook, args=(served,))
    thread.start()
    with orders_changed:
        orders.append("soup")
        orders_changed.notify()
    thread.join()
    print(f"served: {served}, orders left: {orders}")
    #> served: ['soup'], orders left: []

    # With a timeout, wait_for() returns the predicate's last value.
    with orders_changed:
        ready = orders_changed.wait_for(lambda: orders, timeout=0.1)
    print(f"an order within 0.1 s: {bool(ready)}")
    #> an order within 0.1 s: False
