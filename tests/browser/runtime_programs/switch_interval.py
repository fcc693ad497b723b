# sys.setswitchinterval takes effect: with a very long interval no thread is preempted,
# so the same race loses nothing and the threads run one after the other.
import sys
import threading

sys.setswitchinterval(100)
print("switch interval:", sys.getswitchinterval())
counter = 0
finished = []


def increment(name, times):
    global counter
    for _ in range(times):
        value = counter
        value = int(value)
        counter = value + 1
    finished.append(name)


threads = [threading.Thread(target=increment, args=(n, 100_000)) for n in "abc"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("lost updates:", counter < 300_000, "| finish order:", "".join(finished))
sys.setswitchinterval(0.005)
print("switch interval:", sys.getswitchinterval())
