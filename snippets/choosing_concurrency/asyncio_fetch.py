import asyncio

DELAY = 0.1  # seconds: stands in for a network round trip


async def fetch(name):
    await asyncio.sleep(DELAY)  # gives way to the other tasks while it waits
    return f"{name}: 200 OK"


async def main():
    names = ["users", "orders", "stock", "prices", "news"]
    results = await asyncio.gather(*(fetch(name) for name in names))  # in order
    for result in results:
        print(result)
        #> users: 200 OK
        #> orders: 200 OK
        #> stock: 200 OK
        #> prices: 200 OK
        #> news: 200 OK


if __name__ == "__main__":
    asyncio.run(main())
