// The name of a worker that the page gives, as its first message ({type: "interpreter",
// module}), the interpreter another worker compiled: it fetches and compiles none
// (worker-pool.js, and worker.mjs, where this file is served beside it).
export const SHARED_INTERPRETER = "python-with-a-shared-interpreter";
