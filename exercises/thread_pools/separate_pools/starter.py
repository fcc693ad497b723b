from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 0.5  # seconds: a deadlock prints a message instead of hanging


def thumbnail(photo):
    return f"{photo} (small)"


def publish(pool, photo):
    future = pool.submit(thumbnail, photo)  # work for the same pool
    try:
        return f"published {future.result(timeout=TIMEOUT)}"
    except TimeoutError:
        return f"gave up on {photo}: its thumbnail never ran"


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [
            pool.submit(publish, pool, photo) for photo in ("cat.jpg", "dog.jpg")
        ]
        for future in futures:
            print(future.result())
