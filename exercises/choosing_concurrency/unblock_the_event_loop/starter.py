import asyncio
import queue

DELAY = 0.1  # seconds: stands in for a network round trip
TIMEOUT = 2  # seconds the blocking client waits for its reply


def blocking_fetch(replies):
    """From a blocking library with no async version: waits for the reply."""
    try:
        return replies.get(timeout=TIMEOUT)
    except queue.Empty:
        return "timed out"


async def server(replies):
    await asyncio.sleep(DELAY)
    replies.put("200 OK")
    print("server: replied")


async def client(replies):
    reply = blocking_fetch(replies)
    print(f"client: {reply}")


async def main():
    replies = queue.Queue()  # thread-safe: the reply may cross threads
    await asyncio.gather(server(replies), client(replies))


if __name__ == "__main__":
    asyncio.run(main())
