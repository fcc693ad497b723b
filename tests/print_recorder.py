"""Run a snippet as `__main__` and record its prints the way pytest-examples does.

`python print_recorder.py SNIPPET RECORD` runs on another interpreter than the tests (a
newer Python that a snippet needs), so it uses the standard library only. Each print
called from the snippet's own code is kept, not written, as pytest-examples keeps it:
the line of the snippet it came from, its `sep`, and each argument as text (and whether
it was a string, which decides how a long one is formatted). RECORD receives them as
JSON once the snippet's main module has run.
"""

import builtins
import json
import os
import re
import runpy
import sys

ADDRESS = re.compile("0x[a-f0-9]{8,12}>")


def as_recorded(value):
    if isinstance(value, str):
        return [value, True]
    if isinstance(value, set):
        return ["{" + ", ".join(repr(x) for x in sorted(value)) + "}", False]
    return [ADDRESS.sub("0x0123456789ab>", str(value)), False]


def main(snippet, record):
    snippet = os.path.abspath(snippet)
    statements = []

    def recording_print(*args, sep=" ", **_ignored):
        frame = sys._getframe(1)
        while frame is not None and os.path.abspath(frame.f_code.co_filename) != snippet:
            frame = frame.f_back
        if frame is not None:
            statements.append([frame.f_lineno, sep, [as_recorded(arg) for arg in args]])

    builtins.print = recording_print
    runpy.run_path(snippet, run_name="__main__")
    with open(record, "w", encoding="utf-8") as file:
        json.dump(statements, file)


if __name__ == "__main__":
    main(*sys.argv[1:])
