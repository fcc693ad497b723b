// What C code writes to the standard streams (Python's own streams are
// webthreads/streams.py), as Pyodide's setStdout/setStderr take it: bytes in, text out
// through `write(text)`. Pyodide's dump of the Python stack after a fatal error is left
// out: the worker explains what happened instead (worker.mjs, internalError).

export function withoutStackDump(write) {
  const decoder = new TextDecoder();
  let inDump = false;
  let lineStart = true;
  let dropLine = false; // whether the line being written is left out
  return {
    write(bytes) {
      const text = decoder.decode(bytes, { stream: true });
      let kept = "";
      for (const piece of text.split(/(?<=\n)/)) {
        if (!piece) continue; // half a character, decoded with the next bytes
        if (lineStart) {
          if (piece.startsWith("Stack (most recent call first):")) inDump = true;
          else if (inDump && !/^ {2}(File |<)/.test(piece)) inDump = false;
          dropLine = inDump;
        }
        if (!dropLine) kept += piece;
        lineStart = piece.endsWith("\n");
      }
      if (kept) write(kept);
      return bytes.length;
    },
  };
}
