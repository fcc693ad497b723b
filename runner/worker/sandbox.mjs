// What a program can reach through `js` (Pyodide's view of this worker's globals): the
// site promises that nothing leaves its origin, and Python's own sockets are refused
// (webthreads/unsupported.py), so every JavaScript way to the network is refused too,
// with the same sentence. Sealed once Python has loaded: the worker fetched what it
// needed before.
//
// - fetch, XMLHttpRequest, WebSocket, WebSocketStream, WebTransport, EventSource,
//   importScripts, navigator.sendBeacon: the network itself;
// - Worker, SharedWorker: a new worker has a global scope of its own, not sealed;
// - caches (`Cache.add` fetches), FontFace and `fonts` (a font loads from a URL);
// - `import()`, which no global can take away: code a program hands to JavaScript as
//   text (eval, the Function constructors, setTimeout with a string) is refused if it
//   holds the word `import`.

const NETWORK_GLOBALS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "Worker",
  "SharedWorker",
  "FontFace",
];
const NETWORK_PROPERTIES = ["caches", "fonts"]; // getters on the global's prototype
const IMPORT = /\bimport\b/;

export function sealNetwork(message, scope = globalThis) {
  // Not an arrow function: `new XMLHttpRequest()` must throw this error too.
  const refuse = function () {
    throw new TypeError(message);
  };
  // A class stays a function that throws when called or constructed.
  for (const name of NETWORK_GLOBALS) {
    if (name in scope) define(scope, name, refuse);
  }
  for (const name of NETWORK_PROPERTIES) {
    if (name in scope) defineGetter(scope, name, refuse);
  }
  const navigator = scope.navigator;
  if (navigator && "sendBeacon" in navigator) define(navigator, "sendBeacon", refuse);

  const checked = (source) => {
    if (IMPORT.test(String(source))) refuse();
  };
  const realEval = scope.eval;
  define(scope, "eval", function (source) {
    if (typeof source === "string") checked(source);
    return realEval(source);
  });
  const constructors = [
    Function,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ];
  for (const real of constructors) {
    const guarded = function (...parts) {
      parts.forEach(checked);
      return Reflect.construct(real, parts);
    };
    guarded.prototype = real.prototype;
    define(real.prototype, "constructor", guarded);
    if (scope.Function === real) define(scope, "Function", guarded);
  }
  for (const name of ["setTimeout", "setInterval"]) {
    const real = scope[name];
    define(scope, name, function (callback, ...rest) {
      if (typeof callback === "string") checked(callback); // code as text, as eval takes it
      return real.call(scope, callback, ...rest);
    });
  }
}

function define(target, name, value) {
  Object.defineProperty(target, name, { value, writable: false, configurable: false });
}

function defineGetter(scope, name, get) {
  Object.defineProperty(scope, name, { get, configurable: false });
}

// The worker's line to its page, taken before any program runs: returns the real
// `post(message)`. The global postMessage, which a program reaches as `js.postMessage`,
// refuses, so that no program can speak for the runner (say it is ready, re-arm its
// time limit, end its run). `close()` (`js.self.close()`) calls `onClose()` first, so
// that the page hears at once why the worker is gone.
export function sealPageChannel(onClose, scope = globalThis) {
  const prototype = Object.getPrototypeOf(scope);
  const realPost = scope.postMessage;
  const realClose = scope.close;
  const post = (message) => realPost.call(scope, message);
  const refusePost = function () {
    throw new TypeError(PAGE_CHANNEL);
  };
  const close = function () {
    onClose();
    realClose.call(scope);
  };
  for (const target of [prototype, scope]) {
    if (Object.hasOwn(target, "postMessage")) define(target, "postMessage", refusePost);
    if (Object.hasOwn(target, "close")) define(target, "close", close);
  }
  define(scope, "postMessage", refusePost);
  define(scope, "close", close);
  return post;
}

const PAGE_CHANNEL =
  "postMessage: only the runner talks to the page; a program in this page prints instead.";
