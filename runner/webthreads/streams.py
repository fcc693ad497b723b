"""``sys.stdout``, ``sys.stderr`` and ``sys.stdin`` for programs in the worker.

Plain Python text streams, not ``io.TextIOWrapper``: a buffered C stream holds a lock
that belongs to the one real thread, and a green thread preempted while writing would
make the next writer fail with "reentrant call". Text goes straight to the worker,
which batches it for the page.

Text is checked as CPython encodes it for a UTF-8 terminal: a lone surrogate (or a
pair written as two code points) raises ``UnicodeEncodeError`` on stdout (errors
"strict"), and is written as ``\\udcff`` on stderr ("backslashreplace").
"""

import codecs
import io

from . import bridge


class OutputStream(io.TextIOBase):
    def __init__(self, kind, errors):
        self._kind = kind
        self._name = f"<{kind}>"
        self._errors = errors

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return True

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            bridge.js.output(self._kind, text if text.isascii() else self._encodable(text))
        return len(text)

    def _encodable(self, text):
        """``text`` as the page can show it, after this stream's error handler."""
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            if self._errors == "strict":
                raise
            return text.encode("utf-8", self._errors).decode("utf-8", "replace")
        return text

    def flush(self):
        pass

    def reconfigure(self, *, errors=None, **options):
        # Only the error handler means something here: text goes to the page as it is.
        if errors is not None:
            codecs.lookup_error(errors)  # LookupError for an unknown handler, as CPython
            self._errors = errors

    @property
    def buffer(self):
        return _BytesOutput(self)


class _BytesOutput(io.RawIOBase):
    """``sys.stdout.buffer``: bytes, decoded as UTF-8."""

    def __init__(self, text_stream):
        self._text = text_stream

    def writable(self):
        return True

    def write(self, data):
        self._text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)


class InputStream(io.TextIOBase):
    """Reading stops the program: nobody can type into it (see ``unsupported``)."""

    def __init__(self, on_read):
        self._on_read = on_read

    @property
    def name(self):
        return "<stdin>"

    @property
    def encoding(self):
        return "utf-8"

    def readable(self):
        return True

    def isatty(self):
        return False

    def read(self, size=-1):
        return self._on_read()

    def readline(self, size=-1):
        return self._on_read()

    def readlines(self, hint=-1):
        return self._on_read()


stdout = OutputStream("stdout", "strict")
stderr = OutputStream("stderr", "backslashreplace")
