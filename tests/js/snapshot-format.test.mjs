// The packed snapshot (runner/worker/snapshot-format.mjs): pages of zeros left out, the
// rest read back exactly, and bytes that are not a packed snapshot refused.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAGIC, PAGE_SIZE, packPages, unpackPages } from "../../runner/worker/snapshot-format.mjs";

const PAGE = 16; // small pages keep the tests small; the format takes any size

// A memory of `pages` pages in which the pages listed in `filled` hold bytes.
function memory(pages, filled, pageSize = PAGE) {
  const bytes = new Uint8Array(pages * pageSize);
  for (const page of filled) {
    for (let i = 0; i < pageSize; i += 1) bytes[page * pageSize + i] = (page * 7 + i) % 251 || 1;
  }
  return bytes;
}

const words = (packed, count) => {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  return Array.from({ length: count }, (_, n) => view.getUint32(4 * n, true));
};

test("a memory comes back as it was, without its pages of zeros", () => {
  const original = memory(6, [0, 2, 3]);
  const packed = packPages(original, PAGE);
  assert.equal(packed.length, 4 * (4 + 3) + 3 * PAGE);
  assert.deepEqual(unpackPages(packed), original);
});

test("the header: magic, memory length, page size, page count, page indices", () => {
  const packed = packPages(memory(5, [1, 4]), PAGE);
  assert.equal(new TextDecoder().decode(packed.subarray(0, 4)), "WTPS");
  assert.deepEqual(words(packed, 6), [MAGIC, 5 * PAGE, PAGE, 2, 1, 4]);
});

test("WebAssembly pages by default", () => {
  const original = memory(3, [0, 2], PAGE_SIZE);
  const packed = packPages(original);
  assert.deepEqual(words(packed, 3), [MAGIC, 3 * PAGE_SIZE, PAGE_SIZE]);
  assert.deepEqual(unpackPages(packed), original);
});

test("a memory that ends inside a page", () => {
  const original = memory(3, [0, 1, 2]).subarray(0, 2 * PAGE + 5);
  assert.deepEqual(unpackPages(packPages(original, PAGE)), original);
});

test("a memory of zeros only", () => {
  const original = new Uint8Array(4 * PAGE);
  const packed = packPages(original, PAGE);
  assert.equal(packed.length, 16);
  assert.deepEqual(unpackPages(packed), original);
});

test("packed bytes are read wherever they sit in their buffer", () => {
  const original = memory(4, [1, 3]);
  const packed = packPages(original, PAGE);
  const within = new Uint8Array(packed.length + 3);
  within.set(packed, 1);
  assert.deepEqual(unpackPages(within.subarray(1, 1 + packed.length)), original);
});

// A valid packed snapshot, changed by `edit(bytes, view)`.
function corrupted(edit) {
  const packed = packPages(memory(4, [0, 2]), PAGE);
  edit(packed, new DataView(packed.buffer));
  return packed;
}

const REFUSED = {
  "no bytes": [new Uint8Array(0), /wrong magic number/],
  "too short for a header": [new Uint8Array([0x57, 0x54, 0x50]), /wrong magic number/],
  "a gzip stream": [new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]), /wrong magic number/],
  "an HTML page": [new TextEncoder().encode("<!doctype html><title>Not found</title>"), /wrong magic number/],
  "another magic number": [corrupted((_, view) => view.setUint32(0, MAGIC + 1, true)), /wrong magic number/],
  "cut short": [corrupted(() => {}).subarray(0, -1), /header says 2 pages of 16 bytes/],
  "bytes after the last page": [
    (() => {
      const packed = corrupted(() => {});
      const longer = new Uint8Array(packed.length + 1);
      longer.set(packed);
      return longer;
    })(),
    /header says 2 pages/,
  ],
  "a page count too large": [corrupted((_, view) => view.setUint32(12, 3, true)), /header says 3 pages/],
  "a page size of zero": [corrupted((_, view) => view.setUint32(8, 0, true)), /pages of 0 bytes/],
  "a page past the end of memory": [corrupted((_, view) => view.setUint32(20, 4, true)), /page 1 has index 4/],
  "pages out of order": [corrupted((_, view) => view.setUint32(20, 0, true)), /page 1 has index 0/],
};

for (const [name, [bytes, message]] of Object.entries(REFUSED)) {
  test(`refused: ${name}`, () => {
    assert.throws(() => unpackPages(bytes), message);
  });
}
