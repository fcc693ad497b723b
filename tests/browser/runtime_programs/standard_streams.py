# print() and the standard streams: sep, end, file=sys.stderr, bytes through .buffer.
import sys

print("a", "b", sep="-", end="|\n")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.stdout.flush()  # text and bytes go through different buffers on CPython
sys.stdout.buffer.write("bytes: é\n".encode())
sys.stdout.buffer.flush()
print("no newline at the end", end="")
print(" ...then one")
print("isatty:", sys.stdout.isatty(), "| encoding:", sys.stdout.encoding)
