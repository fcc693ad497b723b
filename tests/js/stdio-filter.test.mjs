// What C code writes to stdout and stderr (runner/worker/stdio-filter.mjs): passed on
// as text, except Pyodide's dump of the Python stack after a fatal error.
import assert from "node:assert/strict";
import { test } from "node:test";

import { withoutStackDump } from "../../runner/worker/stdio-filter.mjs";

// Writes each piece as its own call, as C code does, and returns the text let through.
function through(...pieces) {
  let text = "";
  const stream = withoutStackDump((kept) => (text += kept));
  for (const piece of pieces) {
    const bytes = typeof piece === "string" ? new TextEncoder().encode(piece) : piece;
    assert.equal(stream.write(bytes), bytes.length);
  }
  return text;
}

test("text goes through as it is", () => {
  assert.equal(through("hello\n", "no newline", " yet\n"), "hello\nno newline yet\n");
});

test("the stack dump is left out, and what follows it is kept", () => {
  const dump =
    "Fatal Python error: Segmentation fault\n\n" +
    "Stack (most recent call first):\n" +
    '  File "/home/pyodide/main.py", line 2 in down\n' +
    "  <no Python frame>\n" +
    "after the dump\n";
  assert.equal(through(dump), "Fatal Python error: Segmentation fault\n\nafter the dump\n");
});

test("a dump written in pieces, as faulthandler writes it, is left out too", () => {
  const text = through(
    "Stack (most recent call first):\n",
    "  File ",
    '"main.py"',
    ", line ",
    "3",
    " in f\n",
    "next line\n",
  );
  assert.equal(text, "next line\n");
});

test("indented lines outside a dump are kept", () => {
  assert.equal(through('  File "x.py" is only text here\n'), '  File "x.py" is only text here\n');
});

test("a character split between two writes comes out whole", () => {
  const bytes = new TextEncoder().encode("é\n");
  assert.equal(through(bytes.subarray(0, 1), bytes.subarray(1)), "é\n");
});
