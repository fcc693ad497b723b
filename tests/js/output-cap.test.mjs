// The output cap of a run (runner/page/output-cap.js): what is shown, what is cut, and
// the note the runner writes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { OutputCap } from "../../runner/page/output-cap.js";

const cap = (maxOutputLines, maxOutputChars = Infinity) =>
  new OutputCap({ maxOutputLines, maxOutputChars });

test("output under both caps goes through whole", () => {
  const limits = cap(10, 100);
  assert.equal(limits.take("one\n"), "one\n");
  assert.equal(limits.take("two, no newline"), "two, no newline");
  assert.equal(limits.full, false);
});

test("the line cap keeps whole lines and cuts the rest of the write", () => {
  const limits = cap(3);
  assert.equal(limits.take("a\nb\nc\nd\ne\n"), "a\nb\nc\n");
  assert.equal(limits.full, true);
  assert.equal(limits.take("more\n"), "");
});

test("the line cap counts lines across writes", () => {
  const limits = cap(3);
  assert.equal(limits.take("a\n"), "a\n");
  assert.equal(limits.take("b\nc"), "b\nc");
  assert.equal(limits.take("\nd\n"), "\n");
  assert.equal(limits.full, true);
});

test("exactly as many lines as the cap are shown whole; the next output is cut", () => {
  const limits = cap(3);
  assert.equal(limits.take("a\nb\nc\n"), "a\nb\nc\n");
  assert.equal(limits.full, false);
  assert.equal(limits.take("d"), "");
  assert.equal(limits.full, true);
});

test("the character cap cuts inside a line", () => {
  const limits = cap(Infinity, 10);
  assert.equal(limits.take("0123456"), "0123456");
  assert.equal(limits.take("789ABC"), "789");
  assert.equal(limits.full, true);
  assert.equal(limits.take("D"), "");
});

test("exactly as many characters as the cap are shown whole; the next are cut", () => {
  const limits = cap(Infinity, 4);
  assert.equal(limits.take("abcd"), "abcd");
  assert.equal(limits.full, false);
  assert.equal(limits.take("e"), "");
  assert.equal(limits.full, true);
});

test("writing nothing changes nothing", () => {
  const limits = cap(1, 1);
  assert.equal(limits.take(""), "");
  assert.equal(limits.full, false);
  assert.equal(limits.take("x"), "x");
  assert.equal(limits.take(""), "");
  assert.equal(limits.full, false);
});

test("the note names the line cap, with thousands separated", () => {
  const limits = cap(10000, 2000000);
  limits.take("line\n".repeat(10001));
  assert.equal(limits.full, true);
  assert.equal(limits.note(), "Output cut after 10,000 lines: the program was stopped.");
});

test("the note names the character cap when no line cap was reached", () => {
  const limits = cap(10000, 50000);
  limits.take("x".repeat(50001));
  assert.equal(limits.full, true);
  assert.equal(limits.note(), "Output cut after 50,000 characters: the program was stopped.");
});
