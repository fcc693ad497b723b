import threading

orders = []  # shared: guarded by the condition's lock
orders_changed = threading.Condition()


def cook(served):
    with orders_changed:  # wait() needs the lock held
        while not orders:  # check, and check again after every wake-up
            orders_changed.wait()  # releases the lock while it sleeps
        served.append(orders.pop(0))


if __name__ == "__main__":
    served = []
    thread = threading.Thread(target=cook, args=(served,))
    thread.start()
    with orders_changed:
        orders.append("soup")
        orders_changed.notify()  # wake one waiting thread, if any
    thread.join()
    print(f"served: {served}, orders left: {orders}")
    #> served: ['soup'], orders left: []
