import signal
import threading


def install_handler():
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError as error:
        print(f"{threading.current_thread().name}: ValueError: {error}")
        #> worker: ValueError: signal only works in main thread of the main interpreter


if __name__ == "__main__":
    thread = threading.Thread(target=install_handler, name="worker")
    thread.start()
    thread.join()
    install_handler()  # in the main thread: no error
    print("MainThread: handler installed")
    #> MainThread: handler installed
