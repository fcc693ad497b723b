import asyncio
import threading
import time


def read_sensor(loop, readings):
    """A thread that blocks in a library with no async version."""
    for value in (20.5, 20.7, 20.6):
        time.sleep(0.05)  # stands in for the blocking read
        # Not readings.put_nowait(value): an asyncio.Queue belongs to its loop's thread.
        loop.call_soon_threadsafe(readings.put_nowait, value)
    loop.call_soon_threadsafe(readings.put_nowait, None)  # no more readings


async def main():
    loop = asyncio.get_running_loop()
    readings = asyncio.Queue()
    sensor = threading.Thread(target=read_sensor, args=(loop, readings), name="sensor")
    sensor.start()
    while (value := await readings.get()) is not None:
        print(f"event loop: {value} °C")
        #> event loop: 20.5 °C
        #> event loop: 20.7 °C
        #> event loop: 20.6 °C
    await asyncio.to_thread(sensor.join)  # joined without blocking the loop


if __name__ == "__main__":
    asyncio.run(main())
