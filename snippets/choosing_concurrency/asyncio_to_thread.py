import asyncio
import time

DELAY = 0.1  # seconds: stands in for a slow disk or a network round trip


def blocking_read(name):
    time.sleep(DELAY)  # a blocking call: run directly, it would freeze the event loop
    return f"{name}: read in a worker thread"


async def fetch(name):
    await asyncio.sleep(DELAY)
    return f"{name}: fetched by a coroutine"


async def main():
    results = await asyncio.gather(
        asyncio.to_thread(blocking_read, "settings.toml"),  # runs in a thread
        fetch("users"),  # runs on the event loop at the same time
    )
    for result in results:
        print(result)
        #> settings.toml: read in a worker thread
        #> users: fetched by a coroutine


if __name__ == "__main__":
    asyncio.run(main())
