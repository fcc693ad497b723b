import threading
from concurrent.futures import ThreadPoolExecutor


class Connection:
    """Like a sqlite3 connection: only the thread that opened it may use it."""

    def __init__(self):
        self.owner = threading.current_thread().name

    def query(self, sql):
        user = threading.current_thread().name
        if user != self.owner:
            return (
                f"refused: {sql!r} from {user}, but {self.owner} opened this connection"
            )
        return f"ok: {sql!r}"

    def close(self):
        pass


opened = []  # every connection, so that all can be closed at the end
opened_lock = threading.Lock()
in_pairs = threading.Barrier(2)
local = threading.local()  # local.connection: each thread sees its own


def get_connection():
    if not hasattr(local, "connection"):  # the first query in this thread
        local.connection = Connection()
        with opened_lock:  # every thread appends to the same list
            opened.append(local.connection)
    return local.connection


def run_query(sql):
    in_pairs.wait()  # each query waits for a second one: both workers are busy at once
    return get_connection().query(sql)


if __name__ == "__main__":
    queries = [f"SELECT {n}" for n in range(6)]
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="worker") as pool:
        for line in pool.map(run_query, queries):
            print(line)
    for connection in opened:
        connection.close()
    print(f"connections opened and closed: {len(opened)}")
