// The run's random bytes (os.urandom, random's seed, hash secrets made at run time):
// the ChaCha20 key stream (RFC 8439) of a 32-byte key that the browser's own
// generator makes for each run. A schedule keeps the key, so a replay reads the very
// same bytes; ChaCha20 keeps them as unpredictable as the key is.

function rotate(value, bits) {
  return (value << bits) | (value >>> (32 - bits));
}

function quarterRound(state, a, b, c, d) {
  state[a] = (state[a] + state[b]) | 0;
  state[d] = rotate(state[d] ^ state[a], 16);
  state[c] = (state[c] + state[d]) | 0;
  state[b] = rotate(state[b] ^ state[c], 12);
  state[a] = (state[a] + state[b]) | 0;
  state[d] = rotate(state[d] ^ state[a], 8);
  state[c] = (state[c] + state[d]) | 0;
  state[b] = rotate(state[b] ^ state[c], 7);
}

// One 64-byte block of key stream: key (8 words), block counter, nonce (3 words).
export function chachaBlock(keyWords, counter, nonceWords, out) {
  const input = new Uint32Array(16);
  input.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  input.set(keyWords, 4);
  input[12] = counter;
  input.set(nonceWords, 13);
  const state = input.slice();
  for (let round = 0; round < 10; round++) {
    quarterRound(state, 0, 4, 8, 12);
    quarterRound(state, 1, 5, 9, 13);
    quarterRound(state, 2, 6, 10, 14);
    quarterRound(state, 3, 7, 11, 15);
    quarterRound(state, 0, 5, 10, 15);
    quarterRound(state, 1, 6, 11, 12);
    quarterRound(state, 2, 7, 8, 13);
    quarterRound(state, 3, 4, 9, 14);
  }
  const view = new DataView(out.buffer, out.byteOffset, 64);
  for (let i = 0; i < 16; i++) view.setUint32(4 * i, (state[i] + input[i]) >>> 0, true);
}

// key: 32 bytes. fill(view) writes the next bytes of the stream into any typed array.
export function createRandomStream(key) {
  const keyView = new DataView(key.buffer, key.byteOffset, 32);
  const keyWords = Uint32Array.from({ length: 8 }, (_, i) => keyView.getUint32(4 * i, true));
  const nonce = new Uint32Array(3);
  const block = new Uint8Array(64);
  let counter = 0;
  let used = 64;

  function fill(view) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      if (used === 64) {
        chachaBlock(keyWords, counter++, nonce, block);
        used = 0;
      }
      bytes[i] = block[used++];
    }
    return view;
  }

  return { fill };
}
