# Queue.shutdown() (Python 3.13+): blocked getters wake with ShutDown once the queue is
# empty. Checks itself with asserts, as CPython 3.11 has no Queue.shutdown.
import queue
import threading

q = queue.Queue()
q.put("last item")
outcomes = []


def consume():
    while True:
        try:
            outcomes.append(q.get())
        except queue.ShutDown:
            outcomes.append("ShutDown")
            return


consumer = threading.Thread(target=consume)
consumer.start()
q.shutdown()
consumer.join()
assert outcomes == ["last item", "ShutDown"], outcomes
try:
    q.put("too late")
except queue.ShutDown:
    print("put after shutdown: ShutDown")
print("outcomes:", outcomes)
