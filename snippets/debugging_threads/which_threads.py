import threading

stop = threading.Event()


def downloader():
    stop.wait()  # stands in for downloads that go on until the program stops them


if __name__ == "__main__":
    downloaders = [threading.Thread(target=downloader, name=f"downloader-{n}") for n in range(2)]
    for thread in downloaders:
        thread.start()

    print("running:", threading.active_count())
    #> running: 3
    for thread in threading.enumerate():
        print(f"  {thread.name}, daemon: {thread.daemon}")
        #>   MainThread, daemon: False
        #>   downloader-0, daemon: False
        #>   downloader-1, daemon: False

    me = threading.current_thread()
    # Python's id of this thread, and the operating system's (the TID of ps and py-spy).
    print("get_ident() is current_thread().ident:", threading.get_ident() == me.ident)
    #> get_ident() is current_thread().ident: True
    print("get_native_id() is current_thread().native_id:", threading.get_native_id() == me.native_id)
    #> get_native_id() is current_thread().native_id: True

    stop.set()
    for thread in downloaders:
        thread.join()
    print("running after the joins:", threading.active_count())
    #> running after the joins: 1
