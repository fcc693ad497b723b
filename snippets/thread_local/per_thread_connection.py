import threading


class Connection:
    """Stands in for a database connection or an HTTP session."""

    def __init__(self):
        self.closed = False

    def query(self, sql):
        return f"result of {sql}"

    def close(self):
        self.closed = True


local = threading.local()
opened = []  # every connection, so that all can be closed at the end
opened_lock = threading.Lock()


def get_connection():
    """This thread's connection: opened on its first call, then reused."""
    if not hasattr(local, "connection"):
        local.connection = Connection()
        with opened_lock:
            opened.append(local.connection)
    return local.connection


def worker(queries, used):
    for sql in queries:
        connection = get_connection()
        connection.query(sql)
        used.append(connection)


if __name__ == "__main__":
    used = {"worker-a": [], "worker-b": []}
    threads = [
        threading.Thread(target=worker, args=(["SELECT 1"] * 3, used[name]), name=name)
        for name in used
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, connections in used.items():
        distinct = len(set(connections))  # the same object each time?
        print(f"{name}: {len(connections)} queries, {distinct} connection")
        #> worker-a: 3 queries, 1 connection
        #> worker-b: 3 queries, 1 connection
    print(f"connections opened: {len(opened)}")
    #> connections opened: 2
    for connection in opened:  # a thread-local value is not closed for you
        connection.close()
    print(f"all closed: {all(c.closed for c in opened)}")
    #> all closed: True
