import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar("request_id")
per_thread = threading.local()


async def handle(n):
    request_id.set(n)
    per_thread.request_id = n
    await asyncio.sleep(0)  # the other tasks run now, in the same thread
    print(f"task {n}: ContextVar {request_id.get()}, threading.local {per_thread.request_id}")
    #> task 0: ContextVar 0, threading.local 2
    #> task 1: ContextVar 1, threading.local 2
    #> task 2: ContextVar 2, threading.local 2


async def main():
    await asyncio.gather(*(handle(n) for n in range(3)))


if __name__ == "__main__":
    asyncio.run(main())
