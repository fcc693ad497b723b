# A thread prints every 0.25 s while another one spins: each line reaches the page as
# it is printed, not at the end.
import threading
import time


def ticker():
    for tick in range(4):
        print("tick", tick, flush=True)
        time.sleep(0.25)


stop = threading.Event()
spinner = threading.Thread(target=lambda: [None for _ in iter(stop.is_set, True)])
spinner.start()
ticking = threading.Thread(target=ticker)
ticking.start()
ticking.join()
stop.set()
spinner.join()
