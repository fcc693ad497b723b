import subprocess
import sys

# The program to run in a fresh interpreter. Each step waits for an event,
# so the order of its output is the same on every run.
CHILD = """
import atexit
import threading


def work(name, started, may_finish):
    try:
        print(f"{name}: started")
        started.set()
        may_finish.wait()
        print(f"{name}: finished its work")
    finally:
        print(f"{name}: finally block ran")


atexit.register(print, "atexit: handlers run after the non-daemon threads")

never = threading.Event()  # nobody sets it: the daemon thread waits forever
started = threading.Event()
threading.Thread(target=work, args=("daemon", started, never), daemon=True).start()
started.wait()

end_of_main = threading.Event()
started = threading.Event()
threading.Thread(target=work, args=("non-daemon", started, end_of_main)).start()
started.wait()

print("main: last line of the program")
end_of_main.set()
"""

if __name__ == "__main__":
    child = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=30
    )
    for line in child.stdout.splitlines():
        print(f"child | {line}")
        #> child | daemon: started
        #> child | non-daemon: started
        #> child | main: last line of the program
        #> child | non-daemon: finished its work
        #> child | non-daemon: finally block ran
        #> child | atexit: handlers run after the non-daemon threads
    print(f"exit code: {child.returncode}")
    #> exit code: 0
