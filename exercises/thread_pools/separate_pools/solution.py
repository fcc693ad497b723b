from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 0.5  # seconds: a deadlock prints a message instead of hanging


def thumbnail(photo):
    return f"{photo} (small)"


def publish(pool, photo):
    future = pool.submit(thumbnail, photo)  # work for the other pool
    try:
        return f"published {future.result(timeout=TIMEOUT)}"
    except TimeoutError:
        return f"gave up on {photo}: its thumbnail never ran"


if __name__ == "__main__":
    # One pool per level: a publish() task waits only for a thumbnail() task,
    # and thumbnail() tasks have workers of their own.
    with (
        ThreadPoolExecutor(max_workers=1) as thumbnails,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        futures = [
            pool.submit(publish, thumbnails, photo) for photo in ("cat.jpg", "dog.jpg")
        ]
        for future in futures:
            print(future.result())
