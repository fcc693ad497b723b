# Two hundred threads, each taking a lock and waiting at a barrier.
import threading

COUNT = 200
lock = threading.Lock()
barrier = threading.Barrier(COUNT)
seen = []


def work(number):
    with lock:
        seen.append(number)
    barrier.wait()


threads = [threading.Thread(target=work, args=(n,)) for n in range(COUNT)]
for thread in threads:
    thread.start()
print("all started, alive:", threading.active_count() > 1)
for thread in threads:
    thread.join()
print("all joined:", sorted(seen) == list(range(COUNT)), threading.active_count())
