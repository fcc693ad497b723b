import subprocess
import sys

# Work that cannot be told to stop: it never checks a flag.
STUCK = "import time; time.sleep(60)"

if __name__ == "__main__":
    try:
        subprocess.run([sys.executable, "-c", STUCK], timeout=0.5)
    except subprocess.TimeoutExpired:
        print("killed the child process after 0.5 s")
        #> killed the child process after 0.5 s

    process = subprocess.Popen([sys.executable, "-c", STUCK])
    process.terminate()  # SIGTERM on POSIX, TerminateProcess on Windows
    process.wait()
    print(f"terminated, return code {process.returncode}")  # -15 is SIGTERM
    #> terminated, return code -15
