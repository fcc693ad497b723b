import subprocess
import sys
import threading

QUICK_JOB = "print('quick job done')"
SLOW_JOB = "import time; time.sleep(30); print('slow job done')"


def run_with_watchdog(code, timeout):
    """Run `python -c code`; kill it if it runs for over `timeout` s."""
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True
    )
    killed = False

    def kill():
        nonlocal killed
        process.kill()
        killed = True

    watchdog = threading.Timer(timeout, kill)
    watchdog.start()
    try:
        output, _ = process.communicate()  # blocks until the child exits
    finally:
        watchdog.cancel()  # the child exited on its own: stop the watchdog
        watchdog.join()  # the timer's thread is done: `killed` no longer changes
    return output, process.returncode, killed


if __name__ == "__main__":
    output, returncode, killed = run_with_watchdog(QUICK_JOB, timeout=10)
    print(f"quick job: {output!r}, return code {returncode}, killed: {killed}")
    #> quick job: 'quick job done\n', return code 0, killed: False

    output, returncode, killed = run_with_watchdog(SLOW_JOB, timeout=0.5)
    print(f"slow job: {output!r}, return code {returncode}, killed: {killed}")
    #> slow job: '', return code -9, killed: True
