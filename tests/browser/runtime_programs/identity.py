# current_thread, main_thread, enumerate, active_count, get_ident, get_native_id.
import threading

main = threading.main_thread()
print(main.name, threading.current_thread() is main, threading.active_count())
print("ident matches:", threading.get_ident() == main.ident)
print("native id matches:", threading.get_native_id() == main.native_id)
seen = {}
ready = threading.Barrier(3)


def inspect():
    me = threading.current_thread()
    seen[me.name] = (me is not main, me.ident == threading.get_ident(), me in threading.enumerate())
    ready.wait()
    ready.wait()


threads = [threading.Thread(target=inspect, name=f"inspector-{n}") for n in range(2)]
for thread in threads:
    thread.start()
ready.wait()
print("while running:", threading.active_count(), sorted(t.name for t in threading.enumerate()))
ready.wait()
for thread in threads:
    thread.join()
print("seen:", sorted(seen.items()))
print("idents differ:", len({thread.ident for thread in threads} | {main.ident}) == 3)
print("after join:", threading.active_count(), [t.name for t in threading.enumerate()])
