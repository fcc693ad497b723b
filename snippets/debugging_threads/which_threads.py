import threading

stop = threading.Event()


def downloader():
    stop.wait()  # stands in for downloads that go on until the program stops them


if __name__ == "__main__":
    before = threading.active_count()  # the main thread, and any that libraries started
    downloaders = [threading.Thread(target=downloader, name=f"downloader-{n}") for n in range(2)]
    for thread in downloaders:
        thread.start()

    print("threads added:", threading.active_count() - before)
    #> threads added: 2
    print("ours alive:", [thread.name for thread in threading.enumerate() if thread in downloaders])
    #> ours alive: ['downloader-0', 'downloader-1']
    print("main thread listed:", threading.main_thread() in threading.enumerate())
    #> main thread listed: True

    me = threading.current_thread()
    # Python's id of this thread, and the operating system's (the TID of ps and py-spy).
    print("get_ident() is current_thread().ident:", threading.get_ident() == me.ident)
    #> get_ident() is current_thread().ident: True
    print("get_native_id() is current_thread().native_id:", threading.get_native_id() == me.native_id)
    #> get_native_id() is current_thread().native_id: True

    stop.set()
    for thread in downloaders:
        thread.join()
    print("threads added, after the joins:", threading.active_count() - before)
    #> threads added, after the joins: 0
