import asyncio
import threading
import time

STEPS = 3


def show(text):
    """Stands in for a label or a screen that the event loop owns: only the loop's
    thread may change it. It says which thread did."""
    print(f"{threading.current_thread().name}: {text}")


def work(loop):
    """The slow work, in a thread of its own so that the loop stays free."""
    for step in range(1, STEPS + 1):
        time.sleep(0.1)  # stands in for a slow download
        # The loop's thread calls show(), as soon as it is free: the worker never does.
        loop.call_soon_threadsafe(show, f"step {step} of {STEPS} done")


async def main():
    loop = asyncio.get_running_loop()
    show("working...")
    worker = threading.Thread(target=work, args=(loop,), name="worker")
    worker.start()
    await asyncio.to_thread(worker.join)  # joined without blocking the loop
    show("finished")


if __name__ == "__main__":
    asyncio.run(main())
