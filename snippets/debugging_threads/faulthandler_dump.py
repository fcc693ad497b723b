import faulthandler
import re
import tempfile
import threading

HEADER = re.compile(r"^(?:Current thread|Thread) (0x[0-9a-fA-F]+)")
FRAME = re.compile(r'^\s+File "(.*)", line \d+ in (.+)$')


def worker(ready, release):
    ready.set()
    release.wait()


def dump_all_threads():
    # faulthandler writes to a real file (it needs a file descriptor), not to print().
    with tempfile.TemporaryFile("w+") as dump_file:
        faulthandler.dump_traceback(dump_file, all_threads=True)
        dump_file.seek(0)
        return dump_file.read()


def innermost_here(dump, this_file):
    """Thread ident -> its innermost function defined in `this_file`."""
    found, ident = {}, None
    for line in dump.splitlines():
        if header := HEADER.match(line):
            ident = int(header.group(1), 16)
        elif (frame := FRAME.match(line)) and frame.group(1) == this_file:
            found.setdefault(ident, frame.group(2))  # the first listed is innermost
    return found


if __name__ == "__main__":
    ready, release = threading.Event(), threading.Event()
    thread = threading.Thread(target=worker, name="Worker", args=(ready, release))
    thread.start()
    ready.wait()

    dump = dump_all_threads()
    release.set()
    thread.join()

    innermost = innermost_here(dump, worker.__code__.co_filename)
    for each in [threading.main_thread(), thread]:
        print(f"{each.name}: in {innermost[each.ident]}()")
        #> MainThread: in dump_all_threads()
        #> Worker: in worker()
