import queue

if __name__ == "__main__":
    q = queue.Queue()
    for job in ["a", "b", "c"]:
        q.put(job)
    # unfinished_tasks: put() adds one, task_done() takes one away; join() waits for 0
    print(f"after 3 puts:    qsize {q.qsize()}, unfinished {q.unfinished_tasks}")
    #> after 3 puts:    qsize 3, unfinished 3
    for _ in range(3):
        q.get()
    print(f"after 3 gets:    qsize {q.qsize()}, unfinished {q.unfinished_tasks}")
    #> after 3 gets:    qsize 0, unfinished 3
    for _ in range(3):
        q.task_done()
    print(f"after task_done: qsize {q.qsize()}, unfinished {q.unfinished_tasks}")
    #> after task_done: qsize 0, unfinished 0
    q.join()  # returns at once: nothing unfinished
    try:
        q.task_done()
    except ValueError as error:
        print(f"one task_done() too many: {error}")
        #> one task_done() too many: task_done() called too many times
