import queue
import threading

# Temperatures from a sensor; None means the sensor was offline for that reading.
READINGS = [21.5, 22.0, None, 22.5, None, 23.0]


def producer(q):
    for reading in READINGS:
        q.put(reading)
    q.put(None)  # the sentinel: no more readings


def describe(reading):
    return "sensor offline" if reading is None else f"{reading} °C"


def consumer(q, handled):
    while True:
        reading = q.get()
        if reading is None:  # the sentinel
            return
        print(describe(reading))
        handled.append(reading)


if __name__ == "__main__":
    q = queue.Queue()
    handled = []
    producer_thread = threading.Thread(target=producer, args=(q,))
    consumer_thread = threading.Thread(target=consumer, args=(q, handled))
    producer_thread.start()
    consumer_thread.start()
    producer_thread.join()
    consumer_thread.join()
    print(f"readings handled: {len(handled)} of {len(READINGS)}")
