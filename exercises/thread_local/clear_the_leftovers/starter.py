import threading
from concurrent.futures import ThreadPoolExecutor

context = threading.local()  # context.user: who made the request this thread handles


def log(message):
    user = getattr(context, "user", "anonymous")
    return f"[{user}] {message}"


def handle(request):
    if "user" in request:
        context.user = request["user"]
    return log(f"viewed {request['page']}")


if __name__ == "__main__":
    requests = [
        {"user": "alice", "page": "/inbox"},
        {"page": "/"},  # nobody logged in
        {"user": "bob", "page": "/settings"},
        {"page": "/about"},  # nobody logged in
    ]
    # One worker thread handles every request, one after the other.
    with ThreadPoolExecutor(max_workers=1) as pool:
        for line in pool.map(handle, requests):
            print(line)
