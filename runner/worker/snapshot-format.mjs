// The packed form of a memory snapshot, written at build time by
// tools/make_runtime_snapshot.mjs and read by the worker (load.mjs). About half of an
// interpreter's memory is pages of zeros: they are left out, so that the browser has
// half as much to decompress.
//
// Layout, every number a little-endian uint32:
//   magic, memory length in bytes, page size, page count N,
//   N page indices (ascending), then the N pages, page size bytes each.
// A page is memory[index * page size, (index + 1) * page size); the last page of a
// memory whose length is not a whole number of pages is padded with zeros.

export const MAGIC = 0x53505457; // "WTPS" in the file
export const PAGE_SIZE = 65536; // a WebAssembly page
const HEADER_WORDS = 4;

// memory: a Uint8Array. Returns the packed bytes.
export function packPages(memory, pageSize = PAGE_SIZE) {
  const kept = [];
  for (let start = 0; start < memory.length; start += pageSize) {
    const page = memory.subarray(start, start + pageSize);
    if (page.some((byte) => byte !== 0)) kept.push(start / pageSize);
  }
  const pagesAt = 4 * (HEADER_WORDS + kept.length);
  const packed = new Uint8Array(pagesAt + kept.length * pageSize);
  const header = new DataView(packed.buffer);
  [MAGIC, memory.length, pageSize, kept.length, ...kept].forEach((word, n) =>
    header.setUint32(4 * n, word, true),
  );
  kept.forEach((index, n) => {
    const page = memory.subarray(index * pageSize, (index + 1) * pageSize);
    packed.set(page, pagesAt + n * pageSize);
  });
  return packed;
}

// packed: a Uint8Array. Returns the memory, or throws an Error that says what is wrong
// with the bytes: a file that is not a packed snapshot is never read as one.
export function unpackPages(packed) {
  const header = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const word = (n) => header.getUint32(4 * n, true);
  if (packed.byteLength < 4 * HEADER_WORDS || word(0) !== MAGIC) {
    throw new Error("not a packed snapshot (wrong magic number)");
  }
  const [length, pageSize, count] = [word(1), word(2), word(3)];
  const pagesAt = 4 * (HEADER_WORDS + count);
  if (pageSize === 0 || packed.byteLength !== pagesAt + count * pageSize) {
    throw new Error(
      `not a packed snapshot: ${packed.byteLength} bytes, ` +
        `but the header says ${count} pages of ${pageSize} bytes`,
    );
  }
  const memory = new Uint8Array(length);
  let previous = -1;
  for (let n = 0; n < count; n += 1) {
    const index = word(HEADER_WORDS + n);
    const start = index * pageSize;
    if (index <= previous || start >= length) {
      throw new Error(`not a packed snapshot: page ${n} has index ${index}`);
    }
    previous = index;
    const size = Math.min(pageSize, length - start);
    memory.set(packed.subarray(pagesAt + n * pageSize, pagesAt + n * pageSize + size), start);
  }
  return memory;
}

// Freed memory keeps the bytes it last held, which a snapshot would carry for nothing
// and compress badly: before the snapshot is taken, every free block of the C heap is
// taken with malloc, zeroed, and freed again. malloc is not let to grow the memory
// meanwhile (dlmalloc's footprint limit, set to what it has now), so the snapshot is
// no larger. Python's own allocator keeps few freed blocks once collected: not worth
// the walk. module: the Emscripten module (Pyodide's `_module`). Returns the bytes zeroed.
export function zeroFreeMemory(module) {
  const taken = [];
  let zeroed = 0;
  module._malloc_set_footprint_limit(module._malloc_footprint());
  try {
    for (let size = 1 << 24; size >= 8; size >>= 1) {
      for (let block = module._malloc(size); block; block = module._malloc(size)) {
        module.HEAPU8.fill(0, block, block + size);
        taken.push(block);
        zeroed += size;
      }
    }
  } finally {
    taken.forEach((block) => module._free(block));
    module._malloc_set_footprint_limit(-1); // none again: (size_t) -1
  }
  return zeroed;
}
