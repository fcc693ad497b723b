"""Thread timelines (README.md): the format's naming shared by both of its emitters
(``naming``), and the recorder that emits it from a run on CPython (``record``)."""
