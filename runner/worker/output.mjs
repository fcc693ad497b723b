// The program's output on its way to the page: in order, stdout and stderr apart, in
// batches, so that a program printing a line at a time does not cost a message each.
import { realNow } from "./run-inputs.mjs";

const OUTPUT_DELAY_MS = 16; // output waits at most this long to be sent in a batch
const OUTPUT_BATCH_CHARS = 65536;

// post: sends one {type: "stdout" | "stderr", text} message.
export function createOutput(post) {
  let items = [];
  let chars = 0;
  let since = 0; // when the oldest item waiting came
  let lastFlush = -Infinity;
  let timer = null;
  let closed = false;

  function write(stream, text) {
    if (closed) return;
    const now = realNow();
    // An old batch goes first, on its own; a finished line goes at once unless output
    // was sent less than OUTPUT_DELAY_MS ago (then a timer or the next write sends it).
    if (items.length && now - since >= OUTPUT_DELAY_MS) flush();
    const last = items.at(-1);
    if (last && last.type === stream) last.text += text;
    else items.push({ type: stream, text });
    chars += text.length;
    if (!since) since = now;
    const lineDone = text.endsWith("\n") && now - lastFlush >= OUTPUT_DELAY_MS;
    if (lineDone || chars >= OUTPUT_BATCH_CHARS) flush();
    else if (timer === null) timer = setTimeout(flush, OUTPUT_DELAY_MS);
  }

  function flush() {
    clearTimeout(timer);
    timer = null;
    for (const item of items) post(item);
    items = [];
    chars = 0;
    since = 0;
    lastFlush = realNow();
  }

  // Sends what is waiting; anything written after that is dropped.
  function close() {
    flush();
    closed = true;
  }

  return { write, close };
}
