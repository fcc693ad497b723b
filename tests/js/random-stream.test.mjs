// The run's random bytes (runner/worker/random-stream.mjs) are ChaCha20's key stream:
// compared with OpenSSL's ChaCha20 through Node's crypto, whose 16-byte IV is the
// block counter (4 bytes, little-endian) and then the 12-byte nonce.
import assert from "node:assert/strict";
import { createCipheriv, randomBytes } from "node:crypto";
import { test } from "node:test";

import { chachaBlock, createRandomStream } from "../../runner/worker/random-stream.mjs";

// The first `length` bytes of the key stream from block `counter`: zeros, encrypted.
function opensslStream(key, length, { counter = 0, nonce = new Uint8Array(12) } = {}) {
  const iv = new Uint8Array(16);
  new DataView(iv.buffer).setUint32(0, counter, true);
  iv.set(nonce, 4);
  const cipher = createCipheriv("chacha20", key, iv);
  return new Uint8Array(Buffer.concat([cipher.update(new Uint8Array(length)), cipher.final()]));
}

const KEYS = [
  new Uint8Array(32),
  Uint8Array.from({ length: 32 }, (_, i) => i),
  new Uint8Array(randomBytes(32)),
];

test("fills of odd sizes read the key stream in order, none skipped", () => {
  const sizes = [1, 3, 63, 64, 65, 0, 7, 129, 200, 1, 1000, 31];
  const total = sizes.reduce((sum, size) => sum + size, 0);
  for (const key of KEYS) {
    const stream = createRandomStream(key);
    const read = sizes.map((size) => new Uint8Array(stream.fill(new Uint8Array(size)).buffer));
    const expected = opensslStream(key, total);
    let at = 0;
    for (const bytes of read) {
      assert.deepEqual(bytes, expected.subarray(at, at + bytes.length));
      at += bytes.length;
    }
  }
});

test("a long fill runs through many blocks", () => {
  const key = KEYS[2];
  const long = createRandomStream(key).fill(new Uint8Array(4096));
  assert.deepEqual(long, opensslStream(key, 4096));
});

test("fill writes into any typed array, within its own window, and returns it", () => {
  const key = KEYS[1];
  const stream = createRandomStream(key);
  const words = new Uint32Array(5);
  assert.equal(stream.fill(words), words);
  const buffer = new Uint8Array(40).fill(0xaa);
  const window = new Uint16Array(buffer.buffer, 6, 7); // bytes 6 to 20
  stream.fill(window);
  const expected = opensslStream(key, 20 + 14);
  assert.deepEqual(new Uint8Array(words.buffer), expected.subarray(0, 20));
  assert.deepEqual(buffer.subarray(6, 20), expected.subarray(20, 34));
  assert.ok(buffer.subarray(0, 6).every((byte) => byte === 0xaa), "bytes before the window kept");
  assert.ok(buffer.subarray(20).every((byte) => byte === 0xaa), "bytes after the window kept");
});

test("the same key gives the same bytes, another key others", () => {
  const fill = (key) => createRandomStream(key).fill(new Uint8Array(100));
  assert.deepEqual(fill(KEYS[2]), fill(KEYS[2].slice()));
  assert.notDeepEqual(fill(KEYS[1]), fill(KEYS[2]));
});

test("a key inside a larger buffer is read from its own bytes", () => {
  const buffer = new Uint8Array(48);
  buffer.set(KEYS[2], 9);
  const key = buffer.subarray(9, 41);
  assert.deepEqual(createRandomStream(key).fill(new Uint8Array(70)), opensslStream(KEYS[2], 70));
});

test("one block at any counter and nonce", () => {
  const key = KEYS[1];
  const nonce = Uint8Array.from([0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0]);
  const nonceView = new DataView(nonce.buffer);
  const nonceWords = Uint32Array.from({ length: 3 }, (_, i) => nonceView.getUint32(4 * i, true));
  const keyView = new DataView(key.buffer);
  const keyWords = Uint32Array.from({ length: 8 }, (_, i) => keyView.getUint32(4 * i, true));
  for (const counter of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
    const block = new Uint8Array(64);
    chachaBlock(keyWords, counter, nonceWords, block);
    assert.deepEqual(block, opensslStream(key, 64, { counter, nonce }), `counter ${counter}`);
  }
});
