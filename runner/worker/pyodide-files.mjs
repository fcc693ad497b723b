// Pyodide's large files as the build placed them (site_hooks/pyodide_bundle.py):
// gzipped whatever the host does, decompressed here as they arrive, and named after a
// digest of their bytes. Kept in Cache Storage under those names, so that a later
// visit reads them from there however long the host said to cache them, and never
// reads a stale one: new bytes come under a new name.

const LIST_NAME = "files.json"; // names, and sizes on the wire
const CACHE_NAME = "python-threading-hands-on:pyodide";
const PROGRESS_EVERY_MS = 100;

// folder: the URL of the site's pyodide/ folder. onProgress(loaded, total) follows the
// bytes of the files that `open` is given, from the network or the cache alike.
// Resolves with {has(name), open(names)}; open returns a Map from each name to the
// promise of a Response of its bytes, decompressed.
export async function pyodideFiles(folder, onProgress = () => {}) {
  const response = await fetch(new URL(LIST_NAME, folder), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${LIST_NAME} could not be fetched (HTTP ${response.status})`);
  const listed = await response.json();
  const cache = await openCache();
  const urlOf = (name) => new URL(listed[name].path, folder).href;
  forgetOthers(cache, Object.keys(listed).map(urlOf));
  return {
    has: (name) => Object.hasOwn(listed, name),
    open(names) {
      const progress = createProgress(
        names.reduce((sum, name) => sum + listed[name].size, 0),
        onProgress,
      );
      return new Map(names.map((name) => [name, opened(cache, urlOf(name), progress)]));
    },
    // After its bytes turned out unusable: the next load fetches it again.
    forget: (name) => cache?.delete(urlOf(name)).catch(() => {}),
  };
}

async function openCache() {
  try {
    return await caches.open(CACHE_NAME);
  } catch {
    return null; // no Cache Storage here (a page not served over HTTPS, a private window)
  }
}

// Files of earlier builds are not needed again.
async function forgetOthers(cache, current) {
  if (!cache) return;
  try {
    for (const request of await cache.keys()) {
      if (!current.includes(request.url)) await cache.delete(request);
    }
  } catch {
    // Not worth failing a load for: they are left for next time.
  }
}

async function opened(cache, url, progress) {
  let response = await cache?.match(url).catch(() => undefined);
  if (!response) {
    response = await fetch(url);
    if (!response.ok) {
      throw new HttpError(`${url.split("/").pop()} could not be fetched (HTTP ${response.status})`, response.status);
    }
    // A cache that refuses (quota, `Vary: *`) only means fetching it again next time.
    cache?.put(url, response.clone()).catch(() => {});
  }
  const counted = response.body.pipeThrough(progress.counter());
  return new Response(await decompressed(counted));
}

export class HttpError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// The file's own bytes, whether the host sent them as stored (gzipped) or, taking the
// name for an encoding, decompressed them already.
async function decompressed(stream) {
  const reader = stream.getReader();
  const first = await reader.read();
  const head = first.done ? new Uint8Array() : first.value;
  const rest = new ReadableStream({
    start(controller) {
      if (head.length) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  return gzipped ? rest.pipeThrough(new DecompressionStream("gzip")) : rest;
}

// Adds up the bytes of several streams, and reports at most every PROGRESS_EVERY_MS,
// and once more when all of them have arrived.
function createProgress(total, onProgress) {
  let loaded = 0;
  let reportedAt = -Infinity;
  const report = () => {
    const now = performance.now();
    if (loaded < total && now - reportedAt < PROGRESS_EVERY_MS) return;
    reportedAt = now;
    onProgress(Math.min(loaded, total), total);
  };
  report();
  return {
    counter: () =>
      new TransformStream({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          report();
          controller.enqueue(chunk);
        },
      }),
  };
}
