import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

LATENCY = 0.05  # seconds the server waits before it answers, like a distant server
PAGES = 20


class SlowServer(BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(LATENCY)
        body = f"this is page {self.path}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # no log line for every request


class LocalServer(ThreadingHTTPServer):
    # Connections waiting to be accepted; past the default of 5, a new one is dropped
    # and the client tries again a second later.
    request_queue_size = 64


def start_server():
    # Port 0: the system picks a free port. Each request is answered in its own thread.
    server = LocalServer(("127.0.0.1", 0), SlowServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def download(url):
    with urlopen(url, timeout=10) as response:
        return response.read()


def one_after_another(urls):
    return [download(url) for url in urls]


def with_pool(urls, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(download, urls))


def seconds(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def print_timings(urls):
    """The table on the page, in Markdown: best and median of five runs of each variant."""
    variants = [("one after another", one_after_another, ())]
    for workers in (1, 2, 5, 10, 20):
        label = f"{workers} worker" + ("s" if workers > 1 else "")
        variants.append((label, with_pool, (workers,)))
    print("| Variant | Best (s) | Median (s) | Speed-up (best) |")
    print("| --- | ---: | ---: | ---: |")
    for label, function, args in variants:
        runs = sorted(seconds(function, urls, *args) for _ in range(5))
        if function is one_after_another:
            baseline = runs[0]
        print(f"| {label} | {runs[0]:.2f} | {runs[2]:.2f} | {baseline / runs[0]:.2f}x |")


if __name__ == "__main__":
    server = start_server()
    host, port = server.server_address
    urls = [f"http://{host}:{port}/{n}" for n in range(PAGES)]

    if "--timings" in sys.argv[1:]:
        print_timings(urls)
    else:
        start = time.perf_counter()
        pages = one_after_another(urls)
        sequential = time.perf_counter() - start

        start = time.perf_counter()
        pooled = with_pool(urls, 10)
        threaded = time.perf_counter() - start

        print(f"fetched {len(pages)} pages, {sum(len(page) for page in pages)} bytes")
        #> fetched 20 pages, 330 bytes
        print("the pool fetched the same pages, in order:", pooled == pages)
        #> the pool fetched the same pages, in order: True
        print("10 workers at least 3 times as fast:", 3 * threaded < sequential)
        #> 10 workers at least 3 times as fast: True

    server.shutdown()
    server.server_close()
