# Condition (producer/consumer), Semaphore as a limit, BoundedSemaphore, Event.
import threading
import time

condition = threading.Condition()
items = []


def produce():
    for item in range(5):
        time.sleep(0.005)
        with condition:
            items.append(item)
            condition.notify()


producer = threading.Thread(target=produce)
producer.start()
received = []
while len(received) < 5:
    with condition:
        condition.wait_for(lambda: items)
        received.append(items.pop(0))
producer.join()
print("received:", received)
with condition:
    print("wait with timeout:", condition.wait(timeout=0.01))

slots = threading.Semaphore(2)
pair = threading.Barrier(2)  # waits inside until a second thread is in too
active = 0
most_active = 0
count_lock = threading.Lock()


def use_slot():
    global active, most_active
    with slots:
        with count_lock:
            active += 1
            most_active = max(most_active, active)
        pair.wait()
        with count_lock:
            active -= 1


users = [threading.Thread(target=use_slot) for _ in range(6)]
for user in users:
    user.start()
for user in users:
    user.join()
print("most threads inside at once:", most_active)

bounded = threading.BoundedSemaphore(1)
print(bounded.acquire(), bounded.acquire(timeout=0.01))
bounded.release()
try:
    bounded.release()
except ValueError as error:
    print("ValueError:", error)

event = threading.Event()
print("wait before set:", event.wait(0.01), event.is_set())
threading.Thread(target=lambda: (time.sleep(0.02), event.set())).start()
print("wait until set:", event.wait(5), event.is_set())
event.clear()
print("after clear:", event.is_set())
