import threading


def work():
    print(f"working in {threading.current_thread().name}")
    #> working in downloader-1


if __name__ == "__main__":
    worker = threading.Thread(target=work)  # gets a default name
    worker.name = "downloader-1"  # a plain attribute: set it before start()
    worker.start()
    worker.join()
    print(f"main thread is {threading.main_thread().name}")
    #> main thread is MainThread
