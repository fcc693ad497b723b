import threading

INTERVAL = 60  # seconds between two rounds: long on purpose


class Heartbeat(threading.Thread):
    """Sends a heartbeat every INTERVAL seconds until stop() is called."""

    def __init__(self):
        super().__init__(name="heartbeat")
        self.stopping = threading.Event()
        self.first_sent = threading.Event()  # only to keep the demo's output fixed
        self.sent = 0

    def run(self):
        while not self.stopping.is_set():
            self.sent += 1  # the real work: send a heartbeat
            self.first_sent.set()
            # A sleep that ends early if stop() is called:
            # wait() returns True at once when the event is set.
            self.stopping.wait(INTERVAL)

    def stop(self, timeout=None):
        self.stopping.set()
        self.join(timeout)
        return not self.is_alive()  # False if it did not stop in time


if __name__ == "__main__":
    heartbeat = Heartbeat()
    heartbeat.start()
    heartbeat.first_sent.wait()
    print(f"stopped within 5 s: {heartbeat.stop(timeout=5)}")
    #> stopped within 5 s: True
    print(f"heartbeats sent: {heartbeat.sent}")
    #> heartbeats sent: 1
