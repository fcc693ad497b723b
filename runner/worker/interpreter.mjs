// How Pyodide gets its files while it starts (load.mjs): it fetches them from its
// indexURL, and hands the interpreter's answer to WebAssembly.instantiateStreaming.
// While `load` runs, those fetches are answered here without the network, and
// instantiateStreaming, given the interpreter's answer, instantiates the module
// compiled here. Any other fetch or instantiation goes on as usual.

// answers: a Map from URL to a function that returns the promise of a Response;
// interpreterUrl: the one of these for which `compiled` (a promise of its
// WebAssembly.Module) is instantiated. Returns start(load), which runs `load()` (a
// promise) that way.
export function answeringFetches(answers, interpreterUrl, compiled) {
  const interpreterAnswers = new WeakSet();
  return async function start(load) {
    const { fetch } = globalThis;
    const { instantiateStreaming } = WebAssembly;
    globalThis.fetch = async function (input, init) {
      const url = String(input instanceof Request ? input.url : input);
      if (!answers.has(url)) return fetch(input, init);
      const answer = await answers.get(url)();
      if (url === interpreterUrl) interpreterAnswers.add(answer);
      return answer;
    };
    WebAssembly.instantiateStreaming = async function (source, imports) {
      const answer = await source;
      if (!interpreterAnswers.has(answer)) return instantiateStreaming.call(WebAssembly, answer, imports);
      const module = await compiled;
      return { module, instance: await WebAssembly.instantiate(module, imports) };
    };
    try {
      // A download that fails ends the start, which Pyodide would otherwise wait for.
      const [loaded] = await Promise.all([load(), compiled]);
      return loaded;
    } finally {
      globalThis.fetch = fetch;
      WebAssembly.instantiateStreaming = instantiateStreaming;
    }
  };
}
