# print() in every form: the runner records what each call printed for its timeline,
# and must print exactly what CPython prints.
import sys


class Named:
    def __str__(self):
        return "a Named object"


class Unprintable:
    def __str__(self):
        raise ValueError("no text for this one")


print("a", "b", sep="-", end="!\n")
print()
print("no newline", end="")
print(" ...then one")
print(*["x", 1, 2.5, None], sep=None, end=None)
print("several", "words", sep="")
print(Named(), [1, "two"], {"k": (3,)})
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("multi\nline\ntext")
for bad in ({"sep": 3}, {"end": 4}, {"file": 5}):
    try:
        print("never printed", **bad)
    except (TypeError, AttributeError) as error:
        print(type(error).__name__ + ":", error)
try:
    print("written before the failure", Unprintable(), "never")
except ValueError as error:
    print("| ValueError:", error)
print(print.__name__, print.__qualname__, print.__module__)
