import threading
from concurrent.futures import ThreadPoolExecutor

context = threading.local()


def handle(request):
    if "user" in request:
        context.user = request["user"]
    # A bug: a request without a user should be anonymous.
    return getattr(context, "user", "anonymous")


def handle_fixed(request):
    context.user = request.get("user", "anonymous")  # set on every task
    try:
        return context.user
    finally:
        del context.user  # and leave nothing behind for the next task


if __name__ == "__main__":
    requests = [{"user": "alice"}, {}]
    for function in (handle, handle_fixed):
        # One worker thread runs both tasks, one after the other.
        with ThreadPoolExecutor(max_workers=1) as pool:
            print(f"{function.__name__}: {list(pool.map(function, requests))}")
            #> handle: ['alice', 'alice']
            #> handle_fixed: ['alice', 'anonymous']
